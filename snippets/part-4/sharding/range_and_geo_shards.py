"""Range sharding keeps keys in order, and piles increasing keys on one
shard; geographic sharding needs a clean region name and a loud failure.

Range: each shard owns the keys between two split points, found with a
binary search (bisect). A scan of a key range touches one shard, but new
order ids, which only ever grow, all land on the last shard: a hot spot.
Geography: the article's lookup sends 'Europe' (capital E) and any unknown
region, silently, to one default shard. Deterministic: no randomness.
"""
# output: exact

import bisect
import hashlib
from collections import Counter


# --8<-- [start:range]
def range_shard(key: str, splits: list[str]) -> int:
    """Shard i owns keys from splits[i - 1] (inclusive) to splits[i]."""
    return bisect.bisect_right(splits, key)


# --8<-- [end:range]


def hash_shard(key: str, shards: int) -> int:
    digest = hashlib.blake2b(key.encode(), digest_size=8).digest()
    return int.from_bytes(digest, "big") % shards


def article_geo_shard(user_location: str) -> str:
    """The article's lookup, reproduced to show its failure."""
    region_shards = {
        "us-east": "shard_us_east",
        "us-west": "shard_us_west",
        "europe": "shard_europe",
        "asia": "shard_asia",
    }
    return region_shards.get(user_location, "shard_default")


# --8<-- [start:geo]
REGIONS = {"us-east", "us-west", "europe", "asia"}


def geo_shard(region: str) -> str:
    name = region.strip().casefold().replace("_", "-").replace(" ", "-")
    if name not in REGIONS:
        raise ValueError(f"unknown region {region!r}")
    return "shard_" + name.replace("-", "_")


# --8<-- [end:geo]


def main() -> None:
    splits = ["order-02500", "order-05000", "order-07500"]  # 4 shards
    old = [f"order-{i:05}" for i in range(0, 7_500)]  # last year's orders
    new = [f"order-{i:05}" for i in range(10_000, 11_000)]  # today's
    print("range sharding, 4 shards split at", ", ".join(splits))
    scan = {range_shard(k, splits) for k in old[3000:3200]}
    print(f"  scan of 200 consecutive old orders touches shards {scan}")
    print("  today's 1000 new orders, per shard:")
    by_range = Counter(range_shard(k, splits) for k in new)
    by_hash = Counter(hash_shard(k, 4) for k in new)
    print("    range:", [by_range.get(s, 0) for s in range(4)])
    print("    hash: ", [by_hash.get(s, 0) for s in range(4)])
    scanned = {hash_shard(k, 4) for k in old[3000:3200]}
    print(f"  the same scan under hashing touches shards {scanned}")
    print("geographic sharding:")
    for region in ("europe", "Europe", "eu-central", " US_East "):
        print(f"  article {region!r:>14} -> {article_geo_shard(region)}")
    for region in ("europe", "Europe", "eu-central", " US_East "):
        try:
            print(f"  fixed   {region!r:>14} -> {geo_shard(region)}")
        except ValueError as error:
            print(f"  fixed   {region!r:>14} -> ValueError: {error}")


if __name__ == "__main__":
    main()
