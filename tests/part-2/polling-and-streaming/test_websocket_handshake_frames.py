"""What websocket_handshake_frames.py teaches, checked on RFC 6455's own
examples: the Sec-WebSocket-Accept value, and unmasked and masked frames."""

from conftest import load_snippet

snippet = load_snippet("part-2/polling-and-streaming/websocket_handshake_frames.py")


def test_the_accept_value_of_rfc_6455_section_1_3() -> None:
    assert snippet.accept_value("dGhlIHNhbXBsZSBub25jZQ==") == "s3pPLMBiTxaQ9kYGzzhZRbK+xOo="


def test_the_frames_of_rfc_6455_section_5_7() -> None:
    assert snippet.text_frame("Hello") == bytes([0x81, 0x05, 0x48, 0x65, 0x6C, 0x6C, 0x6F])
    assert snippet.text_frame("Hello", bytes.fromhex("37fa213d")) == bytes(
        [0x81, 0x85, 0x37, 0xFA, 0x21, 0x3D, 0x7F, 0x9F, 0x4D, 0x51, 0x58]
    )


def test_masking_twice_gives_the_payload_back() -> None:
    mask = bytes.fromhex("01020304")
    frame = snippet.text_frame("round trip", mask)
    payload = bytes(b ^ mask[i % 4] for i, b in enumerate(frame[6:]))
    assert payload == b"round trip"
