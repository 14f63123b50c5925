"""A hot spot: skewed popularity overloads one shard, whatever the hash.

10,000 keys are spread over 8 shards by a stable hash, so each shard holds
about the same number of keys. But requests follow a Zipf distribution:
the key of rank r is asked for in proportion to 1/r, as with popular
products, users or hashtags. The shard that holds the top key gets far
more than its eighth of the traffic. Splitting that one key into 8
sub-keys spreads it out; uniform traffic shows what balance looks like.
"""
# output: exact

import random
import zlib
from collections import Counter

KEYS, SHARDS, REQUESTS, SEED = 10_000, 8, 200_000, 42


# --8<-- [start:idea]
def shard_of(key: str) -> int:
    return zlib.crc32(key.encode()) % SHARDS  # stable across processes


def zipf_requests(rng: random.Random, skew: float = 1.0) -> list[str]:
    weights = [1 / rank**skew for rank in range(1, KEYS + 1)]
    ranks = rng.choices(range(KEYS), weights=weights, k=REQUESTS)
    return [f"key:{rank}" for rank in ranks]  # key:0 is the most popular


def split_hot_key(requests: list[str], rng: random.Random) -> list[str]:
    """Readers of key:0 pick one of 8 copies at random."""
    return [
        f"key:0#{rng.randrange(8)}" if key == "key:0" else key
        for key in requests
    ]


def hottest_shard_share(requests: list[str]) -> float:
    per_shard = Counter(shard_of(key) for key in requests)
    return max(per_shard.values()) / len(requests)


# --8<-- [end:idea]


def main() -> None:
    rng = random.Random(SEED)
    zipf = zipf_requests(rng)
    uniform = [f"key:{rng.randrange(KEYS)}" for _ in range(REQUESTS)]
    top = Counter(zipf).most_common(1)[0]
    print(f"{KEYS} keys, {SHARDS} shards, {REQUESTS} requests, seed {SEED}")
    print(f"fair share of one shard: {1 / SHARDS:.1%}")
    print(f"Zipf: the top key alone gets {top[1] / REQUESTS:.1%}")
    print(
        f"hottest shard, uniform keys:     {hottest_shard_share(uniform):.1%}"
    )
    print(f"hottest shard, Zipf keys:        {hottest_shard_share(zipf):.1%}")
    split = split_hot_key(zipf, rng)
    print(f"hottest shard, top key split 8x: {hottest_shard_share(split):.1%}")


if __name__ == "__main__":
    main()
