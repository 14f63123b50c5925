"""What context_switch_cost.py teaches: a hop between two processes on one CPU costs
a context switch, microseconds more than the same calls within one process."""

from __future__ import annotations

import multiprocessing
import os
import time

import pytest

from conftest import load_snippet

cs = load_snippet("part-1/scheduling/context_switch_cost.py")


def test_echo_sends_everything_back_until_stop() -> None:
    child_in, to_child = multiprocessing.Pipe(duplex=False)
    from_child, child_out = multiprocessing.Pipe(duplex=False)
    for message in (b"ping", b"x", cs.STOP, b"never read"):
        to_child.send_bytes(message)
    cs.echo(child_in, child_out, None)  # returns at STOP
    assert [from_child.recv_bytes() for _ in range(2)] == [b"ping", b"x"]
    with pytest.raises(EOFError):  # it closed its end; nothing after STOP came back
        from_child.recv_bytes()
    to_child.close()
    from_child.close()


def test_per_hop_is_half_a_round_trip() -> None:
    calls = []
    seconds = cs.per_hop(lambda: calls.append(1))
    assert len(calls) == cs.ROUND_TRIPS
    assert 0 < seconds < 1e-3


@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_ping_pong_runs_and_ends_under_every_start_method(method: str) -> None:
    started = time.perf_counter()
    result = cs.measure(method)
    assert 0 < result.same_process < 1e-3 and 0 < result.two_processes < 1e-3
    # Bounded: the deadline caps the measurement, whatever the load.
    assert time.perf_counter() - started < 15
    assert not multiprocessing.active_children()


@pytest.mark.timing
def test_a_hop_with_a_switch_costs_more_than_one_without() -> None:
    # The fastest of three tries each: load from other processes only ever adds time.
    results = [cs.measure() for _ in range(3)]
    switching = min(r.two_processes for r in results)
    staying = min(r.same_process for r in results)
    # About 2x on an idle 2-core VM (the same Python calls on both sides, plus the
    # switch); 1.3x leaves room for a loaded machine.
    ratio = switching / staying
    assert ratio > 1.3, f"a hop between processes was only {ratio:.2f}x a hop within one"


@pytest.mark.linux
def test_each_round_trip_is_a_real_context_switch() -> None:
    import resource

    before = resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw
    result = cs.measure()
    switches = resource.getrusage(resource.RUSAGE_SELF).ru_nvcsw - before
    assert result.pinned_cpu is not None
    # Pinned to one CPU, the parent must block (a voluntary switch) on every round
    # trip for the child to run; at least one whole batch always completes.
    assert switches >= cs.ROUND_TRIPS


@pytest.mark.skipif(not hasattr(os, "sched_getaffinity"), reason="no CPU affinity here")
def test_the_parent_gets_its_cpus_back() -> None:
    original = os.sched_getaffinity(0)
    result = cs.measure()
    assert result.pinned_cpu == min(original)
    assert os.sched_getaffinity(0) == original


@pytest.mark.skipif(hasattr(os, "sched_setaffinity"), reason="this OS can pin processes")
def test_no_pinning_where_the_os_has_none() -> None:
    assert cs.measure().pinned_cpu is None
