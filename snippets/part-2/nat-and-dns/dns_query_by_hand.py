"""A DNS query built byte by byte, answered by a tiny server on loopback.

The message format of RFC 1035: a 12-byte header (ID, flags, four
counts), then the question: the name as length-prefixed labels ending in
a zero byte, a type (1 = A) and a class (1 = IN). The server, an
authoritative server for example.test on 127.0.0.1 over UDP, copies the
question and adds an answer whose name is a 2-byte pointer (0xC00C) to
the name at byte 12, a TTL, and the address. Unknown names get RCODE 3,
NXDOMAIN. Nothing leaves the machine: .test names (RFC 6761) and
192.0.2.0/24 addresses (RFC 5737) are reserved for examples.
"""
# output: exact

import socket
import struct
import threading

TIMEOUT = 2.0
ZONE = {"api.example.test": "192.0.2.10", "www.example.test": "192.0.2.20"}
TTL = 300  # seconds a resolver may cache the answer
TYPE_A, CLASS_IN = 1, 1


# --8<-- [start:query]
def build_query(query_id: int, name: str) -> bytes:
    flags = 0x0100  # a standard query, "recursion desired" set
    header = struct.pack("!6H", query_id, flags, 1, 0, 0, 0)  # 1 question
    labels = b"".join(
        bytes([len(part)]) + part.encode("ascii") for part in name.split(".")
    )
    return header + labels + b"\0" + struct.pack("!2H", TYPE_A, CLASS_IN)


# --8<-- [end:query]


def read_name(message: bytes, at: int) -> tuple[str, int]:
    """Decode a name at `at`; return it and the offset just after it."""
    parts = []
    while (length := message[at]) != 0:
        parts.append(message[at + 1 : at + 1 + length].decode("ascii"))
        at += 1 + length
    return ".".join(parts), at + 1


# --8<-- [start:answer]
def answer(query: bytes) -> bytes:
    query_id, flags = struct.unpack("!2H", query[:4])
    name, end = read_name(query, 12)
    question = query[12 : end + 4]  # the name, type and class, copied
    address = ZONE.get(name)
    rcode = 0 if address else 3  # 3 = NXDOMAIN: no such name
    # QR=1 (a response), AA=1 (authoritative), RD copied from the query
    reply_flags = 0x8400 | (flags & 0x0100) | rcode
    header = struct.pack(
        "!6H", query_id, reply_flags, 1, 1 if address else 0, 0, 0
    )
    if address is None:
        return header + question
    record = struct.pack("!3HIH", 0xC00C, TYPE_A, CLASS_IN, TTL, 4)
    return header + question + record + socket.inet_aton(address)


# --8<-- [end:answer]


def parse_reply(reply: bytes) -> tuple[int, int, list[tuple[str, int]]]:
    """(ID, RCODE, [(address, TTL), ...]) of a reply to one question."""
    query_id, flags, _, ancount = struct.unpack("!4H", reply[:8])
    _, at = read_name(reply, 12)
    at += 4  # past the question's type and class
    answers = []
    for _ in range(ancount):
        pointer, _, _, ttl, size = struct.unpack("!3HIH", reply[at : at + 12])
        assert pointer & 0xC000 == 0xC000, "expected a compressed name"
        address = socket.inet_ntoa(reply[at + 12 : at + 12 + size])
        answers.append((address, ttl))
        at += 12 + size
    return query_id, flags & 0x000F, answers


def serve(sock: socket.socket, count: int) -> None:
    for _ in range(count):
        query, client = sock.recvfrom(512)  # classic DNS over UDP: 512 B
        sock.sendto(answer(query), client)


def lookup(names: list[str]) -> list[tuple[bytes, bytes]]:
    """Ask the loopback server about each name; (query, reply) pairs."""
    pairs = []
    with (
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as server_sock,
        socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as client,
    ):
        server_sock.settimeout(TIMEOUT)
        client.settimeout(TIMEOUT)
        server_sock.bind(("127.0.0.1", 0))
        server = threading.Thread(target=serve, args=(server_sock, len(names)))
        server.start()
        try:
            for i, name in enumerate(names):
                query = build_query(0x1234 + i, name)
                client.sendto(query, server_sock.getsockname())
                reply, _ = client.recvfrom(512)
                pairs.append((query, reply))
        finally:
            server.join(timeout=TIMEOUT)
    return pairs


def main() -> None:
    pairs = lookup(["api.example.test", "nope.example.test"])
    query, reply = pairs[0]
    print(f"query, {len(query)} bytes:")
    print("  header  ", query[:12].hex(" "))
    print("  question", query[12:].hex(" "))
    print(f"reply, {len(reply)} bytes; the answer record:")
    print("  ", reply[len(query) :].hex(" "))
    for query, reply in pairs:
        query_id, rcode, answers = parse_reply(reply)
        name, _ = read_name(query, 12)
        status = "NOERROR" if rcode == 0 else "NXDOMAIN" if rcode == 3 else ""
        print(f"{name}: id {query_id:#06x}, {status}, answers {answers}")


if __name__ == "__main__":
    main()
