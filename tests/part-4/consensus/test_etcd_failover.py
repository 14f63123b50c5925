"""What etcd_failover.py teaches: killing etcd's Raft leader (SIGKILL) leaves
a majority that elects a new leader; the application's leader key, bound to a
lease, survives the failover with the same token, so a rival still loses."""

import functools
import re
import socket
from pathlib import Path

import pytest

import server_fixtures
from conftest import load_snippet

snippet = load_snippet("part-4/consensus/etcd_failover.py")


def test_the_cluster_re_elects_and_the_application_leader_stays(
    capsys: pytest.CaptureFixture[str],
) -> None:
    server_fixtures.require_server("etcd")  # skip, or fail under CI=true
    snippet.main()  # starts (and removes) its own three members
    out = capsys.readouterr().out
    match = re.search(r"application leader alice, fencing token (\d+)", out)
    assert match, out
    token = match[1]
    assert re.search(r"killed etcd's leader; a new one after \d+\.\d\d s", out), out
    assert "bob campaigns: token None" in out
    assert f"the key still holds alice, created at revision {token}" in out


def test_free_ports_are_distinct_loopback_ports() -> None:
    ports = snippet.free_ports(6)
    assert len(set(ports)) == 6 and all(0 < p < 65536 for p in ports)


def test_a_port_clash_is_retried_with_fresh_ports(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A port taken by someone else makes a member exit; the cluster is
    started again on new ports, and nothing of the first try keeps running."""
    server_fixtures.require_server("etcd")
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    picker, calls = server_fixtures.first_pick_clashes(snippet.free_ports, taken.getsockname()[1])
    monkeypatch.setattr(snippet, "free_ports", picker)
    monkeypatch.setattr(snippet, "raft_leader", functools.partial(snippet.raft_leader, timeout=3))
    try:
        members, leader = snippet.start_cluster(tmp_path)
        try:
            assert len(calls) == 2 and leader in members
        finally:
            for proc in members.values():
                proc.kill()
                proc.wait(timeout=10)
    finally:
        taken.close()
