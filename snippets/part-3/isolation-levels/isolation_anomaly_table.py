"""Which anomalies happen at which isolation level: a table from real runs.

Five classic anomalies, each forced by a fixed schedule of two sessions
driven step by step from one thread, run at PostgreSQL's four isolation
levels and on SQLite (WAL mode, plain BEGIN). Each cell says what the
run did: the anomaly "happens", is "prevented" (the session saw a
consistent snapshot), or one session was "aborted" with an error that
the client must answer by retrying the transaction.
"""
# output: exact
# requires: postgresql

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Callable, Iterator
from typing import Any

import psycopg


class Aborted(Exception):
    """The engine refused a step; the transaction must be retried."""


class Session:
    """One connection, one transaction at a time, SQL without parameters."""

    def __init__(self, conn: Any, begin: str, codes: Callable[[Any], str]):
        self.conn, self.begin_sql, self.codes = conn, begin, codes

    def run(self, sql: str) -> int:
        try:
            cursor = self.conn.execute(sql)
            row = cursor.fetchone() if cursor.description else None
        except (psycopg.Error, sqlite3.Error) as error:
            code = self.codes(error)
            if not code:
                raise
            with contextlib.suppress(psycopg.Error, sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise Aborted(code) from error
        return int(row[0]) if row else 0

    def begin(self) -> None:
        self.run(self.begin_sql)

    def commit(self) -> None:
        self.run("COMMIT")

    def rollback(self) -> None:
        self.run("ROLLBACK")


ONE = "SELECT v FROM anomaly_demo WHERE id = 1"


def dirty_read(a: Session, b: Session) -> bool:
    a.begin()
    a.run("UPDATE anomaly_demo SET v = 0 WHERE id = 1")  # not committed
    b.begin()
    seen = b.run(ONE)
    b.commit()
    a.rollback()
    return seen == 0  # b saw a value that never existed


def non_repeatable_read(a: Session, b: Session) -> bool:
    a.begin()
    first = a.run(ONE)
    b.begin()
    b.run("UPDATE anomaly_demo SET v = 0 WHERE id = 1")
    b.commit()
    second = a.run(ONE)
    a.commit()
    return first != second  # same query, same transaction, new answer


def phantom(a: Session, b: Session) -> bool:
    count = "SELECT count(*) FROM anomaly_demo WHERE v > 0"
    a.begin()
    first = a.run(count)
    b.begin()
    b.run("INSERT INTO anomaly_demo VALUES (3, 100)")
    b.commit()
    second = a.run(count)
    a.commit()
    return first != second  # a new row appeared in a's search


# --8<-- [start:scenarios]
def lost_update(a: Session, b: Session) -> bool:
    a.begin()
    b.begin()
    seen_a, seen_b = a.run(ONE), b.run(ONE)
    a.run(f"UPDATE anomaly_demo SET v = {seen_a + 10} WHERE id = 1")
    a.commit()
    b.run(f"UPDATE anomaly_demo SET v = {seen_b + 20} WHERE id = 1")
    b.commit()
    return a.run(ONE) == 120  # not 130: a's +10 was overwritten


def write_skew(a: Session, b: Session) -> bool:
    on_call = "SELECT count(*) FROM anomaly_demo WHERE v > 0"
    a.begin()
    b.begin()
    if a.run(on_call) >= 2:
        a.run("UPDATE anomaly_demo SET v = 0 WHERE id = 1")
    if b.run(on_call) >= 2:
        b.run("UPDATE anomaly_demo SET v = 0 WHERE id = 2")
    a.commit()
    b.commit()
    return a.run(on_call) == 0  # each kept the rule; together broke it


# --8<-- [end:scenarios]

SCENARIOS: dict[str, Callable[[Session, Session], bool]] = {
    "dirty read": dirty_read,
    "non-repeatable read": non_repeatable_read,
    "phantom read": phantom,
    "lost update": lost_update,
    "write skew": write_skew,
}


def outcome(
    scenario: Callable[[Session, Session], bool],
    a: Session,
    b: Session,
    seen: set[str],
) -> str:
    try:
        return "happens" if scenario(a, b) else "prevented"
    except Aborted as error:
        seen.add(str(error))
        return "aborted"


# PostgreSQL: SQLSTATE 40001 is serialization_failure.
def pg_code(error: Any) -> str:
    state = getattr(error, "sqlstate", None)
    return f"SQLSTATE {state}" if state == "40001" else ""


# SQLite: 5 is SQLITE_BUSY, 517 SQLITE_BUSY_SNAPSHOT (a stale snapshot).
def sqlite_code(error: Any) -> str:
    names = {5: "SQLITE_BUSY", 517: "SQLITE_BUSY_SNAPSHOT"}
    return names.get(getattr(error, "sqlite_errorcode", 0), "")


@contextlib.contextmanager
def postgres(level: str) -> Iterator[tuple[Session, Session]]:
    # "" lets libpq read PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD.
    url = os.environ.get("DATABASE_URL", "")
    conns = [
        psycopg.connect(url, autocommit=True, connect_timeout=10)
        for _ in range(2)
    ]
    try:
        conns[0].execute("SET lock_timeout = '10s'")
        conns[0].execute("DROP TABLE IF EXISTS anomaly_demo")
        conns[0].execute(
            "CREATE TABLE anomaly_demo (id int PRIMARY KEY, v int)"
        )
        conns[0].execute("INSERT INTO anomaly_demo VALUES (1, 100), (2, 100)")
        begin = f"BEGIN ISOLATION LEVEL {level}"
        yield (
            Session(conns[0], begin, pg_code),
            Session(conns[1], begin, pg_code),
        )
    finally:
        conns[0].execute("DROP TABLE IF EXISTS anomaly_demo")
        for conn in conns:
            conn.close()


@contextlib.contextmanager
def sqlite() -> Iterator[tuple[Session, Session]]:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "anomaly.db")
        conns = [
            sqlite3.connect(path, isolation_level=None, timeout=0)
            for _ in range(2)
        ]
        try:
            conns[0].execute("PRAGMA journal_mode=WAL")
            conns[0].execute(
                "CREATE TABLE anomaly_demo (id INTEGER PRIMARY KEY, v INTEGER)"
            )
            conns[0].execute(
                "INSERT INTO anomaly_demo VALUES (1, 100), (2, 100)"
            )
            yield (
                Session(conns[0], "BEGIN", sqlite_code),
                Session(conns[1], "BEGIN", sqlite_code),
            )
        finally:
            for conn in conns:
                conn.close()


