"""What icmp_echo_checksum.py teaches: the RFC 1071 checksum (checked on the
RFC's example and a known IPv4 header), an Echo Request whose checksum makes
the receiver's sum 0, and, where raw sockets are allowed, the kernel's reply."""

import os
import socket
import struct
from pathlib import Path

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/mtu-and-rtt/icmp_echo_checksum.py")


def test_rfc_1071_worked_example() -> None:
    assert snippet.internet_checksum(bytes.fromhex("0001f203f4f5f6f7")) == 0x220D


def test_a_known_ipv4_header_checksum() -> None:
    header = bytes.fromhex("450000730000400040110000c0a80001c0a800c7")
    assert snippet.internet_checksum(header) == 0xB861


def test_the_echo_request_layout_and_its_check() -> None:
    packet = snippet.echo_request(0x1234, 1, b"ping from Python")
    kind, code, _, ident, seq = struct.unpack("!BBHHH", packet[:8])
    assert (kind, code, ident, seq) == (8, 0, 0x1234, 1)
    assert snippet.internet_checksum(packet) == 0
    assert packet[2:4].hex() == "d2b3"


def test_odd_lengths_are_padded() -> None:
    packet = snippet.echo_request(1, 2, b"abc")
    assert snippet.internet_checksum(packet) == 0


def _raw_icmp_socket() -> socket.socket:
    try:
        sock = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
    except (PermissionError, OSError) as error:
        pytest.skip(f"raw ICMP sockets need root: {error}")
    sock.settimeout(0.5)
    return sock


@pytest.mark.skipif(os.name != "posix", reason="raw sockets: POSIX and root only")
def test_the_kernel_answers_our_echo_request_on_loopback() -> None:
    # An independent check of the checksum: the kernel drops a bad one.
    with _raw_icmp_socket() as sock:
        sock.sendto(snippet.echo_request(0x4242, 7, b"handbook"), ("127.0.0.1", 0))
        while True:
            try:
                data = sock.recv(2048)
            except TimeoutError:
                ignore = Path("/proc/sys/net/ipv4/icmp_echo_ignore_all")
                if ignore.exists() and ignore.read_text().strip() == "1":
                    pytest.skip("this host ignores ICMP echo requests")
                raise
            icmp = data[(data[0] & 0x0F) * 4 :]  # skip the IP header
            kind, _, _, ident, seq = struct.unpack("!BBHHH", icmp[:8])
            if kind == 0 and ident == 0x4242:
                assert seq == 7
                assert icmp[8:] == b"handbook"
                return


@pytest.mark.skipif(os.name != "posix", reason="raw sockets: POSIX and root only")
def test_the_kernel_ignores_an_echo_request_with_a_wrong_checksum() -> None:
    good = snippet.echo_request(0x4343, 1, b"handbook")
    bad = good[:2] + bytes([good[2] ^ 0xFF]) + good[3:]
    with _raw_icmp_socket() as sock:
        sock.sendto(bad, ("127.0.0.1", 0))
        with pytest.raises(TimeoutError):
            while True:
                data = sock.recv(2048)
                icmp = data[(data[0] & 0x0F) * 4 :]
                if icmp[0] == 0 and icmp[4:6] == b"\x43\x43":
                    break
