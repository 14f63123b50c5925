"""A point quadtree: insert, window query, k nearest, and how deep it gets.

Each node covers a square; a leaf holds up to CAPACITY points and splits
into four quadrants when one more arrives. A window query descends only
into quadrants that overlap the window; a k-nearest search visits nodes
in order of their distance from the target and stops when no unvisited
node can hold anything closer. Both are checked against brute force, and
both count the nodes they visit. The depth depends on how close points
are, not only on how many there are.
"""
# output: exact

import heapq
import itertools
import math
import random
from dataclasses import dataclass, field

CAPACITY = 8
MAX_DEPTH = 40  # identical points would otherwise split for ever

Point = tuple[float, float]


# --8<-- [start:tree]
@dataclass
class Node:
    x0: float
    y0: float
    size: float
    depth: int = 0
    points: list[Point] = field(default_factory=list)
    kids: list["Node"] = field(default_factory=list)

    def insert(self, p: Point) -> None:
        if self.kids:
            self.child_for(p).insert(p)
            return
        self.points.append(p)
        if len(self.points) > CAPACITY and self.depth < MAX_DEPTH:
            half, x, y = self.size / 2, self.x0, self.y0
            self.kids = [  # four quadrants, one level deeper
                Node(x + dx * half, y + dy * half, half, self.depth + 1)
                for dy in (0, 1)
                for dx in (0, 1)
            ]
            for q in self.points:
                self.child_for(q).insert(q)
            self.points = []

    def child_for(self, p: Point) -> "Node":
        half = self.size / 2
        right, top = p[0] >= self.x0 + half, p[1] >= self.y0 + half
        return self.kids[2 * top + right]


# --8<-- [end:tree]


# --8<-- [start:window]
def window(
    node: Node, x0: float, y0: float, x1: float, y1: float, seen: list[int]
) -> list[Point]:
    seen[0] += 1  # count every node this query touches
    if (
        x1 < node.x0
        or x0 > node.x0 + node.size
        or y1 < node.y0
        or y0 > node.y0 + node.size
    ):
        return []  # the window misses this square: skip it and below
    found = [p for p in node.points if x0 <= p[0] <= x1 and y0 <= p[1] <= y1]
    for kid in node.kids:
        found += window(kid, x0, y0, x1, y1, seen)
    return found


# --8<-- [end:window]


# --8<-- [start:knn]
def gap(node: Node, p: Point) -> float:
    """Distance from p to the nearest point of the node's square."""
    dx = max(node.x0 - p[0], 0.0, p[0] - node.x0 - node.size)
    dy = max(node.y0 - p[1], 0.0, p[1] - node.y0 - node.size)
    return math.hypot(dx, dy)


def nearest(root: Node, p: Point, k: int, seen: list[int]) -> list[Point]:
    tie = itertools.count()  # breaks ties so nodes are never compared
    queue: list[tuple[float, int, Node | None, Point | None]]
    queue = [(0.0, next(tie), root, None)]
    found: list[Point] = []
    while queue and len(found) < k:
        dist, _, node, point = heapq.heappop(queue)
        if node is None:  # a point: nothing left in the queue is closer
            assert point is not None
            found.append(point)
            continue
        seen[0] += 1
        for q in node.points:
            heapq.heappush(queue, (math.dist(p, q), next(tie), None, q))
        for kid in node.kids:
            heapq.heappush(queue, (gap(kid, p), next(tie), kid, None))
    return found


# --8<-- [end:knn]


def depth(node: Node) -> int:
    return max([depth(k) for k in node.kids], default=node.depth)


def count(node: Node) -> int:
    return 1 + sum(count(k) for k in node.kids)


def build(points: list[Point]) -> Node:
    root = Node(0.0, 0.0, 1.0)
    for p in points:
        root.insert(p)
    return root


def main() -> None:
    rng = random.Random(1)
    n = 20_000
    points = [(rng.random(), rng.random()) for _ in range(n)]
    root = build(points)
    print(f"{n} uniform points: {count(root)} nodes, depth {depth(root)}")
    print(f"  log4(n / {CAPACITY}) = {math.log(n / CAPACITY, 4):.1f}")

    seen = [0]
    box = (0.40, 0.40, 0.41, 0.41)  # a 1% x 1% window
    hits = window(root, *box, seen)
    brute = [
        p
        for p in points
        if box[0] <= p[0] <= box[2] and box[1] <= p[1] <= box[3]
    ]
    print(
        f"window 1% x 1%: {len(hits)} points, {seen[0]} nodes visited,"
        f" same as brute force: {sorted(hits) == sorted(brute)}"
    )

    seen = [0]
    target = (0.5, 0.5)
    near = nearest(root, target, 5, seen)
    brute = sorted(points, key=lambda q: math.dist(target, q))[:5]
    print(
        f"5 nearest: {seen[0]} nodes visited,"
        f" same as brute force: {near == brute}"
    )

    cluster = [(0.3 + i * 1e-7, 0.3) for i in range(CAPACITY + 1)]
    tight = build(cluster)
    print(
        f"{len(cluster)} points 1e-7 apart: depth {depth(tight)}"
        f" (log4(n) = {math.log(len(cluster), 4):.1f})"
    )


if __name__ == "__main__":
    main()
