"""How much traffic one plain process can serve: measure, then divide.

A "request" here reads one row from an in-memory SQLite database and
renders it as JSON: a stand-in for the core of a simple API call,
without the network or a web framework around it. Time it on one core,
then compare with what a day of traffic asks for at its busiest.
"""
# output: normalise timings, ratios, machine

import json
import os
import platform
import sqlite3
import time

USERS = 10_000
SECONDS_PER_DAY = 24 * 60 * 60
PEAK_FACTOR = 10  # assume the busiest second is 10x the day's average
DAILY_TRAFFIC = (10_000, 1_000_000, 100_000_000)


def make_database(users: int = USERS) -> sqlite3.Connection:
    # ":memory:" keeps the whole database in this process: no file.
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT, plan TEXT)"
    )
    db.executemany(
        "INSERT INTO users VALUES (?, ?, ?)",
        ((i, f"user{i}", "free") for i in range(users)),
    )
    return db


# --8<-- [start:idea]
def handle(db: sqlite3.Connection, user_id: int) -> bytes:
    """One request: look a user up by primary key, answer with JSON."""
    row = db.execute(
        "SELECT id, name, plan FROM users WHERE id = ?", (user_id,)
    ).fetchone()
    body = {"id": row[0], "name": row[1], "plan": row[2]}
    return json.dumps(body).encode()


def seconds_per_request(
    db: sqlite3.Connection, requests: int = 20_000, rounds: int = 3
) -> float:
    """Best of a few rounds: the least disturbed by other programs."""
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for i in range(requests):
            handle(db, i % USERS)
        best = min(best, (time.perf_counter() - start) / requests)
    return best


def peak_per_second(
    requests_per_day: int, peak_factor: float = PEAK_FACTOR
) -> float:
    """Requests in the busiest second, from a daily total."""
    return requests_per_day / SECONDS_PER_DAY * peak_factor


def headroom(cost_seconds: float, requests_per_day: int) -> float:
    """How many times over one core covers the peak: above 1 is enough."""
    capacity = 1 / cost_seconds  # requests per second on one core
    return capacity / peak_per_second(requests_per_day)


# --8<-- [end:idea]


def main() -> None:
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.system()}"
        f" {platform.machine()}"
    )
    db = make_database()
    try:
        cost = seconds_per_request(db)
    finally:
        db.close()
    print(f"one request (SQLite read + JSON): {cost * 1e6:.1f} us")
    print(
        f"{'requests a day':>15}{'average/s':>11}{'peak/s':>10}"
        "   headroom: one core / peak"
    )
    for per_day in DAILY_TRAFFIC:
        average = per_day / SECONDS_PER_DAY
        print(
            f"{per_day:>15,}{average:>11,.1f}"
            f"{peak_per_second(per_day):>10,.1f}"
            # No padding: the ratio varies by machine, the layout must not.
            f"   {headroom(cost, per_day):.0f}x"
        )


if __name__ == "__main__":
    main()
