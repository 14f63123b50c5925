"""Cache-aside on a real Redis: read the cache, fall back to the database.

A lookup first asks Redis. On a miss it reads the (slow) database, and
stores the answer in Redis with a time to live, so a stale entry cannot
outlive it. The TTL runs on Redis's own clock: here 300 ms, and the
program waits (with a timeout) until Redis has dropped the key. It also
shows two things the plain redis-py example hides: replies are bytes
unless you ask for str, and a SET without `ex`/`px` never expires.
"""
# output: exact
# requires: redis

import json
import os
import time

import redis

PREFIX = (
    "handbook:cache-aside:"  # every key of this example; removed at the end
)
TTL_MS = 300


class SlowDatabase:
    """Stands in for the real database: counts how often it is asked."""

    def __init__(self) -> None:
        self.reads = 0

    def load_user(self, user_id: int) -> dict[str, str]:
        self.reads += 1
        return {"name": f"user {user_id}", "email": f"u{user_id}@example.com"}


# --8<-- [start:aside]
def get_user(r: redis.Redis, db: SlowDatabase, user_id: int) -> str:
    key = f"{PREFIX}user:{user_id}"
    cached = r.get(key)
    if isinstance(cached, str):  # str, not bytes: decode_responses=True
        return f"hit  {cached}"
    user = db.load_user(user_id)  # the miss: go to the source
    r.set(key, json.dumps(user), px=TTL_MS)  # and keep it for a while
    return f"miss {json.dumps(user)}"


def wait_until_gone(r: redis.Redis, key: str, limit: float) -> None:
    deadline = time.monotonic() + limit
    while r.exists(key):
        if time.monotonic() > deadline:
            raise TimeoutError(f"{key} did not expire")
        time.sleep(0.02)


# --8<-- [end:aside]


def main() -> None:
    url = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
    raw = redis.Redis.from_url(url, socket_timeout=5)
    r = redis.Redis.from_url(url, socket_timeout=5, decode_responses=True)
    try:
        # --8<-- [start:types]
        john = '{"name": "John"}'
        raw.set(f"{PREFIX}plain", john)  # as the article does
        reply = raw.get(f"{PREFIX}plain")
        print(f"get returns {type(reply).__name__}: {reply!r}")
        print(f"equal to the str it stored? {reply == john}")
        print(
            f"TTL of a plain SET: {raw.ttl(f'{PREFIX}plain')} (never expires)"
        )
        # --8<-- [end:types]
        db = SlowDatabase()
        for _ in range(2):
            print(get_user(r, db, 123))
        left = r.pttl(f"{PREFIX}user:123")
        print(f"TTL set by Redis: {0 < left <= TTL_MS}")
        wait_until_gone(r, f"{PREFIX}user:123", limit=5.0)
        print("after the TTL: " + get_user(r, db, 123))
        print(f"database reads: {db.reads} for 3 lookups")
    finally:
        for key in r.scan_iter(f"{PREFIX}*"):
            r.delete(key)
        raw.close()
        r.close()


if __name__ == "__main__":
    main()
