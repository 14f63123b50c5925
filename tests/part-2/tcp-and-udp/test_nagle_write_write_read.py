"""What nagle_write_write_read.py teaches: write-write-read stalls with
Nagle on (a delayed ACK per exchange) and not with TCP_NODELAY."""

import statistics
import sys

import pytest

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-2/tcp-and-udp/nagle_write_write_read.py")


def test_every_exchange_completes_and_no_thread_is_left() -> None:
    import threading

    before = set(threading.enumerate())
    assert len(snippet.round_trips(True, count=5, warmup=1)) == 5
    assert not new_threads_left(before)


@pytest.mark.timing
def test_nagle_on_is_far_slower_than_nodelay() -> None:
    """Typically 44 ms against 0.03 ms on Linux; 10x leaves a wide margin.
    The fix removed (nodelay=False on both sides) is the control."""
    ratios = []
    for _ in range(3):
        nagle = statistics.median(snippet.round_trips(False, count=3, warmup=2))
        fast = statistics.median(snippet.round_trips(True, count=50, warmup=10))
        ratios.append(nagle / fast)
    assert max(ratios) > 10, ratios


@pytest.mark.timing
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux's delayed ACK")
def test_the_stall_is_a_delayed_ack_of_tens_of_milliseconds() -> None:
    nagle = statistics.median(snippet.round_trips(False, count=3, warmup=2))
    assert 0.02 < nagle < 0.5
