"""What index_query_plan.py teaches: CREATE INDEX turns a SCAN into a
SEARCH; lower(email) defeats a plain index until an expression index
exists; equality on text is case-sensitive."""

import contextlib
import re
import sqlite3
from collections.abc import Iterator

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/indexes/index_query_plan.py")


@pytest.fixture
def conn() -> Iterator[sqlite3.Connection]:
    with contextlib.closing(sqlite3.connect(":memory:")) as conn:
        snippet.make_tables(conn)
        yield conn


def test_scan_before_search_after(conn: sqlite3.Connection) -> None:
    email = "user5@example.com"
    assert re.fullmatch(r"SCAN users", snippet.plan(conn, snippet.BY_EMAIL, email))
    conn.execute("CREATE INDEX idx_user_email ON users(email)")
    assert re.fullmatch(
        r"SEARCH users USING (COVERING )?INDEX idx_user_email \(email=\?\)",
        snippet.plan(conn, snippet.BY_EMAIL, email),
    )


def test_the_date_index_serves_a_range(conn: sqlite3.Connection) -> None:
    assert snippet.plan(conn, snippet.SINCE, "2025-12-01") == "SCAN orders"
    conn.execute("CREATE INDEX idx_order_date ON orders(created_date)")
    assert re.search(
        r"SEARCH orders USING INDEX idx_order_date \(created_date>\?\)",
        snippet.plan(conn, snippet.SINCE, "2025-12-01"),
    )


def test_lower_needs_an_expression_index(conn: sqlite3.Connection) -> None:
    conn.execute("CREATE INDEX idx_user_email ON users(email)")
    assert snippet.plan(conn, snippet.BY_LOWER, "x").startswith("SCAN users")
    conn.execute("CREATE INDEX idx_lower ON users(lower(email))")
    assert re.search(
        r"SEARCH users USING INDEX idx_lower \(<expr>=\?\)",
        snippet.plan(conn, snippet.BY_LOWER, "x"),
    )


def test_equality_is_case_sensitive(conn: sqlite3.Connection) -> None:
    assert conn.execute(snippet.BY_EMAIL, ("USER5@example.com",)).fetchall() == []
    assert len(conn.execute(snippet.BY_EMAIL, ("user5@example.com",)).fetchall()) == 1
    assert len(conn.execute(snippet.BY_LOWER, ("user5@example.com",)).fetchall()) == 1


def test_the_page_output(capsys: pytest.CaptureFixture[str]) -> None:
    snippet.main()
    out = capsys.readouterr().out
    assert "rows for USER5@example.com: 0" in out
    assert out.count("SCAN") == 3 and out.count("SEARCH") == 3
