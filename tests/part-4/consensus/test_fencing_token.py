"""What fencing_token.py teaches: a lease alone does not stop a paused
ex-holder from writing after its lease expired; storage that rejects a
token lower than one it has seen does (and without that check, the stale
write lands over the new holder's)."""

from conftest import load_snippet

snippet = load_snippet("part-4/consensus/fencing_token.py")


def test_tokens_rise_with_every_lease() -> None:
    clock = snippet.Clock()
    lock = snippet.LockService(clock)
    first = lock.acquire("a")
    assert lock.acquire("b") is None  # the lease is still running
    clock.now = snippet.LEASE
    assert lock.acquire("b") == first + 1


def test_without_the_token_check_the_stale_write_lands() -> None:
    log, storage = snippet.run(check_tokens=False)
    assert storage.data == ["written by client 2", "written by client 1"]
    assert "client 1 wakes, writes with token 33: accepted" in log[-2]


def test_with_the_token_check_the_stale_write_is_rejected() -> None:
    log, storage = snippet.run(check_tokens=True)
    assert storage.data == ["written by client 2"]
    assert storage.highest == 34
    assert "token 33: rejected" in log[-2]


def test_the_paused_client_had_checked_its_lease_before_the_pause() -> None:
    log, _ = snippet.run(check_tokens=True)
    assert "checks its lease: valid (True)" in log[1]
