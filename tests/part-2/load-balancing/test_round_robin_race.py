"""What round_robin_race.py teaches: the article's round robin hands one
turn to two threads; taking the turn under a lock does not."""

import threading

from conftest import load_snippet

snippet = load_snippet("part-2/load-balancing/round_robin_race.py")


def test_the_article_version_gives_two_threads_the_same_server() -> None:
    # Both read turn 0 before either advanced: s0 twice, and the counter
    # only moved once, so the rotation fell a turn behind.
    assert snippet.forced_article() == (["s0", "s0", "s1"], True)


def test_the_fixed_version_gives_them_consecutive_servers() -> None:
    # Under the same switch point, the lock kept the second thread out
    # (the threads never met) and each got its own turn.
    assert snippet.forced_fixed() == (["s0", "s1", "s2"], False)


def test_a_shrinking_caller_list_breaks_only_the_article_version() -> None:
    assert snippet.shrink_after_two_calls(snippet.ArticleRoundRobin).startswith("IndexError")
    assert snippet.shrink_after_two_calls(snippet.RoundRobin) == "s2"


def test_the_fixed_version_shares_evenly_across_threads() -> None:
    balancer = snippet.RoundRobin(["a", "b", "c", "d"])
    got: list[str] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(2_000):
            server = balancer.get_server()
            with lock:
                got.append(server)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert {s: got.count(s) for s in "abcd"} == dict.fromkeys("abcd", 2_000)


def test_an_empty_server_list_is_refused() -> None:
    try:
        snippet.RoundRobin([])
    except ValueError:
        return
    raise AssertionError("an empty list was accepted")
