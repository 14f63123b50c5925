"""What polling_vs_streaming.py teaches: short polling pays in requests
(mostly empty) and in delay (up to one interval); long polling makes one
request per event plus one; SSE carries every event on one response."""

import threading

import pytest

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-2/polling-and-streaming/polling_vs_streaming.py")


def test_short_polling_every_second() -> None:
    requests, empty, delays = snippet.run_short_poll(1.0)
    assert (requests, empty) == (5, 2)
    assert [round(d, 2) for d in delays] == [0.65, 0.58, 0.87, 0.83, 0.34]
    assert all(0 <= d < 1.0 for d in delays)  # never more than one interval


def test_polling_ten_times_as_often_costs_ten_times_the_requests() -> None:
    requests, empty, delays = snippet.run_short_poll(0.1)
    assert (requests, empty) == (50, 46)
    assert all(0 <= d < 0.1 for d in delays)
    assert len(delays) == 5


def test_long_polling_makes_one_request_per_event_plus_one() -> None:
    requests, delays = snippet.run_pushed(snippet.long_poll)
    assert (requests, len(delays)) == (snippet.EVENTS + 1, snippet.EVENTS)
    assert all(d >= 0 for d in delays)


def test_server_sent_events_use_one_request_for_every_event() -> None:
    requests, delays = snippet.run_pushed(snippet.server_sent_events)
    assert (requests, len(delays)) == (1, snippet.EVENTS)


def test_no_thread_is_left_running() -> None:
    before = set(threading.enumerate())
    snippet.run_pushed(snippet.server_sent_events)
    snippet.run_pushed(snippet.long_poll)
    snippet.run_short_poll(1.0)
    assert not new_threads_left(before)


@pytest.mark.timing
def test_pushed_events_arrive_far_sooner_than_a_one_second_poll_would_see_them() -> None:
    _, delays = snippet.run_pushed(snippet.server_sent_events)
    assert max(delays) < 0.5  # a 1 s poll averages 0.5 s of delay
