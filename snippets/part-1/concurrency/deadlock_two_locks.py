"""A deadlock from two locks taken in opposite orders, and its cure.

Two transfers run at once: A to B, and B to A. Each takes two locks, one
per account. A thread switch is forced right after each thread takes its
first lock: `others_run()` holds the thread back until the other has
taken its first lock too, or is stuck at a lock that is held.

- In the transfer's own order (source, then target), A->B holds A and
  B->A holds B: each waits for the other's lock, a cycle, every time.
  Timeouts on the second acquire detect it, and both back out.
- In one global order (A before B, whatever the direction), the second
  thread is stuck at A while the first takes B: no cycle can form, under
  the very same forcing, round after round.
"""
# output: exact

from __future__ import annotations

import threading
from collections.abc import Callable

WAIT = 0.2  # seconds before a thread decides its second lock is stuck
LONG = 5.0  # seconds: any other wait; a bug raises, it does not hang
ROUNDS = 1000
Order = Callable[["Account", "Account"], tuple["Account", "Account"]]


class Account:
    def __init__(self, name: str, balance: int) -> None:
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


# --8<-- [start:idea]
def own_order(source: Account, target: Account) -> tuple[Account, Account]:
    return source, target  # depends on the direction of the money


def global_order(source: Account, target: Account) -> tuple[Account, Account]:
    first, second = sorted((source, target), key=lambda a: a.name)
    return first, second  # A before B, whatever the direction


def transfer(
    source: Account, target: Account, order: Order, switch: ForcedSwitch
) -> str:
    first, second = order(source, target)
    switch.at_lock(first.lock)
    if not first.lock.acquire(timeout=LONG):
        return f"timed out waiting for {first.name}"
    try:
        switch.others_run(first.lock)  # a thread switch, at the worst time
        if not second.lock.acquire(timeout=WAIT):
            switch.both_saw_it()  # report before backing out
            return f"holds {first.name}, timed out waiting for {second.name}"
        try:
            source.balance -= 1
            target.balance += 1
            return "done"
        finally:
            second.lock.release()
    finally:
        first.lock.release()  # backing out releases what it held


# --8<-- [end:idea]


def run(order: Order, rounds: int) -> tuple[list[str], list[str], int]:
    """Both transfers, `rounds` times each under the forced switch.
    Returns the outcomes of A->B, of B->A, and the total money."""
    a, b = Account("A", 100), Account("B", 100)
    switch = ForcedSwitch(2)
    outcomes: dict[str, list[str]] = {"A->B": [], "B->A": []}

    def move(name: str, source: Account, target: Account) -> None:
        for _ in range(rounds):
            outcomes[name].append(transfer(source, target, order, switch))
            switch.round_over.wait()

    threads = [
        threading.Thread(target=move, args=("A->B", a, b)),
        threading.Thread(target=move, args=("B->A", b, a)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return outcomes["A->B"], outcomes["B->A"], a.balance + b.balance


def main() -> None:
    print("a thread switch forced right after each first lock")
    print("locks taken in the transfer's own order (source, then target):")
    ab, ba, _ = run(own_order, 1)
    print(f"  transfer A->B: {ab[0]}\n  transfer B->A: {ba[0]}")
    ab, ba, money = run(global_order, ROUNDS)
    outcomes = ab + ba
    print(f"locks taken in one global order (A before B), {ROUNDS} rounds:")
    print(
        f"  {outcomes.count('done')} transfers done,"
        f" {len(outcomes) - outcomes.count('done')} timeouts,"
        f" total money still {money}"
    )


# The forcing: plumbing.
class ForcedSwitch:
    """Stands in for a scheduler that switches at the worst moment.

    others_run(lock) blocks its thread, which holds `lock`, until every
    other thread of the round has taken its first lock, or waits at a
    lock that such a thread holds.
    """

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self.changed = threading.Condition()
        self.have_taken: set[int] = set()  # thread ids, this round
        self.at: dict[int, threading.Lock] = {}  # id -> lock it asks for
        self.held: dict[int, threading.Lock] = {}  # id -> lock it took
        self.round_over = threading.Barrier(threads, self.reset, timeout=LONG)
        self.gave_up = threading.Barrier(threads, timeout=LONG)

    def reset(self) -> None:  # run once, when every thread ended a round
        self.have_taken.clear()
        self.at.clear()
        self.held.clear()

    def at_lock(self, lock: threading.Lock) -> None:
        with self.changed:
            self.at[threading.get_ident()] = lock
            self.changed.notify_all()

    def others_run(self, lock: threading.Lock) -> None:
        me = threading.get_ident()
        with self.changed:
            del self.at[me]
            self.held[me] = lock
            self.have_taken.add(me)
            self.changed.notify_all()
            if not self.changed.wait_for(self.others_are_done, LONG):
                raise TimeoutError("the other threads never got there")

    def others_are_done(self) -> bool:
        stuck = sum(1 for me, lock in self.at.items() if self.stuck(me, lock))
        return len(self.have_taken) + stuck == self.threads

    def stuck(self, me: int, lock: threading.Lock) -> bool:
        return lock.locked() and any(
            lock is theirs for who, theirs in self.held.items() if who != me
        )

    def both_saw_it(self) -> None:
        self.gave_up.wait()  # nobody backs out before all have timed out


if __name__ == "__main__":
    main()
