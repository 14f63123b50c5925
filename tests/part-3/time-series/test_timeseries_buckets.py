"""What timeseries_buckets.py teaches: "the last hour in 5-minute buckets"
gives 13 epoch-aligned rows with partial ends and a null for the outage;
aligned to the window it gives 12."""

import sqlite3
from contextlib import closing

from conftest import load_snippet

snippet = load_snippet("part-3/time-series/timeseries_buckets.py")


def rows(epoch_aligned: bool) -> list[tuple[int, int, float | None]]:
    with closing(sqlite3.connect(":memory:")) as db:
        db.execute("CREATE TABLE cpu (ts INTEGER PRIMARY KEY, value REAL)")
        db.executemany("INSERT INTO cpu VALUES (?, ?)", snippet.points())
        return snippet.last_hour(db, epoch_aligned)


def test_the_generator_is_deterministic() -> None:
    assert snippet.points() == snippet.points()
    assert snippet.points(seed=1) != snippet.points(seed=2)


def test_epoch_aligned_buckets_are_13_with_partial_ends_and_a_null() -> None:
    result = rows(epoch_aligned=True)
    assert len(result) == 13
    assert all(start % 300 == 0 for start, _, _ in result)
    counts = [count for _, count, _ in result]
    assert counts[0] < 30 and counts[-1] < 30  # partial at both ends
    assert counts[0] + counts[-1] == 30  # together, one bucket's worth
    empty = [mean for _, count, mean in result if count == 0]
    assert empty == [None]  # the outage: a row with no mean
    assert sum(counts) == 360 - 30  # an hour of 10-s points, minus the gap


def test_window_aligned_buckets_are_12_starting_at_the_window() -> None:
    result = rows(epoch_aligned=False)
    assert len(result) == 12
    assert result[0][0] == snippet.NOW - 3_600
    assert sum(count for _, count, _ in result) == 330


def test_bucket_means_match_a_plain_python_computation() -> None:
    lo, hi = snippet.NOW - 3_600, snippet.NOW
    pts = [(ts, v) for ts, v in snippet.points() if lo <= ts < hi]
    for start, count, mean in rows(epoch_aligned=True):
        inside = [v for ts, v in pts if start <= ts < start + 300]
        assert count == len(inside)
        if inside:
            assert mean == round(sum(inside) / len(inside), 1)
