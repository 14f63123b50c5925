"""The article's money transfer on SQLite: as written, and fixed.

Two UPDATEs between BEGIN and COMMIT look atomic, but two things break
them. An error (here a CHECK on the balance) undoes only the statement
that failed: code that carries on and commits keeps the credit without
the debit. And an UPDATE that matches no row is not an error: paying a
missing account debits the sender and credits nobody. The fix rolls
back on any error (`with conn:`) and checks every row count.
"""
# output: exact

import contextlib
import sqlite3


def open_bank(balance_1: int) -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute(
        "CREATE TABLE account (id INTEGER PRIMARY KEY,"
        " balance INTEGER NOT NULL CHECK (balance >= 0))"
    )
    conn.execute("INSERT INTO account VALUES (1, ?), (2, 0)", (balance_1,))
    return conn


# --8<-- [start:naive]
def transfer_as_written(
    conn: sqlite3.Connection, to: int, amount: int
) -> None:
    conn.execute("BEGIN")
    for sql, account in (
        ("UPDATE account SET balance = balance - ? WHERE id = ?", 1),
        ("UPDATE account SET balance = balance + ? WHERE id = ?", to),
    ):
        try:
            conn.execute(sql, (amount, account))
        except sqlite3.IntegrityError:
            pass  # a script that carries on, as a SQL client does
    conn.execute("COMMIT")


# --8<-- [end:naive]


# --8<-- [start:fixed]
def transfer(conn: sqlite3.Connection, to: int, amount: int) -> None:
    conn.execute("BEGIN")
    try:
        for sql, account in (
            ("UPDATE account SET balance = balance - ? WHERE id = ?", 1),
            ("UPDATE account SET balance = balance + ? WHERE id = ?", to),
        ):
            if conn.execute(sql, (amount, account)).rowcount != 1:
                raise LookupError(f"no account {account}")
    except BaseException:
        conn.execute("ROLLBACK")  # any error: undo the whole transfer
        raise
    conn.execute("COMMIT")


# --8<-- [end:fixed]


def balances(conn: sqlite3.Connection) -> list[int]:
    rows = conn.execute("SELECT balance FROM account ORDER BY id")
    return [int(b) for (b,) in rows]


def main() -> None:
    cases = [
        ("100 from an account holding 50", 50, 2, 100),
        ("100 to account 3, which does not exist", 500, 3, 100),
    ]
    for what, start, to, amount in cases:
        print(f"transfer {what}; balances before: [{start}, 0]")
        for name, move in (
            ("as written", transfer_as_written),
            ("fixed", transfer),
        ):
            with contextlib.closing(open_bank(start)) as conn:
                try:
                    move(conn, to, amount)
                    outcome = "committed"
                except (sqlite3.IntegrityError, LookupError) as error:
                    outcome = f"rolled back ({error})"
                after = balances(conn)
                print(
                    f"  {name:10}: {outcome}; balances {after},"
                    f" total {sum(after)}"
                )


if __name__ == "__main__":
    main()
