"""The two pieces of WebSocket that fit in a few lines, checked on RFC 6455.

A WebSocket starts as an HTTP/1.1 request with "Upgrade: websocket" and a
random Sec-WebSocket-Key. The server proves it understood by answering
101 Switching Protocols with Sec-WebSocket-Accept: base64(SHA-1(key +
a fixed GUID)). From then on both sides send frames: a 2-byte header
(FIN and opcode; mask bit and length), a 4-byte mask on client frames,
then the payload. The values below are the RFC's own examples.
"""
# output: exact

import base64
import hashlib
import struct

GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"  # fixed by RFC 6455
TEXT = 0x1  # opcode of a text frame


# --8<-- [start:idea]
def accept_value(key: str) -> str:
    digest = hashlib.sha1((key + GUID).encode(), usedforsecurity=False)
    return base64.b64encode(digest.digest()).decode()


def text_frame(text: str, mask: bytes | None = None) -> bytes:
    """One final text frame; clients must mask, servers must not."""
    payload = text.encode()
    assert len(payload) < 126, "longer payloads use extended lengths"
    header = struct.pack(
        "!BB", 0x80 | TEXT, (0x80 if mask else 0) | len(payload)
    )
    if mask is None:
        return header + payload
    masked = bytes(b ^ mask[i % 4] for i, b in enumerate(payload))
    return header + mask + masked


# --8<-- [end:idea]


def main() -> None:
    key = "dGhlIHNhbXBsZSBub25jZQ=="  # RFC 6455 section 1.3
    print(f"Sec-WebSocket-Key:    {key}")
    print(f"Sec-WebSocket-Accept: {accept_value(key)}")
    print("server frame 'Hello':", text_frame("Hello").hex(" "))
    mask = bytes.fromhex("37fa213d")  # RFC 6455 section 5.7
    print("client frame 'Hello':", text_frame("Hello", mask).hex(" "))


if __name__ == "__main__":
    main()
