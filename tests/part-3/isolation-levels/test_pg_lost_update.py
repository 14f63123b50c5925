"""What pg_lost_update.py teaches, on a throwaway PostgreSQL: read-then-write
loses an update under READ COMMITTED, REPEATABLE READ refuses it with 40001, and
an atomic UPDATE or SELECT ... FOR UPDATE keeps both under the same schedule."""

import functools

import pytest

from conftest import load_snippet
from server_fixtures import Database

snippet = load_snippet("part-3/isolation-levels/pg_lost_update.py")


@pytest.fixture(autouse=True)
def _point_at(postgres_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in postgres_db.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("DATABASE_URL", raising=False)


def run(level: str) -> tuple[str, int]:
    demo = functools.partial(snippet.read_then_write, level=level)
    return snippet.run("control", demo)


def test_read_then_write_loses_an_update_under_read_committed() -> None:
    assert run("READ COMMITTED") == ("both committed", 120)


def test_read_uncommitted_is_read_committed_in_postgresql() -> None:
    assert run("READ UNCOMMITTED") == ("both committed", 120)


@pytest.mark.parametrize("level", ["REPEATABLE READ", "SERIALIZABLE"])
def test_snapshot_levels_refuse_the_stale_write(level: str) -> None:
    assert run(level) == ("second write refused, SQLSTATE 40001", 110)


def test_an_atomic_update_keeps_both_increments() -> None:
    what, final = snippet.run("fix", snippet.atomic_update)
    assert final == 130 and "waited" in what


def test_select_for_update_makes_the_second_reader_see_the_first_write() -> None:
    what, final = snippet.run("fix", snippet.select_for_update)
    assert final == 130 and what.endswith("read 110")


def test_nothing_is_left_on_the_server(postgres_db: Database) -> None:
    import psycopg

    snippet.run("any", snippet.atomic_update)
    with psycopg.connect(postgres_db.conninfo) as conn:
        assert conn.execute("SELECT to_regclass('lu_account')").fetchone() == (None,)
