"""What sqlite_begin_immediate.py teaches: with a deferred BEGIN the second
read-then-write transaction fails at its write (SQLITE_BUSY_SNAPSHOT, after doing
its reads); with BEGIN IMMEDIATE it is stopped at BEGIN and, started again after
the first commits, reads the new value, so both increments land (130)."""

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/isolation-levels/sqlite_begin_immediate.py")


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[sqlite3.Connection, sqlite3.Connection]]:
    path = os.path.join(tmp_path, "bank.db")
    with contextlib.closing(sqlite3.connect(path)) as setup, setup:
        setup.execute("PRAGMA journal_mode=WAL")
        setup.execute("CREATE TABLE acct (id INTEGER PRIMARY KEY, bal INT)")
        setup.execute("INSERT INTO acct VALUES (1, 100)")
    a = sqlite3.connect(path, isolation_level=None, timeout=0)
    b = sqlite3.connect(path, isolation_level=None, timeout=0)
    with contextlib.closing(a), contextlib.closing(b):
        yield a, b


def test_deferred_refuses_the_stale_write(
    pair: tuple[sqlite3.Connection, sqlite3.Connection],
) -> None:
    a, b = pair
    assert snippet.deferred(a, b) == "second write refused: SQLITE_BUSY_SNAPSHOT"
    assert snippet.read(a) == 110


def test_immediate_stops_the_second_at_begin_and_keeps_both(
    pair: tuple[sqlite3.Connection, sqlite3.Connection],
) -> None:
    a, b = pair
    assert snippet.immediate(a, b) == "second BEGIN refused: SQLITE_BUSY"
    assert snippet.read(a) == 130
