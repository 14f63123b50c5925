"""What window_limiters.py teaches: a fixed window lets twice its limit
through across an edge; a sliding log never does."""

from conftest import load_snippet

snippet = load_snippet("part-2/rate-limiting/window_limiters.py")


def test_the_fixed_window_admits_ten_across_its_edge() -> None:
    assert len(snippet.burst_across_edge()["fixed window"]) == 10


def test_the_sliding_log_admits_five() -> None:
    assert snippet.burst_across_edge()["sliding log"] == [
        9.95,
        9.96,
        9.97,
        9.98,
        9.99,
    ]


def test_the_sliding_log_frees_room_a_window_later() -> None:
    log = snippet.SlidingLog(2, 10.0)
    assert [log.allow(t) for t in (0, 1, 2, 9.99, 10, 11)] == [
        True,
        True,
        False,
        False,
        True,
        True,
    ]
