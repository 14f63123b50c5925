"""What pg_failed_statement.py teaches: after an error PostgreSQL refuses every
statement (25P02) and turns COMMIT into ROLLBACK; a savepoint undoes only the
failed step and the rest commits."""

import pytest

from conftest import load_snippet
from server_fixtures import Database

snippet = load_snippet("part-3/isolation-levels/pg_failed_statement.py")


@pytest.fixture(autouse=True)
def _point_at(postgres_db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in postgres_db.env.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("DATABASE_URL", raising=False)


def test_the_transaction_is_aborted_whole_and_commit_answers_rollback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    snippet.main()
    first, second = capsys.readouterr().out.split("transfer 30")
    assert "debit 1 by 100         -> error 23514" in first
    assert "credit 2 by 100        -> error 25P02 (InFailedSqlTransaction)" in first
    assert "COMMIT                 -> ok (ROLLBACK)" in first
    assert "balances: [50, 0]" in first


def test_a_savepoint_keeps_the_rest_of_the_transaction(
    capsys: pytest.CaptureFixture[str],
) -> None:
    snippet.main()
    second = capsys.readouterr().out.split("transfer 30")[1]
    assert "use coupon WELCOME     -> error 23505" in second
    assert "COMMIT                 -> ok (COMMIT)" in second
    assert "balances: [20, 30]" in second


def test_without_the_savepoint_the_coupon_error_loses_the_transfer(
    postgres_db: Database,
) -> None:
    """The control: the same steps minus SAVEPOINT / ROLLBACK TO commit nothing."""
    import psycopg

    steps = [s for s in snippet.WITH_SAVEPOINT if "SAVEPOINT" not in s[1]]
    with psycopg.connect(postgres_db.conninfo, autocommit=True) as conn:
        conn.execute(
            "CREATE TABLE fs_account (id int PRIMARY KEY,"
            " balance int NOT NULL CHECK (balance >= 0))"
        )
        conn.execute("INSERT INTO fs_account VALUES (1, 50), (2, 0)")
        conn.execute("CREATE TABLE fs_coupon (code text PRIMARY KEY)")
        conn.execute("INSERT INTO fs_coupon VALUES ('WELCOME')")
        snippet.run_steps(conn, steps)
        assert snippet.balances(conn) == [50, 0]
