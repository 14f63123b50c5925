"""Two threads, one round-robin balancer: the article's version and a fix.

The article's balancer reads its counter to pick a server, then reads it
again to advance it. Two threads that both read before either advances
get the same server, and the next server in the rotation is skipped.

The race is forced, not left to luck: the server list is a list whose
len() is a switch point where two threads must meet (a Barrier) between
reading the counter and advancing it. The fixed balancer reads and
advances under a lock, so the second thread cannot reach the switch
point while the first is there: they never meet, and never share a turn.
"""
# output: exact

import threading
from collections.abc import Sequence

WAIT = 10.0  # seconds: a bug should raise an error, not hang
MEET_WAIT = 0.5  # seconds a thread waits at the switch point
SERVERS = ["s0", "s1", "s2"]


# --8<-- [start:article]
class ArticleRoundRobin:
    """The article's logic, rewritten to show its bug: do not use."""

    def __init__(self, servers: Sequence[str]) -> None:
        self.servers = servers  # the caller's own list, not a copy
        self.current = 0

    def get_server(self) -> str:
        server = self.servers[self.current]  # read the counter ...
        # ... another thread can run here and read the same value ...
        self.current = (self.current + 1) % len(self.servers)  # ... advance
        return server


# --8<-- [end:article]


# --8<-- [start:fixed]
class RoundRobin:
    """Round robin that two threads can share."""

    def __init__(self, servers: Sequence[str]) -> None:
        if not servers:
            raise ValueError("round robin needs at least one server")
        # A snapshot: the caller's list may change without breaking us.
        self._servers: Sequence[str] = tuple(servers)
        self._next = 0
        self._lock = threading.Lock()

    def get_server(self) -> str:
        with self._lock:  # read and advance in one step
            turn = self._next
            self._next = (turn + 1) % len(self._servers)
            return self._servers[turn]


# --8<-- [end:fixed]


class MeetingList(list[str]):
    """A server list whose length is a switch point for two threads.

    Both balancers ask for len() after reading their counter and before
    storing the next value. There, the first two callers wait for each
    other. If a lock keeps the second one out, the first gives up after
    MEET_WAIT seconds and goes on alone.
    """

    def __init__(self, servers: Sequence[str]) -> None:
        super().__init__(servers)
        self.barrier = threading.Barrier(2, timeout=MEET_WAIT)
        self.meetings = 2
        self.lock = threading.Lock()

    def __len__(self) -> int:
        with self.lock:
            meet, self.meetings = self.meetings > 0, self.meetings - 1
        if meet:
            try:
                self.barrier.wait()  # the switch point
            except threading.BrokenBarrierError:
                pass  # the other thread could not get here
        return super().__len__()


def race(balancer: ArticleRoundRobin | RoundRobin) -> list[str]:
    """Two threads ask at once, then a third call: the servers they got."""
    got: list[str] = []
    threads = [
        threading.Thread(target=lambda: got.append(balancer.get_server()))
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=WAIT)
    return [*sorted(got), balancer.get_server()]


def forced_article() -> tuple[list[str], bool]:
    """The servers handed out, and whether the threads met mid-call."""
    servers = MeetingList(SERVERS)
    return race(ArticleRoundRobin(servers)), not servers.barrier.broken


def forced_fixed() -> tuple[list[str], bool]:
    servers = MeetingList(SERVERS)
    balancer = RoundRobin(SERVERS)
    balancer._servers = servers  # the same switch point
    return race(balancer), not servers.barrier.broken


def shrink_after_two_calls(
    balancer_type: type[ArticleRoundRobin] | type[RoundRobin],
) -> str:
    """The caller removes a server from its own list after two calls."""
    servers = list(SERVERS)
    balancer = balancer_type(servers)
    balancer.get_server()
    balancer.get_server()
    servers.remove("s2")
    try:
        return balancer.get_server()
    except IndexError as error:
        return f"IndexError: {error}"


def main() -> None:
    print("two threads at once, then one more call:")
    for label, forced in (
        ("article", forced_article),
        ("fixed", forced_fixed),
    ):
        got, met = forced()
        where = "met mid-call" if met else "never met"
        print(f"{label:>7}: {got}; the threads {where}")
    print("the caller's list loses s2 after two calls; the third call:")
    print(f"article: {shrink_after_two_calls(ArticleRoundRobin)}")
    print(f"  fixed: {shrink_after_two_calls(RoundRobin)}")


if __name__ == "__main__":
    main()
