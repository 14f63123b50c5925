"""A lost update on a real PostgreSQL, then two fixes, under one schedule.

Two transactions each read a balance of 100 and write back what they
read plus their own amount (+10, then +20). The schedule is fixed: both
read before either writes, so every run interleaves the same way.
Under READ COMMITTED the second write replaces the first: 120, not 130.
Under REPEATABLE READ PostgreSQL refuses the second write (SQLSTATE
40001) instead. The fixes keep READ COMMITTED and change the code: an
atomic UPDATE, or SELECT ... FOR UPDATE. With either, the second
transaction waits for the first's row lock, then sees its result.
"""
# output: exact
# requires: postgresql

import functools
import os
import threading
import time
from collections.abc import Callable
from typing import Any

import psycopg
from psycopg import errors

Conn = psycopg.Connection[tuple[Any, ...]]
WAIT = 10.0  # seconds: every wait below has this ceiling


def connect() -> Conn:
    # "" lets libpq read PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD.
    url = os.environ.get("DATABASE_URL", "")
    conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
    conn.execute("SET lock_timeout = '10s'")
    return conn


def balance(conn: Conn, lock: str = "") -> int:
    row = conn.execute(
        f"SELECT balance FROM lu_account WHERE id = 1 {lock}"
    ).fetchone()
    assert row is not None
    return int(row[0])


def write(conn: Conn, value: int) -> None:
    conn.execute("UPDATE lu_account SET balance = %s WHERE id = 1", (value,))


# --8<-- [start:lost]
def read_then_write(t1: Conn, t2: Conn, watch: Conn, level: str) -> str:
    t1.execute(f"BEGIN ISOLATION LEVEL {level}")
    t2.execute(f"BEGIN ISOLATION LEVEL {level}")
    seen1 = balance(t1)  # 100
    seen2 = balance(t2)  # 100 as well
    write(t1, seen1 + 10)
    t1.execute("COMMIT")
    try:
        write(t2, seen2 + 20)  # based on a value that is now stale
        t2.execute("COMMIT")
    except errors.SerializationFailure as error:
        t2.execute("ROLLBACK")
        return f"second write refused, SQLSTATE {error.sqlstate}"
    return "both committed"


# --8<-- [end:lost]


# --8<-- [start:fixes]
def atomic_update(t1: Conn, t2: Conn, watch: Conn) -> str:
    t1.execute("BEGIN")
    t1.execute("UPDATE lu_account SET balance = balance + 10 WHERE id = 1")
    # t2's UPDATE waits for t1's row lock, then re-reads the new row.
    finish = in_background(
        lambda: t2.execute(
            "UPDATE lu_account SET balance = balance + 20 WHERE id = 1"
        )
    )
    wait_until_blocked(watch, t2)
    t1.execute("COMMIT")
    finish()
    return "the second UPDATE waited for the first"


def select_for_update(t1: Conn, t2: Conn, watch: Conn) -> str:
    seen: list[int] = []

    def t2_work() -> None:
        with t2.transaction():
            seen.append(balance(t2, "FOR UPDATE"))  # waits for t1
            write(t2, seen[0] + 20)

    t1.execute("BEGIN")
    seen1 = balance(t1, "FOR UPDATE")  # locks the row
    finish = in_background(t2_work)
    wait_until_blocked(watch, t2)
    write(t1, seen1 + 10)
    t1.execute("COMMIT")
    finish()
    return f"the second reader waited, then read {seen[0]}"


# --8<-- [end:fixes]


def in_background(work: Callable[[], object]) -> Callable[[], None]:
    """Run `work` in a thread; the function returned joins it and re-raises."""
    failed: list[BaseException] = []

    def target() -> None:
        try:
            work()
        except BaseException as error:  # handed to the caller below
            failed.append(error)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()

    def finish() -> None:
        thread.join(WAIT)
        if thread.is_alive():
            raise TimeoutError("the background transaction did not finish")
        if failed:
            raise failed[0]

    return finish


def wait_until_blocked(watch: Conn, conn: Conn) -> None:
    """Poll until `conn`'s server process waits for a lock."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        row = watch.execute(
            "SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s",
            (conn.info.backend_pid,),
        ).fetchone()
        if row is not None and row[0] == "Lock":
            return
        time.sleep(0.005)
    raise TimeoutError("the second transaction never waited for the lock")


def run(name: str, demo: Callable[[Conn, Conn, Conn], str]) -> tuple[str, int]:
    t1, t2, watch = connect(), connect(), connect()
    try:
        watch.execute("DROP TABLE IF EXISTS lu_account")
        watch.execute(
            "CREATE TABLE lu_account (id int PRIMARY KEY, balance int)"
        )
        watch.execute("INSERT INTO lu_account VALUES (1, 100)")
        what = demo(t1, t2, watch)
        return what, balance(watch)
    finally:
        watch.execute("DROP TABLE IF EXISTS lu_account")
        for conn in (t1, t2, watch):
            conn.close()


DEMOS: dict[str, Callable[[Conn, Conn, Conn], str]] = {
    "READ COMMITTED, read then write": functools.partial(
        read_then_write, level="READ COMMITTED"
    ),
    "REPEATABLE READ, read then write": functools.partial(
        read_then_write, level="REPEATABLE READ"
    ),
    "READ COMMITTED, atomic UPDATE": atomic_update,
    "READ COMMITTED, SELECT ... FOR UPDATE": select_for_update,
}


def main() -> None:
    print("start: 100; +10 and +20 should give 130")
    for name, demo in DEMOS.items():
        what, final = run(name, demo)
        print(f"{name}: {what}; balance {final}")


if __name__ == "__main__":
    main()
