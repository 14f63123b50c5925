"""What latency_vs_bandwidth.py teaches: small transfers are bound by the
round trip, large ones by bandwidth; fibre adds about 1 ms of RTT per 100 km."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/mtu-and-rtt/latency_vs_bandwidth.py")


def test_a_small_object_comes_faster_over_the_near_slow_link() -> None:
    assert snippet.fetch_ms(1_000, 10, 50) < snippet.fetch_ms(1_000, 100, 1000)


def test_a_large_object_comes_faster_over_the_far_fast_link() -> None:
    assert snippet.fetch_ms(10_000_000, 100, 1000) < snippet.fetch_ms(10_000_000, 10, 50)


def test_the_transfer_part_of_ten_megabytes_at_a_gigabit_is_80_ms() -> None:
    assert snippet.fetch_ms(10_000_000, 0, 1000) == pytest.approx(80.0)


def test_one_millisecond_of_rtt_per_100_km_of_fibre() -> None:
    assert snippet.rtt_floor_ms(100) == pytest.approx(1.0)
