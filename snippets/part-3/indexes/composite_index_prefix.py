"""A composite index serves its leftmost columns, and can cover a query.

An index on (user_id, created_date) is sorted by user_id first and by date
only within each user, like a phone book sorted by surname then first
name. So it finds one user's orders, or one user's orders in a date
range, but not all orders on a date. When the index holds every column a
query needs, SQLite answers from the index alone: a covering index.
"""
# output: exact

import contextlib
import sqlite3


def plan(conn: sqlite3.Connection, sql: str) -> str:
    """SQLite's plan, one step per line ('SCAN TABLE' before 3.36)."""
    rows = conn.execute("EXPLAIN QUERY PLAN " + sql).fetchall()
    return "; ".join(row[3].replace(" TABLE ", " ") for row in rows)


def make_orders(conn: sqlite3.Connection) -> None:
    conn.execute(
        "CREATE TABLE orders (id INTEGER PRIMARY KEY,"
        " user_id INTEGER, created_date TEXT, total INTEGER)"
    )
    conn.executemany(
        "INSERT INTO orders (user_id, created_date, total) VALUES (?, ?, ?)",
        (
            (i % 1000, f"2025-{i % 12 + 1:02d}-{i % 28 + 1:02d}", i % 500)
            for i in range(10_000)
        ),
    )


# --8<-- [start:idea]
QUERIES = {
    "one user": "SELECT total FROM orders WHERE user_id = 7",
    "user + dates": "SELECT total FROM orders"
    " WHERE user_id = 7 AND created_date >= '2025-06-01'",
    "dates only": "SELECT * FROM orders WHERE created_date >= '2025-06-01'",
    "sorted by date": "SELECT total FROM orders"
    " WHERE user_id = 7 ORDER BY created_date",
    "sorted by total": "SELECT total FROM orders"
    " WHERE user_id = 7 ORDER BY total",
    "date column": "SELECT created_date FROM orders WHERE user_id = 7",
}


def show(conn: sqlite3.Connection, heading: str) -> None:
    print(heading)
    for name, sql in QUERIES.items():
        print(f"  {name:<15} {plan(conn, sql)}")


def demo(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX by_user_date ON orders(user_id, created_date)")
    show(conn, "index on (user_id, created_date):")
    # Add the last column a query reads, and the table is never touched.
    conn.execute("DROP INDEX by_user_date")
    conn.execute(
        "CREATE INDEX by_user_date_total"
        " ON orders(user_id, created_date, total)"
    )
    show(conn, "index on (user_id, created_date, total):")
    # --8<-- [end:idea]


def main() -> None:
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        make_orders(conn)
        demo(conn)


if __name__ == "__main__":
    main()
