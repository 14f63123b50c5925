"""Tail latency by balancing strategy: a seeded simulation.

Four servers, one of them half as fast as the others, each serving its
own queue in arrival order. Requests arrive at random (a Poisson process)
at half the servers' total capacity, and each takes a random amount of
work (exponential, mean 1 time unit on a fast server). The same arrivals
and the same work go through four strategies; only the choice of server
differs. Latency is waiting plus service, in units of the mean service
time of a fast server.
"""
# output: exact

import math
import random
from collections import deque
from collections.abc import Callable

RATES = (1.0, 1.0, 1.0, 0.5)  # work units per time unit, per server
Strategy = Callable[[list[int], int, random.Random], int]


# --8<-- [start:strategies]
def random_choice(outstanding: list[int], n: int, rng: random.Random) -> int:
    return rng.randrange(len(outstanding))


def round_robin(outstanding: list[int], n: int, rng: random.Random) -> int:
    return n % len(outstanding)  # n: the request's number


def least_outstanding(
    outstanding: list[int], n: int, rng: random.Random
) -> int:
    return min(range(len(outstanding)), key=outstanding.__getitem__)


def two_choices(outstanding: list[int], n: int, rng: random.Random) -> int:
    a, b = rng.sample(range(len(outstanding)), 2)  # two at random ...
    return a if outstanding[a] <= outstanding[b] else b  # ... less busy


# --8<-- [end:strategies]

STRATEGIES: dict[str, Strategy] = {
    "random": random_choice,
    "round robin": round_robin,
    "two choices": two_choices,
    "least outstanding": least_outstanding,
}


# --8<-- [start:simulate]
def simulate(
    strategy: Strategy,
    load: float = 0.5,
    requests: int = 20_000,
    seed: int = 1,
    rates: tuple[float, ...] = RATES,
) -> list[float]:
    """Each request's latency: time from arrival to the end of service."""
    workload = random.Random(seed)  # the same arrivals for every strategy
    chooser = random.Random(seed + 1)  # the strategy's own coin flips
    arrival_rate = load * sum(rates)
    finishes: list[deque[float]] = [deque() for _ in rates]  # per server
    now, latencies = 0.0, []
    for n in range(requests):
        now += workload.expovariate(arrival_rate)
        work = workload.expovariate(1.0)
        for queue in finishes:  # forget requests already finished
            while queue and queue[0] <= now:
                queue.popleft()
        outstanding = [len(queue) for queue in finishes]
        i = strategy(outstanding, n, chooser)
        start = finishes[i][-1] if finishes[i] else now  # FIFO: wait
        finishes[i].append(start + work / rates[i])
        latencies.append(finishes[i][-1] - now)
    return latencies


# --8<-- [end:simulate]


def percentile(values: list[float], p: float) -> float:
    """Nearest rank: the smallest value with p% of values at or below."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def main() -> None:
    print(f"4 servers, speeds {RATES}, load 50%, 20000 requests, seed 1")
    print(f"{'strategy':<18} {'p50':>6} {'p99':>6}")
    for name, strategy in STRATEGIES.items():
        latencies = simulate(strategy)
        p50, p99 = percentile(latencies, 50), percentile(latencies, 99)
        print(f"{name:<18} {p50:6.2f} {p99:6.2f}")


if __name__ == "__main__":
    main()
