"""I/O-bound work: threads overlap their waiting, even with the GIL.

A thread that sleeps, reads a socket or waits on a disk releases the GIL,
so other threads run meanwhile. Eight waits of 20 ms each take about
20 ms in all on eight threads. The figures are medians of three
back-to-back pairs after a warm-up.
"""
# output: normalise timings, ratios, machine

import os
import platform
import statistics
import time
from concurrent.futures import ThreadPoolExecutor

WAITS = 8
WAIT_SECONDS = 0.02
REPEATS = 3


# --8<-- [start:idea]
def fake_io(seconds: float) -> float:
    time.sleep(seconds)  # stands in for a network or disk round trip
    return seconds


def sequential(waits: int = WAITS, seconds: float = WAIT_SECONDS) -> float:
    start = time.perf_counter()
    for _ in range(waits):
        fake_io(seconds)
    return time.perf_counter() - start


def with_threads(waits: int = WAITS, seconds: float = WAIT_SECONDS) -> float:
    start = time.perf_counter()
    with ThreadPoolExecutor(max_workers=waits) as pool:
        list(pool.map(fake_io, [seconds] * waits, timeout=10))
    return time.perf_counter() - start


# --8<-- [end:idea]


def main() -> None:
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.system()}"
        f" {platform.machine()}"
    )
    sequential(), with_threads()  # warm-up
    pairs = [(sequential(), with_threads()) for _ in range(REPEATS)]
    one_by_one = statistics.median(one for one, _ in pairs)
    threads = statistics.median(many for _, many in pairs)
    speedup = statistics.median(one / many for one, many in pairs)
    print(f"{WAITS} waits; medians of {REPEATS} pairs after a warm-up")
    print(f"one after another: {one_by_one:.3f} s")
    print(f"on {WAITS} threads:      {threads:.3f} s, speedup {speedup:.1f}x")


if __name__ == "__main__":
    main()
