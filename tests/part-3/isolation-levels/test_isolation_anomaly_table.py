"""What isolation_anomaly_table.py shows, cell by cell, from real runs on a
throwaway PostgreSQL and on SQLite. (The page's table is the snippet's captured
output, which tests/test_snippets.py compares with a fresh run.)"""

import pytest

from conftest import load_snippet
from server_fixtures import Database

snippet = load_snippet("part-3/isolation-levels/isolation_anomaly_table.py")

EXPECTED = {
    #                      RU           RC           RR           SER          SQLite
    "dirty read": ["prevented", "prevented", "prevented", "prevented", "prevented"],
    "non-repeatable read": ["happens", "happens", "prevented", "prevented", "prevented"],
    "phantom read": ["happens", "happens", "prevented", "prevented", "prevented"],
    "lost update": ["happens", "happens", "aborted", "aborted", "aborted"],
    "write skew": ["happens", "happens", "happens", "aborted", "aborted"],
}


@pytest.fixture(autouse=True)
def _point_at(postgres_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in postgres_db.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("DATABASE_URL", raising=False)


def test_every_cell_matches_what_the_standard_and_the_docs_say() -> None:
    rows, errors = snippet.table()
    columns = ["RU", "RC", "RR", "SER", "SQLite"]
    assert {name: [cells[c] for c in columns] for name, cells in rows.items()} == EXPECTED
    assert errors == {
        "PostgreSQL": {"SQLSTATE 40001"},
        "SQLite": {"SQLITE_BUSY", "SQLITE_BUSY_SNAPSHOT"},
    }


def test_sqlite_refuses_a_write_from_a_stale_snapshot() -> None:
    with (
        snippet.sqlite() as (a, b),
        pytest.raises(snippet.Aborted, match="SQLITE_BUSY_SNAPSHOT"),
    ):
        snippet.lost_update(a, b)
