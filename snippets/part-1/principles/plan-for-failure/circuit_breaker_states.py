"""A circuit breaker: stop calling a dependency that keeps failing.

Closed: calls go through; consecutive failures are counted.
Open: after `threshold` failures in a row, calls fail at once, without
touching the dependency, for `cooldown` seconds.
Half-open: after the cool-down one trial call goes through; success
closes the breaker, failure opens it again.
(Martin Fowler, "CircuitBreaker", 2014; Michael Nygard, "Release It!".)
"""
# output: exact

from collections.abc import Callable


class CircuitOpenError(Exception):
    """Raised instead of calling the dependency while the breaker is open."""


# --8<-- [start:idea]
class CircuitBreaker:
    def __init__(
        self, threshold: int, cooldown: float, clock: Callable[[], float]
    ) -> None:
        self.threshold = threshold
        self.cooldown = cooldown
        self.clock = clock  # injected, so tests need not really wait
        self.failures = 0
        self.opened_at: float | None = None  # None while closed

    @property
    def state(self) -> str:
        if self.opened_at is None:
            return "closed"
        if self.clock() - self.opened_at < self.cooldown:
            return "open"
        return "half-open"  # cool-down over: the next call is a trial

    def call(self, operation: Callable[[], str]) -> str:
        state = self.state
        if state == "open":
            raise CircuitOpenError("circuit open: not calling")
        try:
            result = operation()
        except Exception:
            self.failures += 1
            # A failed trial reopens at once; else wait for the threshold.
            if state == "half-open" or self.failures >= self.threshold:
                self.opened_at = self.clock()  # (re)start the cool-down
                self.failures = 0  # count afresh once closed again
            raise
        self.failures, self.opened_at = 0, None  # success: close
        return result


# --8<-- [end:idea]


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Dependency:
    """Stands in for a remote service that can be up or down."""

    def __init__(self) -> None:
        self.up = False
        self.calls = 0

    def __call__(self) -> str:
        self.calls += 1
        if not self.up:
            raise TimeoutError("no answer within 1 s")
        return "ok"


def main() -> None:
    clock, service = FakeClock(), Dependency()
    breaker = CircuitBreaker(threshold=3, cooldown=10.0, clock=clock)
    # (time in seconds, is the service up?) for each request
    script = [
        (0, False),
        (1, False),
        (2, False),
        (3, False),
        (4, False),
        (12, False),
        (13, False),
        (23, True),
        (24, True),
    ]
    print("time  before     outcome           after      service calls")
    for now, up in script:
        clock.now, service.up = now, up
        before = breaker.state
        try:
            outcome = breaker.call(service)
        except CircuitOpenError:
            outcome = "rejected fast"
        except TimeoutError:
            outcome = "failed (timeout)"
        print(
            f"{now:4}  {before:<10} {outcome:<17} {breaker.state:<10} "
            f"{service.calls}"
        )


if __name__ == "__main__":
    main()
