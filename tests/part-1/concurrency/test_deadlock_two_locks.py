"""What deadlock_two_locks.py teaches: opposite lock orders deadlock (detected
by timeouts); one global order never does."""

import time

from conftest import load_snippet

snippet = load_snippet("part-1/concurrency/deadlock_two_locks.py")


def test_opposite_orders_deadlock_and_timeouts_detect_it() -> None:
    start = time.perf_counter()
    lines = snippet.opposite_orders()
    assert lines == [
        "transfer A->B: holds A, timed out waiting for B",
        "transfer B->A: holds B, timed out waiting for A",
    ]
    # Detected, not hung: both give up after one timeout (0.2 s).
    assert time.perf_counter() - start < 5


def test_a_global_lock_order_never_deadlocks() -> None:
    done, timeouts, money = snippet.global_order(500)
    assert (done, timeouts) == (1000, 0)
    assert money == 200  # every transfer was all-or-nothing


def test_global_order_ignores_the_direction_of_the_transfer() -> None:
    a, b = snippet.Account("A", 5), snippet.Account("B", 5)
    assert snippet.transfer_in_global_order(b, a, 3)
    assert (a.balance, b.balance) == (8, 2)
    assert not a.lock.locked() and not b.lock.locked()
