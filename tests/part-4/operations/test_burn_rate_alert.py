"""What burn_rate_alert.py teaches: a fast burn pages within minutes and
clears within 5 minutes of recovery; a 2-minute blip does not page; a slow
burn pages on the 6-hour rule. Controls: without the short window the page
lingers long after recovery; without the long window the blip pages."""

from conftest import load_snippet

snippet = load_snippet("part-4/operations/burn_rate_alert.py")

FAST = [(60, 40, 0.05)]
BLIP = [(60, 2, 0.10)]
PAGE_1H = "page: 14.4x over 60+5 min"


def test_burn_rate_is_error_ratio_over_budget() -> None:
    alerts = snippet.BurnRateAlerts(snippet.RULES)
    for _ in range(60):
        alerts.record_minute(1000, 1)  # 0.1% errors: exactly on budget
    assert abs(alerts.burn_rate(60) - 1.0) < 1e-9
    assert abs(alerts.burn_rate(5) - 1.0) < 1e-9


def test_fast_burn_pages_and_clears_soon_after_recovery() -> None:
    changes = snippet.simulate(FAST, 180)
    assert changes == [(77, "fires", PAGE_1H), (103, "clears", PAGE_1H)]
    # 14.4 / 50 of an hour after the start, and within 5 min of the end
    assert 60 < changes[0][0] <= 60 + 18
    assert 100 <= changes[1][0] <= 105


def test_a_blip_does_not_page() -> None:
    assert snippet.simulate(BLIP, 180) == []


def test_slow_burn_pages_on_the_six_hour_rule_only() -> None:
    changes = snippet.simulate([(60, 480, 0.008)], 720)
    assert [c[2] for c in changes] == ["page: 6.0x over 360+30 min"] * 2
    assert changes[0][1] == "fires"


def test_control_long_window_alone_lingers() -> None:
    changes = snippet.simulate(FAST, 180, [("page", 14.4, 60, 60)])
    assert changes[-1][1] == "clears"
    assert changes[-1][0] >= 100 + 40  # 40 minutes after recovery


def test_control_short_window_alone_pages_on_the_blip() -> None:
    changes = snippet.simulate(BLIP, 180, [("page", 14.4, 5, 5)])
    assert changes and changes[0][1] == "fires"


def test_baseline_alone_never_alerts() -> None:
    assert snippet.simulate([], 720) == []
