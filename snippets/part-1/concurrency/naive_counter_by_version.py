"""Does `counter += 1` on four threads lose updates? Ask every Python here.

Four threads each add 1 to a global counter 100,000 times, the classic
race-condition demo; a run "lost updates" when the total falls short of
400,000. The table has one row per CPython found on this machine (the
one running this file, python3.X on PATH, pyenv and uv installs): this
file runs itself under each of them.

Three columns: the plain loop with the default thread-switch interval;
the same with switches requested 50 times as often; and `counter +=
step()`, where a function call sits between the read and the write.
"""
# output: property

from __future__ import annotations

import glob
import json
import os
import platform
import shutil
import subprocess
import sys
import sysconfig
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypedDict

THREADS = 4
PER_THREAD = 100_000
CHILD_FLAG = "--measure-here"
Worker = Callable[[int, threading.Barrier], None]


class Row(TypedDict):
    python: str  # version, e.g. 3.13.0
    build: str  # GIL or free-threaded
    cells: list[list[int]]  # [runs that lost updates, runs] per column


# --8<-- [start:workers]
counter = 0


def step() -> int:
    return 1


def add_plain(n: int, start: threading.Barrier) -> None:
    global counter
    start.wait(timeout=10)  # all threads start together, so they overlap
    for _ in range(n):
        counter += 1  # read, add, write: separate instructions


def add_with_call(n: int, start: threading.Barrier) -> None:
    global counter
    start.wait(timeout=10)
    for _ in range(n):
        counter += step()  # the read happens BEFORE the call


# --8<-- [end:workers]


# (heading, worker, switch interval in seconds, runs); 0.005 is the default
COLUMNS = [
    ("counter += 1/switch 5 ms", add_plain, 0.005, 6),
    ("counter += 1/switch 0.1 ms", add_plain, 0.0001, 3),
    ("counter += step()/switch 0.1 ms", add_with_call, 0.0001, 3),
]


def lost_updates(
    worker: Worker = add_plain,
    threads: int = THREADS,
    per_thread: int = PER_THREAD,
) -> int:
    """One run: how many of the threads * per_thread additions vanished."""
    global counter
    counter = 0
    start = threading.Barrier(threads)
    pool = [
        threading.Thread(target=worker, args=(per_thread, start))
        for _ in range(threads)
    ]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=60)
    return threads * per_thread - counter


# --8<-- [start:switch]
def lossy_runs(worker: Worker, runs: int, switch_interval: float) -> int:
    """In how many of `runs` runs did updates vanish?"""
    # How often the interpreter asks the running thread to let another
    # one run (only where the eval loop checks for such a request).
    before = sys.getswitchinterval()
    sys.setswitchinterval(switch_interval)
    try:
        return sum(1 for _ in range(runs) if lost_updates(worker))
    finally:
        sys.setswitchinterval(before)


# --8<-- [end:switch]


def gil_enabled() -> bool:
    if sysconfig.get_config_var("Py_GIL_DISABLED"):
        # A free-threaded build; the GIL can be switched back on at run time.
        return getattr(sys, "_is_gil_enabled", lambda: True)()
    return True


def measure() -> Row:
    """Every column on THIS interpreter: one row of the table."""
    return {
        "python": platform.python_version(),
        "build": "GIL" if gil_enabled() else "free-threaded",
        "cells": [
            [lossy_runs(worker, runs, interval), runs]
            for _, worker, interval, runs in COLUMNS
        ],
    }


def candidates() -> list[str]:
    """Interpreters this machine offers, the current one first."""
    home = os.path.expanduser("~")
    pyenv = os.environ.get("PYENV_ROOT", os.path.join(home, ".pyenv"))
    uv = os.path.join(home, ".local", "share", "uv", "python")
    patterns = [
        os.path.join(pyenv, "versions", "*", "bin", "python3"),
        os.path.join(pyenv, "pyenv-win", "versions", "*", "python.exe"),
        os.path.join(uv, "*", "bin", "python3"),
    ]
    found = [sys.executable]
    for pattern in patterns:
        found += sorted(glob.glob(pattern))
    for minor in range(9, 16):
        for suffix in ("", "t"):  # "t": a free-threaded build
            path = shutil.which(f"python3.{minor}{suffix}")
            # pyenv and asdf "shims" are scripts that may refuse to run.
            if path and os.path.basename(os.path.dirname(path)) != "shims":
                found.append(path)
    unique: dict[str, str] = {}
    for path in found:
        unique.setdefault(os.path.realpath(path), path)
    return list(unique.values())


def measure_under(python: str) -> Row | None:
    """Run this file under another interpreter; None if it cannot."""
    try:
        result = subprocess.run(
            [python, os.path.abspath(__file__), CHILD_FLAG],
            capture_output=True,
            text=True,
            timeout=60,
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    if result.returncode != 0 or not result.stdout.strip():
        return None  # too old for this file, or not a working Python
    row: Row = json.loads(result.stdout.strip().splitlines()[-1])
    return row


def version_key(row: Row) -> tuple[int, ...]:
    return tuple(
        int(part) for part in row["python"].split(".")[:3] if part.isdigit()
    )


def table(rows: list[Row]) -> list[str]:
    headings = [heading.split("/") for heading, *_ in COLUMNS]
    lines = [
        " " * 23 + "".join(f"{top:<18}" for top, _ in headings),
        f"{'python':<8} {'build':<13} "
        + "".join(f"{bottom:<18}" for _, bottom in headings),
    ]
    for row in rows:
        cells = "".join(
            f"{f'{lossy} of {runs}':<18}" for lossy, runs in row["cells"]
        )
        lines.append(f"{row['python']:<8} {row['build']:<13} {cells}")
    return [line.rstrip() for line in lines]


def main() -> None:
    if sys.argv[1:] == [CHILD_FLAG]:
        # Child mode: measure here, report one JSON line to the parent.
        if (
            sys.version_info < (3, 9)
            or platform.python_implementation() != "CPython"
        ):
            sys.exit(3)  # not what this table is about
        print(json.dumps(measure()))
        return
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.system()}"
        f" {platform.machine()}"
    )
    print(
        f"runs that lost updates; one run = {THREADS} threads x"
        f" {PER_THREAD:,} additions"
    )
    # A couple of interpreters at a time: each child uses about one core.
    with ThreadPoolExecutor(max_workers=min(2, os.cpu_count() or 1)) as ex:
        results = list(ex.map(measure_under, candidates(), timeout=120))
    rows: dict[tuple[str, str], Row] = {}
    for row in results:
        if row is not None:
            rows.setdefault((row["python"], row["build"]), row)
    for line in table(sorted(rows.values(), key=version_key)):
        print(line)


if __name__ == "__main__":
    main()
