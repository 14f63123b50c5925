"""What time_slice_preemption.py teaches: processes that never block still take turns
on one CPU, because the kernel preempts them when their time slice runs out."""

from __future__ import annotations

import multiprocessing

import pytest

from conftest import load_snippet

pytestmark = pytest.mark.linux  # CPU pinning and getrusage switch counts

WINDOW = 0.3


@pytest.fixture(scope="module")
def ts():
    return load_snippet("part-1/scheduling/time_slice_preemption.py")


@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_two_spinners_on_one_cpu_are_preempted_not_blocked(ts, method: str) -> None:
    cpu, shares = ts.share_one_cpu(WINDOW, method)
    assert [s.name for s in shares] == ["A", "B"]
    for s in shares:
        # Both made progress although neither ever gave the CPU up: the kernel took
        # it from them (involuntary switches). On an idle machine that is dozens of
        # times in 0.3 s; on a loaded one each gets fewer, longer turns, so ask little.
        assert s.cpu_seconds > 0
        assert s.involuntary >= 2, s
        # A busy loop without system calls never blocks. (Allow one for a stray page
        # fault or a signal.)
        assert s.voluntary <= 1, s
    assert not multiprocessing.active_children()


def test_one_cpu_never_gives_more_than_one_cpu_of_time(ts) -> None:
    _, shares = ts.share_one_cpu(WINDOW)
    total = sum(s.cpu_seconds for s in shares)
    # Pinned to one CPU they never ran at the same time, even on a multi-core machine:
    # together at most the window (plus the kernel's accounting granularity).
    assert total <= WINDOW * 1.1 + 0.02, total
    # And the CPU was shared, not handed to one of them for the whole window.
    assert min(s.cpu_seconds for s in shares) >= 0.1 * total, shares
