"""An edge cache in front of an origin: hit ratio, TTL, keys, purges.

A seeded workload: 20,000 requests over 200 seconds for 1,000 objects,
whose popularity follows Zipf's law (a few objects get most requests).
The edge keeps each response for `ttl` seconds. We count how many
requests still reach the origin, what a careless cache key (the raw URL,
with a tracking parameter in it) does to that, and how many stale
responses go out after the origin changes an object, with and without a
purge. The clock is the request's timestamp: no sleeping, same result
every run.
"""
# output: exact

import random
from collections.abc import Callable
from urllib.parse import parse_qsl, urlencode, urlsplit

REQUESTS = 20_000
OBJECTS = 1_000
SECONDS = 200.0


def workload(seed: int = 7) -> list[tuple[float, str]]:
    """(time, URL) pairs; a quarter carry a random tracking parameter."""
    rng = random.Random(seed)
    weights = [1 / rank for rank in range(1, OBJECTS + 1)]  # Zipf, s = 1
    paths = rng.choices(range(OBJECTS), weights, k=REQUESTS)
    requests = []
    for i, path in enumerate(paths):
        url = f"/img/{path}.png"
        if rng.random() < 0.25:
            url += f"?utm_source=ad{rng.randrange(1000)}"
        requests.append((i * SECONDS / REQUESTS, url))
    return requests


def raw_key(url: str) -> str:
    return url


# --8<-- [start:key]
def clean_key(url: str) -> str:
    """Drop query parameters that do not change the response."""
    parts = urlsplit(url)
    kept = [(k, v) for k, v in parse_qsl(parts.query) if k != "utm_source"]
    return parts.path + ("?" + urlencode(kept) if kept else "")


# --8<-- [end:key]


# --8<-- [start:edge]
class Edge:
    def __init__(self, ttl: float, key: Callable[[str], str]) -> None:
        self.ttl, self.key = ttl, key
        self.store: dict[str, tuple[int, float]] = {}  # key -> version, expiry
        self.hits = self.misses = self.stale = 0

    def get(self, url: str, now: float, origin: dict[str, int]) -> int:
        """Serve a response: the version of the object it carries."""
        key = self.key(url)
        path = urlsplit(url).path
        cached = self.store.get(key)
        if cached and now < cached[1]:
            self.hits += 1
            self.stale += cached[0] != origin.get(path, 0)  # out of date?
            return cached[0]
        self.misses += 1  # a trip to the origin, far away
        version = origin.get(path, 0)
        self.store[key] = (version, now + self.ttl)
        return version

    def purge(self, path: str) -> None:
        """Invalidate every cached variant of one object."""
        for key in [k for k in self.store if urlsplit(k).path == path]:
            del self.store[key]


# --8<-- [end:edge]


CHANGE_AT = 103.7  # seconds: when the origin updates /img/0.png


def run(
    ttl: float,
    key: Callable[[str], str],
    purge: bool,
    requests: list[tuple[float, str]],
) -> Edge:
    edge = Edge(ttl, key)
    origin: dict[str, int] = {}  # path -> version; absent means 0
    for now, url in requests:
        if now >= CHANGE_AT and "/img/0.png" not in origin:
            origin["/img/0.png"] = 1  # the most popular object changes
            if purge:
                edge.purge("/img/0.png")
        edge.get(url, now, origin)
    return edge


def main() -> None:
    requests = workload()
    print(f"{REQUESTS} requests, {OBJECTS} objects (Zipf), {SECONDS:.0f} s")
    print(f"{'setting':<34}{'hit ratio':>10}{'to origin':>10}{'stale':>7}")
    for label, ttl, key, purge in [
        ("no cache (TTL 0)", 0.0, clean_key, False),
        ("TTL 10 s", 10.0, clean_key, False),
        ("TTL 60 s", 60.0, clean_key, False),
        ("TTL 60 s, raw URL as the key", 60.0, raw_key, False),
        ("TTL 60 s, purge on change", 60.0, clean_key, True),
    ]:
        edge = run(ttl, key, purge, requests)
        ratio = edge.hits / REQUESTS
        print(f"{label:<34}{ratio:>10.1%}{edge.misses:>10}{edge.stale:>7}")


if __name__ == "__main__":
    main()
