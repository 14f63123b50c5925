"""A sandbox made of rlimits: the kernel stops a child that overspends.

Each child is this same file, run with an argument. Before it does any
work, it lowers its own resource limits (setrlimit) in a way it can never
undo; then it misbehaves. One burns CPU in a loop and is killed by
SIGXCPU. One writes a file past its size limit and gets EFBIG.
"""
# output: exact
# requires: posix

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

try:
    import resource
except ModuleNotFoundError:  # Windows: no rlimits (it has Job Objects)
    sys.exit("This needs a POSIX system: Windows has no resource module.")

CPU_SECONDS = 1  # the smallest CPU limit there is: it counts whole seconds
FILE_LIMIT = 1024 * 1024  # bytes
CHUNK = 64 * 1024


# --8<-- [start:idea]
def limit(which: int, soft: int, hard: int) -> None:
    # The kernel acts at the soft limit. An unprivileged process may lower
    # its hard limit but never raise it again, so the work cannot undo it.
    resource.setrlimit(which, (soft, hard))


def child(task: str, path: str) -> None:
    """Runs in the child: first the limits, then the work."""
    if task == "cpu":
        # SIGXCPU at the soft limit; SIGKILL if it is still going at hard.
        limit(resource.RLIMIT_CPU, CPU_SECONDS, CPU_SECONDS + 1)
        spin(10 * CPU_SECONDS)
    elif task == "fsize":
        limit(resource.RLIMIT_FSIZE, FILE_LIMIT, FILE_LIMIT)
        fill(path, 2 * FILE_LIMIT)


def run_limited(task: str, path: str = "") -> Outcome:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = subprocess.run(
        [sys.executable, __file__, task, path],
        capture_output=True,
        text=True,
        timeout=30,
    )
    # RUSAGE_CHILDREN grows by each child we have waited for: this one.
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    used = (after.ru_utime + after.ru_stime) - (
        before.ru_utime + before.ru_stime
    )
    lines = result.stderr.strip().splitlines()
    return Outcome(result.returncode, lines[-1] if lines else "", used)
    # --8<-- [end:idea]


def describe(returncode: int) -> str:
    if returncode < 0:  # subprocess reports "killed by signal N" as -N
        return f"killed by {signal.Signals(-returncode).name}"
    return f"exited with status {returncode}"


def main() -> None:
    if len(sys.argv) == 3:  # this same file, run as a limited child
        child(*sys.argv[1:])
        return

    print(f"cpu: RLIMIT_CPU {CPU_SECONDS} s, then an endless-looking loop")
    cpu = run_limited("cpu")
    print(f"  {describe(cpu.returncode)}")
    # CPU time, not wall-clock time: a sleeping child would never hit it.
    # (The kernel checks at clock ticks, and rusage is an estimate: round.)
    print(f"  CPU time used: about {cpu.cpu_seconds:.0f} s")

    print(f"fsize: RLIMIT_FSIZE {FILE_LIMIT} bytes, then write twice that")
    with tempfile.TemporaryDirectory() as folder:
        path = str(Path(folder) / "big.bin")
        big = run_limited("fsize", path)
        size = os.path.getsize(path)
    print(f"  {describe(big.returncode)}: {big.last_error}")
    # The kernel sends SIGXFSZ, whose default action kills; Python ignores
    # that signal at startup, so the write fails with EFBIG instead.
    print(f"  errno {errno.EFBIG} is EFBIG; the file stopped at {size} bytes")


# What the children do once limited: misbehave, within bounds.


def spin(seconds: float) -> None:
    """Burn CPU time; bounded, in case no limit stops it."""
    end = time.process_time() + seconds
    while time.process_time() < end:
        pass


def fill(path: str, size: int) -> None:
    """Write `size` bytes, unbuffered, so each write reaches the kernel."""
    with open(path, "wb", buffering=0) as file:
        written = 0
        while written < size:
            written += file.write(b"x" * CHUNK)


@dataclass
class Outcome:
    returncode: int
    last_error: str  # the last line the child wrote to stderr
    cpu_seconds: float  # CPU time the child used, from getrusage


if __name__ == "__main__":
    main()
