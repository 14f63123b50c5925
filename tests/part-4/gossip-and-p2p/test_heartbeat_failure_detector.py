"""What heartbeat_failure_detector.py teaches: gossiped heartbeat counters let
every live node detect a crash within about the timeout plus a few gossip hops;
the timeout trades detection time for false alarms."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/gossip-and-p2p/heartbeat_failure_detector.py")

SEEDS = range(60)
LIVE = snippet.NODES - 1


@pytest.mark.parametrize("seed", SEEDS)
def test_a_long_timeout_detects_the_crash_everywhere_and_nothing_else(seed: int) -> None:
    timeout = 16
    out = snippet.simulate(timeout, seed)
    assert out.false_alarms == []
    assert sorted(out.detected) == [m for m in range(snippet.NODES) if m != snippet.CRASH]
    for tick in out.detected.values():
        # never before the timeout has run out since the crash...
        assert tick > snippet.CRASH_AT + timeout - 5
        # ...and at most a handful of gossip hops later
        assert tick <= snippet.CRASH_AT + timeout + 14


def test_control_a_short_timeout_detects_sooner_but_suspects_live_nodes() -> None:
    for seed in SEEDS:
        short, long = snippet.simulate(3, seed), snippet.simulate(16, seed)
        assert len(short.detected) == LIVE
        assert max(short.detected.values()) < min(long.detected.values())
        assert any(member != snippet.CRASH for _, _, member in short.false_alarms)


def test_the_same_seed_gives_the_same_run() -> None:
    assert snippet.simulate(5, 9) == snippet.simulate(5, 9)
