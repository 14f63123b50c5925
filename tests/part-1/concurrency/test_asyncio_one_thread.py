"""What asyncio_one_thread.py teaches: coroutines overlap their waits on a single
thread (concurrency), so the batch takes about one wait, not the sum."""

import asyncio
import threading

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/concurrency/asyncio_one_thread.py")


def test_every_coroutine_runs_on_the_calling_thread() -> None:
    _, idents, _ = asyncio.run(snippet.overlapped(5, 0.01))
    assert idents == [threading.get_ident()] * 5


def test_all_start_before_any_finishes() -> None:
    _, _, events = asyncio.run(snippet.overlapped(4, 0.01))
    assert events[:4] == [f"start r{i}" for i in range(4)]
    assert sorted(events[4:]) == [f"end r{i}" for i in range(4)]


def test_awaiting_one_by_one_does_not_overlap() -> None:
    seconds = asyncio.run(snippet.one_after_another(3, 0.02))
    assert seconds >= 3 * 0.02  # sleeps never return early


@pytest.mark.timing
def test_overlapped_waits_take_about_one_wait() -> None:
    count, wait = 5, 0.05

    def ratio() -> float:
        serial = asyncio.run(snippet.one_after_another(count, wait))
        together, _, _ = asyncio.run(snippet.overlapped(count, wait))
        return serial / together

    # Ideal is 5x; waiting needs no CPU, so a busy machine still clears 2.5x.
    best = max(ratio() for _ in range(3))
    assert best > 2.5, f"5 overlapped waits were only {best:.1f}x faster"
