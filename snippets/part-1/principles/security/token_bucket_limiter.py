"""A token-bucket rate limiter: allow bursts, enforce an average rate.

The bucket holds at most `capacity` tokens and gains `rate` tokens per
second. Each request takes one token; with none left it is refused
(an HTTP API answers 429 Too Many Requests). A full bucket lets a burst
of `capacity` through at once; after that, requests get through only as
fast as tokens drip back in.
"""
# output: exact

from collections.abc import Callable


# --8<-- [start:idea]
class TokenBucket:
    def __init__(
        self, capacity: float, rate: float, clock: Callable[[], float]
    ) -> None:
        self.capacity = capacity
        self.rate = rate  # tokens added per second
        self.clock = clock  # injected: a fake clock here, time.monotonic live
        self.tokens = capacity  # start full: the first burst is allowed
        self.updated = clock()

    def allow(self) -> bool:
        now = self.clock()
        # Refill lazily for the time that passed, never above capacity.
        elapsed = now - self.updated
        self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return True
        return False


# --8<-- [end:idea]


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def main() -> None:
    clock = FakeClock()
    bucket = TokenBucket(capacity=5, rate=2.0, clock=clock)
    print("capacity 5 tokens, refill 2 tokens per second")
    # (time, how many requests arrive at once)
    for now, requests in [(0.0, 8), (0.5, 2), (1.0, 1), (1.25, 1), (10.0, 7)]:
        clock.now = now
        answers = ["ok" if bucket.allow() else "429" for _ in range(requests)]
        print(f"t={now:5.2f} s, {requests} at once: {' '.join(answers)}")


if __name__ == "__main__":
    main()
