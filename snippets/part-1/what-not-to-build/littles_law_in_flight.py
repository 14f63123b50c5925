"""Little's law: requests in flight = arrival rate x time in the system.

Requests arrive at random (a seeded generator, so every run is the same)
and each one waits about 50 ms, say on a database. The program measures
the three quantities separately: the arrival rate, the mean time each
request spends in the system, and the number in flight, read by a gauge
every 10 ms as a metrics system would. The third is the product of the
first two, with or without a queue (John D. C. Little, 1961).
"""
# output: exact

import heapq
import random
import statistics
from bisect import bisect_right

SECONDS = 60.0  # how long the simulated traffic lasts
RATE = 200.0  # requests per second, on average
WAIT = 0.050  # seconds each request spends waiting, on average
GAUGE_EVERY = 0.010  # seconds between two readings of the gauge


# --8<-- [start:idea]
def simulate(workers: int | None, seed: int = 7) -> list[tuple[float, float]]:
    """(arrival, departure) of every request, first come, first served.

    workers=None: every request is served at once (pure waiting, as when
    threads or an event loop overlap the waits). A number: at most that
    many at a time; the others queue.
    """
    rng = random.Random(seed)
    free_at = [0.0] * (workers or 1)  # when each worker is next free
    visits, now = [], 0.0
    while (now := now + rng.expovariate(RATE)) < SECONDS:
        start = now if workers is None else max(now, heapq.heappop(free_at))
        done = start + rng.expovariate(1 / WAIT)
        if workers is not None:
            heapq.heappush(free_at, done)
        visits.append((now, done))
    return visits


def gauge(visits: list[tuple[float, float]]) -> float:
    """Mean number in flight, read every GAUGE_EVERY seconds."""
    arrived = [a for a, _ in visits]  # already sorted
    departed = sorted(d for _, d in visits)
    readings = [
        bisect_right(arrived, t) - bisect_right(departed, t)
        for t in (i * GAUGE_EVERY for i in range(int(SECONDS / GAUGE_EVERY)))
    ]
    return statistics.fmean(readings)


# --8<-- [end:idea]


def main() -> None:
    print(f"{SECONDS:g} s of traffic, {WAIT * 1000:g} ms per request")
    print("workers     rate/s  time in system  rate x time  gauge reads")
    for workers in (None, 13, 11):
        visits = simulate(workers)
        rate = len(visits) / SECONDS
        time_in = statistics.fmean(d - a for a, d in visits)
        print(
            f"{workers or 'unlimited':<10}{rate:>8.1f}"
            f"{time_in * 1000:>13.1f} ms{rate * time_in:>13.2f}"
            f"{gauge(visits):>13.2f}"
        )


if __name__ == "__main__":
    main()
