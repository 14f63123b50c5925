"""What loopback_dual_stack.py teaches: 127.0.0.1 and ::1 are two
loopbacks; two sockets can share a port number, one per family."""

import socket

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/ip-addressing/loopback_dual_stack.py")


def ipv6_loopback() -> bool:
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
    except OSError:
        return False
    return True


def test_ipv4_client_reaches_the_ipv4_listener() -> None:
    with socket.create_server(("127.0.0.1", 0)) as v4:
        v4.settimeout(0.2)
        port = v4.getsockname()[1]
        assert snippet.who_answers("127.0.0.1", port, [v4]).startswith("127.0.0.1")


@pytest.mark.skipif(not ipv6_loopback(), reason="no IPv6 loopback on this machine")
def test_each_family_reaches_its_own_listener_on_the_same_port(
    capsys: pytest.CaptureFixture[str],
) -> None:
    snippet.main()
    out = capsys.readouterr().out
    assert "connect to 127.0.0.1 -> accepted by 127.0.0.1 (client 127.0.0.1)" in out
    assert "connect to ::1       -> accepted by ::1 (client ::1)" in out
    assert "localhost resolves to, in order:" in out


def test_localhost_resolves_to_a_loopback_address() -> None:
    import ipaddress

    infos = socket.getaddrinfo("localhost", 80, type=socket.SOCK_STREAM)
    assert infos and all(ipaddress.ip_address(i[4][0]).is_loopback for i in infos)
