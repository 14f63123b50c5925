"""Encapsulation by hand: two bytes of data, wrapped layer by layer.

The application's bytes get a UDP header (transport), then an IPv4
header (internet), then an Ethernet header and frame check sequence
(link). Each header is packed with `struct` in network byte order, with
real checksums. Then the receiver's side peels the layers off again,
checking each one. Nothing is sent: this is what a network card would.
"""
# output: exact

import struct
import zlib

SRC_IP, DST_IP = bytes([192, 168, 0, 1]), bytes([192, 168, 0, 199])
SRC_MAC = bytes.fromhex("020000000001")  # locally administered addresses
DST_MAC = bytes.fromhex("020000000002")
UDP, IPV4 = 17, 0x0800  # IP protocol number, EtherType


# --8<-- [start:checksum]
def internet_checksum(data: bytes) -> int:
    """RFC 1071: the ones' complement of the ones' complement sum of
    16-bit words. Used by the IPv4 header, UDP and TCP."""
    if len(data) % 2:
        data += b"\0"
    total: int = sum(struct.unpack(f"!{len(data) // 2}H", data))
    while total > 0xFFFF:
        total = (total & 0xFFFF) + (total >> 16)
    return ~total & 0xFFFF
    # --8<-- [end:checksum]


# --8<-- [start:down]
def udp_segment(payload: bytes, sport: int, dport: int) -> bytes:
    length = 8 + len(payload)
    pseudo = SRC_IP + DST_IP + struct.pack("!BBH", 0, UDP, length)
    header = struct.pack("!HHHH", sport, dport, length, 0)
    check = internet_checksum(pseudo + header + payload) or 0xFFFF
    return struct.pack("!HHHH", sport, dport, length, check) + payload


def ipv4_packet(segment: bytes) -> bytes:
    fields = [0x45, 0, 20 + len(segment), 0, 0x4000, 64, UDP]
    # version 4, 5 words of header; length; id; don't fragment; TTL
    header = struct.pack("!BBHHHBBH4s4s", *fields, 0, SRC_IP, DST_IP)
    check = internet_checksum(header)
    return header[:10] + struct.pack("!H", check) + header[12:] + segment


def ethernet_frame(packet: bytes) -> bytes:
    frame = DST_MAC + SRC_MAC + struct.pack("!H", IPV4) + packet
    frame = frame.ljust(60, b"\0")  # pad to the 64-byte minimum
    return frame + struct.pack("<I", zlib.crc32(frame))  # the FCS
    # --8<-- [end:down]


def expect(ok: bool, problem: str) -> None:
    if not ok:
        raise ValueError(problem)


# --8<-- [start:up]
def decapsulate(frame: bytes) -> bytes:
    body, fcs = frame[:-4], struct.unpack("<I", frame[-4:])[0]
    expect(zlib.crc32(body) == fcs, "bad FCS: a NIC drops the frame")
    expect(body[12:14] == struct.pack("!H", IPV4), "not IPv4")
    packet = body[14:]
    expect(internet_checksum(packet[:20]) == 0, "bad IPv4 header")
    total, proto = struct.unpack("!H", packet[2:4])[0], packet[9]
    expect(proto == UDP, "not UDP")
    segment = packet[20:total]  # drops the Ethernet padding
    length = struct.unpack("!H", segment[4:6])[0]
    pseudo = packet[12:20] + struct.pack("!BBH", 0, UDP, length)
    expect(internet_checksum(pseudo + segment) == 0, "bad UDP checksum")
    return segment[8:length]
    # --8<-- [end:up]


def show(name: str, data: bytes) -> None:
    print(f"{name} ({len(data)} bytes): {data.hex(' ', 2)}")


def main() -> None:
    # The classic worked example of an IPv4 header checksum.
    reference = bytes.fromhex("450000730000400040110000c0a80001c0a800c7")
    check = internet_checksum(reference)
    fixed = reference[:10] + struct.pack("!H", check) + reference[12:]
    print(f"reference header checksum: {check:#06x}")
    print(f"rechecked with it filled in: {internet_checksum(fixed):#06x}")
    print()
    payload = b"hi"
    segment = udp_segment(payload, 40000, 9000)
    packet = ipv4_packet(segment)
    frame = ethernet_frame(packet)
    show("UDP segment", segment)
    show("IPv4 packet", packet)
    show("Ethernet frame", frame)
    print(f"on the wire with preamble and gap: {len(frame) + 8 + 12} bytes")
    print(f"decapsulated: {decapsulate(frame)!r}")
    damaged = bytearray(frame)
    damaged[40] ^= 0x01  # one bit flipped in transit
    try:
        decapsulate(bytes(damaged))
    except ValueError as exc:
        print(f"one flipped bit: {exc}")


if __name__ == "__main__":
    main()
