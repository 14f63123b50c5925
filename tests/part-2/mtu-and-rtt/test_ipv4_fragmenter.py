"""What ipv4_fragmenter.py teaches: 4000 bytes at MTU 1500 become fragments
of 1480, 1480 and 1020 data bytes at offsets 0, 185, 370; any arrival order
reassembles; DF (and IPv6) turns fragmentation into "packet too big"."""

import random
import sys

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/mtu-and-rtt/ipv4_fragmenter.py")


def test_the_textbook_example() -> None:
    pieces = snippet.fragment(bytes(3980), 1500)
    got = [(len(f.data), f.offset, f.more) for f in pieces]
    assert got == [(1480, 0, True), (1480, 185, True), (1020, 370, False)]
    assert all(f.total_length <= 1500 for f in pieces)


@pytest.mark.parametrize("mtu", [68, 576, 1280, 1400, 1500])
def test_fragments_fit_and_carry_multiples_of_eight(mtu: int) -> None:
    data = bytes(range(256)) * 40
    pieces = snippet.fragment(data, mtu)
    assert all(f.total_length <= mtu for f in pieces)
    assert all(len(f.data) % 8 == 0 for f in pieces[:-1])
    assert [f.more for f in pieces] == [True] * (len(pieces) - 1) + [False]


def test_any_arrival_order_reassembles_the_original() -> None:
    data = bytes(range(256)) * 30
    pieces = snippet.fragment(data, 576)
    for seed in range(20):
        shuffled = pieces[:]
        random.Random(seed).shuffle(shuffled)
        assert snippet.reassemble(shuffled) == data


def test_dont_fragment_drops_with_the_mtu_named_and_the_smaller_size_passes() -> None:
    path = [1500, 1400, 1500]
    assert snippet.send_on_path(1500, path, False) == "fragmented at hop 2 for mtu 1400"
    assert "packet too big, mtu 1400" in snippet.send_on_path(1500, path, True)
    assert snippet.send_on_path(1400, path, True) == "delivered whole"


def test_a_udp_datagram_over_65507_bytes_cannot_be_sent() -> None:
    assert "refused" in snippet.largest_udp_send()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="macOS caps UDP at 9216 B")
def test_65507_bytes_is_the_ceiling_on_linux() -> None:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(1.0)
        assert sock.sendto(b"x" * 65_507, ("127.0.0.1", 9)) == 65_507
