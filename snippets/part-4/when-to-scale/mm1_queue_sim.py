"""Queueing delay against utilisation: one server, random arrivals.

Requests arrive at random (a Poisson process, rate lambda) and one server
takes a random time to serve each (exponential, mean 10 ms, so it can serve
mu = 100 per second). This is the M/M/1 queue. Simulated request by request
with a seeded random generator, its mean time in the system, waiting plus
service, matches the formula W = 1 / (mu - lambda): at 50% utilisation a
request takes twice its service time, at 90% ten times, at 95% twenty.
"""
# output: exact

import math
import random
import statistics

SERVICE_MS = 10.0  # mean service time: mu = 100 requests per second


# --8<-- [start:idea]
def simulate(utilisation: float, requests: int, seed: int) -> list[float]:
    """Each request's time in the system (ms), in arrival order."""
    rng = random.Random(seed)
    mean_gap = SERVICE_MS / utilisation  # arrivals: rate = rho * mu
    times = []
    wait = 0.0  # how long the current request queues before service
    for _ in range(requests):
        service = rng.expovariate(1 / SERVICE_MS)
        times.append(wait + service)
        gap = rng.expovariate(1 / mean_gap)  # until the next arrival
        # Lindley's recursion: the next request waits for what is left.
        wait = max(0.0, wait + service - gap)
    return times


def formula_ms(utilisation: float) -> float:
    """M/M/1 mean time in the system, W = 1 / (mu - lambda)."""
    mu = 1 / SERVICE_MS
    return 1 / (mu - utilisation * mu)


# --8<-- [end:idea]


def p99_formula_ms(utilisation: float) -> float:
    """In M/M/1 the time in the system is exponential: p99 = ln(100) W."""
    return math.log(100) * formula_ms(utilisation)


def p99(times: list[float]) -> float:
    return statistics.quantiles(times, n=100)[98]


def main() -> None:
    requests, seed = 100_000, 1
    print(f"M/M/1, service {SERVICE_MS:g} ms on average; {requests} requests")
    print("util  mean sim  mean formula   x service   p99 sim  p99 formula")
    for rho in (0.1, 0.3, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95):
        times = simulate(rho, requests, seed)
        mean = statistics.fmean(times)
        print(
            f"{rho:4.0%} {mean:7.1f} ms {formula_ms(rho):9.1f} ms"
            f" {formula_ms(rho) / SERVICE_MS:9.1f}x"
            f" {p99(times):8.0f} ms {p99_formula_ms(rho):8.0f} ms"
        )


if __name__ == "__main__":
    main()
