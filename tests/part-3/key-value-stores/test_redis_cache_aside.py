"""What redis_cache_aside.py teaches, on a throwaway Redis: a miss loads from
the database and caches with a TTL, a hit does not load, and after the TTL (on
Redis's clock) the next lookup loads again; plain SET never expires."""

from collections.abc import Iterator

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/key-value-stores/redis_cache_aside.py")

# After load_snippet, which skips this module where Redis is not available.
import redis  # noqa: E402


@pytest.fixture
def r(redis_url: str) -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(redis_url, decode_responses=True)
    yield client
    client.close()


def test_miss_then_hit_then_miss_after_the_ttl(r: redis.Redis) -> None:
    db = snippet.SlowDatabase()
    assert snippet.get_user(r, db, 7).startswith("miss")
    assert snippet.get_user(r, db, 7).startswith("hit")
    assert db.reads == 1
    key = f"{snippet.PREFIX}user:7"
    assert 0 < r.pttl(key) <= snippet.TTL_MS
    snippet.wait_until_gone(r, key, limit=5.0)
    assert snippet.get_user(r, db, 7).startswith("miss")
    assert db.reads == 2


def test_without_decode_responses_replies_are_bytes(redis_url: str) -> None:
    raw = redis.Redis.from_url(redis_url)
    try:
        raw.set("k", "v")
        assert raw.get("k") == b"v" and raw.get("k") != "v"
        assert raw.ttl("k") == -1  # the article's SET: no expiry at all
    finally:
        raw.close()


def test_main_leaves_no_key_behind(redis_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REDIS_URL", redis_url)
    snippet.main()
    client = redis.Redis.from_url(redis_url)
    try:
        assert client.dbsize() == 0
    finally:
        client.close()
