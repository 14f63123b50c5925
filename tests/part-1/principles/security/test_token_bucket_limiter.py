"""What token_bucket_limiter.py teaches: a full bucket allows a burst of
`capacity`, then requests pass only at the refill rate, and idle time never
banks more than `capacity`."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/principles/security/token_bucket_limiter.py")


def make(capacity: float = 5, rate: float = 2.0):
    clock = snippet.FakeClock()
    return clock, snippet.TokenBucket(capacity, rate, clock)


@pytest.mark.parametrize("capacity", [1, 5, 20])
def test_a_burst_of_capacity_then_refusal(capacity: int) -> None:
    _, bucket = make(capacity)
    answers = [bucket.allow() for _ in range(capacity + 3)]
    assert answers == [True] * capacity + [False] * 3


def test_after_the_burst_requests_pass_at_the_refill_rate() -> None:
    clock, bucket = make(capacity=5, rate=2.0)
    allowed = 0
    # Hammer it every 0.25 s for 10 s (exact binary fractions: no rounding).
    for step in range(41):
        clock.now = step * 0.25
        while bucket.allow():
            allowed += 1
    assert allowed == 5 + 2 * 10  # the burst, plus rate x seconds


def test_half_a_token_is_not_enough() -> None:
    clock, bucket = make(capacity=1, rate=2.0)
    assert bucket.allow()
    clock.now = 0.25
    assert not bucket.allow()
    clock.now = 0.5
    assert bucket.allow()


def test_idle_time_banks_at_most_capacity() -> None:
    clock, bucket = make(capacity=5, rate=2.0)
    clock.now = 3600.0
    answers = [bucket.allow() for _ in range(8)]
    assert answers.count(True) == 5


def test_demo_output(capsys) -> None:
    snippet.main()
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].endswith("ok ok ok ok ok 429 429 429")
    assert lines[-1].endswith("ok ok ok ok ok 429 429")
