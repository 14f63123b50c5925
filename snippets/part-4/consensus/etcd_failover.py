"""Kill etcd's own Raft leader, and watch the cluster and the app carry on.

The program starts a three-member etcd cluster of its own on 127.0.0.1
(ports picked at run time, data in a temporary folder), asks the members
which one is the Raft leader, lets an application candidate win an
election (a key bound to a lease, created only if absent), and then kills
etcd's leader process with SIGKILL. The two survivors are a majority:
they elect a new Raft leader, and the application's leader keeps its key
and its fencing token, because etcd carries leases across its own leader
changes. Then all members are stopped and the folder removed.
"""
# output: normalise timings, numbers
# requires: posix, etcd

import base64
import json
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))
KEY = base64.b64encode(b"handbook/leader").decode()


def call(url: str, path: str, body: dict[str, Any]) -> dict[str, Any]:
    request = urllib.request.Request(url + path, json.dumps(body).encode())
    with OPENER.open(request, timeout=2) as reply:
        result: dict[str, Any] = json.load(reply)
        return result


def free_ports(count: int) -> list[int]:
    """Free a moment ago: etcd cannot be given port 0 (rarely, a clash)."""
    socks = [socket.socket() for _ in range(count)]
    for sock in socks:
        sock.bind(("127.0.0.1", 0))
    ports = [sock.getsockname()[1] for sock in socks]
    for sock in socks:
        sock.close()
    return ports


def start(folder: Path, n: int = 3) -> dict[str, subprocess.Popen[bytes]]:
    """n members; returns client URL -> process."""
    etcd = shutil.which("etcd")
    assert etcd, "etcd is not installed (apt-get install etcd-server)"
    folder.mkdir()
    ports = free_ports(2 * n)
    peers = [f"http://127.0.0.1:{p}" for p in ports[n:]]
    initial = ",".join(f"m{i}={peer}" for i, peer in enumerate(peers))
    members = {}
    for i in range(n):
        client = f"http://127.0.0.1:{ports[i]}"
        log = open(folder / f"m{i}.log", "wb")  # noqa: SIM115
        members[client] = subprocess.Popen(
            [
                etcd,
                f"--name=m{i}",
                f"--data-dir={folder / f'm{i}'}",
                f"--listen-client-urls={client}",
                f"--advertise-client-urls={client}",
                f"--listen-peer-urls={peers[i]}",
                f"--initial-advertise-peer-urls={peers[i]}",
                f"--initial-cluster={initial}",
                f"--initial-cluster-token={folder.name}",
                "--heartbeat-interval=50",
                "--election-timeout=500",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        log.close()
    return members


# --8<-- [start:leader]
def raft_leader(urls: list[str], timeout: float = 10) -> str:
    """The client URL of the member that is etcd's Raft leader."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for url in urls:
            try:
                status = call(url, "/v3/maintenance/status", {})
            except OSError:
                continue  # down, or not up yet
            if status.get("leader") == status["header"]["member_id"]:
                return url
        time.sleep(0.01)
    raise TimeoutError("etcd elected no leader")


def campaign(url: str, name: str, lease: str) -> int | None:
    """The application's election: create the key only if it is absent."""
    value = base64.b64encode(name.encode()).decode()
    reply = call(
        url,
        "/v3/kv/txn",
        {
            "compare": [
                {"key": KEY, "target": "CREATE", "create_revision": 0}
            ],
            "success": [
                {"request_put": {"key": KEY, "value": value, "lease": lease}}
            ],
        },
    )
    return int(reply["header"]["revision"]) if reply.get("succeeded") else None


# --8<-- [end:leader]


def start_cluster(
    folder: Path, attempts: int = 3
) -> tuple[dict[str, subprocess.Popen[bytes]], str]:
    """Members and their Raft leader; fresh ports if one was taken."""
    for attempt in range(attempts):
        members = start(folder / str(attempt))
        try:
            leader = raft_leader(list(members))
        except TimeoutError:
            leader = ""
        if leader and all(p.poll() is None for p in members.values()):
            return members, leader
        clash = any(p.poll() is not None for p in members.values())
        for proc in members.values():  # a member exited: its port was taken
            proc.kill()
            proc.wait(timeout=10)
        if not clash:
            break  # all were running, yet no leader: not a port clash
    raise TimeoutError("etcd did not start")


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="etcd-failover-"))
    members: dict[str, subprocess.Popen[bytes]] = {}
    try:
        # --8<-- [start:kill]
        began = time.monotonic()
        members, leader = start_cluster(folder)
        urls = list(members)
        print(
            f"3 members up, Raft leader elected: "
            f"{time.monotonic() - began:.2f} s"
        )
        lease = call(leader, "/v3/lease/grant", {"TTL": 10})["ID"]
        token = campaign(leader, "alice", lease)
        print(f"application leader alice, fencing token {token}")
        killed = time.monotonic()
        members[leader].kill()  # SIGKILL etcd's Raft leader
        members[leader].wait(timeout=10)
        survivors = [url for url in urls if url != leader]
        new = raft_leader(survivors)
        print(
            f"killed etcd's leader; a new one after "
            f"{time.monotonic() - killed:.2f} s"
        )
        other = call(new, "/v3/lease/grant", {"TTL": 10})["ID"]
        print(f"bob campaigns: token {campaign(new, 'bob', other)}")
        holder = call(new, "/v3/kv/range", {"key": KEY})["kvs"][0]
        print(
            f"the key still holds alice, created at revision "
            f"{holder['create_revision']}"
        )
        # --8<-- [end:kill]
    finally:
        for proc in members.values():
            proc.kill()
            proc.wait(timeout=10)
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
