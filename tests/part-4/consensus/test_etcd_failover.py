"""What etcd_failover.py teaches: killing etcd's Raft leader (SIGKILL) leaves
a majority that elects a new leader; the application's leader key, bound to a
lease, survives the failover with the same token, so a rival still loses."""

import re

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/consensus/etcd_failover.py")


def test_the_cluster_re_elects_and_the_application_leader_stays(
    etcd_cluster: object, capsys: pytest.CaptureFixture[str]
) -> None:
    # etcd_cluster applies the skip/fail rules for a missing etcd; the snippet
    # starts (and removes) its own three members.
    snippet.main()
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
