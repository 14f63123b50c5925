"""SQLite's write-ahead log, watched from outside: commits land in the
-wal file, the database file does not change until a checkpoint copies
the pages back, and a copy of the database file alone misses them.
(The WAL file keeps its size after a checkpoint: the next commits
overwrite it from the start.)
"""
# output: exact

from __future__ import annotations

import os
import shutil
import sqlite3
import tempfile
from contextlib import closing


def sizes(path: str) -> str:
    def size(p: str) -> int:
        return os.path.getsize(p) if os.path.exists(p) else 0

    return f"db {size(path):>6,} B, wal {size(path + '-wal'):>6,} B"


def count(path: str) -> int:
    with closing(sqlite3.connect(path)) as reader:
        (n,) = reader.execute("SELECT count(*) FROM orders").fetchone()
        return int(n)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "shop.db")
        # --8<-- [start:idea]
        with closing(sqlite3.connect(path, isolation_level=None)) as db:
            print(
                "journal_mode:",
                db.execute("PRAGMA journal_mode=WAL").fetchone()[0],
            )
            db.execute("PRAGMA wal_autocheckpoint=0")  # checkpoint by hand
            db.execute(
                "CREATE TABLE orders (id INTEGER PRIMARY KEY, item TEXT)"
            )
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            print("empty table:     ", sizes(path))
            for i in range(3):  # three commits, one row each
                db.execute(
                    "INSERT INTO orders (item) VALUES (?)", (f"book {i}",)
                )
            print("after 3 commits: ", sizes(path))
            print("rows a reader sees:", count(path))

            shutil.copy(
                path, path + ".copy"
            )  # a "backup" of the db file alone
            print("rows in the copy:  ", count(path + ".copy"))

            busy, frames, copied = db.execute(
                "PRAGMA wal_checkpoint(FULL)"
            ).fetchone()
            print(
                f"checkpoint: {copied} of {frames} frames copied, busy={busy}"
            )
            print("after checkpoint:", sizes(path))
            shutil.copy(path, path + ".copy")
            print("rows in a new copy:", count(path + ".copy"))
        # --8<-- [end:idea]


if __name__ == "__main__":
    main()
