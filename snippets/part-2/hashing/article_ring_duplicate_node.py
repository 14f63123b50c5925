"""The article's hash ring, added twice and removed once, and the fix.

The article's ring keeps its points twice: in a dict from point to node,
and in a sorted list of points. Adding a node that is already there
inserts its 150 points into the list a second time, while the dict just
overwrites them. Removing the node once deletes them from the dict and
once from the list, so 150 points stay in the list with no node behind
them, and every key that lands on one raises KeyError. Removing a node
that was never added raises KeyError too.

The fixed ring keeps one list of (point, node) pairs, treats adding twice
as adding once, and says plainly when asked to remove an unknown node.
"""
# output: exact

import bisect
import hashlib
import threading
from collections.abc import Iterable


# --8<-- [start:article]
class ArticleRing:
    """The article's logic, rewritten to show its bug: do not use."""

    def __init__(self, replicas: int = 150) -> None:
        self.replicas = replicas
        self.ring: dict[int, str] = {}  # point -> node
        self.sorted_keys: list[int] = []  # the same points, sorted

    def hash(self, key: str) -> int:
        return int(hashlib.md5(key.encode()).hexdigest(), 16)

    def add_node(self, node: str) -> None:
        for i in range(self.replicas):
            point = self.hash(f"{node}:{i}")
            self.ring[point] = node  # a second add overwrites ...
            bisect.insort(self.sorted_keys, point)  # ... but inserts again

    def remove_node(self, node: str) -> None:
        for i in range(self.replicas):
            point = self.hash(f"{node}:{i}")
            del self.ring[point]  # KeyError if the node is unknown
            self.sorted_keys.remove(point)  # removes one copy, scanning

    def get_node(self, key: str) -> str | None:
        if not self.ring:
            return None
        i = bisect.bisect_right(self.sorted_keys, self.hash(key))
        return self.ring[self.sorted_keys[i % len(self.sorted_keys)]]


# --8<-- [end:article]


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


# --8<-- [start:demo]
def add_twice_remove_once(ring: ArticleRing | HashRing) -> str:
    """Nodes a, b, c; a is added again, then removed: look up 10,000 keys."""
    for node in ("a", "b", "c", "a"):
        ring.add_node(node)
    ring.remove_node("a")
    errors, to_a = 0, 0
    for n in range(10_000):
        try:
            to_a += ring.get_node(f"key{n}") == "a"
        except KeyError:
            errors += 1
    return f"{errors} KeyErrors, {to_a} keys sent to the removed a"


def remove_unknown(ring: ArticleRing | HashRing) -> str:
    try:
        ring.remove_node("z")
    except (KeyError, ValueError) as error:
        return f"{type(error).__name__}: {error}"
    return "no error"


# --8<-- [end:demo]


def main() -> None:
    print("add a, b, c, a again; remove a; look up 10,000 keys:")
    print(f"article: {add_twice_remove_once(ArticleRing())}")
    print(f"  fixed: {add_twice_remove_once(HashRing())}")
    print("remove z, which was never added:")
    print(f"article: {remove_unknown(ArticleRing())}")
    print(f"  fixed: {remove_unknown(HashRing())}")


if __name__ == "__main__":
    main()
