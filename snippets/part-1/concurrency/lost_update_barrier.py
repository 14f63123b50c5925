"""A lost update made certain, then prevented by a lock, with a control.

Adding one to a counter is three steps: read, add, write. Here a thread
switch is forced between the read and the write of every update, in
every variant: `others_run()` holds the thread back until every other
thread has got as far as it can, that is, has read the counter too or is
stuck at a lock that someone holds. The same forcing, the same code; only
the lock each thread takes changes:

- NoLock, a lock that excludes nobody: every thread reads the same value
  and writes the same value, so of four updates a round three vanish;
- one shared Lock: the others are stuck at the lock until the write is
  done, so nothing is lost;
- two threads, only one of which takes the Lock: the other walks into
  the middle of the critical section, and half the updates vanish.
"""
# output: exact

from __future__ import annotations

import threading
from typing import Protocol

THREADS = 4
ROUNDS = 1000
WAIT = 10.0  # seconds: a bug raises TimeoutError, it does not hang


class Lockish(Protocol):
    def acquire(self, blocking: bool = ..., timeout: float = ...) -> bool: ...
    def release(self) -> None: ...
    def locked(self) -> bool: ...


class Counter:
    def __init__(self) -> None:
        self.value = 0


# --8<-- [start:idea]
def add_one(counter: Counter, lock: Lockish, switch: ForcedSwitch) -> None:
    switch.at_lock(lock)  # about to ask for the lock
    if not lock.acquire(timeout=WAIT):
        raise TimeoutError("lock not acquired")
    try:
        seen = counter.value  # read
        switch.others_run(lock)  # a thread switch, at the worst moment
        counter.value = seen + 1  # write
    finally:
        lock.release()


class NoLock:
    """The control: a lock that excludes nobody."""

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        return True

    def release(self) -> None:
        pass

    def locked(self) -> bool:
        return False


def count(locks: list[Lockish], rounds: int = ROUNDS) -> int:
    """One thread per entry of `locks`, each adding 1 per round under
    its lock; returns the final counter."""
    counter, switch = Counter(), ForcedSwitch(len(locks))
    run_threads(counter, locks, switch, rounds)
    return counter.value


def main() -> None:
    shared = threading.Lock()  # ONE lock, passed to every thread
    print(f"{ROUNDS} rounds; each thread adds 1 per round, and a thread")
    print("switch is forced between every read and its write")
    report("4 threads, no lock:", [NoLock()] * 4)
    report("4 threads, one shared lock:", [shared] * 4)
    report("2 threads, one skips the lock:", [shared, NoLock()])


# --8<-- [end:idea]
def report(label: str, locks: list[Lockish]) -> None:
    total, expected = count(locks), len(locks) * ROUNDS
    print(
        f"{label:<31} counter = {total} of {expected}"
        f" ({expected - total} updates lost)"
    )


# The forcing, and the threads: plumbing.
class ForcedSwitch:
    """Stands in for a scheduler that switches at the worst moment.

    others_run(lock) blocks its thread, which holds `lock`, until every
    other thread of the round has read the counter, or waits at a lock
    that a thread which has read holds: as far as the others can get while
    this one is switched out. Nobody waits inside a critical section for
    a thread that a real lock keeps out, so a real lock cannot deadlock.
    """

    def __init__(self, threads: int) -> None:
        self.threads = threads
        self.changed = threading.Condition()
        self.have_read: set[int] = set()  # thread ids, this round
        self.at: dict[int, Lockish] = {}  # thread id -> lock it asks for
        self.held: dict[int, Lockish] = {}  # thread id -> lock it took
        self.round_over = threading.Barrier(
            threads, action=self.reset, timeout=WAIT
        )

    def reset(self) -> None:  # run once, when every thread ended a round
        self.have_read.clear()
        self.at.clear()
        self.held.clear()

    def at_lock(self, lock: Lockish) -> None:
        with self.changed:
            self.at[threading.get_ident()] = lock
            self.changed.notify_all()

    def others_run(self, lock: Lockish) -> None:
        me = threading.get_ident()
        with self.changed:
            del self.at[me]
            self.held[me] = lock
            self.have_read.add(me)
            self.changed.notify_all()
            if not self.changed.wait_for(self.others_are_done, WAIT):
                raise TimeoutError("the other threads never got there")

    def others_are_done(self) -> bool:
        stuck = sum(1 for me, lock in self.at.items() if self.stuck(me, lock))
        return len(self.have_read) + stuck == self.threads

    def stuck(self, me: int, lock: Lockish) -> bool:
        """Waiting for a lock that another thread, one that has read, holds."""
        return lock.locked() and any(
            lock is theirs for who, theirs in self.held.items() if who != me
        )


def worker(
    counter: Counter, lock: Lockish, switch: ForcedSwitch, rounds: int
) -> None:
    for _ in range(rounds):
        add_one(counter, lock, switch)
        switch.round_over.wait()  # every thread ends the round together


def run_threads(
    counter: Counter,
    locks: list[Lockish],
    switch: ForcedSwitch,
    rounds: int,
) -> None:
    threads = [
        threading.Thread(target=worker, args=(counter, lock, switch, rounds))
        for lock in locks
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)


# What the lost-updates lab imports.
def without_lock(threads: int = THREADS, rounds: int = ROUNDS) -> int:
    return count([NoLock() for _ in range(threads)], rounds)


def with_lock(threads: int = THREADS, rounds: int = ROUNDS) -> int:
    return count([threading.Lock()] * threads, rounds)


if __name__ == "__main__":
    main()
