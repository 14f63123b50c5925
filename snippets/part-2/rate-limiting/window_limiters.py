"""Fixed window against sliding log: 5 requests per 10 seconds.

A fixed window counts requests per calendar slot (0-10 s, 10-20 s, ...)
and resets the count at each edge. A client that sends 5 requests just
before an edge and 5 just after gets 10 through in a tenth of a second:
twice the limit. A sliding log keeps the time of each accepted request
and counts those in the last 10 seconds, whenever "now" is, so no burst
ever exceeds the limit. Time is passed in, so the run is exact.
"""
# output: exact

from collections import deque


# --8<-- [start:idea]
class FixedWindow:
    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self.slot, self.count = -1, 0

    def allow(self, now: float) -> bool:
        slot = int(now // self.window)  # which calendar slot
        if slot != self.slot:
            self.slot, self.count = slot, 0  # a new slot: count from 0
        if self.count < self.limit:
            self.count += 1
            return True
        return False


class SlidingLog:
    def __init__(self, limit: int, window: float) -> None:
        self.limit, self.window = limit, window
        self.accepted: deque[float] = deque()  # times, oldest first

    def allow(self, now: float) -> bool:
        while self.accepted and self.accepted[0] <= now - self.window:
            self.accepted.popleft()  # older than the window: forget
        if len(self.accepted) < self.limit:
            self.accepted.append(now)
            return True
        return False


# --8<-- [end:idea]


def burst_across_edge() -> dict[str, list[float]]:
    """10 requests from t=9.95 s to t=10.04 s: which get through?"""
    times = [round(9.95 + i / 100, 2) for i in range(10)]
    limiters: dict[str, FixedWindow | SlidingLog] = {
        "fixed window": FixedWindow(5, 10.0),
        "sliding log": SlidingLog(5, 10.0),
    }
    return {
        name: [t for t in times if limiter.allow(t)]
        for name, limiter in limiters.items()
    }


def main() -> None:
    print("limit: 5 requests per 10 s; 10 requests from t=9.95 to 10.04 s")
    for name, passed in burst_across_edge().items():
        span = f"from {passed[0]} to {passed[-1]} s"
        print(f"{name:>12}: {len(passed)} passed, {span}")


if __name__ == "__main__":
    main()
