"""A lost update made certain with a Barrier, then fixed with a Lock.

Each round, every thread reads the shared counter, waits until all of
them have read it, then writes back what it read plus one. They all read
the same number, so they all write the same number: of the four updates
in a round, three vanish. A race needs no luck and no second core, only
an unlucky interleaving; the Barrier forces that interleaving every round.

With a lock around the read AND the write, no thread can read while
another is between its read and its write, and nothing is lost.
"""
# output: exact

import threading
from collections.abc import Callable

THREADS = 4
ROUNDS = 1000
WAIT = 10.0  # seconds: a bug would raise BrokenBarrierError, not hang


class Counter:
    def __init__(self) -> None:
        self.value = 0


def read_then_write(
    counter: Counter, rounds: int, barrier: threading.Barrier
) -> None:
    for _ in range(rounds):
        seen = counter.value  # read
        barrier.wait(timeout=WAIT)  # everyone has read the same value
        counter.value = seen + 1  # write: all write the same number
        barrier.wait(timeout=WAIT)  # round over, before anyone reads


def locked_update(
    counter: Counter,
    rounds: int,
    barrier: threading.Barrier,
    lock: threading.Lock,
) -> None:
    for _ in range(rounds):
        # The read and the write form one critical section: another
        # thread waits at the lock instead of reading a stale value.
        if not lock.acquire(timeout=WAIT):
            raise TimeoutError("lock not acquired")
        try:
            seen = counter.value
            counter.value = seen + 1
        finally:
            lock.release()
        barrier.wait(timeout=WAIT)  # rounds in lockstep, as above


def run_threads(
    target: Callable[..., None], args: tuple[object, ...], threads: int
) -> None:
    pool = [threading.Thread(target=target, args=args) for _ in range(threads)]
    for thread in pool:
        thread.start()
    for thread in pool:
        thread.join(timeout=60)


def without_lock(threads: int = THREADS, rounds: int = ROUNDS) -> int:
    counter = Counter()
    barrier = threading.Barrier(threads)
    run_threads(read_then_write, (counter, rounds, barrier), threads)
    return counter.value


def with_lock(threads: int = THREADS, rounds: int = ROUNDS) -> int:
    counter = Counter()
    barrier = threading.Barrier(threads)
    lock = threading.Lock()  # ONE lock, shared by every thread
    run_threads(locked_update, (counter, rounds, barrier, lock), threads)
    return counter.value


def main() -> None:
    expected = THREADS * ROUNDS
    print(f"{THREADS} threads x {ROUNDS} rounds, each adds 1 per round")
    for label, run in (("no lock", without_lock), ("one lock", with_lock)):
        total = run()
        print(
            f"{label + ':':<10} counter = {total} of {expected}"
            f" ({expected - total} updates lost)"
        )


if __name__ == "__main__":
    main()
