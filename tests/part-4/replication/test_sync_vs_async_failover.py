"""What sync_vs_async_failover.py teaches: promoting an asynchronous
follower loses acknowledged writes; waiting for one follower's confirmation
loses none, at the price of a wait per write; waiting for all stalls when
one follower is down."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/replication/sync_vs_async_failover.py")
SEEDS = range(200)


def test_async_failover_loses_acknowledged_writes() -> None:
    lost = [snippet.run("async", seed).lost for seed in SEEDS]
    assert min(lost) >= 1  # every seed loses some: the control
    assert max(lost) <= 8


@pytest.mark.parametrize("mode", ["any1", "all"])
def test_waiting_for_a_follower_loses_nothing(mode: str) -> None:
    assert all(snippet.run(mode, seed).lost == 0 for seed in SEEDS)


def test_the_price_is_a_wait_per_write() -> None:
    for seed in range(20):
        fast, safe = snippet.run("async", seed), snippet.run("any1", seed)
        assert fast.median_wait == 0
        assert safe.median_wait >= 2  # a round trip: two messages
        assert safe.acked < fast.acked  # the last writes were still waiting


def test_all_followers_stall_when_one_is_down_any_one_does_not() -> None:
    for seed in range(20):
        assert snippet.run("all", seed, down=1).acked == 0
        assert snippet.run("any1", seed, down=1).acked >= 20
        assert snippet.run("any1", seed, down=1).lost == 0


def test_the_run_is_deterministic_for_a_seed() -> None:
    assert snippet.run("async", 7) == snippet.run("async", 7)
