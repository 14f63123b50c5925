"""A leaky bucket smooths a burst; a token bucket passes it on.

The leaky bucket is a queue that drains at a fixed rate: requests wait
their turn and leave one every 1/rate seconds, and when the queue is
full, new ones are refused. The service behind it never sees a burst.
A token bucket of the same size lets the whole burst through at once and
enforces the rate only on average. Times are passed in, so the run is
exact.
"""
# output: exact


# --8<-- [start:idea]
class LeakyBucket:
    def __init__(self, capacity: int, rate: float) -> None:
        self.capacity = capacity  # requests that may wait
        self.interval = 1 / rate  # one leaves every interval
        self.departures: list[float] = []  # of accepted requests

    def offer(self, now: float) -> float | None:
        """When this request will be sent on, or None if refused."""
        waiting = [t for t in self.departures if t > now]
        if len(waiting) >= self.capacity:
            return None  # the queue is full
        leaves = now  # an empty bucket sends at once
        if self.departures:  # otherwise one interval after the last
            leaves = max(now, self.departures[-1] + self.interval)
        self.departures.append(leaves)
        return leaves


# --8<-- [end:idea]


class TokenBucket:
    def __init__(self, capacity: int, rate: float) -> None:
        self.capacity, self.rate = capacity, rate
        self.tokens, self.updated = float(capacity), 0.0

    def offer(self, now: float) -> float | None:
        elapsed = now - self.updated
        self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)
        self.updated = now
        if self.tokens >= 1:
            self.tokens -= 1
            return now  # sent on at once
        return None


def burst(bucket: LeakyBucket | TokenBucket) -> list[str]:
    """6 requests at t=0, then 1 at t=2.5: when does each go through?"""
    arrivals = [0.0] * 6 + [2.5]
    sent = [bucket.offer(t) for t in arrivals]
    return ["refused" if t is None else f"{t:g}" for t in sent]


def main() -> None:
    print("capacity 4, rate 1 per second; 6 requests at t=0, 1 at t=2.5")
    print(f"leaky bucket, sent at: {' '.join(burst(LeakyBucket(4, 1.0)))}")
    print(f"token bucket, sent at: {' '.join(burst(TokenBucket(4, 1.0)))}")


if __name__ == "__main__":
    main()
