"""CPU-bound work: a second thread does not help, a second process does.

In CPython only the thread holding the GIL runs Python bytecode, so two
threads crunching numbers take turns. Two processes each have their own
interpreter and GIL, and with two free cores they really run at once.
Each figure follows the site's rule: a warm-up, then the median of three
back-to-back pairs (one after another, then on workers), so load that
comes and goes hits both halves of a pair alike.
"""
# output: normalise timings, ratios, machine

import os
import platform
import statistics
import time
from collections.abc import Callable
from concurrent.futures import (
    Executor,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
)

WORK = 600_000  # iterations per task: a few tens of milliseconds
TASKS = 2
REPEATS = 3


# --8<-- [start:idea]
def burn(n: int) -> int:
    """CPU-bound: nothing here waits, so nothing releases the GIL."""
    total = 0
    for i in range(n):
        total += i * i
    return total


def sequential(tasks: int = TASKS, work: int = WORK) -> float:
    start = time.perf_counter()
    for _ in range(tasks):
        burn(work)
    return time.perf_counter() - start


def with_threads(tasks: int = TASKS, work: int = WORK) -> float:
    with ThreadPoolExecutor(max_workers=tasks) as pool:
        return timed_map(pool, tasks, work)


def with_processes(tasks: int = TASKS, work: int = WORK) -> float:
    with ProcessPoolExecutor(max_workers=tasks) as pool:
        return timed_map(pool, tasks, work)


def timed_map(pool: Executor, tasks: int, work: int) -> float:
    # Warm-up: make every worker start before the clock does.
    list(pool.map(burn, [1] * tasks, timeout=30))
    start = time.perf_counter()
    list(pool.map(burn, [work] * tasks, timeout=30))
    return time.perf_counter() - start


# --8<-- [end:idea]


def paired(parallel: Callable[[], float]) -> tuple[float, float, float]:
    """Median seconds one after another, on workers, and median speedup."""
    sequential(), parallel()  # warm-up: first-time costs are not timed
    pairs = [(sequential(), parallel()) for _ in range(REPEATS)]
    return (
        statistics.median(one for one, _ in pairs),
        statistics.median(many for _, many in pairs),
        statistics.median(one / many for one, many in pairs),
    )


def main() -> None:
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.system()}"
        f" {platform.machine()}"
    )
    print(f"{TASKS} tasks; medians of {REPEATS} pairs after a warm-up")
    with (
        ThreadPoolExecutor(max_workers=TASKS) as threads,
        ProcessPoolExecutor(max_workers=TASKS) as processes,
    ):
        for label, pool in (("threads", threads), ("processes", processes)):
            report(label, pool)


def report(label: str, pool: Executor) -> None:
    """One pool, reused by every run: starting workers is not timed."""
    one_by_one, seconds, speedup = paired(lambda: timed_map(pool, TASKS, WORK))
    print(
        f"one after another {one_by_one:.3f} s,"
        f" on {TASKS} {label + ':':<11}{seconds:.3f} s,"
        f" speedup {speedup:.1f}x"
    )


if __name__ == "__main__":
    main()
