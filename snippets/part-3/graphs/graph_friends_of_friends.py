"""Friends of friends: the article's Cypher pattern, and the fixed one,
answered by SQL on SQLite and by breadth-first search in Python.

The article follows FRIEND edges in their stored direction, so it misses
Dave (who befriended Bob, not the other way round) and returns Carol, who
is already Alice's friend. Friendship is symmetric: the fix walks edges
both ways and keeps only people exactly two steps away.
"""
# output: exact

import sqlite3
from collections import defaultdict, deque
from contextlib import closing

FRIEND = [
    ("Alice", "Bob"),
    ("Bob", "Carol"),
    ("Alice", "Carol"),
    ("Dave", "Bob"),
    ("Carol", "Alice"),
    ("Carol", "Eve"),
]

# --8<-- [start:sql]
# (user)-[:FRIEND]->(friend)-[:FRIEND]->(fof) WHERE fof <> user
ARTICLE = """
SELECT DISTINCT b.dst FROM friend a JOIN friend b ON b.src = a.dst
WHERE a.src = :user AND b.dst <> :user ORDER BY 1
"""

FIXED = """
WITH RECURSIVE
  knows(a, b) AS (SELECT src, dst FROM friend    -- both directions
                  UNION SELECT dst, src FROM friend),
  reach(person, hops) AS (
    SELECT :user, 0
    UNION                                         -- UNION drops repeats
    SELECT knows.b, hops + 1 FROM reach JOIN knows ON knows.a = person
    WHERE hops < 2)
SELECT person FROM reach GROUP BY person
HAVING min(hops) = 2 ORDER BY 1                   -- exactly two steps
"""
# --8<-- [end:sql]


# --8<-- [start:bfs]
def friends_of_friends(edges: list[tuple[str, str]], user: str) -> list[str]:
    knows = defaultdict(set)
    for a, b in edges:
        knows[a].add(b)
        knows[b].add(a)
    hops = {user: 0}
    queue = deque([user])
    while queue:
        person = queue.popleft()
        if hops[person] == 2:
            continue  # no need to look further than two steps
        for other in sorted(knows[person]):
            if other not in hops:  # first visit is the shortest
                hops[other] = hops[person] + 1
                queue.append(other)
    return sorted(p for p, h in hops.items() if h == 2)


# --8<-- [end:bfs]


def query(
    sql: str, user: str, edges: list[tuple[str, str]] = FRIEND
) -> list[str]:
    with closing(sqlite3.connect(":memory:")) as db:
        db.execute("CREATE TABLE friend (src TEXT, dst TEXT)")
        db.executemany("INSERT INTO friend VALUES (?, ?)", edges)
        return [row[0] for row in db.execute(sql, {"user": user})]


def main() -> None:
    print(f"article's directed pattern: {query(ARTICLE, 'Alice')}")
    print(f"fixed, recursive SQL:       {query(FIXED, 'Alice')}")
    print(f"fixed, BFS in Python:       {friends_of_friends(FRIEND, 'Alice')}")
    for user in ("Bob", "Carol", "Dave", "Eve"):
        same = query(FIXED, user) == friends_of_friends(FRIEND, user)
        print(f"  {user:5} {query(FIXED, user)} same answer: {same}")


if __name__ == "__main__":
    main()
