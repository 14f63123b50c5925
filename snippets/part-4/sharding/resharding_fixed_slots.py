"""What resharding moves: hash mod N against many fixed slots.

With shard = hash(key) % N, changing N moves most keys, mostly between
shards that already existed. Redis Cluster and Elasticsearch do it
differently: keys hash into a fixed number of slots (Redis: 16384), and a
table maps slots to shards. A new shard takes whole slots from the others,
so only the keys in those slots move, and all of them to the new shard.
Deterministic: a stable hash (CRC-32), fixed keys.
"""
# output: exact

import zlib

SLOTS = 16384


def key_hash(key: str) -> int:
    return zlib.crc32(key.encode())


def modulo_placement(keys: list[str], shards: int) -> dict[str, int]:
    return {k: key_hash(k) % shards for k in keys}


# --8<-- [start:slots]
def slot_table(shards: int) -> list[int]:
    """Slot -> shard, dealt out evenly: the starting layout."""
    return [slot % shards for slot in range(SLOTS)]


def add_shard(table: list[int]) -> list[int]:
    """A new shard takes slots from the busiest shards until all are even."""
    table = list(table)
    new = max(table) + 1
    owned: dict[int, list[int]] = {}
    for slot, shard in enumerate(table):
        owned.setdefault(shard, []).append(slot)
    for _ in range(SLOTS // (new + 1)):
        donor = max(owned, key=lambda s: len(owned[s]))
        slot = owned[donor].pop()
        table[slot] = new
    return table


def slot_placement(keys: list[str], table: list[int]) -> dict[str, int]:
    return {k: table[key_hash(k) % SLOTS] for k in keys}


# --8<-- [end:slots]


def moved(before: dict[str, int], after: dict[str, int]) -> float:
    return sum(before[k] != after[k] for k in before) / len(before)


def main() -> None:
    keys = [f"user-{i}" for i in range(20_000)]
    print("shards   ideal  mod N   slots  (share of keys moved)")
    for old, new in ((4, 5), (10, 11), (4, 8)):
        ideal = (new - old) / new
        by_mod = moved(
            modulo_placement(keys, old), modulo_placement(keys, new)
        )
        table = slot_table(old)
        grown = table
        for _ in range(new - old):
            grown = add_shard(grown)
        before = slot_placement(keys, table)
        after = slot_placement(keys, grown)
        to_new = all(after[k] >= old for k in keys if before[k] != after[k])
        by_slots = moved(before, after)
        print(
            f"{old:>2} -> {new:<2} {ideal:6.1%} {by_mod:6.1%} {by_slots:7.1%}"
            f"  (moves only to new shards: {to_new})"
        )


if __name__ == "__main__":
    main()
