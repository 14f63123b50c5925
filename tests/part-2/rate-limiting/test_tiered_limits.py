"""What tiered_limits.py teaches: 1/s, 5/10 s and 10/min combine into
bursts of five, and 20 requests in two minutes."""

from conftest import load_snippet

snippet = load_snippet("part-2/rate-limiting/tiered_limits.py")


def test_a_request_every_half_second_gets_bursts_of_five() -> None:
    times = snippet.accepted_times()
    assert snippet.runs(times) == "0-4, 10-14, 60-64, 70-74"
    assert len(times) == 20


def test_no_tier_is_ever_exceeded() -> None:
    times = snippet.accepted_times()
    for limit, window in snippet.TIERS:
        for t in times:
            assert sum(t - window < u <= t for u in times) <= limit
