"""The packet ping sends, built by hand: an ICMP Echo Request.

Sending it needs a raw socket (root or administrator) or, on Linux, an
ICMP datagram socket allowed by net.ipv4.ping_group_range; so this file
only builds the bytes. The checksum is the Internet checksum of RFC
1071: the ones' complement of the ones' complement sum of 16-bit words.
The same function is checked against RFC 1071's own worked example.
"""
# output: exact

import struct

ECHO_REQUEST = 8  # ICMP type; the reply is type 0


# --8<-- [start:idea]
def internet_checksum(data: bytes) -> int:
    """RFC 1071: add 16-bit words, fold the carries back in, invert."""
    if len(data) % 2:
        data += b"\0"  # pad an odd length with a zero byte
    words: tuple[int, ...] = struct.unpack(f"!{len(data) // 2}H", data)
    total = sum(words)
    while total > 0xFFFF:
        total = (total & 0xFFFF) + (total >> 16)  # end-around carry
    return ~total & 0xFFFF


def echo_request(ident: int, seq: int, payload: bytes) -> bytes:
    """Type, code, checksum, identifier, sequence number, then data."""
    header = struct.pack("!BBHHH", ECHO_REQUEST, 0, 0, ident, seq)
    checksum = internet_checksum(header + payload)  # computed with 0 in it
    header = struct.pack("!BBHHH", ECHO_REQUEST, 0, checksum, ident, seq)
    return header + payload


# --8<-- [end:idea]


def main() -> None:
    # RFC 1071 section 3: the words 0001 f203 f4f5 f6f7 sum to ddf2,
    # so the checksum is its complement, 220d.
    example = bytes.fromhex("0001f203f4f5f6f7")
    print(f"RFC 1071 example: checksum {internet_checksum(example):04x}")

    packet = echo_request(ident=0x1234, seq=1, payload=b"ping from Python")
    print("echo request:", packet[:8].hex(" "), "+", len(packet) - 8, "bytes")
    print(f"checksum field: {packet[2:4].hex()}")
    # A receiver sums the whole message, checksum included: it gets 0.
    print(f"receiver's check: {internet_checksum(packet):04x}")
    damaged = packet[:8] + b"P" + packet[9:]  # one bit flipped: p -> P
    print(f"one bit flipped: {internet_checksum(damaged):04x} (not 0: drop)")


if __name__ == "__main__":
    main()
