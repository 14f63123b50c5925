"""What salted_str_hash.py teaches: hash() of a str depends on the process's
hash seed; hashlib and zlib.crc32 do not."""

import hashlib
import zlib

from conftest import load_snippet

snippet = load_snippet("part-2/hashing/salted_str_hash.py")


def test_hash_differs_between_seeds_and_stable_hashes_do_not() -> None:
    one, two = snippet.hashes_in_new_process("1"), snippet.hashes_in_new_process("2")
    assert one[0] != two[0]
    assert one[1:] == two[1:]


def test_the_same_seed_gives_the_same_hash() -> None:
    assert snippet.hashes_in_new_process("1") == snippet.hashes_in_new_process("1")


def test_unset_seed_is_random_per_process() -> None:
    a, b = snippet.hashes_in_new_process(None), snippet.hashes_in_new_process(None)
    assert a[0] != b[0]


def test_the_stable_values_are_what_any_process_computes() -> None:
    _, md5, crc = snippet.hashes_in_new_process(None)
    assert md5 == hashlib.md5(b"user:42").hexdigest()
    assert int(crc) == zlib.crc32(b"user:42")
