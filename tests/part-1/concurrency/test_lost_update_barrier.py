"""What lost_update_barrier.py teaches: read, meet, write loses exactly
(threads - 1) updates per round; one shared lock loses none."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/concurrency/lost_update_barrier.py")


def test_four_threads_by_1000_rounds_end_at_exactly_1000() -> None:
    # The reference result: 3000 of the 4000 updates vanish, every time.
    assert snippet.without_lock(4, 1000) == 1000


@pytest.mark.parametrize("threads", [2, 3, 5])
def test_one_update_survives_per_round_whatever_the_thread_count(threads: int) -> None:
    assert snippet.without_lock(threads, 50) == 50


def test_the_shared_lock_keeps_every_update() -> None:
    assert snippet.with_lock(4, 1000) == 4000


def test_a_single_thread_loses_nothing_even_without_a_lock() -> None:
    # A race needs two or more threads.
    assert snippet.without_lock(1, 100) == 100
