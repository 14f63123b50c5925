"""What one commit costs, by SQLite journal mode and synchronous setting.

A commit is durable only once it is on the disk, and waiting for the disk
(fsync) takes far longer than writing a few pages to the kernel's page
cache. `synchronous` says how often SQLite waits: FULL at every commit,
NORMAL at fewer points (in WAL mode, only when the log is copied back into
the database), OFF never. Each commit here inserts one row.
"""
# output: normalise timings, ratios

import contextlib
import os
import sqlite3
import statistics
import tempfile
import time

MODES = [
    (journal, sync)
    for journal in ("DELETE", "WAL")
    for sync in ("FULL", "NORMAL", "OFF")
]


# --8<-- [start:idea]
def seconds_per_commit(
    folder: str,
    journal: str,
    sync: str,
    most: int = 200,
    budget: float = 0.04,
    repeats: int = 3,
) -> float:
    """Median seconds per one-row commit. Each repeat stops after `most`
    commits or `budget` seconds, whichever comes first."""
    path = os.path.join(folder, f"{journal}-{sync}.db")
    conn = sqlite3.connect(path, isolation_level=None)  # autocommit
    with contextlib.closing(conn):
        conn.execute(f"PRAGMA journal_mode={journal}")
        conn.execute(f"PRAGMA synchronous={sync}")
        conn.execute("CREATE TABLE log (id INTEGER PRIMARY KEY, line TEXT)")
        results = []
        for attempt in range(repeats + 1):  # the first is a warm-up
            start = time.perf_counter()
            done = 0
            while done < most and time.perf_counter() - start < budget:
                conn.execute("INSERT INTO log (line) VALUES ('x')")
                done += 1  # autocommit: each INSERT is one commit
            if attempt:
                results.append((time.perf_counter() - start) / done)
    return statistics.median(results)
    # --8<-- [end:idea]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        took = {mode: seconds_per_commit(folder, *mode) for mode in MODES}
    fastest = min(took.values())
    for (journal, sync), seconds in took.items():
        print(
            f"journal {journal:<6} synchronous {sync:<6}"
            f" {seconds * 1e6:.0f} us per commit,"
            f" {seconds / fastest:.0f}x the fastest"
        )


if __name__ == "__main__":
    main()
