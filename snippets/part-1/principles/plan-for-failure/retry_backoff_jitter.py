"""Retrying with capped exponential backoff and full jitter.

After each failure the client waits a random time between 0 and
min(cap, base * 2**attempt): the ceiling doubles, up to a cap, and the
randomness keeps many clients from retrying at the same instants.
(Marc Brooker, "Exponential Backoff And Jitter", AWS Architecture Blog.)
"""
# output: exact

import random
from collections.abc import Callable

# --8<-- [start:idea]
BASE = 0.1  # seconds: ceiling of the first wait
CAP = 2.0  # seconds: no wait is ever longer than this


def ceiling(attempt: int, base: float = BASE, cap: float = CAP) -> float:
    """Largest wait allowed after failed attempt number `attempt` (0-based)."""
    return min(cap, base * 2.0**attempt)


def full_jitter(
    attempt: int, rng: random.Random, base: float = BASE, cap: float = CAP
) -> float:
    # Anywhere in [0, ceiling]: spreads clients out across the whole window.
    return rng.uniform(0, ceiling(attempt, base, cap))


def retry(
    operation: Callable[[], str],
    attempts: int,
    sleep: Callable[[float], None],
    rng: random.Random,
) -> str:
    """Call `operation` up to `attempts` times, backing off between tries.

    `sleep` and `rng` are passed in so that a test (or this demo) can run
    without real waiting and with repeatable randomness.
    """
    for attempt in range(attempts):
        try:
            return operation()
        except ConnectionError as error:
            if attempt == attempts - 1:
                raise  # out of attempts: let the caller decide
            delay = full_jitter(attempt, rng)
            print(
                f"  try {attempt + 1} failed ({error}); waiting {delay:.3f} s"
            )
            sleep(delay)
    raise ValueError("attempts must be at least 1")


# --8<-- [end:idea]


class Flaky:
    """A dependency that fails a fixed number of times, then answers."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if self.calls <= self.failures:
            raise ConnectionError("connection refused")
        return "200 OK"


def main() -> None:
    rng = random.Random(42)  # seeded: the same "random" delays every run
    print("attempt  ceiling  full-jitter wait")
    for attempt in range(7):
        print(
            f"{attempt:>7}  {ceiling(attempt):5.2f} s  "
            f"{full_jitter(attempt, rng):5.3f} s"
        )

    # Three clients that failed together. Without jitter they come back
    # together, every time; with it they spread out.
    print("three clients, when they retry (s after the first failure):")
    for label in ("no jitter", "full jitter"):
        for client in range(3):
            t, times = 0.0, []
            for attempt in range(3):
                t += (
                    ceiling(attempt)
                    if label == "no jitter"
                    else full_jitter(attempt, rng)
                )
                times.append(f"{t:.2f}")
            print(f"  {label:<11} client {client}: {', '.join(times)}")

    slept: list[float] = []  # a fake sleep: record the wait, do not wait
    flaky = Flaky(failures=3)
    print("a call that fails 3 times, with 5 attempts allowed:")
    result = retry(flaky, attempts=5, sleep=slept.append, rng=rng)
    print(
        f"  result {result!r} after {flaky.calls} calls, "
        f"{sum(slept):.3f} s of waiting in total"
    )


if __name__ == "__main__":
    main()
