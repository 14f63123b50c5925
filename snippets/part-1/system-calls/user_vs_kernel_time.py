"""User mode and kernel mode, seen in a process's own CPU time.

The kernel splits each process's CPU time in two: user time, running the
program's own instructions, and system time, running kernel code on its
behalf (system calls, page faults). Pure arithmetic never leaves user
mode. A loop of read() calls on /dev/zero spends most of its time in the
kernel, which fills each buffer. Each call is a mode switch, not a context
switch: the process keeps its CPU, so it makes no voluntary switches.
"""
# output: normalise timings, numbers, machine
# requires: posix

from __future__ import annotations

import os
import platform
import resource
from collections.abc import Callable
from dataclasses import dataclass

READS = 100_000  # read() system calls
CHUNK = 64 * 1024  # bytes the kernel writes into our buffer per call
ROUNDS = 3_000_000  # loop iterations of pure Python arithmetic


# --8<-- [start:idea]
def read_zeros(n: int) -> None:
    """n system calls; in each the kernel zero-fills a 64 KiB buffer."""
    fd = os.open("/dev/zero", os.O_RDONLY)
    try:
        for _ in range(n):
            os.read(fd, CHUNK)
    finally:
        os.close(fd)


def arithmetic(n: int) -> int:
    """n rounds of work that needs nothing from the kernel."""
    total = 0
    for i in range(n):
        total += i * i
    return total


def measure(work: Callable[[int], object], n: int) -> CpuTime:
    """The CPU time `work(n)` cost this process, as the kernel counts it."""
    before = resource.getrusage(resource.RUSAGE_SELF)
    work(n)
    after = resource.getrusage(resource.RUSAGE_SELF)
    return CpuTime(
        user=after.ru_utime - before.ru_utime,  # in our own code
        system=after.ru_stime - before.ru_stime,  # in the kernel, for us
        voluntary=after.ru_nvcsw - before.ru_nvcsw,  # we had to wait
        involuntary=after.ru_nivcsw - before.ru_nivcsw,  # preempted
    )
    # --8<-- [end:idea]


@dataclass
class CpuTime:
    user: float  # seconds in user mode
    system: float  # seconds in kernel mode, on this process's behalf
    voluntary: int  # context switches because we blocked (waited)
    involuntary: int  # context switches because the scheduler preempted us

    @property
    def system_share(self) -> float:
        return self.system / max(self.user + self.system, 1e-9)


def report(label: str, cpu: CpuTime) -> None:
    print(label)
    print(
        f"    user {cpu.user:.2f} s, system {cpu.system:.2f} s:"
        f" {cpu.system_share:.0%} of the CPU time in kernel mode"
    )
    print(
        f"    context switches: {cpu.voluntary} voluntary,"
        f" {cpu.involuntary} involuntary"
    )


def main() -> None:
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.system()}"
        f" {platform.machine()}"
    )
    report(
        f"{READS} reads of {CHUNK // 1024} KiB from /dev/zero:",
        measure(read_zeros, READS),
    )
    report(
        f"{ROUNDS} rounds of arithmetic in Python:",
        measure(arithmetic, ROUNDS),
    )


if __name__ == "__main__":
    main()
