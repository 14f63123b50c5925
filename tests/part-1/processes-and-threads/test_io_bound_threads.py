"""What io_bound_threads.py teaches: waiting threads overlap, whatever the GIL."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/processes-and-threads/io_bound_threads.py")


def test_fake_io_waits_and_returns_its_argument() -> None:
    assert snippet.fake_io(0.0) == 0.0


@pytest.mark.timing
def test_threads_overlap_waits() -> None:
    waits, seconds = 8, 0.05
    one_by_one = snippet.sequential(waits, seconds)
    threads = snippet.with_threads(waits, seconds)
    assert one_by_one >= waits * seconds  # sleep never returns early
    # Ideal is 8x; sleeps need no CPU, so even a loaded machine clears 3x.
    assert one_by_one / threads > 3, f"8 threads: only {one_by_one / threads:.1f}x"
