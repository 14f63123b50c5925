"""CPU-bound work: a second thread does not help, a second process does.

In CPython only the thread holding the GIL runs Python bytecode, so two
threads crunching numbers take turns. Two processes each have their own
interpreter and GIL, and with two free cores they really run at once.
"""
# output: normalise timings, ratios, machine

import os
import platform
import time
from concurrent.futures import (
    Executor,
    ProcessPoolExecutor,
    ThreadPoolExecutor,
)

WORK = 3_000_000  # iterations per task: roughly 0.2 s of arithmetic
TASKS = 2


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


def timed_map(pool: Executor, tasks: int, work: int) -> float:
    # Warm-up: make every worker start before the clock does.
    list(pool.map(burn, [1] * tasks, timeout=30))
    start = time.perf_counter()
    list(pool.map(burn, [work] * tasks, timeout=30))
    return time.perf_counter() - start


def with_threads(tasks: int = TASKS, work: int = WORK) -> float:
    with ThreadPoolExecutor(max_workers=tasks) as pool:
        return timed_map(pool, tasks, work)


def with_processes(tasks: int = TASKS, work: int = WORK) -> float:
    with ProcessPoolExecutor(max_workers=tasks) as pool:
        return timed_map(pool, tasks, work)


def main() -> None:
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.system()}"
        f" {platform.machine()}"
    )
    one_by_one = sequential()
    print(f"{TASKS} tasks, one after another: {one_by_one:.2f} s")
    for label, seconds in (
        ("threads", with_threads()),
        ("processes", with_processes()),
    ):
        speedup = one_by_one / seconds
        print(
            f"{TASKS} tasks on {TASKS} {label + ':':<11}"
            f"{seconds:.2f} s, speedup {speedup:.1f}x"
        )


if __name__ == "__main__":
    main()
