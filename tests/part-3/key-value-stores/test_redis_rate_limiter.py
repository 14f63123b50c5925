"""What redis_rate_limiter.py teaches: LIMIT requests per window, a new window
starts a new count, and INCR + EXPIRE in one MULTI/EXEC never leaves a counter
without expiry when the client dies, where two separate calls do (the control)."""

import socket
import time
from collections.abc import Iterator

import pytest

import servers
from conftest import load_snippet

snippet = load_snippet("part-3/key-value-stores/redis_rate_limiter.py")

# After load_snippet, which skips this module where Redis is not available.
import redis  # noqa: E402


@pytest.fixture
def r(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url)
    yield client
    client.close()


def test_limit_per_window_and_a_fresh_count_in_the_next(r: redis.Redis) -> None:
    first = [snippet.allow(r, "c", t / 10) for t in range(5)]
    assert first == [True] * snippet.LIMIT + [False] * (5 - snippet.LIMIT)
    assert snippet.allow(r, "c", snippet.WINDOW + 0.0)


def test_every_counter_gets_an_expiry(r: redis.Redis) -> None:
    snippet.allow(r, "c", 0.0)
    (key,) = list(r.scan_iter(f"{snippet.PREFIX}*"))
    assert 0 < r.ttl(key) <= 2 * snippet.WINDOW


def test_a_crash_between_two_calls_leaves_an_immortal_counter(r: redis.Redis) -> None:
    assert snippet.crash_between(r, atomic=False) == -1  # the control: broken


def test_a_crash_before_exec_applies_nothing(r: redis.Redis) -> None:
    assert snippet.crash_between(r, atomic=True) == -2  # the fix: no key at all


def test_redis_discards_a_multi_whose_connection_dies_before_exec(
    redis_server: servers.RedisServer, redis_url: str
) -> None:
    """What MULTI adds to a pipeline: the server queues the commands and drops
    them if the connection is lost before EXEC (here, over the raw protocol)."""
    with socket.socket(socket.AF_UNIX) as conn:
        conn.settimeout(5)
        conn.connect(str(redis_server.socket))
        conn.sendall(b"MULTI\r\nINCR half\r\n")
        assert conn.recv(100).startswith(b"+OK\r\n")  # INCR's +QUEUED may follow
    time.sleep(0.05)
    assert redis_server.command("EXISTS", "half") == b":0\r\n"
    redis_server.command("INCR", "whole")  # without MULTI it applies at once
    assert redis_server.command("EXISTS", "whole") == b":1\r\n"
