"""What littles_law_in_flight.py teaches: the number of requests in flight, read by a
gauge, equals the arrival rate times the mean time in the system, with or without a
queue; and with too few workers the time in the system (so the number in flight) grows."""

import statistics

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/what-not-to-build/littles_law_in_flight.py")


def measured(workers: int | None, seed: int = 7) -> tuple[float, float, float]:
    visits = snippet.simulate(workers, seed)
    rate = len(visits) / snippet.SECONDS
    time_in = statistics.fmean(d - a for a, d in visits)
    return rate, time_in, snippet.gauge(visits)


@pytest.mark.parametrize("workers", [None, 13, 11])
@pytest.mark.parametrize("seed", [1, 7, 42])
def test_the_gauge_reads_rate_times_time_in_system(workers: int | None, seed: int) -> None:
    rate, time_in, in_flight = measured(workers, seed)
    assert in_flight == pytest.approx(rate * time_in, rel=0.02)


def test_without_a_queue_in_flight_is_rate_times_the_wait() -> None:
    rate, time_in, in_flight = measured(None)
    assert rate == pytest.approx(snippet.RATE, rel=0.03)
    assert time_in == pytest.approx(snippet.WAIT, rel=0.05)
    assert in_flight == pytest.approx(snippet.RATE * snippet.WAIT, rel=0.05)


def test_too_few_workers_make_requests_queue_and_pile_up() -> None:
    unlimited, roomy, tight = (measured(w) for w in (None, 13, 11))
    assert unlimited[1] < roomy[1] < tight[1]  # time in the system grows
    assert unlimited[2] < roomy[2] < tight[2]  # and so does the number in flight
    assert tight[1] > 1.3 * snippet.WAIT


def test_the_gauge_counts_what_is_in_flight_at_each_reading() -> None:
    # One request in flight for the first second: 100 of the 6,000 readings see it.
    assert snippet.gauge([(0.0, 1.0)]) == pytest.approx(100 / 6000)
    assert snippet.gauge([]) == 0


def test_the_same_seed_gives_the_same_traffic() -> None:
    assert snippet.simulate(None, 3) == snippet.simulate(None, 3)
    assert snippet.simulate(None, 3) != snippet.simulate(None, 4)
