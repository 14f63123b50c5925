"""What lost_update_barrier.py teaches: with a thread switch forced between
every read and its write, threads without a lock lose exactly (threads - 1)
updates per round; one shared lock loses none under the same forcing; a
thread that skips the lock loses updates again."""

import sys
import threading
from collections.abc import Iterator

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/concurrency/lost_update_barrier.py")


class ExcludesNothing:
    """A stand-in for a broken fix, written independently of the snippet's
    NoLock: a real Lock object that is never actually taken."""

    def __init__(self) -> None:
        self.inner = threading.Lock()

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        return True

    def release(self) -> None:
        pass

    def locked(self) -> bool:
        return self.inner.locked()


@pytest.fixture(params=[1e-6, 0.005, 1.0], ids=["switch-1us", "switch-5ms", "switch-1s"])
def switch_interval(request: pytest.FixtureRequest) -> Iterator[None]:
    """The forcing must not depend on when the interpreter switches threads."""
    before = sys.getswitchinterval()
    sys.setswitchinterval(request.param)
    yield
    sys.setswitchinterval(before)


def test_four_threads_by_1000_rounds_end_at_exactly_1000() -> None:
    # The reference result: 3000 of the 4000 updates vanish, every time.
    assert snippet.count([snippet.NoLock()] * 4, 1000) == 1000


@pytest.mark.usefixtures("switch_interval")
@pytest.mark.parametrize("threads", [2, 3, 5])
def test_without_a_lock_one_update_survives_per_round(threads: int) -> None:
    assert snippet.without_lock(threads, 50) == 50


@pytest.mark.usefixtures("switch_interval")
@pytest.mark.parametrize("threads", [2, 4, 6])
def test_one_shared_lock_keeps_every_update_under_the_same_forcing(threads: int) -> None:
    assert snippet.with_lock(threads, 200) == threads * 200


@pytest.mark.usefixtures("switch_interval")
def test_control_a_lock_that_excludes_nothing_loses_updates() -> None:
    """The same add_one, the same forcing, a lock that excludes nobody: if
    the fix were not doing the work, this would keep every update too."""
    broken = ExcludesNothing()
    assert snippet.count([broken] * 4, 200) == 200
    assert snippet.count([threading.Lock()] * 4, 200) == 800


@pytest.mark.usefixtures("switch_interval")
def test_a_thread_that_skips_the_lock_loses_one_update_per_round() -> None:
    lock = threading.Lock()
    assert snippet.count([lock, snippet.NoLock()], 500) == 500
    assert snippet.count([lock, lock], 500) == 1000


def test_two_different_locks_exclude_nothing_from_each_other() -> None:
    # Each thread takes a lock, but not the same one: no mutual exclusion.
    assert snippet.count([threading.Lock(), threading.Lock()], 200) == 200


def test_a_single_thread_loses_nothing_even_without_a_lock() -> None:
    # A race needs two or more threads.
    assert snippet.without_lock(1, 100) == 100
