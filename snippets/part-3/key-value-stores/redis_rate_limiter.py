"""A fixed-window rate limiter on a real Redis: INCR and EXPIRE together.

Each client gets a counter per window (one second here): the key names
the window, INCR counts the request, EXPIRE makes the counter vanish
after the window. Sent as one MULTI/EXEC transaction, both commands
apply or neither does. Sent as two separate calls, a client that dies
between them leaves a counter with no expiry: past the limit, that
client is refused forever. The clock is passed in, so the windows are
the same on every run.
"""
# output: exact
# requires: redis

import os

import redis

PREFIX = (
    "handbook:rate-limit:"  # every key of this example; removed at the end
)
LIMIT = 3  # requests per window
WINDOW = 1  # seconds


# --8<-- [start:limiter]
def allow(
    r: redis.Redis, client: str, now: float, crash: bool = False
) -> bool:
    key = f"{PREFIX}{client}:{int(now // WINDOW)}"  # one key per window
    with r.pipeline(transaction=True) as tx:  # MULTI ... EXEC
        tx.incr(key)
        if crash:  # the process dies here: EXEC is never sent
            raise ConnectionError("client died before EXEC")
        tx.expire(key, 2 * WINDOW)
        count, _ = tx.execute()
    return int(count) <= LIMIT


def allow_in_two_calls(
    r: redis.Redis, client: str, now: float, crash: bool = False
) -> bool:
    key = f"{PREFIX}{client}:{int(now // WINDOW)}"
    count = int(r.incr(key))
    if crash:  # the process dies here: no EXPIRE is ever sent
        raise ConnectionError("client died between INCR and EXPIRE")
    r.expire(key, 2 * WINDOW)
    return count <= LIMIT


# --8<-- [end:limiter]


def crash_between(r: redis.Redis, atomic: bool) -> int:
    """Die after the INCR was issued; return the counter's TTL."""
    client = "atomic" if atomic else "two-calls"
    try:
        if atomic:
            allow(r, client, 0.0, crash=True)
        else:
            allow_in_two_calls(r, client, 0.0, crash=True)
    except ConnectionError:
        pass
    return int(r.ttl(f"{PREFIX}{client}:0"))


def main() -> None:
    url = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
    r = redis.Redis.from_url(url, socket_timeout=5)
    try:
        times = [0.0, 0.1, 0.2, 0.3, 0.4, 1.0, 1.1]
        for now in times:
            verdict = "allowed" if allow(r, "alice", now) else "refused"
            print(f"t={now:.1f}s window {int(now // WINDOW)}: {verdict}")
        print("TTL after a crash between INCR and EXPIRE:")
        print(
            f"  two calls: {crash_between(r, atomic=False)}"
            " (the counter never expires)"
        )
        print(
            f"  MULTI/EXEC: {crash_between(r, atomic=True)}"
            " (no key: nothing was applied)"
        )
    finally:
        for key in r.scan_iter(f"{PREFIX}*"):
            r.delete(key)
        r.close()


if __name__ == "__main__":
    main()
