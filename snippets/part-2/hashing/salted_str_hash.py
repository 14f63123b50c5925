"""Python's hash() of a str differs between processes; hashlib does not.

Each run of Python picks a random key for hashing str and bytes (PEP 456),
so that an attacker cannot choose keys that all collide in a dict. The
price: hash("user:42") in one process says nothing about its value in
another. To place data, where every process and every machine must agree,
use a hash with no secret key: hashlib, or zlib.crc32.
"""
# output: exact

import os
import subprocess
import sys

PROGRAM = """
import hashlib, zlib
key = "user:42"
print(hash(key))
print(hashlib.md5(key.encode(), usedforsecurity=False).hexdigest())
print(zlib.crc32(key.encode()))
"""


# --8<-- [start:idea]
def hashes_in_new_process(seed: str | None) -> list[str]:
    """hash(), MD5 and CRC-32 of "user:42", in a fresh interpreter."""
    env = dict(os.environ)
    env.pop("PYTHONHASHSEED", None)  # unset: a random key each run
    if seed is not None:
        env["PYTHONHASHSEED"] = seed  # fixed: the same key each run
    done = subprocess.run(
        [sys.executable, "-c", PROGRAM],
        env=env,
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return done.stdout.split()


# --8<-- [end:idea]


def main() -> None:
    for label, seeds in (
        ("two runs, random seed", (None, None)),
        ("two runs, PYTHONHASHSEED=1 and 2", ("1", "2")),
        ("two runs, PYTHONHASHSEED=1 both", ("1", "1")),
    ):
        first, second = (hashes_in_new_process(seed) for seed in seeds)
        pairs = zip(first, second, strict=True)
        same = ["same" if a == b else "differs" for a, b in pairs]
        print(f"{label}:")
        print(f"  hash(): {same[0]}, md5: {same[1]}, crc32: {same[2]}")
    md5, crc = hashes_in_new_process(None)[1:]
    print(f'md5("user:42") = {md5}')
    print(f'crc32("user:42") = {crc}')


if __name__ == "__main__":
    main()
