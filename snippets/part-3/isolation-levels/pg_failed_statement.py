"""In PostgreSQL one failed statement aborts the whole transaction.

Account 1 holds 50, and a CHECK forbids negative balances. A transfer
of 100 debits account 1 (refused: SQLSTATE 23514) and then tries to
credit account 2. PostgreSQL refuses every statement after the error
(SQLSTATE 25P02, "current transaction is aborted") and answers COMMIT
with ROLLBACK: nothing is half done. A savepoint is how to recover from
an expected error inside a transaction and keep the rest of it: here a
coupon that was already used is skipped, and the transfer commits.
"""
# output: exact
# requires: postgresql

import os
from typing import Any

import psycopg

Conn = psycopg.Connection[tuple[Any, ...]]


def connect() -> Conn:
    # "" lets libpq read PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD.
    url = os.environ.get("DATABASE_URL", "")
    conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
    conn.execute("SET lock_timeout = '10s'")
    return conn


def try_sql(conn: Conn, sql: str) -> str:
    """Run one statement; say what the server answered."""
    try:
        cursor = conn.execute(sql)
    except psycopg.Error as error:
        return f"error {error.sqlstate} ({type(error).__name__})"
    return f"ok ({cursor.statusmessage})"


# --8<-- [start:abort]
WITHOUT_SAVEPOINT = [
    ("BEGIN", "BEGIN"),
    (
        "debit 1 by 100",
        "UPDATE fs_account SET balance = balance - 100 WHERE id = 1",
    ),
    (
        "credit 2 by 100",
        "UPDATE fs_account SET balance = balance + 100 WHERE id = 2",
    ),
    ("COMMIT", "COMMIT"),
]
WITH_SAVEPOINT = [
    ("BEGIN", "BEGIN"),
    (
        "debit 1 by 30",
        "UPDATE fs_account SET balance = balance - 30 WHERE id = 1",
    ),
    (
        "credit 2 by 30",
        "UPDATE fs_account SET balance = balance + 30 WHERE id = 2",
    ),
    ("SAVEPOINT coupon", "SAVEPOINT coupon"),
    ("use coupon WELCOME", "INSERT INTO fs_coupon VALUES ('WELCOME')"),
    ("ROLLBACK TO SAVEPOINT", "ROLLBACK TO SAVEPOINT coupon"),
    ("COMMIT", "COMMIT"),
]


def run_steps(conn: Conn, steps: list[tuple[str, str]]) -> None:
    for label, sql in steps:
        print(f"  {label:22} -> {try_sql(conn, sql)}")


# --8<-- [end:abort]


def balances(conn: Conn) -> list[int]:
    rows = conn.execute("SELECT balance FROM fs_account ORDER BY id")
    return [int(r[0]) for r in rows.fetchall()]


def main() -> None:
    conn = connect()
    try:
        conn.execute("DROP TABLE IF EXISTS fs_account")
        conn.execute(
            "CREATE TABLE fs_account (id int PRIMARY KEY,"
            " balance int NOT NULL CHECK (balance >= 0))"
        )
        conn.execute("INSERT INTO fs_account VALUES (1, 50), (2, 0)")
        conn.execute("DROP TABLE IF EXISTS fs_coupon")
        conn.execute("CREATE TABLE fs_coupon (code text PRIMARY KEY)")
        conn.execute("INSERT INTO fs_coupon VALUES ('WELCOME')")  # used
        print("transfer 100 from account 1 (balance 50) to account 2:")
        run_steps(conn, WITHOUT_SAVEPOINT)
        print(f"  balances: {balances(conn)}")
        print("transfer 30, then a coupon that was already used:")
        run_steps(conn, WITH_SAVEPOINT)
        print(f"  balances: {balances(conn)}")
    finally:
        conn.execute("DROP TABLE IF EXISTS fs_account, fs_coupon")
        conn.close()


if __name__ == "__main__":
    main()
