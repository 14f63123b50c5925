"""Measuring honestly: warm up, repeat, and report the median and spread.

One timing of one run tells you little: the first call pays for cold
caches, and any run can be slowed by another process. So: run once to
warm up, time many calls per sample (the clock has a finite
resolution), take several samples, and report the median with the
fastest and slowest sample beside it.
"""
# output: normalise timings, ratios, machine

import os
import platform
import statistics
import timeit
from collections.abc import Callable

ITEMS = 10_000
REPEATS = 7


# --8<-- [start:sample]
def per_call_samples(
    func: Callable[[], object], number: int, repeats: int = REPEATS
) -> list[float]:
    """Seconds per call, one value per sample of `number` calls."""
    func()  # warm-up: not timed
    timer = timeit.Timer(func)  # uses time.perf_counter
    return [
        total / number for total in timer.repeat(repeat=repeats, number=number)
    ]


def summary(samples: list[float]) -> tuple[float, float, float]:
    """(fastest, median, slowest): the median resists outliers."""
    return min(samples), statistics.median(samples), max(samples)


# --8<-- [end:sample]


def human(seconds: float) -> str:
    for unit, scale in (("s", 1.0), ("ms", 1e-3), ("us", 1e-6)):
        if seconds >= scale:
            return f"{seconds / scale:.1f} {unit}"
    return f"{seconds / 1e-9:.1f} ns"


def main() -> None:
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.system()}"
        f" {platform.machine()}"
    )
    # --8<-- [start:compare]
    as_list = list(range(ITEMS))
    as_set = set(as_list)
    missing = -1  # the worst case for a list: every item is compared
    # Calls per sample, chosen so each sample takes a few milliseconds.
    cases = {
        "list": (lambda: missing in as_list, 50),
        "set": (lambda: missing in as_set, 50_000),
    }
    medians = {}
    print(f"'missing in' a {ITEMS:,}-item container, {REPEATS} samples each:")
    for name, (func, number) in cases.items():
        fastest, median, slowest = summary(per_call_samples(func, number))
        medians[name] = median
        print(
            f"  {name:<4} median {human(median)} per call "
            f"(fastest {human(fastest)}, slowest {human(slowest)})"
        )
    # --8<-- [end:compare]
    print(
        f"the set is {medians['list'] / medians['set']:.0f}x faster "
        f"(ratio of medians)"
    )


if __name__ == "__main__":
    main()
