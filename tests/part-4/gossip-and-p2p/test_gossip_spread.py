"""What gossip_spread.py teaches: every mode informs all N nodes, in a number of
rounds that grows like log N (within a constant factor, over many seeds), and
push-pull needs fewer rounds than push."""

import math
import statistics

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/gossip-and-p2p/gossip_spread.py")

SIZES = [10, 32, 100, 316, 1_000, 3_162, 10_000]


def seeds(n: int) -> range:
    return range(20 if n <= 1_000 else 4)  # many seeds where runs are cheap


@pytest.mark.parametrize("mode", snippet.MODES)
@pytest.mark.parametrize("n", SIZES)
def test_rounds_stay_within_a_constant_factor_of_log_n(mode: str, n: int) -> None:
    for seed in seeds(n):
        history = snippet.spread(n, mode, seed)
        assert history[0] == 1 and history[-1] == n  # everyone is told
        assert history == sorted(history)  # nobody forgets
        ratio = (len(history) - 1) / math.log2(n)
        # push 1.2-2.4, pull 1.0-1.8, push-pull 0.7-1.5 measured; wide bounds
        assert 0.5 <= ratio <= 3.0, (mode, n, seed, ratio)


@pytest.mark.parametrize("mode", snippet.MODES)
def test_rounds_grow_like_log_n_not_like_n(mode: str) -> None:
    def median(n: int) -> float:
        return statistics.median(snippet.rounds(n, mode, s) for s in seeds(n))

    # 100 times more nodes: log2 N adds 6.6; a broadcast along a chain would
    # need 100 times the rounds.
    assert median(10_000) - median(100) <= 2 * math.log2(100)
    assert median(10_000) < 3 * median(100)


@pytest.mark.parametrize("n", [16, 64, 256, 1_000])
def test_push_matches_pittel_within_a_few_rounds(n: int) -> None:
    median = statistics.median(snippet.rounds(n, "push", s) for s in seeds(n))
    assert abs(median - (math.log2(n) + math.log(n))) <= 3


@pytest.mark.parametrize("n", [64, 256, 1_000, 10_000])
def test_push_pull_beats_push_and_pull(n: int) -> None:
    def median(mode: str) -> float:
        return statistics.median(snippet.rounds(n, mode, s) for s in seeds(n))

    assert median("push-pull") < median("pull") < median("push")


def test_same_seed_same_run_and_no_self_calls() -> None:
    assert snippet.spread(500, "push", 7) == snippet.spread(500, "push", 7)
    import random

    rng = random.Random(3)
    assert all(snippet.peer(rng, 4, 5) != 4 for _ in range(1000))
    assert {snippet.peer(rng, 0, 3) for _ in range(200)} == {1, 2}
