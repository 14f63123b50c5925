"""The four golden signals from one minute of (synthetic) requests.

Latency, traffic, errors and saturation (Google SRE book, chapter 6).
Latency is reported as percentiles, not a mean: a mean hides the slow
requests that users remember. The requests are generated from a seeded
random.Random(42), so the numbers are the same on every run.
"""
# output: exact

import random
import statistics
from collections import Counter
from dataclasses import dataclass

WINDOW = 60.0  # seconds of traffic observed
WORKERS = 8  # how many requests the service can work on at once


@dataclass
class Request:
    status: int  # HTTP status code
    latency_ms: float


def synthetic_minute(rng: random.Random, count: int = 1200) -> list[Request]:
    requests = []
    for _ in range(count):
        roll = rng.random()
        if roll < 0.01:  # 1%: fail fast with an error
            requests.append(Request(500, rng.uniform(2, 5)))
        elif roll < 0.04:  # 3%: stuck behind a slow dependency
            requests.append(Request(200, rng.uniform(400, 1500)))
        else:  # the rest: typically around 40 ms
            requests.append(Request(200, rng.lognormvariate(3.7, 0.4)))
    return requests


def percentiles(
    samples: list[float], wanted: tuple[int, ...] = (50, 95, 99)
) -> dict[int, float]:
    # n=100 gives the 99 cut points p1..p99. "inclusive" treats the samples
    # as the whole population (the same as NumPy's default).
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return {p: cuts[p - 1] for p in wanted}


# --8<-- [start:idea]
def main() -> None:
    requests = synthetic_minute(random.Random(42))
    statuses = Counter(r.status for r in requests)  # counters
    ok = [r.latency_ms for r in requests if r.status < 500]
    failed = [r.latency_ms for r in requests if r.status >= 500]

    print(
        f"traffic:    {len(requests) / WINDOW:.1f} requests/s "
        f"({len(requests)} in {WINDOW:.0f} s)"
    )
    print(
        f"errors:     {statuses[500] / len(requests):.1%} "
        f"(status counts {dict(sorted(statuses.items()))})"
    )
    # Keep failures apart: fast errors would flatter the latency figures.
    p = percentiles(ok)
    print(
        f"latency:    p50 {p[50]:.1f} ms, p95 {p[95]:.1f} ms, "
        f"p99 {p[99]:.1f} ms (successful requests)"
    )
    print(
        f"            mean {statistics.fmean(ok):.1f} ms, "
        f"max {max(ok):.1f} ms; failed requests: "
        f"mean {statistics.fmean(failed):.1f} ms"
    )
    # Busy worker-seconds over available worker-seconds.
    busy = sum(r.latency_ms for r in requests) / 1000
    print(
        f"saturation: workers busy {busy / (WORKERS * WINDOW):.0%} "
        f"of the time ({WORKERS} workers)"
    )


# --8<-- [end:idea]


if __name__ == "__main__":
    main()
