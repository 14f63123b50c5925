"""Load shedding: under overload, refuse some requests fast to serve the rest.

One worker serves 10 requests a second (100 ms each). For 10 seconds,
clients send twice that, and each client gives up after 1 s. With an
unbounded queue every request is accepted, the queue grows, and soon
every answer comes after its client has left: the server stays busy and
serves almost nobody. A bounded queue refuses the excess at once (503)
and answers everyone it accepts in time. A fake clock: no real waiting.
"""
# output: exact

from collections import deque
from dataclasses import dataclass

SERVICE = 0.1  # seconds of work per request: capacity 10 per second
DEADLINE = 1.0  # seconds a client waits for its answer, then gives up


@dataclass
class Tally:
    in_time: int = 0  # answered before the client gave up
    too_late: int = 0  # answered after: the work was wasted
    refused: int = 0  # shed at once, so the client can retry elsewhere
    worst: float = 0.0  # longest wait among accepted requests, seconds


# --8<-- [start:idea]
def serve(arrivals: list[float], max_waiting: int | None) -> Tally:
    """One worker, first come first served; None means an unbounded queue."""
    tally = Tally()
    free_at = 0.0  # when the worker finishes what it has accepted
    waiting: deque[float] = deque()  # start times of queued requests
    for now in arrivals:
        while waiting and waiting[0] <= now:
            waiting.popleft()  # these have started by now
        if max_waiting is not None and len(waiting) >= max_waiting:
            tally.refused += 1  # shed: answer 503 now, do no work
            continue
        start = max(now, free_at)
        free_at = start + SERVICE
        if start > now:
            waiting.append(start)
        latency = free_at - now
        tally.worst = max(tally.worst, latency)
        if latency <= DEADLINE:
            tally.in_time += 1
        else:
            tally.too_late += 1
    return tally


# --8<-- [end:idea]


def overload(rate: float = 20.0, seconds: float = 10.0) -> list[float]:
    """Arrival times: `rate` requests a second, evenly spaced."""
    return [i / rate for i in range(int(rate * seconds))]


def main() -> None:
    arrivals = overload()
    print(
        f"{len(arrivals)} requests in 10 s; capacity {1 / SERVICE:g}/s; "
        f"clients wait {DEADLINE:g} s"
    )
    print("queue         in time  too late  refused  worst wait")
    for label, limit in (("unbounded", None), ("at most 5", 5)):
        t = serve(arrivals, limit)
        print(
            f"{label:<12}{t.in_time:>9}{t.too_late:>10}{t.refused:>9}"
            f"{t.worst:>10.1f} s"
        )


if __name__ == "__main__":
    main()
