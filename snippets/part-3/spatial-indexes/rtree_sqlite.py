"""An R-tree in SQLite: rectangles found by overlap.

An R-tree groups nearby shapes under bounding rectangles, and those under
bigger ones, like a B-tree whose keys are boxes. SQLite ships one as the
R*Tree module: a virtual table of (id, min x, max x, min y, max y). Most
builds include it (CPython's Windows and macOS installers, Debian, Ubuntu,
Homebrew); where it is missing, this program says so and stops.
"""
# output: property

import random
import sqlite3
from contextlib import closing

Box = tuple[int, float, float, float, float]  # id, x0, x1, y0, y1


def has_rtree(db: sqlite3.Connection) -> bool:
    try:
        db.execute(
            "CREATE VIRTUAL TABLE probe USING rtree(id, x0, x1, y0, y1)"
        )
    except sqlite3.OperationalError:  # "no such module: rtree"
        return False
    db.execute("DROP TABLE probe")
    return True


def parks(seed: int, n: int) -> list[Box]:
    """n small rectangles scattered over a 100 km x 100 km map."""
    rng = random.Random(seed)
    boxes = []
    for i in range(1, n + 1):
        x, y = rng.uniform(0, 100), rng.uniform(0, 100)
        w, h = rng.uniform(0.05, 1.0), rng.uniform(0.05, 1.0)
        boxes.append((i, x, x + w, y, y + h))
    return boxes


# --8<-- [start:idea]
def overlapping(
    db: sqlite3.Connection, x0: float, x1: float, y0: float, y1: float
) -> list[int]:
    rows = db.execute(
        "SELECT id FROM park WHERE x1 >= ? AND x0 <= ? AND y1 >= ? AND y0 <= ?"
        " ORDER BY id",
        (x0, x1, y0, y1),
    )
    return [row[0] for row in rows]


def load(db: sqlite3.Connection, boxes: list[Box]) -> None:
    db.execute("CREATE VIRTUAL TABLE park USING rtree(id, x0, x1, y0, y1)")
    db.executemany("INSERT INTO park VALUES (?, ?, ?, ?, ?)", boxes)


# --8<-- [end:idea]


def brute(
    boxes: list[Box], x0: float, x1: float, y0: float, y1: float
) -> list[int]:
    return [
        i
        for i, a, b, c, d in boxes
        if b >= x0 and a <= x1 and d >= y0 and c <= y1
    ]


def main() -> None:
    with closing(sqlite3.connect(":memory:")) as db:
        if not has_rtree(db):
            print(f"SQLite {sqlite3.sqlite_version} was built without R*Tree")
            return
        boxes = parks(seed=4, n=20_000)
        load(db, boxes)
        window = (40.0, 45.0, 40.0, 45.0)
        found = overlapping(db, *window)
        print(f"SQLite {sqlite3.sqlite_version} has the R*Tree module")
        print(f"{len(boxes)} parks; {len(found)} overlap a 5 km x 5 km window")
        print(f"same as checking every park: {found == brute(boxes, *window)}")
        plan = db.execute(
            "EXPLAIN QUERY PLAN SELECT id FROM park"
            " WHERE x1 >= 40 AND x0 <= 45"
        ).fetchone()[-1]
        print(f"plan: {plan}")


if __name__ == "__main__":
    main()
