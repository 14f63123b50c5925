"""AES-GCM, authenticated encryption, checked against a published vector.

The standard library has no cipher (hashlib and hmac give integrity
only), so this uses the `cryptography` package: pip install cryptography.
First the library must reproduce Test Case 4 of the GCM specification
byte for byte; then a message round-trips, and any change to the
ciphertext or to the associated data is refused with InvalidTag.
"""
# output: exact

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

# --8<-- [start:vector]
# McGrew and Viega, "The Galois/Counter Mode of Operation (GCM)",
# 2005, Appendix B, Test Case 4 (AES-128, 60-byte text, 20-byte AAD).
KEY = bytes.fromhex("feffe9928665731c6d6a8f9467308308")
NONCE = bytes.fromhex("cafebabefacedbaddecaf888")
PLAIN = bytes.fromhex(
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
    "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"
)
AAD = bytes.fromhex("feedfacedeadbeeffeedfacedeadbeefabaddad2")
CIPHER = bytes.fromhex(
    "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
    "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"
)
TAG = bytes.fromhex("5bc94fbc3221a5db94fae95ae7121a47")


def matches_published_vector() -> bool:
    # AESGCM appends the 16-byte tag to the ciphertext.
    return AESGCM(KEY).encrypt(NONCE, PLAIN, AAD) == CIPHER + TAG
    # --8<-- [end:vector]


# --8<-- [start:tamper]
def opens(key: bytes, nonce: bytes, sealed: bytes, aad: bytes) -> bool:
    """Decrypt and verify; False when anything was changed."""
    try:
        AESGCM(key).decrypt(nonce, sealed, aad)
    except InvalidTag:
        return False
    return True


def flip_bit(data: bytes, index: int) -> bytes:
    changed = bytearray(data)
    changed[index] ^= 0x01
    return bytes(changed)
    # --8<-- [end:tamper]


def main() -> None:
    print("Test Case 4 reproduced:", matches_published_vector())
    # --8<-- [start:use]
    key = AESGCM.generate_key(bit_length=256)
    nonce = os.urandom(12)  # never reuse a nonce with the same key
    sealed = AESGCM(key).encrypt(nonce, b"Secret message", b"order 42")
    print("14-byte message sealed into", len(sealed), "bytes (+16 tag)")
    checks = {
        "untouched": (key, sealed, b"order 42"),
        "one ciphertext bit flipped": (key, flip_bit(sealed, 0), b"order 42"),
        "one tag bit flipped": (key, flip_bit(sealed, -1), b"order 42"),
        "other associated data": (key, sealed, b"order 43"),
        "wrong key": (bytes(32), sealed, b"order 42"),
    }
    for name, (k, data, aad) in checks.items():
        print(f"{name + ':':28} opens={opens(k, nonce, data, aad)}")
    # --8<-- [end:use]


if __name__ == "__main__":
    main()
