"""What error_budget.py teaches: an SLO's error budget and burn rate."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/availability/error_budget.py")


def test_a_99_9_slo_over_30_days_allows_43_2_minutes() -> None:
    minutes = (1 - 0.999) * snippet.WINDOW_HOURS * 60
    assert minutes == pytest.approx(43.2)


def test_a_million_requests_allow_a_thousand_failures() -> None:
    assert snippet.budget_spent(0.999, 999_000, 1_000_000) == pytest.approx(1.0)
    assert snippet.budget_spent(0.999, 998_400, 1_000_000) == pytest.approx(1.6)


def test_burn_rate_14_4_for_an_hour_uses_2_percent() -> None:
    rate = snippet.burn_rate(0.999, 0.0144)
    assert rate == pytest.approx(14.4)
    assert snippet.budget_used(rate, 1) == pytest.approx(0.02)
    assert snippet.budget_used(1.0, snippet.WINDOW_HOURS) == pytest.approx(1.0)


def test_sli_is_the_share_of_good_requests() -> None:
    assert snippet.sli(999_600, 1_000_000) == pytest.approx(0.9996)
