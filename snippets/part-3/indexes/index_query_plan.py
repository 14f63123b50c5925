"""The article's two indexes, with the query plan before and after.

An index is a second, sorted copy of some columns (a B-tree), each entry
pointing back at its row. `EXPLAIN QUERY PLAN` says whether SQLite reads
the whole table (SCAN) or jumps into an index (SEARCH). A function on the
column (`lower(email)`) hides it from a plain index; an index on the
expression itself brings the SEARCH back.
"""
# output: exact

import contextlib
import sqlite3

ROWS = 20_000


def plan(conn: sqlite3.Connection, sql: str, *args: object) -> str:
    """SQLite's plan for `sql`, one step per line. SQLite before 3.36
    says 'SCAN TABLE users'; newer ones 'SCAN users': print one form."""
    rows = conn.execute("EXPLAIN QUERY PLAN " + sql, args).fetchall()
    steps = [row[3].replace(" TABLE ", " ") for row in rows]
    return "; ".join(steps)


def make_tables(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT, name TEXT)"
    )
    conn.execute(
        "CREATE TABLE orders (id INTEGER PRIMARY KEY,"
        " user_id INTEGER, created_date TEXT, total INTEGER)"
    )
    conn.executemany(
        "INSERT INTO users (email, name) VALUES (?, ?)",
        ((f"user{i}@example.com", f"User {i}") for i in range(ROWS)),
    )
    conn.executemany(
        "INSERT INTO orders (user_id, created_date, total) VALUES (?, ?, ?)",
        (
            (i % ROWS, f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}", i % 500)
            for i in range(ROWS * 2)
        ),
    )


# --8<-- [start:idea]
BY_EMAIL = "SELECT id, name FROM users WHERE email = ?"
BY_LOWER = "SELECT id, name FROM users WHERE lower(email) = ?"
SINCE = "SELECT id, total FROM orders WHERE created_date >= ?"


def show_plans(conn: sqlite3.Connection) -> None:
    email = "user5@example.com"
    print("before:", plan(conn, BY_EMAIL, email))
    print("before:", plan(conn, SINCE, "2025-12-01"))

    conn.execute("CREATE INDEX idx_user_email ON users(email)")
    conn.execute("CREATE INDEX idx_order_date ON orders(created_date)")
    print("after: ", plan(conn, BY_EMAIL, email))
    print("after: ", plan(conn, SINCE, "2025-12-01"))

    # Equality is exact (BINARY collation): another case finds nothing.
    found = conn.execute(BY_EMAIL, ("USER5@example.com",)).fetchall()
    print("rows for USER5@example.com:", len(found))

    # A function on the column hides the index on the column...
    print("lower():", plan(conn, BY_LOWER, email))
    # ...until the index is built on that very expression.
    conn.execute("CREATE INDEX idx_user_email_lower ON users(lower(email))")
    print("lower():", plan(conn, BY_LOWER, email))
    found = conn.execute(BY_LOWER, ("user5@example.com",)).fetchall()
    print("rows for lower(email) = user5@example.com:", len(found))
    # --8<-- [end:idea]


def main() -> None:
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        make_tables(conn)
        show_plans(conn)


if __name__ == "__main__":
    main()
