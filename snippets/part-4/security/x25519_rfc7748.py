"""A key exchange: two parties agree on a secret over an open channel.

X25519 (RFC 7748) is the Diffie-Hellman function TLS 1.3 uses by
default. Each side keeps a private key and sends only its public key;
each combines its own private key with the other's public key and gets
the same 32 bytes. Checked here against the RFC's own test vector
(section 6.1), then stretched with HKDF into an AES-256-GCM key. Needs
the `cryptography` package: pip install cryptography.
"""
# output: exact

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import (
    X25519PrivateKey,
    X25519PublicKey,
)
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
)

# --8<-- [start:idea]
# RFC 7748, section 6.1: Alice's and Bob's private keys, and the
# public keys and the shared secret the RFC says they must give.
ALICE = "77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a"
BOB = "5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"
ALICE_PUBLIC = (
    "8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a"
)
BOB_PUBLIC = "de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"
SHARED = "4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742"


def private(hex_key: str) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(bytes.fromhex(hex_key))


def public_hex(key: X25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw)
    return raw.hex()


def shared_secret(mine: X25519PrivateKey, theirs_hex: str) -> bytes:
    theirs = X25519PublicKey.from_public_bytes(bytes.fromhex(theirs_hex))
    return mine.exchange(theirs)


def session_key(secret: bytes) -> bytes:
    """Never use the raw secret as a key: derive one with a KDF."""
    hkdf = HKDF(hashes.SHA256(), 32, salt=None, info=b"handbook demo")
    return hkdf.derive(secret)
    # --8<-- [end:idea]


def main() -> None:
    alice, bob = private(ALICE), private(BOB)
    print("Alice's public key matches RFC:", public_hex(alice) == ALICE_PUBLIC)
    print("Bob's public key matches RFC:  ", public_hex(bob) == BOB_PUBLIC)
    at_alice = shared_secret(alice, public_hex(bob))
    at_bob = shared_secret(bob, public_hex(alice))
    print("both sides computed the same:  ", at_alice == at_bob)
    print("shared secret matches RFC:     ", at_alice.hex() == SHARED)
    eve = X25519PrivateKey.generate()  # sees both public keys, not these
    print(
        "an eavesdropper's guess equals:",
        shared_secret(eve, BOB_PUBLIC) == at_alice,
    )
    key = session_key(at_alice)
    nonce = bytes(12)  # fine once: this key is used for one message
    sealed = AESGCM(key).encrypt(nonce, b"hello Bob", None)
    print(
        "Bob opens Alice's message:",
        AESGCM(session_key(at_bob)).decrypt(nonce, sealed, None),
    )


if __name__ == "__main__":
    main()
