"""What rtt_loopback_median.py teaches: many timed round trips after a
warm-up, summarised by median and tail. Shape only: numbers vary."""

import threading

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-2/mtu-and-rtt/rtt_loopback_median.py")


def test_every_sample_is_a_positive_duration_and_the_median_is_below_p99() -> None:
    times = sorted(snippet.measure(300))
    assert len(times) == 300
    assert times[0] > 0
    assert times[len(times) // 2] <= times[int(len(times) * 0.99)]


def test_the_echo_thread_ends() -> None:
    before = set(threading.enumerate())
    snippet.measure(10)
    assert not new_threads_left(before)
