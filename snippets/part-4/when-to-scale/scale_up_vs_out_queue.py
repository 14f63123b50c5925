"""Scale up or scale out? One server twice as fast, two servers sharing one
queue, or two servers each with its own queue, at the same load.

All three can serve the same number of requests per second. They differ in
how long a request takes: a faster server shortens every service time; two
servers with one shared queue never leave a request waiting while a server
is idle; two servers with a queue each (a random split, as a naive balancer
does) often do. Simulated with a seeded generator, against the formulas for
M/M/1 (W = 1 / (mu - lambda)) and M/M/2 (W = S / (1 - rho^2)).
"""
# output: exact

import heapq
import random
import statistics

SERVICE_MS = 10.0  # mean service time of one ordinary server


# --8<-- [start:idea]
def simulate(
    servers: int,
    speed: float,
    shared: bool,
    utilisation: float,
    requests: int,
    seed: int,
) -> float:
    """Mean time in the system (ms) for `servers` servers of `speed`."""
    rng = random.Random(seed)
    rate = utilisation * servers * speed / SERVICE_MS  # arrivals per ms
    free_at = [0.0] * servers  # when each server finishes its work
    now, total = 0.0, 0.0
    for _ in range(requests):
        now += rng.expovariate(rate)
        service = rng.expovariate(speed / SERVICE_MS)
        if shared:  # one queue: the first server to be free takes it
            start = max(now, heapq.heappop(free_at))
            heapq.heappush(free_at, start + service)
        else:  # a queue per server, picked at random on arrival
            i = rng.randrange(servers)
            start = max(now, free_at[i])
            free_at[i] = start + service
        total += start + service - now
    return total / requests


def formula_ms(design: str, rho: float) -> float:
    s = SERVICE_MS
    return {
        "one server, twice as fast": (s / 2) / (1 - rho),  # M/M/1, 2 mu
        "two servers, one queue": s / (1 - rho**2),  # M/M/2
        "two servers, a queue each": s / (1 - rho),  # two M/M/1
    }[design]


# --8<-- [end:idea]

DESIGNS = {  # servers, speed, shared queue
    "one server, twice as fast": (1, 2.0, True),
    "two servers, one queue": (2, 1.0, True),
    "two servers, a queue each": (2, 1.0, False),
}


def mean_over_seeds(design: str, rho: float, seeds: range) -> float:
    servers, speed, shared = DESIGNS[design]
    return statistics.median(
        simulate(servers, speed, shared, rho, 50_000, seed) for seed in seeds
    )


def main() -> None:
    print(f"mean time in the system; one ordinary server: {SERVICE_MS:g} ms")
    for rho in (0.3, 0.8):
        print(f"utilisation {rho:.0%}:")
        for design in DESIGNS:
            sim = mean_over_seeds(design, rho, range(3))
            print(
                f"  {design:<26} {sim:5.1f} ms"
                f" (formula {formula_ms(design, rho):5.1f} ms)"
            )


if __name__ == "__main__":
    main()
