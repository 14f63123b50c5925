"""What scrypt_password_hash.py teaches: the right password verifies, a wrong
one does not, salts make equal passwords hash differently, comparison is
constant-time, and OWASP's N=2**17 needs maxmem raised."""

import hashlib
import hmac

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/principles/security/scrypt_password_hash.py")

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def record() -> str:
    return snippet.hash_password(PASSWORD)


def test_the_right_password_verifies(record: str) -> None:
    assert snippet.verify_password(PASSWORD, record)


@pytest.mark.parametrize("wrong", ["", "correct horse", PASSWORD + " ", PASSWORD.upper()])
def test_a_wrong_password_does_not(record: str, wrong: str) -> None:
    assert not snippet.verify_password(wrong, record)


def test_different_salts_give_different_hashes(record: str) -> None:
    again = snippet.hash_password(PASSWORD)
    salt1, key1 = record.split("$")[4:]
    salt2, key2 = again.split("$")[4:]
    assert salt1 != salt2 and key1 != key2
    assert snippet.verify_password(PASSWORD, again)


def test_record_keeps_its_parameters(record: str) -> None:
    name, n, r, p, salt, key = record.split("$")
    assert (name, int(n), int(r), int(p)) == ("scrypt", 2**14, 8, 1)
    assert len(bytes.fromhex(salt)) == 16 and len(bytes.fromhex(key)) == 32


def test_a_tampered_hash_is_rejected(record: str) -> None:
    head, key = record.rsplit("$", 1)
    flipped = f"{int(key[0], 16) ^ 1:x}" + key[1:]
    assert not snippet.verify_password(PASSWORD, f"{head}${flipped}")


def test_comparison_goes_through_compare_digest(record: str, monkeypatch) -> None:
    seen = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        seen.append((a, b))
        return real(a, b)

    monkeypatch.setattr(snippet.hmac, "compare_digest", spy)
    assert snippet.verify_password(PASSWORD, record)
    assert len(seen) == 1


def test_owasp_n_needs_more_than_openssls_default_memory() -> None:
    assert snippet.OWASP_N == 2**17
    assert snippet.memory_needed(2**17, 8, 1) > 32 * 2**20
    with pytest.raises(ValueError):  # without maxmem: "memory limit exceeded"
        hashlib.scrypt(b"pw", salt=b"s" * 16, n=2**17, r=8, p=1)


def test_owasp_parameters_work_with_maxmem_raised() -> None:
    strong = snippet.hash_password(PASSWORD, n=snippet.OWASP_N)
    assert strong.split("$")[1] == str(2**17)
    assert snippet.verify_password(PASSWORD, strong)
