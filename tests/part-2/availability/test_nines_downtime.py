"""What nines_downtime.py teaches: the downtime each number of nines allows."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/availability/nines_downtime.py")


@pytest.mark.parametrize(
    ("availability", "per_year_s", "per_30_days_s"),
    [
        (0.99, 87.66 * 3600, 7.2 * 3600),
        (0.999, 8.766 * 3600, 43.2 * 60),
        (0.9999, 52.596 * 60, 4.32 * 60),
        (0.99999, 5.2596 * 60, 25.92),
    ],
)
def test_downtime_per_year_and_per_30_days(
    availability: float, per_year_s: float, per_30_days_s: float
) -> None:
    assert snippet.downtime(availability, snippet.YEAR) == pytest.approx(per_year_s)
    assert snippet.downtime(availability, snippet.MONTH) == pytest.approx(per_30_days_s)


def test_the_year_is_365_25_days() -> None:
    assert snippet.YEAR == 31_557_600
