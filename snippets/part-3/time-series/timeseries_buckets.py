"""The article's InfluxQL query, "mean CPU per 5 minutes over the last
hour", run on SQLite the way InfluxDB runs it.

InfluxDB starts its buckets at multiples of 5 minutes since the Unix
epoch, not at "now minus one hour", so an hour that does not start on a
boundary touches 13 buckets: a partial one at each end. A bucket with no
points still gets a row, with no mean (null). Aligning the buckets to the
window's own start gives the 12 full buckets a reader expects.
"""
# output: exact

import math
import random
import sqlite3
from contextlib import closing

STEP = 10  # seconds between points
BUCKET = 300  # 5 minutes
NOW = 1_767_232_925  # a fixed "now": 2026-01-01 02:02:05 UTC
OUTAGE = range(NOW - 1_625, NOW - 1_325)  # the collector was down
Row = tuple[int, int, float | None]


def points(seed: int = 7) -> list[tuple[int, float]]:
    """Two hours of CPU readings every 10 s, from a seeded generator."""
    rng = random.Random(seed)
    first = (NOW - 7_200) // STEP * STEP
    rows = []
    for ts in range(first, NOW + 1, STEP):
        wave = 40 + 15 * math.sin(ts / 900)
        if ts not in OUTAGE:
            rows.append((ts, round(wave + rng.uniform(-5, 5), 1)))
    return rows


# --8<-- [start:idea]
MEAN_PER_BUCKET = """
WITH RECURSIVE bucket(start) AS (          -- every bucket, even empty ones
    SELECT :first
    UNION ALL SELECT start + :width FROM bucket WHERE start + :width < :hi
)
SELECT start, count(value), round(avg(value), 1)
FROM bucket LEFT JOIN cpu
  ON ts >= max(start, :lo) AND ts < min(start + :width, :hi)
GROUP BY start ORDER BY start
"""


def mean_per_bucket(
    db: sqlite3.Connection, lo: int, hi: int, first: int
) -> list[Row]:
    window = {"lo": lo, "hi": hi, "first": first, "width": BUCKET}
    return db.execute(MEAN_PER_BUCKET, window).fetchall()


def last_hour(db: sqlite3.Connection, epoch_aligned: bool) -> list[Row]:
    lo, hi = NOW - 3_600, NOW  # time >= now() - 1h (and < now())
    first = lo // BUCKET * BUCKET if epoch_aligned else lo
    return mean_per_bucket(db, lo, hi, first)


# --8<-- [end:idea]


def show(title: str, rows: list[Row]) -> None:
    print(f"{title}: {len(rows)} rows")
    for start, count, mean in rows:
        offset = (start - NOW) / 60
        shown = "null" if mean is None else mean
        print(f"  now{offset:+6.1f} min  {count:2} points  mean {shown}")


def main() -> None:
    with closing(sqlite3.connect(":memory:")) as db:
        db.execute("CREATE TABLE cpu (ts INTEGER PRIMARY KEY, value REAL)")
        db.executemany("INSERT INTO cpu VALUES (?, ?)", points())
        show("aligned to the epoch, as InfluxDB does", last_hour(db, True))
        show("aligned to the window's start", last_hour(db, False))


if __name__ == "__main__":
    main()
