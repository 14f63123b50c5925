"""What timeseries_rollup_retention.py teaches: rollups that keep sum and
count reproduce the raw mean; the mean of means does not (the control);
retention deletes old raw points and the rollups still answer."""

import sqlite3
from contextlib import closing

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/time-series/timeseries_rollup_retention.py")


def loaded() -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.executescript(snippet.SCHEMA)
    db.executemany("INSERT INTO cpu VALUES (?, ?)", snippet.readings())
    db.execute(snippet.ROLL_UP, (snippet.NOW - snippet.DAY, snippet.NOW))
    return db


def test_rollups_cover_the_day_in_288_buckets_and_every_point() -> None:
    with closing(loaded()) as db:
        assert db.execute("SELECT count(*), sum(n) FROM cpu_5m").fetchone() == (
            288,
            len(snippet.readings()),
        )


def test_sum_over_count_is_exact_and_mean_of_means_is_not() -> None:
    with closing(loaded()) as db:
        truth = snippet.raw_first_hour(db)
        exact = db.execute(snippet.HOURLY_EXACT).fetchone()[1]
        control = db.execute(snippet.HOURLY_MEAN_OF_MEANS).fetchone()[1]
    assert exact == pytest.approx(truth, abs=1e-9)
    assert abs(control - truth) > 1.0


def test_retention_keeps_six_hours_of_raw_points_and_the_rollups() -> None:
    with closing(loaded()) as db:
        before = db.execute(snippet.HOURLY_EXACT).fetchone()
        deleted = snippet.apply_retention(db, snippet.NOW)
        oldest = db.execute("SELECT min(ts), count(*) FROM cpu").fetchone()
        assert deleted > 0
        assert oldest == (snippet.NOW - snippet.RAW_KEEP, 6 * 360)
        assert db.execute(snippet.HOURLY_EXACT).fetchone() == before
