"""What deadlock_two_locks.py teaches: with a thread switch forced after each
first lock, locks taken in the transfer's own order deadlock (detected by
timeouts); one global order never does, under the very same forcing."""

import time

from conftest import load_snippet

snippet = load_snippet("part-1/concurrency/deadlock_two_locks.py")


def test_own_order_deadlocks_every_time_and_timeouts_detect_it() -> None:
    for _ in range(3):
        start = time.perf_counter()
        ab, ba, money = snippet.run(snippet.own_order, 1)
        assert ab == ["holds A, timed out waiting for B"]
        assert ba == ["holds B, timed out waiting for A"]
        assert money == 200  # both backed out: nothing half-done
        # Detected, not hung: both give up after one timeout (0.2 s).
        assert time.perf_counter() - start < 5


def test_control_the_same_forcing_with_one_global_order_never_deadlocks() -> None:
    ab, ba, money = snippet.run(snippet.global_order, 300)
    assert ab == ba == ["done"] * 300
    assert money == 200  # every transfer was all-or-nothing


def test_global_order_ignores_the_direction_of_the_transfer() -> None:
    a, b = snippet.Account("A", 5), snippet.Account("B", 5)
    assert snippet.global_order(b, a) == snippet.global_order(a, b) == (a, b)
    assert snippet.own_order(b, a) == (b, a)
