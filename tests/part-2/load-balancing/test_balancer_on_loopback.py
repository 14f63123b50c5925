"""What balancer_on_loopback.py teaches: round robin keeps feeding a busy
backend; least connections steers around it."""

import threading

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-2/load-balancing/balancer_on_loopback.py")


def test_round_robin_sends_the_busy_backend_its_share() -> None:
    assert snippet.run(snippet.round_robin) == ("slow -> b0; quick -> b1 b2 b0+1 b1 b2 b0+1")


def test_least_connections_sends_nothing_to_the_busy_backend() -> None:
    result = snippet.run(snippet.least_connections)
    assert result == "slow -> b0; quick -> b1 b2 b1 b2 b1 b2"
    assert "b0" not in result.split("quick ->")[1]


def test_least_connections_breaks_ties_in_rotation() -> None:
    assert snippet.least_connections([0, 0, 0], 0) == 0
    assert snippet.least_connections([0, 0, 0], 1) == 1
    assert snippet.least_connections([1, 0, 0], 0) == 1
    assert snippet.least_connections([1, 2, 0], 0) == 2


def test_nothing_is_left_running() -> None:
    before = set(threading.enumerate())
    snippet.run(snippet.least_connections)
    assert not new_threads_left(before)
