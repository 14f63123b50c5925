"""What load_shedding_queue.py teaches: under overload an unbounded queue makes almost
every answer late (wasted work), while a bounded queue refuses the excess at once and
answers everyone it accepts before their deadline. The same arrivals go through both."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/principles/plan-for-failure/load_shedding_queue.py")

ARRIVALS = snippet.overload()  # 200 requests in 10 s, twice the capacity
CAPACITY = 1 / snippet.SERVICE


def test_the_forced_overload_is_twice_the_capacity() -> None:
    assert len(ARRIVALS) == 200
    assert len(ARRIVALS) / 10 == pytest.approx(2 * CAPACITY)


def test_control_an_unbounded_queue_answers_almost_everyone_too_late() -> None:
    tally = snippet.serve(ARRIVALS, max_waiting=None)
    assert tally.refused == 0
    assert tally.too_late > 0.8 * len(ARRIVALS)
    assert tally.in_time < 0.25 * CAPACITY * 10
    assert tally.worst > 5 * snippet.DEADLINE  # the queue keeps growing


def test_a_bounded_queue_answers_everyone_it_accepts_in_time() -> None:
    tally = snippet.serve(ARRIVALS, max_waiting=5)
    assert tally.too_late == 0
    assert tally.worst <= snippet.DEADLINE
    assert tally.in_time >= 0.95 * CAPACITY * 10  # goodput near capacity
    assert tally.refused == len(ARRIVALS) - tally.in_time


@pytest.mark.parametrize("limit", [1, 3, 5, 8])
def test_any_bound_below_the_deadline_keeps_latency_bounded(limit: int) -> None:
    tally = snippet.serve(ARRIVALS, max_waiting=limit)
    assert tally.too_late == 0
    assert tally.worst <= (limit + 1) * snippet.SERVICE + 1e-9


def test_without_overload_nothing_is_shed() -> None:
    light = snippet.overload(rate=5.0)
    tally = snippet.serve(light, max_waiting=5)
    assert tally.refused == 0
    assert tally.in_time == len(light)
