"""What leaky_bucket_queue.py teaches: a leaky bucket spaces a burst out
at its rate; a token bucket passes the burst on at once."""

from conftest import load_snippet

snippet = load_snippet("part-2/rate-limiting/leaky_bucket_queue.py")


def test_the_leaky_bucket_sends_one_per_interval() -> None:
    sent = snippet.burst(snippet.LeakyBucket(4, 1.0))
    assert sent == ["0", "1", "2", "3", "4", "refused", "5"]


def test_the_token_bucket_sends_the_burst_at_once() -> None:
    sent = snippet.burst(snippet.TokenBucket(4, 1.0))
    assert sent == ["0", "0", "0", "0", "refused", "refused", "2.5"]
