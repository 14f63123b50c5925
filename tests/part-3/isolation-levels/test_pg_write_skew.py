"""What pg_write_skew.py teaches: write skew commits under READ COMMITTED and
REPEATABLE READ (nobody left on call); SERIALIZABLE aborts one transaction with
40001, and the retry loop runs it again to a correct end (one doctor on call)."""

import pytest

from conftest import load_snippet
from server_fixtures import Database

snippet = load_snippet("part-3/isolation-levels/pg_write_skew.py")


@pytest.fixture(autouse=True)
def _point_at(postgres_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in postgres_db.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("DATABASE_URL", raising=False)


@pytest.mark.parametrize("level", ["READ COMMITTED", "REPEATABLE READ"])
def test_write_skew_commits_below_serializable(level: str) -> None:
    assert snippet.both_go_off_call(level) == (True, True, 1, [])


def test_serializable_aborts_one_and_the_retry_keeps_the_rule(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert snippet.both_go_off_call("SERIALIZABLE") == (True, False, 2, ["bob"])
    assert "attempt 1: SQLSTATE 40001, retrying" in capsys.readouterr().out


def test_without_retries_the_client_sees_40001() -> None:
    """The control: the same schedule with one attempt raises the error."""
    from psycopg import errors

    original = snippet.with_retries
    try:
        snippet.with_retries = lambda conn, level, work: original(conn, level, work, 1)
        with pytest.raises(errors.SerializationFailure) as caught:
            snippet.both_go_off_call("SERIALIZABLE")
    finally:
        snippet.with_retries = original
    assert caught.value.sqlstate == "40001"
