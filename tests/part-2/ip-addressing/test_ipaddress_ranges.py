"""What ipaddress_ranges.py teaches: loopback is a /8, RFC 1918 has three
ranges, `is_private` is wider than RFC 1918, and CIDR arithmetic."""

import ipaddress

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/ip-addressing/ipaddress_ranges.py")


def rfc1918(text: str) -> bool:
    return any(ipaddress.ip_address(text) in net for net in snippet.RFC1918)


@pytest.mark.parametrize("text", ["127.0.0.1", "127.42.0.7", "127.255.255.254", "::1"])
def test_all_of_127_slash_8_and_colon_colon_1_are_loopback(text: str) -> None:
    assert ipaddress.ip_address(text).is_loopback


@pytest.mark.parametrize(
    ("text", "inside"),
    [
        ("10.1.2.3", True),
        ("172.16.0.0", True),
        ("172.31.255.255", True),
        ("172.32.0.1", False),
        ("192.168.1.20", True),
        ("100.64.0.1", False),
        ("169.254.1.1", False),
    ],
)
def test_rfc1918_membership_uses_explicit_networks(text: str, inside: bool) -> None:
    assert rfc1918(text) is inside


@pytest.mark.parametrize("text", ["192.0.2.1", "198.18.0.1", "2001:db8::1", "169.254.1.1"])
def test_is_private_is_true_outside_rfc1918(text: str) -> None:
    assert ipaddress.ip_address(text).is_private
    assert not rfc1918(text)


def test_cgnat_space_is_neither_private_nor_global() -> None:
    ip = ipaddress.ip_address("100.64.0.1")
    assert not ip.is_private and not ip.is_global


def test_cidr_arithmetic() -> None:
    net = ipaddress.ip_network("192.168.1.0/24")
    assert net.num_addresses == 256 and str(net.netmask) == "255.255.255.0"
    assert ipaddress.ip_network("10.0.0.0/30").num_addresses == 4
    assert [str(n) for n in net.subnets()] == ["192.168.1.0/25", "192.168.1.128/25"]
    assert ipaddress.ip_network("2001:db8::/32").num_addresses == 2**96


def test_every_row_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    snippet.main()
    out = capsys.readouterr().out
    for text in snippet.ADDRESSES:
        assert out.count(f"{text} ") >= 1
