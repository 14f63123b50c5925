"""Preemption by the clock: two busy processes share one CPU.

Neither process ever blocks or yields: each only counts, as fast as it
can, for the same stretch of wall-clock time. Pinned to the same CPU,
both still make progress, because the kernel takes the CPU away from
whichever is running when its time slice runs out. getrusage() counts
these involuntary context switches, and the voluntary ones (blocking).
"""
# output: normalise timings, numbers, machine
# requires: linux

from __future__ import annotations

import multiprocessing
import os
import platform
import resource
import time
from dataclasses import dataclass
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier

WINDOW = 0.3  # seconds of wall-clock time each process spins for


@dataclass(frozen=True)
class Share:
    name: str
    cpu_seconds: float  # CPU time it actually got during the window
    involuntary: int  # context switches forced on it: preemptions
    voluntary: int  # context switches it asked for: blocking, sleeping


def cpu_time(usage: resource.struct_rusage) -> float:
    return usage.ru_utime + usage.ru_stime


# --8<-- [start:spin]
def spin(
    name: str, cpu: int, start: Barrier, results: Queue[Share], window: float
) -> None:
    """Burn CPU for `window` seconds, then report what the kernel saw."""
    os.sched_setaffinity(0, {cpu})
    start.wait(timeout=30)  # both pinned before either starts the clock
    before = resource.getrusage(resource.RUSAGE_SELF)
    end = time.monotonic() + window
    while time.monotonic() < end:
        pass  # no system call, no sleep: nothing here gives up the CPU
    after = resource.getrusage(resource.RUSAGE_SELF)
    results.put(
        Share(
            name,
            cpu_time(after) - cpu_time(before),
            after.ru_nivcsw - before.ru_nivcsw,
            after.ru_nvcsw - before.ru_nvcsw,
        )
        # --8<-- [end:spin]
    )


def share_one_cpu(
    window: float = WINDOW, method: str | None = None
) -> tuple[int, list[Share]]:
    """Run two spinners pinned to one CPU; return the CPU and shares."""
    cpu = min(os.sched_getaffinity(0))
    ctx = multiprocessing.get_context(method)
    start = ctx.Barrier(2)
    results: Queue[Share] = ctx.Queue()
    spinners = [
        ctx.Process(  # type: ignore[attr-defined]
            target=spin, args=(name, cpu, start, results, window)
        )
        for name in ("A", "B")
    ]
    for p in spinners:
        p.start()
    try:
        shares = [results.get(timeout=30) for _ in spinners]
    finally:
        for p in spinners:
            p.join(timeout=10)
            if p.is_alive():
                p.kill()
                p.join(timeout=10)
    return cpu, sorted(shares, key=lambda s: s.name)


def main() -> None:
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.system()}"
        f" {platform.machine()}"
    )
    cpu, shares = share_one_cpu()
    print(f"two busy processes pinned to CPU {cpu}, {WINDOW} s each:")
    for s in shares:
        print(
            f"  {s.name}: {s.cpu_seconds:.2f} s of CPU, preempted"
            f" {s.involuntary} times, blocked {s.voluntary} times"
        )
    total = sum(s.cpu_seconds for s in shares)
    print(f"together: {total:.2f} s of CPU in {WINDOW} s of time")


if __name__ == "__main__":
    main()
