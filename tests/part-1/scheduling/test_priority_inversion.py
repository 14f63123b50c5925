"""What priority_inversion.py teaches: without inheritance a medium task
delays a high one through a low one's lock; with priority inheritance it
cannot; the two runs differ only in that switch."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/scheduling/priority_inversion.py")

WORK = {"L": 4, "H": 2, "M": 5}


@pytest.mark.parametrize("inherit", [False, True])
def test_every_task_gets_exactly_its_work_and_nothing_runs_early(inherit: bool) -> None:
    timeline, done = snippet.simulate(inherit)
    assert {name: timeline.count(name) for name in WORK} == WORK
    assert len(timeline) == sum(WORK.values())  # the CPU never idles
    for task in snippet.workload():
        assert timeline.find(task.name) >= task.arrival
        assert done[task.name] == timeline.rfind(task.name) + 1


def test_without_inheritance_the_medium_task_delays_the_high_one() -> None:
    timeline, done = snippet.simulate(inherit=False)
    assert timeline == "LLMMMMMLHHL"
    # M, less urgent than H and needing no lock, finishes first.
    assert done["M"] < done["H"]
    h_arrives = 1
    assert "M" in timeline[h_arrives : timeline.index("H")]


def test_with_inheritance_the_lock_holder_cannot_be_preempted_by_the_medium() -> None:
    timeline, done = snippet.simulate(inherit=True)
    assert timeline == "LLLHHMMMMML"
    assert done["H"] < done["M"]
    assert "M" not in timeline[: timeline.index("H")]


def test_inheritance_only_changes_the_holder_and_only_while_someone_waits() -> None:
    low, high, medium = snippet.workload()
    high.blocked = True
    assert snippet.effective(low, low, [low, high, medium], True) == high.priority
    assert snippet.effective(low, low, [low, high, medium], False) == low.priority
    assert snippet.effective(medium, low, [low, high, medium], True) == medium.priority
    high.blocked = False
    assert snippet.effective(low, low, [low, high, medium], True) == low.priority
