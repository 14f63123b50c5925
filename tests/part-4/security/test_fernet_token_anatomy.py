"""What fernet_token_anatomy.py teaches: a Fernet token is version,
clear timestamp, IV, AES-128-CBC ciphertext and an HMAC-SHA256, and
opening it with those two primitives by hand gives the message back."""

import base64
import struct

import pytest
from cryptography.fernet import Fernet, InvalidToken

from conftest import load_snippet

snippet = load_snippet("part-4/security/fernet_token_anatomy.py")


def test_a_14_byte_message_becomes_a_73_byte_token() -> None:
    token = Fernet(Fernet.generate_key()).encrypt(b"Secret message")
    assert len(base64.urlsafe_b64decode(token)) == 73
    assert len(token) == 100


def test_opened_by_hand_with_aes_cbc_and_hmac() -> None:
    key = Fernet.generate_key()
    token = Fernet(key).encrypt_at_time(b"Secret message", snippet.MADE_AT)
    assert snippet.open_by_hand(key, token) == (snippet.MADE_AT, b"Secret message")


def test_the_timestamp_is_in_clear() -> None:
    token = Fernet(Fernet.generate_key()).encrypt_at_time(b"x", 1234567890)
    raw = base64.urlsafe_b64decode(token)
    assert struct.unpack(">Q", raw[1:9])[0] == 1234567890


def test_a_changed_mac_fails_the_hand_check() -> None:
    key = Fernet.generate_key()
    raw = bytearray(base64.urlsafe_b64decode(Fernet(key).encrypt(b"x")))
    raw[-1] ^= 1
    with pytest.raises(AssertionError):
        snippet.open_by_hand(key, base64.urlsafe_b64encode(bytes(raw)))


def test_ttl_and_tampering(capsys: pytest.CaptureFixture[str]) -> None:
    snippet.main()
    out = capsys.readouterr().out
    assert "fresh, 30 s old:    accepted" in out
    assert "one bit flipped:    InvalidToken" in out
    assert "older than ttl=60:  InvalidToken" in out
    fernet = Fernet(Fernet.generate_key())
    token = fernet.encrypt_at_time(b"x", snippet.MADE_AT)
    with pytest.raises(InvalidToken):
        fernet.decrypt_at_time(token, ttl=60, current_time=snippet.MADE_AT + 61)
