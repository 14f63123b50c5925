"""What token_bucket_fixed.py teaches: the article's bucket breaks when the
wall clock steps and when two threads race; the fixed bucket does not."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/rate-limiting/token_bucket_fixed.py")


def test_a_backward_step_locks_the_article_bucket_for_an_hour() -> None:
    assert snippet.clock_stepped_back(fixed=False) == ("[False, False, False], tokens left -3540")


def test_the_fixed_bucket_ignores_the_wall_clock() -> None:
    assert snippet.clock_stepped_back(fixed=True) == ("[True, True, True], tokens left 2")


def test_the_fixed_bucket_survives_a_stepping_clock_too() -> None:
    # Even handed a clock that steps back, elapsed time is never negative.
    clocks = snippet.Clocks()
    bucket = snippet.TokenBucket(5, 1.0, clocks.wall)
    for _ in range(5):
        bucket.consume()
    clocks.step_wall(-3600)
    assert not bucket.consume()
    assert bucket.tokens == 0
    clocks.wait(1)
    assert bucket.consume()


def test_two_threads_both_take_the_article_buckets_last_token() -> None:
    assert snippet.two_threads_one_token(fixed=False) == (
        "[True, True], tokens -1; threads met between check and take"
    )


def test_the_lock_keeps_the_second_thread_out() -> None:
    assert snippet.two_threads_one_token(fixed=True) == (
        "[False, True], tokens 0; threads never met"
    )


def test_asking_for_more_than_the_capacity_is_an_error() -> None:
    clocks = snippet.Clocks()
    assert not snippet.ArticleTokenBucket(5, 1.0, clocks.wall).consume(6)
    with pytest.raises(ValueError):
        snippet.TokenBucket(5, 1.0, clocks.monotonic).consume(6)


def test_the_fixed_bucket_refills_at_its_rate() -> None:
    clocks = snippet.Clocks()
    bucket = snippet.TokenBucket(5, 1.0, clocks.monotonic)
    assert [bucket.consume() for _ in range(6)] == [True] * 5 + [False]
    answers = []
    for _ in range(4):
        clocks.wait(0.5)
        answers.append(bucket.consume())
    assert answers == [False, True, False, True]


def test_a_forward_step_refills_only_the_article_bucket() -> None:
    clocks = snippet.Clocks()
    article = snippet.ArticleTokenBucket(5, 1.0, clocks.wall)
    fixed = snippet.TokenBucket(5, 1.0, clocks.monotonic)
    for bucket in (article, fixed):
        for _ in range(5):
            bucket.consume()
    clocks.step_wall(+3600)  # no time passed, but the wall clock jumped
    assert article.consume() and not fixed.consume()