LEVELS = {
    "RU": "READ UNCOMMITTED",
    "RC": "READ COMMITTED",
    "RR": "REPEATABLE READ",
    "SER": "SERIALIZABLE",
}


def table() -> tuple[dict[str, dict[str, str]], dict[str, set[str]]]:
    """anomaly -> column -> outcome, and the errors seen per engine."""
    rows: dict[str, dict[str, str]] = {name: {} for name in SCENARIOS}
    errors: dict[str, set[str]] = {"PostgreSQL": set(), "SQLite": set()}
    for name, scenario in SCENARIOS.items():
        for short, level in LEVELS.items():
            with postgres(level) as (a, b):
                rows[name][short] = outcome(
                    scenario, a, b, errors["PostgreSQL"]
                )
        with sqlite() as (a, b):
            rows[name]["SQLite"] = outcome(scenario, a, b, errors["SQLite"])
    return rows, errors


def main() -> None:
    rows, errors = table()
    columns = [*LEVELS, "SQLite"]
    print("PostgreSQL: " + ", ".join(f"{k} = {v}" for k, v in LEVELS.items()))
    print("SQLite: WAL mode, BEGIN (deferred)")
    print()
    print(f"{'anomaly':20}" + "".join(f"{c:>11}" for c in columns))
    for name, cells in rows.items():
        print(f"{name:20}" + "".join(f"{cells[c]:>11}" for c in columns))
    print()
    for engine, seen in errors.items():
        print(f"aborted on {engine} by: {', '.join(sorted(seen))}")


if __name__ == "__main__":
    main()
