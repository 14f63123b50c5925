"""What replication_lag.py teaches: a lagging follower serves old data; a
client that carries its last log position never reads older than it."""

from typing import Any

from conftest import load_snippet

snippet = load_snippet("part-4/replication/replication_lag.py")


def cluster() -> tuple[Any, Any, Any]:
    leader = snippet.Leader()
    fast = snippet.Follower(leader, per_step=3)
    slow = snippet.Follower(leader, per_step=1)
    return leader, fast, slow


def test_a_lagging_follower_returns_the_old_value() -> None:
    leader, fast, _ = cluster()
    alice = snippet.Client(leader)
    alice.write("avatar", "old.png")
    fast.step()
    alice.write("avatar", "new.png")
    assert leader.data["avatar"] == "new.png"
    assert snippet.naive_read("avatar", fast) == "old.png"  # the anomaly


def test_reading_with_the_lsn_returns_your_own_write() -> None:
    leader, fast, slow = cluster()
    alice = snippet.Client(leader)
    alice.write("avatar", "old.png")
    fast.step()
    alice.write("avatar", "new.png")
    for replica in (fast, slow):
        assert alice.read("avatar", replica) == ("leader", "new.png")
    fast.step()
    assert alice.read("avatar", fast) == ("follower", "new.png")


def test_reads_never_go_back_in_time_with_the_token() -> None:
    leader, fast, slow = cluster()
    for i in range(6):
        leader.write("k", f"v{i}")
    for _ in range(2):
        fast.step()
        slow.step()
    assert snippet.naive_read("k", fast) == "v5"
    assert snippet.naive_read("k", slow) != "v5"  # naive: back in time
    bob = snippet.Client(leader)
    versions = [bob.read("k", r)[1] for r in (fast, slow, fast, slow)]
    assert versions == ["v5"] * 4


def test_followers_converge_once_writes_stop() -> None:
    leader, fast, slow = cluster()
    for i in range(10):
        leader.write(f"k{i}", str(i))
    for _ in range(10):
        fast.step()
        slow.step()
    assert fast.data == slow.data == leader.data
