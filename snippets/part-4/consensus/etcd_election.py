"""Leader election on a real etcd, with the key's revision as fencing token.

Each candidate grants itself a lease and, in one transaction, creates the
election key bound to that lease, only if the key does not exist yet
(create_revision == 0). The winner's token is the revision at which it
created the key: etcd's revisions only grow, so a later leader always has
a higher token. The leader stops renewing its lease (it crashed, or it is
paused), etcd deletes the key when the lease expires, and the next
candidate takes over with a higher token. Every write of shared data is a
transaction that compares the election key's create_revision with the
writer's token, so the old leader's late write is refused.

It talks to etcd's v3 JSON gateway with urllib only (no client package).
Point it at your etcd with ETCD_ENDPOINTS (comma-separated client URLs,
as `etcdctl --endpoints` takes them); default http://127.0.0.1:2379. It
uses its own key prefix and deletes its keys at the end.
"""
# output: normalise timings, numbers
# requires: etcd

import base64
import json
import os
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Mapping
from typing import Any

ENDPOINTS = os.environ.get("ETCD_ENDPOINTS", "http://127.0.0.1:2379")
PREFIX = f"handbook/election-{uuid.uuid4().hex[:8]}/"
KEY, DATA = PREFIX + "leader", PREFIX + "data"
TTL = 1  # seconds; etcd may raise it to its minimum (see the output)
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


def call(path: str, body: Mapping[str, object]) -> dict[str, Any]:
    """POST to the v3 gateway; the next endpoint if one does not answer."""
    last: Exception | None = None
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        for url in ENDPOINTS.split(","):
            request = urllib.request.Request(
                url.strip().rstrip("/") + path, data=json.dumps(body).encode()
            )
            try:
                with OPENER.open(request, timeout=2) as reply:
                    result: dict[str, Any] = json.load(reply)
                    return result
            except urllib.error.HTTPError as error:
                if error.code < 500:
                    raise  # etcd's own answer, such as "lease not found"
                last = error  # 503: this member has no leader right now
            except OSError as error:  # refused, timed out: try another
                last = error
        time.sleep(0.1)
    raise TimeoutError(f"no etcd endpoint of {ENDPOINTS} answered: {last}")


# --8<-- [start:campaign]
def campaign(name: str, lease: str) -> int | None:
    """Create the election key if nobody holds it; the token, or None."""
    reply = call(
        "/v3/kv/txn",
        {
            "compare": [
                {"key": b64(KEY), "target": "CREATE", "create_revision": 0}
            ],
            "success": [
                {
                    "request_put": {
                        "key": b64(KEY),
                        "value": b64(name),
                        "lease": lease,
                    }
                }
            ],
            "failure": [],
        },
    )
    if not reply.get("succeeded"):
        return None
    return int(reply["header"]["revision"])  # = the key's create_revision


def fenced_write(token: int, value: str) -> bool:
    """Write DATA only while the election key is the one we created."""
    reply = call(
        "/v3/kv/txn",
        {
            "compare": [
                {"key": b64(KEY), "target": "CREATE", "create_revision": token}
            ],
            "success": [
                {"request_put": {"key": b64(DATA), "value": b64(value)}}
            ],
            "failure": [],
        },
    )
    return bool(reply.get("succeeded"))


# --8<-- [end:campaign]


def grant() -> tuple[str, int]:
    reply = call("/v3/lease/grant", {"TTL": TTL})
    return reply["ID"], int(reply["TTL"])


def holder() -> str:
    kvs = call("/v3/kv/range", {"key": b64(KEY)}).get("kvs", [])
    return base64.b64decode(kvs[0]["value"]).decode() if kvs else "nobody"


def verdict(ok: bool) -> str:
    return "accepted" if ok else "rejected"


def main() -> None:
    count = len(ENDPOINTS.split(","))
    print(f"etcd: {count} endpoint(s) from ETCD_ENDPOINTS")
    leases: list[str] = []
    try:
        # --8<-- [start:takeover]
        alice_lease, ttl = grant()
        leases.append(alice_lease)
        alice = campaign("alice", alice_lease)
        assert alice is not None, "the election key already exists"
        print(f"alice wins with token {alice} (lease TTL {ttl} s)")
        bob_lease, _ = grant()
        leases.append(bob_lease)
        lost = campaign("bob", bob_lease) is None
        print(
            f"bob campaigns: {'loses' if lost else 'wins'}; "
            f"the leader is {holder()}"
        )
        print(
            f"alice writes with token {alice}: "
            f"{verdict(fenced_write(alice, 'from alice'))}"
        )
        print("alice pauses (or crashes): she stops renewing her lease")
        started = time.monotonic()
        bob = None
        while bob is None and time.monotonic() - started < 15:
            time.sleep(0.05)
            call("/v3/lease/keepalive", {"ID": bob_lease})
            bob = campaign("bob", bob_lease)
        assert bob is not None, "alice's lease never expired"
        waited = time.monotonic() - started
        print(f"bob wins with token {bob} after {waited:.1f} s")
        print(
            f"bob writes with token {bob}: "
            f"{verdict(fenced_write(bob, 'from bob'))}"
        )
        print(
            f"alice wakes, writes with token {alice}: "
            f"{verdict(fenced_write(alice, 'late, from alice'))}"
        )
        # --8<-- [end:takeover]
        data = call("/v3/kv/range", {"key": b64(DATA)})["kvs"][0]["value"]
        print(f"data holds: {base64.b64decode(data).decode()!r}")
    finally:
        for lease in leases:
            try:
                call("/v3/lease/revoke", {"ID": lease})
            except urllib.error.HTTPError:
                pass  # already expired
        end = PREFIX[:-1] + chr(ord(PREFIX[-1]) + 1)  # every key under PREFIX
        call("/v3/kv/deleterange", {"key": b64(PREFIX), "range_end": b64(end)})


if __name__ == "__main__":
    main()
