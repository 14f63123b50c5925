"""A look-aside cache in a plain dict: how many database reads it saves.

Look-aside: read the cache first; on a miss, read the database and put
the answer in the cache for next time. How much that saves depends on
the traffic, not on the cache: when a few keys get most of the requests
(Zipf-like popularity, common on the web), a cache holding 1% of the
keys absorbs a large share of the reads. When every key is equally
popular, the same cache barely helps. So count hits before you build.
"""
# output: exact

import random
from collections import OrderedDict

KEYS = 10_000  # distinct records, say user profiles
REQUESTS = 50_000
DB_READ_MS = 5.0  # what one database read costs, on a fake clock
CACHE_SIZES = (0, 10, 100, 1_000)


class SlowDatabase:
    """Stands in for a database: counts reads and charges a fake cost.

    Nothing sleeps; a counter plays the clock, so every run (and every
    machine) gives the same numbers.
    """

    def __init__(self, read_ms: float = DB_READ_MS) -> None:
        self.read_ms = read_ms
        self.reads = 0
        self.busy_ms = 0.0

    def read(self, key: int) -> str:
        self.reads += 1
        self.busy_ms += self.read_ms
        return f"profile of user {key}"


# --8<-- [start:idea]
class LookAsideCache:
    """An in-process cache in front of the database, bounded by LRU."""

    def __init__(self, db: SlowDatabase, capacity: int) -> None:
        self.db = db
        self.capacity = capacity
        # Insertion order doubles as recency: oldest first.
        self.entries: OrderedDict[int, str] = OrderedDict()
        self.hits = 0
        self.misses = 0

    def get(self, key: int) -> str:
        if key in self.entries:
            self.hits += 1
            self.entries.move_to_end(key)  # now the most recently used
            return self.entries[key]
        self.misses += 1
        value = self.db.read(key)  # the slow path, only on a miss
        if self.capacity > 0:
            self.entries[key] = value
            if len(self.entries) > self.capacity:
                self.entries.popitem(last=False)  # evict the oldest
        return value

    def hit_ratio(self) -> float:
        total = self.hits + self.misses
        return self.hits / total if total else 0.0


# --8<-- [end:idea]


# --8<-- [start:traffic]
def skewed_workload(
    requests: int = REQUESTS,
    keys: int = KEYS,
    seed: int = 42,
    exponent: float = 1.0,
) -> list[int]:
    """Zipf-like: the key of rank r is requested in proportion to 1/r**s.

    Real traces fit exponents s that differ from site to site; a smaller
    s means less skew, and a cache of the same size hits less often.
    """
    rng = random.Random(seed)  # seeded: the same "traffic" every run
    weights = [1 / rank**exponent for rank in range(1, keys + 1)]
    return rng.choices(range(keys), weights=weights, k=requests)


# --8<-- [end:traffic]


def uniform_workload(
    requests: int = REQUESTS, keys: int = KEYS, seed: int = 42
) -> list[int]:
    """Every key equally likely: the worst case for any cache."""
    rng = random.Random(seed)
    return [rng.randrange(keys) for _ in range(requests)]


def replay(workload: list[int], capacity: int) -> LookAsideCache:
    """Serve every request through a fresh cache and database."""
    cache = LookAsideCache(SlowDatabase(), capacity)
    for key in workload:
        cache.get(key)
    return cache


def main() -> None:
    print(
        f"{REQUESTS:,} requests for {KEYS:,} keys; "
        f"one database read costs {DB_READ_MS:g} ms"
    )
    print(
        f"{'traffic':<8}{'cache size':>11}{'hit ratio':>11}"
        f"{'db reads':>10}{'time in db':>12}"
    )
    for name, workload in (
        ("skewed", skewed_workload()),
        ("uniform", uniform_workload()),
    ):
        for capacity in CACHE_SIZES:
            cache = replay(workload, capacity)
            print(
                f"{name:<8}{capacity:>11,}{cache.hit_ratio():>11.1%}"
                f"{cache.db.reads:>10,}"
                f"{cache.db.busy_ms / 1000:>10.1f} s"
            )


if __name__ == "__main__":
    main()
