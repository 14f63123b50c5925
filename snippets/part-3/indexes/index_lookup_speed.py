"""An index's trade, timed: lookups get much faster, inserts slower.

A lookup by email without an index reads every row; with one, it walks
down a B-tree a few levels deep. Each insert, on the other hand, now
updates the table and every index. Timings follow the usual rule: a
warm-up, several repeats, the median.
"""
# output: normalise timings, ratios

import contextlib
import random
import sqlite3
import statistics
import time
from collections.abc import Callable

INDEXES = [
    "CREATE INDEX idx_email ON users(email)",
    "CREATE INDEX idx_name ON users(name)",
]


def median_seconds(work: Callable[[], object], repeats: int = 5) -> float:
    work()  # warm-up: caches, first-time costs
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def users(rows: int, seed: int = 1) -> list[tuple[str, str]]:
    """Rows in random key order, as real sign-ups arrive."""
    rng = random.Random(seed)
    ids = rng.sample(range(rows * 10), rows)
    return [(f"user{i}@example.com", f"name{i * 7919 % rows}") for i in ids]


def new_table(conn: sqlite3.Connection, indexes: int) -> None:
    conn.execute("DROP TABLE IF EXISTS users")
    conn.execute(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, name TEXT)"
    )
    for sql in INDEXES[:indexes]:
        conn.execute(sql)


# --8<-- [start:idea]
def lookup_seconds(rows: int) -> tuple[float, float]:
    """Median time of one lookup by email, without and with an index."""
    data = users(rows)
    wanted = data[rows // 2][0]
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        new_table(conn, indexes=0)
        conn.executemany("INSERT INTO users (email, name) VALUES (?, ?)", data)
        query = "SELECT id FROM users WHERE email = ?"

        def lookup() -> object:
            return conn.execute(query, (wanted,)).fetchone()

        def hundred_lookups() -> None:
            for _ in range(100):
                lookup()

        scan = median_seconds(lookup)
        conn.execute(INDEXES[0])
        search = median_seconds(hundred_lookups) / 100
    return scan, search


def insert_seconds(rows: int, indexes: int) -> float:
    """Median time to insert `rows` rows in one transaction."""
    data = users(rows)
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:

        def fill() -> None:
            new_table(conn, indexes)
            with conn:
                conn.executemany(
                    "INSERT INTO users (email, name) VALUES (?, ?)", data
                )

        return median_seconds(fill, repeats=5)


# --8<-- [end:idea]


def main() -> None:
    rows = 20_000
    scan, search = lookup_seconds(rows)
    print(
        f"lookup in {rows} rows: scan {scan * 1e3:.2f} ms,"
        f" index {search * 1e6:.1f} us ({scan / search:.0f}x faster)"
    )
    batch = 10_000
    took = [insert_seconds(batch, n) for n in range(len(INDEXES) + 1)]
    for indexes, seconds in enumerate(took):
        print(
            f"insert {batch} rows, indexes: {indexes}:"
            f" {seconds * 1e3:.1f} ms ({seconds / took[0]:.1f}x)"
        )


if __name__ == "__main__":
    main()
