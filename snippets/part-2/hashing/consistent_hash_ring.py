"""Consistent hashing: add a node and only about 1/N of the keys move.

Modulo placement (`hash(key) % N`) is perfectly even, but changing N
reshuffles almost everything. A hash ring places each node at many points
(virtual nodes) on a circle of hash values; a key belongs to the first
node point at or after its own hash, going round. A new node takes over
only the arcs in front of its points, so only the keys there move, and
they all move to the new node.
"""
# output: exact

import bisect
import hashlib
import threading
from collections import Counter
from collections.abc import Iterable

RING = 2**64  # positions on the circle: 64-bit hash values


# --8<-- [start:ring]
def stable_hash(text: str) -> int:
    """64 bits of MD5: the same in every process (unlike hash())."""
    digest = hashlib.md5(text.encode(), usedforsecurity=False).digest()
    return int.from_bytes(digest[:8], "big")


class HashRing:
    def __init__(self, nodes: Iterable[str] = (), vnodes: int = 150) -> None:
        self.vnodes = vnodes
        self._lock = threading.Lock()  # one writer at a time
        # Sorted positions on the circle, and the node at each position.
        self._ring: tuple[list[int], list[str]] = ([], [])
        for node in nodes:
            self.add_node(node)

    def _rebuild(self, pairs: list[tuple[int, str]]) -> None:
        pairs.sort()
        # One assignment: a reader sees the old ring or the new one.
        self._ring = ([p for p, _ in pairs], [n for _, n in pairs])

    def add_node(self, node: str) -> None:
        with self._lock:
            points, owners = self._ring
            if node in owners:
                return  # already on the ring: adding twice changes nothing
            new = [
                (stable_hash(f"{node}#{i}"), node) for i in range(self.vnodes)
            ]
            self._rebuild([*zip(points, owners, strict=True), *new])

    def remove_node(self, node: str) -> None:
        with self._lock:
            points, owners = self._ring
            if node not in owners:
                raise ValueError(f"{node!r} is not on the ring")
            pairs = zip(points, owners, strict=True)
            self._rebuild([(p, n) for p, n in pairs if n != node])

    def get_node(self, key: str) -> str:
        points, owners = self._ring  # one read: a consistent snapshot
        if not points:
            raise LookupError("the ring is empty")
        i = bisect.bisect_left(points, stable_hash(key))
        return owners[i % len(points)]  # past the last point: wrap round


# --8<-- [end:ring]


# --8<-- [start:moves]
def modulo_node(key: str, nodes: list[str]) -> str:
    return nodes[stable_hash(key) % len(nodes)]


def grow(keys: list[str], n: int = 4) -> dict[str, dict[str, str]]:
    """Place the keys on n nodes, then on n + 1: where did the movers go?"""
    old = [f"node{i}" for i in range(n)]
    new = [*old, f"node{n}"]
    ring = HashRing(old)
    before = {key: ring.get_node(key) for key in keys}
    ring.add_node(new[-1])
    moves: dict[str, dict[str, str]] = {"modulo": {}, "ring": {}}
    for key in keys:
        if modulo_node(key, old) != (to := modulo_node(key, new)):
            moves["modulo"][key] = to
        if before[key] != (to := ring.get_node(key)):
            moves["ring"][key] = to
    return moves


# --8<-- [end:moves]


def shares(ring: HashRing) -> dict[str, float]:
    """Each node's share of the circle: the arcs that end at its points."""
    points, owners = ring._ring
    arcs: Counter[str] = Counter()
    for i, point in enumerate(points):
        start = points[i - 1] if i else points[-1] - RING  # wrap round
        arcs[owners[i]] += point - start
    return {node: arc / RING for node, arc in arcs.items()}


def spread(nodes: int, vnodes: int) -> float:
    """The busiest node's share over the mean share (1.0 is perfect)."""
    ring = HashRing([f"node{i}" for i in range(nodes)], vnodes)
    return max(shares(ring).values()) * nodes


def main() -> None:
    keys = [f"user:{i}" for i in range(20_000)]
    print(f"{len(keys)} keys, 4 nodes -> 5 (ideal: 1/5 of the keys move)")
    for scheme, moves in grow(keys).items():
        to = ", ".join(sorted(set(moves.values())))
        print(f"{scheme:>6}: {len(moves) / len(keys):6.1%} moved, to {to}")
    print("10 nodes: the busiest node's share / the mean share")
    for vnodes in (1, 10, 150, 1000):
        print(f"{vnodes:>5} virtual nodes each: {spread(10, vnodes):.2f}")


if __name__ == "__main__":
    main()
