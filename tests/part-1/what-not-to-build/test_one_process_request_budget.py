"""What one_process_request_budget.py teaches: one plain process, on one core, serves
far more requests per second than a million requests a day asks for at its peak."""

import json
import sqlite3
from collections.abc import Iterator

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/what-not-to-build/one_process_request_budget.py")


@pytest.fixture()
def db() -> Iterator[sqlite3.Connection]:
    connection = snippet.make_database(users=100)
    yield connection
    connection.close()


def test_a_request_returns_the_user_as_json(db: sqlite3.Connection) -> None:
    assert json.loads(snippet.handle(db, 42)) == {"id": 42, "name": "user42", "plan": "free"}


def test_a_million_requests_a_day_is_about_twelve_a_second_on_average() -> None:
    assert pytest.approx(11.574, abs=0.001) == 1_000_000 / snippet.SECONDS_PER_DAY
    assert snippet.peak_per_second(1_000_000) == pytest.approx(115.74, abs=0.01)
    assert snippet.peak_per_second(1_000_000, peak_factor=1) == pytest.approx(11.574, abs=0.001)


def test_headroom_is_capacity_over_peak() -> None:
    # 1 ms per request = 1,000 requests/s; 1,000,000 a day peaks at ~115.7/s.
    assert snippet.headroom(0.001, 1_000_000) == pytest.approx(1000 / 115.74, rel=1e-3)
    assert snippet.headroom(0.1, 1_000_000) < 1, "100 ms per request cannot keep up"


@pytest.mark.timing
def test_one_core_covers_a_million_requests_a_day_many_times_over() -> None:
    connection = snippet.make_database()
    try:
        # seconds_per_request already keeps the best of three rounds.
        cost = snippet.seconds_per_request(connection, requests=5_000)
    finally:
        connection.close()
    # Typically hundreds to thousands of times over; 20x leaves room for a busy machine.
    assert snippet.headroom(cost, 1_000_000) > 20, f"one request took {cost * 1e6:.0f} us"
