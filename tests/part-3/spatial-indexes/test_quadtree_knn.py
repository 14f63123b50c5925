"""What quadtree_knn.py teaches: window and k-nearest answers equal brute
force and visit few nodes; clustered points make the tree deep."""

import math
import random

from conftest import load_snippet

snippet = load_snippet("part-3/spatial-indexes/quadtree_knn.py")


def uniform(seed: int, n: int) -> list[tuple[float, float]]:
    rng = random.Random(seed)
    return [(rng.random(), rng.random()) for _ in range(n)]


def test_window_queries_equal_brute_force_over_seeds() -> None:
    for seed in range(4):
        points = uniform(seed, 3_000)
        root = snippet.build(points)
        nodes = snippet.count(root)
        rng = random.Random(100 + seed)
        for _ in range(30):
            x0, y0 = rng.random(), rng.random()
            x1, y1 = x0 + rng.uniform(0, 0.1), y0 + rng.uniform(0, 0.1)
            seen = [0]
            got = sorted(snippet.window(root, x0, y0, x1, y1, seen))
            brute = sorted(p for p in points if x0 <= p[0] <= x1 and y0 <= p[1] <= y1)
            assert got == brute
            assert seen[0] < nodes  # it did not touch the whole tree


def test_k_nearest_equals_brute_force_and_visits_few_nodes() -> None:
    points = uniform(7, 5_000)
    root = snippet.build(points)
    nodes = snippet.count(root)
    rng = random.Random(8)
    for k in (1, 5, 20):
        for _ in range(10):
            target = (rng.random(), rng.random())
            seen = [0]
            got = snippet.nearest(root, target, k, seen)
            brute = sorted(points, key=lambda q: math.dist(target, q))[:k]
            assert got == brute
            assert seen[0] < nodes / 10


def test_depth_follows_closeness_not_count() -> None:
    cluster = [(0.3 + i * 1e-7, 0.3) for i in range(snippet.CAPACITY + 1)]
    assert snippet.depth(snippet.build(cluster)) >= 20
    assert math.log(len(cluster), 4) < 2
    spread = snippet.depth(snippet.build(uniform(1, 20_000)))
    assert spread > math.log(20_000 / snippet.CAPACITY, 4)


def test_identical_points_stop_at_the_depth_limit() -> None:
    same = [(0.5, 0.5)] * (snippet.CAPACITY + 5)
    root = snippet.build(same)
    assert snippet.depth(root) == snippet.MAX_DEPTH
    assert len(snippet.window(root, 0.4, 0.4, 0.6, 0.6, [0])) == len(same)
