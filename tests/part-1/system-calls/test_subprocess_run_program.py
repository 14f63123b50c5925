"""What subprocess_run_program.py teaches: subprocess.run starts a program as a
new child process on every platform, returns its output and exit code, and kills
it when a timeout expires."""

import os
import subprocess
import time

import psutil
import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/system-calls/subprocess_run_program.py")


def test_the_program_runs_as_our_child_and_its_exit_code_comes_back() -> None:
    exit_code, output = snippet.run(snippet.REPORT_AND_EXIT)
    child_pid, child_parent = (int(n) for n in output.split())
    assert child_pid != os.getpid()
    assert child_parent == os.getpid()
    assert exit_code == 3


def test_a_timeout_kills_the_child_and_leaves_nothing_running() -> None:
    started = time.monotonic()
    with pytest.raises(subprocess.TimeoutExpired):
        snippet.run(snippet.HANG, timeout=0.2)
    assert time.monotonic() - started < 10  # HANG alone would take 60 s
    hanging = [
        p
        for p in psutil.Process().children(recursive=True)
        if "time.sleep(60)" in " ".join(p.cmdline())
    ]
    assert not hanging
