"""I/O-bound work: threads overlap their waiting, even with the GIL.

A thread that sleeps, reads a socket or waits on a disk releases the GIL,
so other threads run meanwhile. Eight waits of 0.1 s each take about 0.1 s
in all on eight threads.
"""
# output: normalise timings, ratios, machine

import os
import platform
import time
from concurrent.futures import ThreadPoolExecutor

WAITS = 8
WAIT_SECONDS = 0.1


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


def main() -> None:
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.system()}"
        f" {platform.machine()}"
    )
    one_by_one = sequential()
    threads = with_threads()
    print(f"{WAITS} waits, one after another: {one_by_one:.2f} s")
    print(
        f"{WAITS} waits on {WAITS} threads:     {threads:.2f} s,"
        f" speedup {one_by_one / threads:.1f}x"
    )


if __name__ == "__main__":
    main()
