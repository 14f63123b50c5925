"""The article's token bucket, its two bugs, and a bucket without them.

1. It reads the wall clock, time.time(). When the clock is stepped (by
   NTP, a VM resuming, an administrator), the elapsed time it computes is
   wrong: a step back of an hour leaves the bucket 3,600 tokens in debt,
   refusing everyone for an hour. The fix measures time with a monotonic
   clock, which never steps, passed in so that a test can drive it.
2. It has no lock. Two threads that both see one token both take it.
   The race is forced: both threads must meet at a switch point between
   the check ("is there a token?") and the take. With the lock, the
   second thread cannot get there while the first is inside: the first
   waits MEET_WAIT seconds for nobody, and the meeting never happens.
"""
# output: exact

import threading
import time
from collections.abc import Callable

MEET_WAIT = 0.5  # seconds the first thread waits at the switch point


# --8<-- [start:article]
class ArticleTokenBucket:
    """The article's logic, rewritten to show its bugs: do not use.

    Its clock, time.time(), is a parameter only so the demo can step it.
    """

    def __init__(
        self,
        capacity: float,
        refill_rate: float,
        wall_clock: Callable[[], float] = time.time,
    ) -> None:
        self.capacity = capacity
        self.tokens = capacity
        self.refill_rate = refill_rate
        self.wall_clock = wall_clock
        self.last_refill = wall_clock()

    def consume(self, tokens: float = 1) -> bool:
        self._refill()
        if self.tokens >= tokens:  # check ...
            self.tokens -= tokens  # ... then act: not atomic
            return True
        return False

    def _refill(self) -> None:
        now = self.wall_clock()
        added = (now - self.last_refill) * self.refill_rate  # < 0 if stepped
        self.tokens = min(self.capacity, self.tokens + added)
        self.last_refill = now


# --8<-- [end:article]


# --8<-- [start:fixed]
class TokenBucket:
    """`rate` tokens per second, at most `capacity`; safe across threads."""

    def __init__(
        self,
        capacity: float,
        rate: float,
        clock: Callable[[], float] = time.monotonic,  # never steps
    ) -> None:
        self.capacity, self.rate, self.clock = capacity, rate, clock
        self.tokens = capacity  # starts full: one burst is allowed
        self.updated = clock()
        self._lock = threading.Lock()

    def consume(self, tokens: float = 1) -> bool:
        if tokens > self.capacity:
            raise ValueError("more tokens than the bucket can ever hold")
        with self._lock:  # refill, check and take: one step
            self._refill()
            if self.tokens >= tokens:
                self.tokens -= tokens
                return True
            return False

    def _refill(self) -> None:
        now = self.clock()
        elapsed = max(0.0, now - self.updated)  # never negative
        self.tokens = min(self.capacity, self.tokens + elapsed * self.rate)
        self.updated = now


# --8<-- [end:fixed]


class Clocks:
    """A fake wall clock and a fake monotonic clock, driven by hand."""

    def __init__(self) -> None:
        self.wall_now, self.mono_now = 1_700_000_000.0, 1000.0

    def wall(self) -> float:
        return self.wall_now

    def monotonic(self) -> float:
        return self.mono_now

    def wait(self, seconds: float) -> None:  # time passes: both move
        self.wall_now += seconds
        self.mono_now += seconds

    def step_wall(self, seconds: float) -> None:  # only the wall clock
        self.wall_now += seconds


# --8<-- [start:step]
def clock_stepped_back(fixed: bool) -> str:
    """Empty the bucket, step the wall clock back 1 h, wait 60 s."""
    clocks = Clocks()
    bucket: ArticleTokenBucket | TokenBucket = (
        TokenBucket(5, 1.0, clocks.monotonic)
        if fixed
        else ArticleTokenBucket(5, 1.0, clocks.wall)
    )
    for _ in range(5):
        bucket.consume()
    clocks.step_wall(-3600)
    bucket.consume()  # a request arrives just after the step
    clocks.wait(60)
    answers = [bucket.consume() for _ in range(3)]
    return f"{answers}, tokens left {bucket.tokens:.0f}"


# --8<-- [end:step]


class Ticket(float):
    """A request for one token whose check is a switch point.

    `bucket.tokens >= ticket` calls Ticket.__le__ (Python tries the
    subclass's reflected method first). It compares, then waits for the
    other thread: the check is made, the tokens are not taken yet.
    """

    def __new__(cls, barrier: threading.Barrier) -> "Ticket":
        ticket = super().__new__(cls, 1.0)
        ticket.barrier = barrier
        return ticket

    barrier: threading.Barrier

    def __le__(self, tokens: float) -> bool:
        enough = float(self) <= tokens
        try:
            self.barrier.wait()
        except threading.BrokenBarrierError:
            pass  # the other thread never got here: nobody to wait for
        return enough


def two_threads_one_token(fixed: bool) -> str:
    clocks = Clocks()
    bucket: ArticleTokenBucket | TokenBucket = (
        TokenBucket(1, 1.0, clocks.monotonic)
        if fixed
        else ArticleTokenBucket(1, 1.0, clocks.wall)
    )
    barrier = threading.Barrier(2, timeout=MEET_WAIT)
    answers: list[bool] = []
    threads = [
        threading.Thread(
            target=lambda: answers.append(bucket.consume(Ticket(barrier)))
        )
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    met = "never met" if barrier.broken else "met between check and take"
    return f"{sorted(answers)}, tokens {bucket.tokens:.0f}; threads {met}"


def main() -> None:
    print("capacity 5, 1 token/s; empty; wall clock back 1 h; 60 s later:")
    print(f"article: {clock_stepped_back(fixed=False)}")
    print(f"  fixed: {clock_stepped_back(fixed=True)}")
    print("one token left, two threads ask at once:")
    print(f"article: {two_threads_one_token(fixed=False)}")
    print(f"  fixed: {two_threads_one_token(fixed=True)}")


if __name__ == "__main__":
    main()
