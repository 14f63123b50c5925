"""What aes_gcm_test_vector.py teaches: the library reproduces the GCM
specification's Test Case 4, and any change to ciphertext, tag, associated
data or key is refused (InvalidTag), while the untouched message opens."""

import os

import pytest
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from conftest import load_snippet

snippet = load_snippet("part-4/security/aes_gcm_test_vector.py")


def test_the_published_vector_is_reproduced() -> None:
    assert snippet.matches_published_vector()
    # and it decrypts back to the published plaintext
    sealed = snippet.CIPHER + snippet.TAG
    plain = AESGCM(snippet.KEY).decrypt(snippet.NONCE, sealed, snippet.AAD)
    assert plain == snippet.PLAIN


def test_a_wrong_expected_tag_would_be_noticed() -> None:
    """Control: the vector check is not vacuous."""
    good = snippet.TAG
    try:
        snippet.TAG = snippet.flip_bit(good, 0)
        assert not snippet.matches_published_vector()
    finally:
        snippet.TAG = good


def test_ciphertext_is_plaintext_plus_a_16_byte_tag() -> None:
    key = AESGCM.generate_key(bit_length=128)
    sealed = AESGCM(key).encrypt(os.urandom(12), b"x" * 14, None)
    assert len(sealed) == 14 + 16


@pytest.mark.parametrize("index", [0, 5, 13, 14, 29])
def test_every_flipped_bit_is_refused(index: int) -> None:
    key, nonce = AESGCM.generate_key(bit_length=256), os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, b"Secret message", b"order 42")
    assert snippet.opens(key, nonce, sealed, b"order 42")  # the control
    assert not snippet.opens(key, nonce, snippet.flip_bit(sealed, index), b"order 42")


def test_other_aad_and_wrong_key_are_refused() -> None:
    key, nonce = AESGCM.generate_key(bit_length=256), os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, b"Secret message", b"order 42")
    assert not snippet.opens(key, nonce, sealed, b"order 43")
    assert not snippet.opens(bytes(32), nonce, sealed, b"order 42")
