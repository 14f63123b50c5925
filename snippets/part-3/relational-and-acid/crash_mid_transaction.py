"""Kill a process in the middle of a transaction; the data stays whole.

A child process opens an SQLite database of 2,000 accounts holding 100
each, starts ONE transaction that moves 100 from each account to the
next, and after 1,000 of those moves tells the parent it is half done
and stops there. The parent kills it without warning (SIGKILL on POSIX,
TerminateProcess on Windows), reopens the database and checks it: with
a rollback journal or a write-ahead log, the half-done transaction is
gone and the total is still 200,000. With the journal turned off, the
pages the child had already written stay written, and nothing can undo
them.

A killed process leaves the operating system's page cache intact, so
this shows atomicity. Surviving a power cut also needs the writes to
reach the disk (fsync), which a process crash does not test.
"""
# output: normalise numbers

import contextlib
import os
import sqlite3
import subprocess
import sys
import tempfile

ACCOUNTS = 2_000
HALF = 1_000
WAIT = 10.0  # seconds: the child must report within this


def child(path: str, journal: str) -> None:
    """Runs in the child: half a transaction, then wait to be killed."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute(f"PRAGMA journal_mode={journal}")
    conn.execute("PRAGMA cache_size=10")  # pages spill to disk early
    conn.execute("BEGIN")
    for i in range(HALF):
        conn.execute("UPDATE acct SET bal = bal - 100 WHERE id = ?", (i,))
        conn.execute("UPDATE acct SET bal = bal + 100 WHERE id = ?", (i + 1,))
    print("half done", flush=True)
    sys.stdin.read()  # blocks until the parent kills us (or closes stdin)


def create(path: str) -> None:
    with contextlib.closing(sqlite3.connect(path)) as conn, conn:
        conn.execute(
            "CREATE TABLE acct (id INTEGER PRIMARY KEY, bal INT, owner TEXT)"
        )
        conn.executemany(  # ~200-byte rows: 2,000 accounts fill ~100 pages
            "INSERT INTO acct VALUES (?, 100, ?)",
            ((i, f"owner {i}".ljust(200)) for i in range(ACCOUNTS)),
        )


# --8<-- [start:crash]
def crash_and_check(journal: str) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "bank.db")
        create(path)
        proc = subprocess.Popen(
            [sys.executable, __file__, "child", path, journal],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
        )
        try:
            assert proc.stdout is not None
            line = read_line(proc.stdout.fileno())  # "half done"
            assert line == "half done", line
        finally:
            proc.kill()  # no rollback, no cleanup, no goodbye
            proc.communicate(timeout=WAIT)
        with contextlib.closing(sqlite3.connect(path)) as conn:
            (total,) = conn.execute("SELECT sum(bal) FROM acct").fetchone()
            (check,) = conn.execute("PRAGMA integrity_check").fetchone()
        return int(total), str(check)


# --8<-- [end:crash]


def read_line(fd: int) -> str:
    """One line from the child, or TimeoutError (portable: no select)."""
    import threading

    got: list[bytes] = []
    reader = threading.Thread(
        target=lambda: got.append(os.read(fd, 100)), daemon=True
    )
    reader.start()
    reader.join(WAIT)
    if not got:
        raise TimeoutError("the child never reported")
    return got[0].decode().strip()


def main() -> None:
    print(f"{ACCOUNTS} accounts x 100 = {ACCOUNTS * 100}; killed half-way")
    for journal in ("DELETE", "WAL", "OFF"):
        total, check = crash_and_check(journal)
        verdict = "whole" if total == ACCOUNTS * 100 else "BROKEN"
        if journal == "OFF":  # depends on which pages were evicted
            verdict = "not guaranteed"
        print(
            f"journal_mode={journal:6}: total {total} ({verdict}),"
            f" integrity_check: {check}"
        )


if __name__ == "__main__":
    if sys.argv[1:2] == ["child"]:
        child(sys.argv[2], sys.argv[3])
    else:
        main()
