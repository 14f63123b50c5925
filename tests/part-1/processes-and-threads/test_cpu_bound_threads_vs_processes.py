"""What cpu_bound_threads_vs_processes.py teaches: the GIL serialises CPU-bound threads,
processes run in parallel on separate cores."""

import os
import sys

import psutil
import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/processes-and-threads/cpu_bound_threads_vs_processes.py")


def usable_cpus() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def gil_enabled() -> bool:
    return getattr(sys, "_is_gil_enabled", lambda: True)()


@pytest.mark.parametrize("n", [0, 1, 2, 10, 1000])
def test_burn_is_a_sum_of_squares(n: int) -> None:
    assert snippet.burn(n) == sum(i * i for i in range(n)) == (n - 1) * n * (2 * n - 1) // 6


@pytest.mark.timing
@pytest.mark.skipif(not gil_enabled(), reason="free-threaded build: threads run in parallel too")
def test_threads_do_not_speed_up_cpu_bound_work() -> None:
    work = 1_000_000
    # Fastest of three runs each: a burst of load elsewhere only ever slows a run down,
    # so the fastest runs are the fairest comparison.
    one_by_one = min(snippet.sequential(2, work) for _ in range(3))
    threads = min(snippet.with_threads(2, work) for _ in range(3))
    speedup = one_by_one / threads
    assert speedup < 1.4, f"two threads ran CPU-bound Python {speedup:.2f}x faster than one"


def idle_cpus(seconds: float = 0.3) -> float:
    """How many CPUs sat idle over a short sample: parallel speedup needs free cores."""
    return usable_cpus() * (1 - psutil.cpu_percent(interval=seconds) / 100)


@pytest.mark.timing
@pytest.mark.skipif(usable_cpus() < 2, reason="needs at least 2 usable CPUs to run in parallel")
def test_processes_beat_threads_on_cpu_bound_work() -> None:
    if (idle := idle_cpus()) < 1.5:
        pytest.skip(
            f"only {idle:.1f} CPUs are idle: other work leaves no core for a second process"
        )
    work = 2_000_000
    threads = min(snippet.with_threads(2, work) for _ in range(3))
    processes = min(snippet.with_processes(2, work) for _ in range(3))
    ratio = threads / processes
    # Ideal is 2x on two idle cores; 1.25x leaves room for a busy machine.
    assert ratio > 1.25, f"two processes were only {ratio:.2f}x faster than two threads"
