"""What acid_transfer.py teaches: the transfer as written creates money when the
debit fails and destroys it when the credit matches no row; the fixed transfer
(roll back on any error, check row counts) leaves both balances untouched."""

import contextlib
import sqlite3

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/relational-and-acid/acid_transfer.py")


def test_as_written_a_failed_debit_still_commits_the_credit() -> None:
    with contextlib.closing(snippet.open_bank(50)) as conn:
        snippet.transfer_as_written(conn, 2, 100)
        assert snippet.balances(conn) == [50, 100]  # 100 created from nothing


def test_as_written_a_missing_account_loses_the_money() -> None:
    with contextlib.closing(snippet.open_bank(500)) as conn:
        snippet.transfer_as_written(conn, 3, 100)
        assert snippet.balances(conn) == [400, 0]


def test_fixed_a_failed_debit_undoes_everything() -> None:
    with contextlib.closing(snippet.open_bank(50)) as conn:
        with pytest.raises(sqlite3.IntegrityError):
            snippet.transfer(conn, 2, 100)
        assert snippet.balances(conn) == [50, 0]
        assert not conn.in_transaction


def test_fixed_a_missing_account_raises_and_undoes_the_debit() -> None:
    with contextlib.closing(snippet.open_bank(500)) as conn:
        with pytest.raises(LookupError, match="no account 3"):
            snippet.transfer(conn, 3, 100)
        assert snippet.balances(conn) == [500, 0]


def test_fixed_a_good_transfer_commits_both_sides() -> None:
    with contextlib.closing(snippet.open_bank(500)) as conn:
        snippet.transfer(conn, 2, 100)
        assert snippet.balances(conn) == [400, 100]
