"""Shortest paths in a social graph: a recursive SQL query against a
breadth-first search, on a seeded random graph.

Both give every person's distance from the start, in hops. BFS marks each
person visited once and keeps a parent pointer, so it can also return one
shortest path. The recursive query has no "visited" set: it can only drop
rows it has already produced, so it reaches the same person again at
every longer distance, up to the bound it is given.
"""
# output: exact

import random
import sqlite3
from collections import defaultdict, deque
from contextlib import closing

PEOPLE = 60
EDGES = 75


def random_graph(seed: int) -> list[tuple[int, int]]:
    rng = random.Random(seed)
    edges: set[tuple[int, int]] = set()
    while len(edges) < EDGES:
        a, b = rng.sample(range(PEOPLE), 2)
        edges.add((min(a, b), max(a, b)))
    return sorted(edges)


# --8<-- [start:sql]
DISTANCES = """
WITH RECURSIVE
  knows(a, b) AS (SELECT a, b FROM edge UNION SELECT b, a FROM edge),
  reach(person, hops) AS (
    SELECT :start, 0
    UNION
    SELECT knows.b, hops + 1 FROM reach JOIN knows ON knows.a = person
    WHERE hops < :bound)                  -- the bound stops the cycles
SELECT person, min(hops), count(*) FROM reach GROUP BY person
"""
# --8<-- [end:sql]


# --8<-- [start:bfs]
def bfs(
    edges: list[tuple[int, int]], start: int
) -> tuple[dict[int, int], dict[int, int]]:
    knows = defaultdict(list)
    for a, b in edges:
        knows[a].append(b)
        knows[b].append(a)
    hops, parent = {start: 0}, {}
    queue = deque([start])
    while queue:
        person = queue.popleft()
        for other in sorted(knows[person]):
            if other not in hops:
                hops[other] = hops[person] + 1
                parent[other] = person
                queue.append(other)
    return hops, parent


def path_to(parent: dict[int, int], start: int, goal: int) -> list[int]:
    path = [goal]
    while path[-1] != start:
        path.append(parent[path[-1]])
    return path[::-1]


# --8<-- [end:bfs]


def sql_distances(
    edges: list[tuple[int, int]], start: int
) -> tuple[dict[int, int], int]:
    """Distances by the recursive query, and how many rows it produced."""
    with closing(sqlite3.connect(":memory:")) as db:
        db.execute("CREATE TABLE edge (a INTEGER, b INTEGER)")
        db.executemany("INSERT INTO edge VALUES (?, ?)", edges)
        rows = db.execute(DISTANCES, {"start": start, "bound": PEOPLE})
        found = rows.fetchall()
    return {p: h for p, h, _ in found}, sum(n for _, _, n in found)


def main() -> None:
    edges = random_graph(seed=11)
    hops, parent = bfs(edges, start=0)
    by_sql, rows = sql_distances(edges, start=0)
    print(f"{PEOPLE} people, {len(edges)} friendships")
    print(f"reachable from person 0: {len(hops)}")
    print(f"same distances from SQL and BFS: {by_sql == hops}")
    far = max(sorted(hops), key=lambda p: hops[p])
    print(f"farthest: person {far}, {hops[far]} hops")
    print(f"one shortest path: {path_to(parent, 0, far)}")
    print(f"BFS visited {len(hops)} people; SQL produced {rows} rows")


if __name__ == "__main__":
    main()
