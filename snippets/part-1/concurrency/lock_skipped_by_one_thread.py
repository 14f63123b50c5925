"""A lock protects nothing from code that does not take it.

A lock is not a property of the data: it only makes threads that ask for
the same lock wait for each other. Here a careful thread updates the
counter inside the lock, and a careless one reads and writes it without
asking. The careless thread walks straight into the middle of the
careful one's critical section, so updates are lost again. The Barrier
forces that overlap in every round, so the result is always the same.
"""
# output: exact

import threading

ROUNDS = 1000
WAIT = 10.0  # seconds: a bug would raise an error, not hang


class Counter:
    def __init__(self) -> None:
        self.value = 0


def careful(
    counter: Counter,
    rounds: int,
    lock: threading.Lock,
    barrier: threading.Barrier | None,
) -> None:
    for _ in range(rounds):
        if not lock.acquire(timeout=WAIT):
            raise TimeoutError("lock not acquired")
        try:
            seen = counter.value
            if barrier is not None:
                barrier.wait(timeout=WAIT)  # the careless thread reads now
            counter.value = seen + 1
        finally:
            lock.release()
        if barrier is not None:
            barrier.wait(timeout=WAIT)  # round over


def careless(
    counter: Counter, rounds: int, barrier: threading.Barrier
) -> None:
    for _ in range(rounds):
        seen = counter.value  # never asks for the lock
        barrier.wait(timeout=WAIT)
        counter.value = seen + 1
        barrier.wait(timeout=WAIT)


def one_side_locks(rounds: int = ROUNDS) -> int:
    counter, lock = Counter(), threading.Lock()
    barrier = threading.Barrier(2)
    threads = [
        threading.Thread(
            target=careful, args=(counter, rounds, lock, barrier)
        ),
        threading.Thread(target=careless, args=(counter, rounds, barrier)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return counter.value


def both_sides_lock(rounds: int = ROUNDS) -> int:
    counter, lock = Counter(), threading.Lock()
    # No barrier here: it would make one thread wait for the other while
    # holding the lock that the other needs.
    threads = [
        threading.Thread(target=careful, args=(counter, rounds, lock, None))
        for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return counter.value


def main() -> None:
    expected = 2 * ROUNDS
    print(f"2 threads x {ROUNDS} rounds, each adds 1 per round")
    for label, run in (
        ("only one takes the lock", one_side_locks),
        ("both take the lock", both_sides_lock),
    ):
        total = run()
        print(
            f"{label + ':':<25} counter = {total} of {expected}"
            f" ({expected - total} updates lost)"
        )


if __name__ == "__main__":
    main()
