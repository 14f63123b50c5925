"""What x25519_rfc7748.py teaches: X25519 reproduces RFC 7748's section 6.1
keys and shared secret, both sides agree, a third key does not, and HKDF
turns the secret into a working AES-GCM key."""

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

from conftest import load_snippet

snippet = load_snippet("part-4/security/x25519_rfc7748.py")


def test_public_keys_match_the_rfc() -> None:
    assert snippet.public_hex(snippet.private(snippet.ALICE)) == snippet.ALICE_PUBLIC
    assert snippet.public_hex(snippet.private(snippet.BOB)) == snippet.BOB_PUBLIC


def test_both_directions_give_the_rfc_secret() -> None:
    a = snippet.shared_secret(snippet.private(snippet.ALICE), snippet.BOB_PUBLIC)
    b = snippet.shared_secret(snippet.private(snippet.BOB), snippet.ALICE_PUBLIC)
    assert (
        a == b == bytes.fromhex("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742")
    )


def test_another_private_key_gets_another_secret() -> None:
    """Control: agreement is not automatic."""
    other = snippet.shared_secret(X25519PrivateKey.generate(), snippet.BOB_PUBLIC)
    assert other.hex() != snippet.SHARED


def test_the_derived_key_is_32_bytes_and_not_the_raw_secret() -> None:
    secret = bytes.fromhex(snippet.SHARED)
    key = snippet.session_key(secret)
    assert len(key) == 32 and key != secret
    assert snippet.session_key(secret) == key  # deterministic
