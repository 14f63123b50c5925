"""What circuit_breaker_states.py teaches: closed -> open after N failures in a
row, rejects without calling while open, half-open after the cool-down."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/principles/plan-for-failure/circuit_breaker_states.py")


def make(threshold: int = 3, cooldown: float = 10.0):
    clock, service = snippet.FakeClock(), snippet.Dependency()
    breaker = snippet.CircuitBreaker(threshold, cooldown, clock)
    return clock, service, breaker


def fail(breaker, service) -> None:
    with pytest.raises(TimeoutError):
        breaker.call(service)


@pytest.mark.parametrize("threshold", [1, 3, 5])
def test_opens_after_exactly_threshold_failures(threshold: int) -> None:
    _, service, breaker = make(threshold)
    for _ in range(threshold - 1):
        fail(breaker, service)
        assert breaker.state == "closed"
    fail(breaker, service)
    assert breaker.state == "open"
    assert service.calls == threshold


def test_a_success_resets_the_count_of_failures_in_a_row() -> None:
    _, service, breaker = make(3)
    fail(breaker, service)
    fail(breaker, service)
    service.up = True
    assert breaker.call(service) == "ok"
    service.up = False
    fail(breaker, service)
    fail(breaker, service)
    assert breaker.state == "closed"


def test_rejects_without_calling_while_open() -> None:
    clock, service, breaker = make(3, cooldown=10.0)
    for _ in range(3):
        fail(breaker, service)
    service.up = True  # even a recovered service is not called yet
    for clock.now in (0.0, 5.0, 9.999):
        with pytest.raises(snippet.CircuitOpenError):
            breaker.call(service)
    assert service.calls == 3


def test_half_open_after_cooldown_then_a_failed_trial_reopens() -> None:
    clock, service, breaker = make(3, cooldown=10.0)
    for _ in range(3):
        fail(breaker, service)
    clock.now = 10.0
    assert breaker.state == "half-open"
    fail(breaker, service)  # one trial, not `threshold` of them
    assert breaker.state == "open"
    assert service.calls == 4
    clock.now = 19.0  # the cool-down restarted at t=10
    with pytest.raises(snippet.CircuitOpenError):
        breaker.call(service)
    clock.now = 20.0
    assert breaker.state == "half-open"


def test_a_successful_trial_closes_it() -> None:
    clock, service, breaker = make(2, cooldown=5.0)
    fail(breaker, service)
    fail(breaker, service)
    clock.now, service.up = 5.0, True
    assert breaker.call(service) == "ok"
    assert breaker.state == "closed" and breaker.failures == 0


def test_demo_shows_every_state(capsys) -> None:
    snippet.main()
    out = capsys.readouterr().out
    for word in ("closed", "open", "half-open", "rejected fast"):
        assert word in out
    assert out.splitlines()[-1].split()[-1] == "6"  # 9 requests, 6 calls
