"""Downsampling and retention: keep raw points for hours, summaries for
months.

Raw readings every 10 s are rolled up into 5-minute rows that keep the
count, sum, min and max (not the mean). An hourly mean computed from those
rows is exact. The control averages the 5-minute means instead, which is
wrong as soon as buckets hold different numbers of points (a gap in the
data, a partial bucket). Retention then deletes raw points older than a
cut-off; the rollups still answer questions about that time.
"""
# output: exact

import random
import sqlite3
from contextlib import closing

DAY = 86_400
NOW = 1_767_225_600 + DAY  # a fixed "now": 2026-01-02 00:00 UTC
RAW_KEEP = 6 * 3_600  # raw points live 6 hours


def readings(seed: int = 3) -> list[tuple[int, float]]:
    """A day of 10-second CPU readings. In the first hour, the collector
    drops half of the readings taken while the machine is busy."""
    rng = random.Random(seed)
    rows = []
    for ts in range(NOW - DAY, NOW, 10):
        busy = (ts // 300) % 4 == 0  # one 5-minute bucket in four
        if busy and ts < NOW - DAY + 3_600 and rng.random() < 0.5:
            continue
        level = 60.0 if busy else 20.0
        rows.append((ts, round(level + rng.uniform(-3, 3), 1)))
    return rows


# --8<-- [start:idea]
SCHEMA = """
CREATE TABLE cpu (ts INTEGER PRIMARY KEY, value REAL);
CREATE TABLE cpu_5m (start INTEGER PRIMARY KEY,
                     n INTEGER, total REAL, low REAL, high REAL);
"""

ROLL_UP = """
INSERT OR REPLACE INTO cpu_5m
SELECT ts / 300 * 300, count(*), sum(value), min(value), max(value)
FROM cpu WHERE ts >= ? AND ts < ? GROUP BY 1
"""

HOURLY_EXACT = """
SELECT start / 3600 * 3600 AS hour, sum(total) / sum(n)  -- weighted
FROM cpu_5m GROUP BY hour ORDER BY hour LIMIT 1
"""

HOURLY_MEAN_OF_MEANS = """
SELECT start / 3600 * 3600 AS hour, avg(total / n)       -- the control
FROM cpu_5m GROUP BY hour ORDER BY hour LIMIT 1
"""


def apply_retention(db: sqlite3.Connection, now: int) -> int:
    return db.execute(
        "DELETE FROM cpu WHERE ts < ?", (now - RAW_KEEP,)
    ).rowcount


# --8<-- [end:idea]


def raw_first_hour(db: sqlite3.Connection) -> float:
    lo = NOW - DAY
    row = db.execute(
        "SELECT avg(value) FROM cpu WHERE ts >= ? AND ts < ?", (lo, lo + 3_600)
    ).fetchone()
    return float(row[0])


def main() -> None:
    with closing(sqlite3.connect(":memory:")) as db:
        db.executescript(SCHEMA)
        db.executemany("INSERT INTO cpu VALUES (?, ?)", readings())
        raw = db.execute("SELECT count(*) FROM cpu").fetchone()[0]
        db.execute(ROLL_UP, (NOW - DAY, NOW))
        rolled = db.execute("SELECT count(*) FROM cpu_5m").fetchone()[0]
        print(f"raw points: {raw}, 5-minute rows: {rolled}")

        truth = raw_first_hour(db)
        exact = db.execute(HOURLY_EXACT).fetchone()[1]
        mean_of_means = db.execute(HOURLY_MEAN_OF_MEANS).fetchone()[1]
        print("first hour's mean CPU (the hour with gaps):")
        print(f"  from raw points              {truth:.3f}")
        print(f"  from rollups, sum / count    {exact:.3f}")
        print(f"  from rollups, mean of means  {mean_of_means:.3f}  (wrong)")

        deleted = apply_retention(db, NOW)
        kept = db.execute("SELECT count(*) FROM cpu").fetchone()[0]
        print(f"retention: deleted {deleted} raw points, kept {kept}")
        again = db.execute(HOURLY_EXACT).fetchone()[1]
        print(f"first hour's mean, raw points gone: {again:.3f}")


if __name__ == "__main__":
    main()
