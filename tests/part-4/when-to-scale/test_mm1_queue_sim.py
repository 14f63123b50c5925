"""What mm1_queue_sim.py teaches: the simulated M/M/1 queue matches
W = 1 / (mu - lambda) over seeds, and waiting grows without bound as
utilisation nears 1: the knee."""

import itertools
import statistics

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/when-to-scale/mm1_queue_sim.py")
SEEDS = range(5)


@pytest.mark.parametrize(("rho", "tolerance"), [(0.1, 0.03), (0.5, 0.05), (0.7, 0.08), (0.8, 0.12)])
def test_simulation_matches_the_formula_over_seeds(rho: float, tolerance: float) -> None:
    expected = snippet.formula_ms(rho)
    for seed in SEEDS:
        mean = statistics.fmean(snippet.simulate(rho, 40_000, seed))
        assert abs(mean / expected - 1) < tolerance, (seed, mean, expected)


def test_near_saturation_the_median_over_seeds_still_matches() -> None:
    expected = snippet.formula_ms(0.9)
    means = [statistics.fmean(snippet.simulate(0.9, 40_000, s)) for s in SEEDS]
    assert abs(statistics.median(means) / expected - 1) < 0.15


def test_p99_matches_the_exponential_formula_at_moderate_load() -> None:
    times = snippet.simulate(0.5, 40_000, 0)
    assert abs(snippet.p99(times) / snippet.p99_formula_ms(0.5) - 1) < 0.1


def test_the_knee_each_step_costs_more_than_the_last() -> None:
    rhos = [0.1 * i for i in range(1, 10)]
    w = [snippet.formula_ms(r) for r in rhos]
    steps = [b - a for a, b in itertools.pairwise(w)]
    assert all(b > a for a, b in itertools.pairwise(steps))
    # From about 70% on, ten more points add more than a service time.
    service = snippet.SERVICE_MS
    assert snippet.formula_ms(0.6) - snippet.formula_ms(0.5) < service
    assert snippet.formula_ms(0.8) - snippet.formula_ms(0.7) > service


def test_the_formula_in_units_of_service_time() -> None:
    for rho, factor in ((0.5, 2), (0.8, 5), (0.9, 10), (0.95, 20)):
        assert snippet.formula_ms(rho) == pytest.approx(factor * 10.0)


def test_light_load_means_no_queue() -> None:
    times = snippet.simulate(0.01, 20_000, 0)
    assert statistics.fmean(times) < 1.02 * snippet.SERVICE_MS


def test_seeded_runs_repeat() -> None:
    assert snippet.simulate(0.7, 1000, 3) == snippet.simulate(0.7, 1000, 3)
