"""Tiered limits: 1 per second, 5 per 10 seconds and 10 per minute.

A request passes only if every tier has room, and then counts in every
tier. Each tier is a sliding log (the times of accepted requests within
its window). A client that asks every half second for two minutes gets
bursts of 5 (the 10-second tier) until the minute tier is full, then
nothing until the oldest requests leave that minute behind.
"""
# output: exact

from collections import deque

TIERS = [(1, 1.0), (5, 10.0), (10, 60.0)]  # (requests, per seconds)


# --8<-- [start:idea]
class TieredLimit:
    def __init__(self, tiers: list[tuple[int, float]]) -> None:
        self.tiers = [
            (limit, window, deque[float]()) for limit, window in tiers
        ]

    def allow(self, now: float) -> bool:
        for _, window, log in self.tiers:
            while log and log[0] <= now - window:
                log.popleft()  # left this tier's window
        if any(len(log) >= limit for limit, _, log in self.tiers):
            return False  # one full tier is enough to refuse
        for _, _, log in self.tiers:
            log.append(now)
        return True


# --8<-- [end:idea]


def accepted_times(every: float = 0.5, until: float = 120.0) -> list[float]:
    limiter = TieredLimit(TIERS)
    times = [i * every for i in range(int(until / every))]
    return [t for t in times if limiter.allow(t)]


def runs(times: list[float]) -> str:
    """[0, 1, 2, 10, 11] -> '0-2, 10-11': consecutive seconds as ranges."""
    groups: list[list[float]] = []
    for t in times:
        if groups and t - groups[-1][-1] == 1:
            groups[-1].append(t)
        else:
            groups.append([t])
    return ", ".join(f"{g[0]:g}-{g[-1]:g}" for g in groups)


def main() -> None:
    times = accepted_times()
    print("tiers: 1/1 s, 5/10 s, 10/60 s; a request every 0.5 s for 120 s")
    print(f"accepted at t = {runs(times)} s")
    print(f"{len(times)} of 240 accepted")


if __name__ == "__main__":
    main()
