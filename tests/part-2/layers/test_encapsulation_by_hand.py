"""What encapsulation_by_hand.py teaches: each layer adds a header with a
real checksum; the receiver peels them off and catches a flipped bit."""

import struct
import zlib

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/layers/encapsulation_by_hand.py")

REFERENCE = bytes.fromhex("450000730000400040110000c0a80001c0a800c7")


def test_the_reference_header_checksum_is_b861_and_rechecks_to_zero() -> None:
    check = snippet.internet_checksum(REFERENCE)
    assert check == 0xB861
    filled = REFERENCE[:10] + struct.pack("!H", check) + REFERENCE[12:]
    assert snippet.internet_checksum(filled) == 0


def test_sizes_of_each_layer() -> None:
    segment = snippet.udp_segment(b"hi", 40000, 9000)
    packet = snippet.ipv4_packet(segment)
    frame = snippet.ethernet_frame(packet)
    assert len(segment) == 8 + 2
    assert len(packet) == 20 + 8 + 2
    assert len(frame) == 64  # 14 + 30 + 16 padding + 4 FCS: the minimum
    assert frame[12:14] == b"\x08\x00"  # EtherType IPv4
    assert packet[9] == 17  # protocol UDP
    assert zlib.crc32(frame[:-4]) == struct.unpack("<I", frame[-4:])[0]


@pytest.mark.parametrize("payload", [b"hi", b"", b"x" * 100, bytes(range(256)) * 5])
def test_decapsulation_returns_the_payload(payload: bytes) -> None:
    frame = snippet.ethernet_frame(snippet.ipv4_packet(snippet.udp_segment(payload, 1, 2)))
    assert snippet.decapsulate(frame) == payload
    if len(payload) + 28 + 14 + 4 > 64:
        assert len(frame) == 14 + 20 + 8 + len(payload) + 4  # no padding needed


@pytest.mark.parametrize("position", [0, 14, 24, 40, 45])
def test_any_flipped_bit_is_caught(position: int) -> None:
    frame = bytearray(snippet.ethernet_frame(snippet.ipv4_packet(snippet.udp_segment(b"hi", 1, 2))))
    frame[position] ^= 0x10
    with pytest.raises(ValueError, match="bad FCS"):
        snippet.decapsulate(bytes(frame))


def test_a_bad_ip_checksum_is_caught_even_with_a_good_fcs() -> None:
    packet = bytearray(snippet.ipv4_packet(snippet.udp_segment(b"hi", 1, 2)))
    packet[8] = 63  # TTL changed without updating the checksum
    with pytest.raises(ValueError, match="bad IPv4 header"):
        snippet.decapsulate(snippet.ethernet_frame(bytes(packet)))
