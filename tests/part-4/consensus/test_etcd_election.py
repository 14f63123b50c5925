"""What etcd_election.py teaches, on a throwaway 3-member etcd cluster: one
candidate wins (the key exists only once), the next takes over with a higher
token once the first one's lease expires, and etcd refuses the old leader's
late write because its token no longer matches the key's create_revision."""

import re

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/consensus/etcd_election.py")


@pytest.fixture(autouse=True)
def endpoints(etcd_endpoints: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr(snippet, "ENDPOINTS", etcd_endpoints)
    return etcd_endpoints


def test_only_one_candidate_creates_the_key_and_its_token_fences_writes() -> None:
    first, _ = snippet.grant()
    second, _ = snippet.grant()
    try:
        token = snippet.campaign("a", first)
        assert token is not None
        assert snippet.campaign("b", second) is None
        assert snippet.holder() == "a"
        assert snippet.fenced_write(token, "v")
        assert not snippet.fenced_write(token - 1, "stale")
        assert not snippet.fenced_write(token + 1, "not yet issued")
    finally:
        for lease in (first, second):
            snippet.call("/v3/lease/revoke", {"ID": lease})
    # Revoking the lease deletes the key: the next campaign gets a higher token.
    third, _ = snippet.grant()
    try:
        later = snippet.campaign("c", third)
        assert later is not None and later > token
    finally:
        snippet.call("/v3/lease/revoke", {"ID": third})


def test_the_next_leader_takes_over_and_the_old_one_is_fenced_off(
    capsys: pytest.CaptureFixture[str],
) -> None:
    snippet.main()
    out = capsys.readouterr().out
    alice_won = re.search(r"alice wins with token (\d+)", out)
    bob_won = re.search(r"bob wins with token (\d+)", out)
    assert alice_won and bob_won, out
    alice, bob = int(alice_won[1]), int(bob_won[1])
    assert bob > alice
    assert "bob campaigns: loses; the leader is alice" in out
    assert f"alice writes with token {alice}: accepted" in out
    assert f"alice wakes, writes with token {alice}: rejected" in out
    assert "data holds: 'from bob'" in out
    # Nothing is left behind under the snippet's prefix.
    left = snippet.call("/v3/kv/range", {"key": "AA==", "range_end": "AA=="})
    assert "kvs" not in left
