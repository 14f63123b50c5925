"""What an index costs a write: pages written per commit, counted.

Every index is another B-tree that each INSERT must update, somewhere in
the middle of its sorted order. In WAL mode SQLite appends every page a
commit changed to the write-ahead log, one frame per page, so the size of
the log counts the pages written: no clock involved.
"""
# output: exact

import contextlib
import os
import random
import sqlite3
import tempfile

INDEXES = [
    "CREATE INDEX idx_email ON users(email)",
    "CREATE INDEX idx_name ON users(name)",
]


def new_user(rng: random.Random) -> tuple[str, str]:
    """A random email and name, so each lands anywhere in its index."""
    n = rng.randrange(10**9)
    return f"user{n}@example.com", f"name{rng.randrange(10**9)}"


def wal_frames(path: str, page_size: int) -> int:
    """Pages appended to the write-ahead log: 32-byte header, then
    frames of a 24-byte header plus one page."""
    return (os.path.getsize(path + "-wal") - 32) // (24 + page_size)


# --8<-- [start:idea]
def pages_written(
    indexes: int, rows: int = 5_000, commits: int = 500, seed: int = 1
) -> tuple[float, int]:
    """Pages written per single-row commit into a table of `rows` rows
    with `indexes` secondary indexes; and the file's size in pages."""
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "users.db")
        conn = sqlite3.connect(path, isolation_level=None)
        with contextlib.closing(conn):
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA wal_autocheckpoint=0")  # keep every frame
            conn.execute("PRAGMA synchronous=OFF")  # counting, not timing
            conn.execute(
                "CREATE TABLE users (id INTEGER PRIMARY KEY,"
                " email TEXT, name TEXT)"
            )
            for sql in INDEXES[:indexes]:
                conn.execute(sql)
            insert = "INSERT INTO users (email, name) VALUES (?, ?)"
            conn.execute("BEGIN")
            conn.executemany(insert, (new_user(rng) for _ in range(rows)))
            conn.execute("COMMIT")
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # empty log
            for _ in range(commits):  # one row, one commit, each time
                conn.execute(insert, new_user(rng))
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
            frames = wal_frames(path, page_size)
            pages = conn.execute("PRAGMA page_count").fetchone()[0]
    return frames / commits, pages


def main() -> None:
    print("indexes  pages written per commit  file size in pages")
    for indexes in range(len(INDEXES) + 1):
        per_commit, pages = pages_written(indexes)
        print(f"{indexes:>7}  {per_commit:>24.2f}  {pages:>18}")
    # --8<-- [end:idea]


if __name__ == "__main__":
    main()
