"""What golden_signals.py teaches: percentiles (checked by hand on a small
case), counters, and a tail that the mean and p50 hide."""

import random
import statistics

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/principles/monitor/golden_signals.py")


def test_percentiles_of_1_to_100_by_hand() -> None:
    # Inclusive method: p lies at position 1 + (p/100) * (100 - 1).
    # p95: position 95.05, between 95 and 96 -> 95.05.
    got = snippet.percentiles([float(x) for x in range(1, 101)])
    assert got == pytest.approx({50: 50.5, 95: 95.05, 99: 99.01})


def test_percentiles_of_five_values() -> None:
    got = snippet.percentiles([10.0, 50.0, 20.0, 40.0, 30.0], (25, 50, 75))
    assert got == pytest.approx({25: 20.0, 50: 30.0, 75: 40.0})


def test_one_slow_request_moves_the_mean_not_the_median() -> None:
    fast = [10.0] * 99
    assert statistics.median(fast + [5000.0]) == 10.0
    assert statistics.fmean(fast + [5000.0]) > 50


def test_synthetic_traffic_is_seeded_and_shaped_as_promised() -> None:
    first = snippet.synthetic_minute(random.Random(42))
    assert first == snippet.synthetic_minute(random.Random(42))
    assert len(first) == 1200
    errors = sum(r.status == 500 for r in first)
    assert 5 <= errors <= 25  # about 1%
    assert all(r.latency_ms < 10 for r in first if r.status == 500)


def test_the_tail_is_hidden_by_p50_and_the_mean() -> None:
    requests = snippet.synthetic_minute(random.Random(42))
    ok = [r.latency_ms for r in requests if r.status < 500]
    p = snippet.percentiles(ok)
    assert p[50] < p[95] < p[99]
    assert p[99] > 10 * p[50]  # the 3% stuck requests show only at p99
    assert statistics.fmean(ok) < p[99] / 5


def test_demo_prints_the_four_signals(capsys) -> None:
    snippet.main()
    out = capsys.readouterr().out
    for signal in ("traffic:", "errors:", "latency:", "saturation:"):
        assert signal in out
    assert "20.0 requests/s (1200 in 60 s)" in out
