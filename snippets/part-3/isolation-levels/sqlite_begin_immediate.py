"""SQLite's read-then-write: fail late with BEGIN, wait early with IMMEDIATE.

Two connections each read a balance of 100 and write back what they
read plus their amount, as in the PostgreSQL lost-update example. With
a plain (deferred) BEGIN both may read, and the second one's write is
refused with SQLITE_BUSY_SNAPSHOT: its snapshot is stale, the whole
transaction must be retried. With BEGIN IMMEDIATE a transaction takes
the write lock before reading, so the second one is stopped at BEGIN
(SQLITE_BUSY here, with no busy timeout; it would simply wait with
one), then starts after the first commits and reads 110.
"""
# output: exact

import contextlib
import os
import sqlite3
import tempfile

CODES = {5: "SQLITE_BUSY", 517: "SQLITE_BUSY_SNAPSHOT"}


def read(conn: sqlite3.Connection) -> int:
    (value,) = conn.execute("SELECT bal FROM acct WHERE id = 1").fetchone()
    return int(value)


def write(conn: sqlite3.Connection, value: int) -> None:
    conn.execute("UPDATE acct SET bal = ? WHERE id = 1", (value,))


def refused(step: str, error: sqlite3.OperationalError) -> str:
    return f"{step} refused: {CODES.get(error.sqlite_errorcode, error)}"


# --8<-- [start:immediate]
def deferred(a: sqlite3.Connection, b: sqlite3.Connection) -> str:
    a.execute("BEGIN")
    b.execute("BEGIN")
    seen_a, seen_b = read(a), read(b)  # both read 100
    write(a, seen_a + 10)
    a.execute("COMMIT")
    try:
        write(b, seen_b + 20)  # from a stale snapshot
    except sqlite3.OperationalError as error:
        b.execute("ROLLBACK")
        return refused("second write", error)
    b.execute("COMMIT")
    return "both committed"


def immediate(a: sqlite3.Connection, b: sqlite3.Connection) -> str:
    a.execute("BEGIN IMMEDIATE")  # takes the write lock now
    seen_a = read(a)
    outcome = "second BEGIN went through"
    try:
        b.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        outcome = refused("second BEGIN", error)  # nothing read yet
    write(a, seen_a + 10)
    a.execute("COMMIT")
    b.execute("BEGIN IMMEDIATE")  # now it gets the lock
    write(b, read(b) + 20)  # reads 110
    b.execute("COMMIT")
    return outcome


# --8<-- [end:immediate]


def main() -> None:
    for name, demo in (("BEGIN", deferred), ("BEGIN IMMEDIATE", immediate)):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "bank.db")
            with contextlib.closing(sqlite3.connect(path)) as setup, setup:
                setup.execute("PRAGMA journal_mode=WAL")
                setup.execute(
                    "CREATE TABLE acct (id INTEGER PRIMARY KEY, bal INT)"
                )
                setup.execute("INSERT INTO acct VALUES (1, 100)")
            a = sqlite3.connect(path, isolation_level=None, timeout=0)
            b = sqlite3.connect(path, isolation_level=None, timeout=0)
            with contextlib.closing(a), contextlib.closing(b):
                outcome = demo(a, b)
                print(f"{name}: {outcome}; balance {read(a)}")


if __name__ == "__main__":
    main()
