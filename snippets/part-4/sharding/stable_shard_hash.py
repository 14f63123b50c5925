"""Hash sharding needs a hash that every process agrees on.

Python's hash() of a str is salted per process (PYTHONHASHSEED), so
hash(user_id) % 4 sends the same user to different shards from two app
servers. Two fresh interpreters, with different seeds, place 10,000 string
ids and 10,000 integer ids both ways; the program counts the ids they
disagree on. A hash of the key's bytes (blake2b here; zlib.crc32 or md5
would do) gives the same shard in every process, on every machine.
"""
# output: exact

import hashlib
import json
import os
import subprocess
import sys


# --8<-- [start:shards]
def article_shard(user_id: object, shards: int = 4) -> str:
    return f"shard_{hash(user_id) % shards}"  # the article's: salted


def stable_shard(user_id: object, shards: int = 4) -> str:
    key = str(user_id).encode()
    digest = hashlib.blake2b(key, digest_size=8).digest()
    return f"shard_{int.from_bytes(digest, 'big') % shards}"


# --8<-- [end:shards]

IDS: list[object] = [f"user-{i}" for i in range(10_000)]
INT_IDS: list[object] = list(range(10_000))


def place(ids: list[object]) -> dict[str, list[str]]:
    return {
        "article": [article_shard(i) for i in ids],
        "stable": [stable_shard(i) for i in ids],
    }


# --8<-- [start:processes]
def place_in_new_process(
    seed: str, ints: bool = False
) -> dict[str, list[str]]:
    """Place the ids in a fresh interpreter started with PYTHONHASHSEED."""
    env = {**os.environ, "PYTHONHASHSEED": seed}
    arg = "ints" if ints else "strs"
    done = subprocess.run(
        [sys.executable, __file__, "--place", arg],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    placed: dict[str, list[str]] = json.loads(done.stdout)
    return placed


def disagreements(one: list[str], two: list[str]) -> int:
    return sum(a != b for a, b in zip(one, two, strict=True))


# --8<-- [end:processes]


def main() -> None:
    for label, ints in (("string ids", False), ("integer ids", True)):
        one = place_in_new_process("1", ints)
        two = place_in_new_process("2", ints)
        print(f"{label}, app server 1 vs 2 (PYTHONHASHSEED=1 and 2):")
        for scheme in ("article", "stable"):
            n = disagreements(one[scheme], two[scheme])
            print(f"  {scheme:>7}: {n:>5} of 10000 on different shards")


if __name__ == "__main__":
    if sys.argv[1:2] == ["--place"]:
        print(json.dumps(place(INT_IDS if sys.argv[2] == "ints" else IDS)))
    else:
        main()
