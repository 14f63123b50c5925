"""What cooperative_vs_preemptive.py teaches: without preemption one task that never
yields starves the rest; a time slice (or a task that cooperates) restores turns."""

from __future__ import annotations

import re

import pytest

from conftest import load_snippet

coop = load_snippet("part-1/scheduling/cooperative_vs_preemptive.py")


def three_tasks(hog):
    return {"a": coop.polite(4), "b": coop.polite(4), "H": hog}


def test_cooperative_greedy_task_starves_the_others() -> None:
    timeline = coop.run(three_tasks(coop.greedy()), quantum=None, budget=1000)
    # a and b each ran once, before H got the CPU; H then kept it for good.
    assert timeline == "ab" + "H" * 998
    assert coop.report(timeline, {"a": 4, "b": 4}) == [
        "a did 1 of 4 units: starved",
        "b did 1 of 4 units: starved",
    ]


@pytest.mark.parametrize("quantum", [1, 2, 3, 5])
def test_preemption_bounds_the_wait(quantum: int) -> None:
    timeline = coop.run(three_tasks(coop.greedy()), quantum=quantum, budget=200)
    for name in "ab":
        assert timeline.count(name) == 4  # finished all its work
        first, last = timeline.index(name), timeline.rindex(name)
        gaps = [len(g) for g in re.findall(f"[^{name}]+", timeline[first : last + 1])]
        # A ready task waits a few slices at most, whatever H does. (2q + 1: when the
        # timer fires just before a task would yield, its next turn is empty.)
        assert max(gaps) <= 2 * quantum + 1
    assert timeline.count("H") == 200 - 8  # H still gets all the rest


def test_cooperation_works_when_everyone_cooperates() -> None:
    preemptive = coop.run(three_tasks(coop.greedy()), quantum=2)
    cooperative = coop.run(three_tasks(coop.greedy(yield_every=2)), quantum=None)
    assert cooperative == preemptive == "abHHabHHabHHabHHHHHHHHHH"


def test_polite_tasks_alone_interleave_and_finish() -> None:
    timeline = coop.run({"a": coop.polite(3), "b": coop.polite(2)}, quantum=None)
    assert timeline == "ababa"  # the run ends when every task has returned


def test_budget_bounds_every_run() -> None:
    assert len(coop.run({"H": coop.greedy()}, quantum=None, budget=7)) == 7


def test_main_output(capsys) -> None:
    coop.main()
    out = capsys.readouterr().out
    assert out.count("starved") == 2
    assert out.count("a finished at tick 13; b finished at tick 14") == 2
