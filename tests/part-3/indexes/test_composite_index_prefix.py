"""What composite_index_prefix.py teaches: a composite index serves its
leftmost columns only; it gives order for free on its next column; with
every column a query reads, it covers the query (no table access)."""

import contextlib
import sqlite3
from collections.abc import Iterator

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/indexes/composite_index_prefix.py")
Q = snippet.QUERIES


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        snippet.make_orders(conn)
        yield conn


def plans(conn: sqlite3.Connection) -> dict[str, str]:
    return {name: snippet.plan(conn, sql) for name, sql in Q.items()}


def test_leftmost_prefix(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX i ON orders(user_id, created_date)")
    p = plans(conn)
    assert p["one user"] == "SEARCH orders USING INDEX i (user_id=?)"
    assert "(user_id=? AND created_date>?)" in p["user + dates"]
    # Without the leftmost column, the index is no help: a full scan.
    assert p["dates only"] == "SCAN orders"


def test_order_comes_free_on_the_next_column(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX i ON orders(user_id, created_date)")
    p = plans(conn)
    assert "TEMP B-TREE" not in p["sorted by date"]
    assert "USE TEMP B-TREE FOR ORDER BY" in p["sorted by total"]


def test_covering(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX i ON orders(user_id, created_date)")
    p = plans(conn)
    assert "COVERING" in p["date column"] and "COVERING" not in p["one user"]
    conn.execute("DROP INDEX i")
    conn.execute("CREATE INDEX j ON orders(user_id, created_date, total)")
    p = plans(conn)
    for name in ("one user", "user + dates", "sorted by date", "date column"):
        assert "USING COVERING INDEX j" in p[name], name
    assert p["dates only"] == "SCAN orders"


def test_answers_do_not_depend_on_the_index(conn: sqlite3.Connection) -> None:
    before = {n: sorted(conn.execute(sql).fetchall()) for n, sql in Q.items()}
    snippet.demo(conn)
    after = {n: sorted(conn.execute(sql).fetchall()) for n, sql in Q.items()}
    assert before == after and before["one user"]
