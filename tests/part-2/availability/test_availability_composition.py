"""What availability_composition.py teaches: series multiplies availability,
parallel multiplies unavailability, and dice agree with both."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/availability/availability_composition.py")


def test_series_is_weaker_than_its_weakest_part() -> None:
    chain = snippet.series(0.9999, 0.999, 0.9995)
    assert chain == pytest.approx(0.99840, abs=5e-6)
    assert chain < 0.999
    assert (1 - chain) * snippet.YEAR_HOURS == pytest.approx(14.0, abs=0.05)


def test_two_replicas_in_parallel() -> None:
    assert snippet.parallel(0.99, 0.99) == pytest.approx(0.9999)


def test_steady_state_from_mtbf_and_mttr() -> None:
    assert snippet.steady_state(720, 1) == pytest.approx(720 / 721)


def test_monte_carlo_agrees_with_the_formulas() -> None:
    system = [[0.999], [0.99, 0.99], [0.995]]
    formula = snippet.series(0.999, snippet.parallel(0.99, 0.99), 0.995)
    assert snippet.monte_carlo(system) == pytest.approx(formula, abs=0.0005)
