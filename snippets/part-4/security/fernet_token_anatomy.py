"""What the article's "AES" example really is: a Fernet token, taken apart.

Fernet (from the `cryptography` package: pip install cryptography) is a
recipe, not a cipher: AES-128 in CBC mode with PKCS7 padding, then an
HMAC-SHA256 over everything before it (encrypt-then-MAC). This program
opens a token by hand with those two pieces, to prove it, and shows the
two things Fernet adds: a timestamp in clear, and a maximum age (ttl).
"""
# output: exact

import base64
import hashlib
import hmac
import struct

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

MADE_AT = 1_767_225_600  # 2026-01-01 00:00:00 UTC, an injected clock


# --8<-- [start:idea]
def open_by_hand(key_b64: bytes, token: bytes) -> tuple[int, bytes]:
    key = base64.urlsafe_b64decode(key_b64)
    signing_key, encryption_key = key[:16], key[16:]  # 128 bits each
    raw = base64.urlsafe_b64decode(token)
    version, made_at = raw[0], struct.unpack(">Q", raw[1:9])[0]
    iv, body, mac = raw[9:25], raw[25:-32], raw[-32:]
    expected = hmac.new(signing_key, raw[:-32], hashlib.sha256).digest()
    assert version == 0x80 and hmac.compare_digest(mac, expected)
    decryptor = Cipher(algorithms.AES(encryption_key), modes.CBC(iv))
    padded = decryptor.decryptor().update(body)
    unpadder = padding.PKCS7(128).unpadder()
    return made_at, unpadder.update(padded) + unpadder.finalize()
    # --8<-- [end:idea]


def main() -> None:
    key = Fernet.generate_key()
    fernet = Fernet(key)
    token = fernet.encrypt_at_time(b"Secret message", MADE_AT)
    raw = base64.urlsafe_b64decode(token)
    print(f"token: {len(token)} base64 characters, {len(raw)} bytes")
    print("  version 1 + timestamp 8 + IV 16 + ciphertext", len(raw) - 57)
    print("  + HMAC-SHA256 32")
    made_at, plain = open_by_hand(key, token)
    print("opened by hand with AES-128-CBC:", plain, "made at", made_at)
    tampered = bytearray(raw)
    tampered[30] ^= 0x01
    for name, candidate, now in [
        ("fresh, 30 s old", token, MADE_AT + 30),
        ("one bit flipped", base64.urlsafe_b64encode(tampered), MADE_AT),
        ("older than ttl=60", token, MADE_AT + 61),
    ]:
        try:
            fernet.decrypt_at_time(candidate, ttl=60, current_time=now)
            print(f"{name + ':':19} accepted")
        except InvalidToken:
            print(f"{name + ':':19} InvalidToken")


if __name__ == "__main__":
    main()
