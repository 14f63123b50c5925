"""What reconcile_loop.py teaches: the level-triggered loop converges after a
node failure, a scale-up and a scale-down, and its next run does nothing
(idempotent); the edge-triggered control, which misses one notification,
never recovers the lost replica."""

from typing import Any

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/containers/reconcile_loop.py")


def cluster() -> Any:
    return snippet.Cluster({"node-a", "node-b", "node-c"})


def test_converges_and_then_does_nothing() -> None:
    c = cluster()
    assert len(snippet.reconcile(3, c)) == 3
    assert snippet.reconcile(3, c) == []  # idempotent
    c.fail_node("node-b")
    assert len(c.running()) == 2
    snippet.reconcile(3, c)
    assert len(c.running()) == 3
    assert all(node != "node-b" for node in c.pods.values())
    assert snippet.reconcile(3, c) == []


def test_scale_down_and_up() -> None:
    c = cluster()
    snippet.reconcile(4, c)
    snippet.reconcile(2, c)
    assert len(c.running()) == 2
    snippet.reconcile(5, c)
    assert len(c.running()) == 5


def test_it_spreads_pods_over_nodes() -> None:
    c = cluster()
    snippet.reconcile(6, c)
    per_node = sorted(list(c.pods.values()).count(n) for n in c.nodes)
    assert per_node == [2, 2, 2]


def test_a_missed_event_does_not_matter_to_the_loop(capsys: pytest.CaptureFixture[str]) -> None:
    snippet.story(level_triggered=True)
    lines = capsys.readouterr().out.splitlines()[1:]
    for line in lines:
        desired = line.split("desired ")[1].split(",")[0]
        running = line.split("running ")[1].split()[0]
        assert desired == running, line


def test_control_the_edge_triggered_controller_stays_short(
    capsys: pytest.CaptureFixture[str],
) -> None:
    snippet.story(level_triggered=False)
    last = capsys.readouterr().out.splitlines()[-1]
    assert "desired 2, running 1" in last
