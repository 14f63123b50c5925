"""A time-to-live (TTL) cache, and the price of it: stale reads.

Each entry is trusted for `ttl` seconds. Change the source inside that
window and readers keep getting the old value until the entry expires,
unless whoever writes also invalidates the cache.
"""
# output: exact

from collections.abc import Callable


# --8<-- [start:idea]
class TTLCache:
    def __init__(
        self,
        load: Callable[[str], str],
        ttl: float,
        clock: Callable[[], float],
    ) -> None:
        self.load = load  # fetches from the source on a miss
        self.ttl = ttl
        self.clock = clock  # injected: a fake clock here, time.monotonic live
        self.entries: dict[str, tuple[str, float]] = {}

    def get(self, key: str) -> tuple[str, str]:
        """(value, "hit" or "miss")."""
        now = self.clock()
        if key in self.entries:
            value, expires = self.entries[key]
            if now < expires:
                return value, "hit"
        value = self.load(key)
        self.entries[key] = (value, now + self.ttl)
        return value, "miss"

    def invalidate(self, key: str) -> None:
        self.entries.pop(key, None)


# --8<-- [end:idea]


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def main() -> None:
    database = {"greeting": "hello"}
    clock = FakeClock()
    cache = TTLCache(database.__getitem__, ttl=30.0, clock=clock)

    def read(at: float) -> None:
        clock.now = at
        value, how = cache.get("greeting")
        fresh = "" if value == database["greeting"] else "  <- stale"
        print(f"  t={at:>4.0f} s  read {value!r:<9} ({how}){fresh}")

    print("TTL 30 s; the source changes at t=10 and nobody tells the cache:")
    read(0)
    clock.now = 10
    database["greeting"] = "bonjour"
    for at in (11, 29, 30):
        read(at)

    # The entry loaded at t=30 would be served until t=60, but this time
    # the writer invalidates it as it changes the source.
    print("the writer invalidates the cache when it changes the source:")
    clock.now = 40
    database["greeting"] = "hola"
    cache.invalidate("greeting")
    read(41)


if __name__ == "__main__":
    main()
