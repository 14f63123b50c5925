"""Availability of components in series and in parallel, checked by dice.

In series (a request needs every component: load balancer, app,
database), the availabilities multiply, so the whole is less available
than its weakest part. In parallel (any one of several replicas will
do), the unavailabilities multiply, so the whole is more available than
any one replica. Both formulas assume the components fail independently.
A seeded Monte Carlo run, which rolls each component up or down, checks
them; a steady state from MTBF and MTTR gives each component's figure.
"""
# output: exact

import math
import random

YEAR_HOURS = 365.25 * 24


# --8<-- [start:idea]
def series(*parts: float) -> float:
    return math.prod(parts)  # every part must be up


def parallel(*replicas: float) -> float:
    return 1 - math.prod(1 - a for a in replicas)  # one up is enough


def steady_state(mtbf_hours: float, mttr_hours: float) -> float:
    """Up for MTBF on average, then down for MTTR, again and again."""
    return mtbf_hours / (mtbf_hours + mttr_hours)


# --8<-- [end:idea]


def monte_carlo(
    parts: list[list[float]], trials: int = 200_000, seed: int = 7
) -> float:
    """Series of groups; each group is up if any of its replicas is up."""
    rng = random.Random(seed)
    up = 0
    for _ in range(trials):
        up += all(any(rng.random() < a for a in group) for group in parts)
    return up / trials


def main() -> None:
    chain = series(0.9999, 0.999, 0.9995)
    print(f"series 99.99% x 99.9% x 99.95% = {chain:.5f}")
    print(f"  down {(1 - chain) * YEAR_HOURS:.1f} h a year")
    pair = parallel(0.99, 0.99)
    print(f"two 99% replicas in parallel = {pair:.4f}")
    one = steady_state(mtbf_hours=30 * 24, mttr_hours=1)
    print(f"MTBF 30 days, MTTR 1 h: {one:.5f}")
    print(f"  two of those in parallel: {parallel(one, one):.7f}")
    system = [[0.999], [0.99, 0.99], [0.995]]  # LB, two apps, database
    formula = series(0.999, parallel(0.99, 0.99), 0.995)
    print(f"LB 99.9%, 2 apps 99% each, DB 99.5%: formula {formula:.4f}")
    print(f"  Monte Carlo, 200000 trials, seed 7: {monte_carlo(system):.4f}")


if __name__ == "__main__":
    main()
