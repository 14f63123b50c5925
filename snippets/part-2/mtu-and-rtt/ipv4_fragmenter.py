"""IPv4 fragmentation by hand, and what IPv6 does instead.

A 4000-byte IPv4 datagram (20-byte header, 3980 bytes of data) meets a
link whose MTU is 1500. A router splits it: each fragment gets its own
20-byte header, carries a multiple of 8 data bytes (the offset field
counts in 8-byte units), and all but the last set "more fragments" (MF).
Only the destination puts them back together, in whatever order they
arrive. With "don't fragment" set, as path MTU discovery does, and
always in IPv6, the router drops the packet and answers with ICMP
"packet too big", naming the MTU; the sender then sends smaller packets.
"""
# output: exact

import random
import socket
from typing import NamedTuple

HEADER = 20  # bytes of IPv4 header without options


class Fragment(NamedTuple):
    total_length: int  # header + data, as in the header's length field
    offset: int  # where the data goes, in units of 8 bytes
    more: bool  # the MF flag: more fragments follow
    data: bytes


# --8<-- [start:idea]
def fragment(data: bytes, mtu: int) -> list[Fragment]:
    """Split one datagram's data so that each piece fits the MTU."""
    step = (mtu - HEADER) // 8 * 8  # data per fragment: a multiple of 8
    pieces = []
    for start in range(0, len(data), step):
        chunk = data[start : start + step]
        more = start + step < len(data)
        pieces.append(Fragment(HEADER + len(chunk), start // 8, more, chunk))
    return pieces


def reassemble(pieces: list[Fragment]) -> bytes:
    """The receiver orders fragments by offset; the last has MF clear."""
    ordered = sorted(pieces, key=lambda f: f.offset)
    assert not ordered[-1].more, "the last fragment is missing"
    return b"".join(f.data for f in ordered)


def send_on_path(size: int, path_mtus: list[int], dont_fragment: bool) -> str:
    """What happens to one packet of `size` bytes on a path of links."""
    for hop, mtu in enumerate(path_mtus, start=1):
        if size > mtu:
            if dont_fragment:  # IPv4 with DF set, and every IPv6 packet
                return f"dropped at hop {hop}: ICMP packet too big, mtu {mtu}"
            return f"fragmented at hop {hop} for mtu {mtu}"
    return "delivered whole"


# --8<-- [end:idea]


def largest_udp_send() -> str:
    """65,535 (IPv4 total length) - 20 (IP) - 8 (UDP) = 65,507 bytes."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.settimeout(1.0)
        try:
            sock.sendto(b"x" * 65_508, ("127.0.0.1", 9))
        except OSError as error:  # EMSGSIZE, or WSAEMSGSIZE on Windows
            return f"65,508-byte UDP send refused ({type(error).__name__})"
    return "65,508-byte UDP send accepted (unexpected)"


def main() -> None:
    data = bytes(range(256)) * 15 + bytes(140)  # 3980 bytes of data
    pieces = fragment(data, mtu=1500)
    print(f"datagram: {HEADER + len(data)} bytes, MTU 1500")
    for f in pieces:
        print(
            f"  fragment: {f.total_length} bytes ({len(f.data)} data),"
            f" offset {f.offset} (byte {f.offset * 8}), MF={int(f.more)}"
        )
    shuffled = pieces[:]
    random.Random(3).shuffle(shuffled)  # the network may reorder them
    print("arrival order (offsets):", [f.offset for f in shuffled])
    print("reassembled equals original:", reassemble(shuffled) == data)

    path = [1500, 1400, 1500]  # e.g. a tunnel in the middle
    print(f"a 1500-byte packet on a path with MTUs {path}:")
    print("  IPv4, DF clear:", send_on_path(1500, path, dont_fragment=False))
    print("  IPv4 DF set, or IPv6:", send_on_path(1500, path, True))
    print("  resent at 1400 bytes:", send_on_path(1400, path, True))
    print(largest_udp_send())


if __name__ == "__main__":
    main()
