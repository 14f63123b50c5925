"""What replica_lag_anomalies.py teaches: reading from any lagging replica
gives stale reads, misses the reader's own writes and goes back in time;
a sticky replica fixes going back only; a version token fixes both
session anomalies; reading from the leader fixes all three. Replicas
converge once writes stop, with no bound on when."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/consistency-models/replica_lag_anomalies.py")
ANOMALIES = ("stale", "missed own write", "went back")


def test_the_page_table() -> None:
    assert snippet.run(snippet.AnyReplica()) == {
        "reads": 120,
        "stale": 108,
        "missed own write": 40,
        "went back": 16,
        "on leader": 0,
    }
    assert snippet.run(snippet.Sticky())["went back"] == 0
    token = snippet.run(snippet.VersionToken())
    assert (token["stale"], token["missed own write"], token["went back"]) == (33, 0, 0)
    assert token["on leader"] == 75
    leader = snippet.run(snippet.Leader())
    assert [leader[k] for k in ANOMALIES] == [0, 0, 0]


def test_first_anomalies_are_each_kind() -> None:
    lines = snippet.first_anomalies()
    assert len(lines) == 3
    assert "after writing" in lines[0] and "the leader had" in lines[1]
    assert "after reading" in lines[2]


@pytest.mark.parametrize("seed", range(25))
def test_each_fix_holds_on_every_seed(seed: int) -> None:
    anyr = snippet.run(snippet.AnyReplica(), seed=seed)
    sticky = snippet.run(snippet.Sticky(), seed=seed)
    token = snippet.run(snippet.VersionToken(), seed=seed)
    leader = snippet.run(snippet.Leader(), seed=seed)
    # The control: the same schedule, without a fix, shows every anomaly.
    assert all(anyr[k] > 0 for k in ANOMALIES), anyr
    assert sticky["went back"] == 0 and sticky["missed own write"] > 0
    assert token["missed own write"] == token["went back"] == 0
    assert token["stale"] > 0  # session guarantees are not recency
    assert all(leader[k] == 0 for k in ANOMALIES)


def test_control_a_token_that_is_not_checked_fixes_nothing() -> None:
    class IgnoredToken(snippet.VersionToken):  # type: ignore[name-defined]
        def node(self, cluster: object, client: str, now: int, token: int) -> str:
            return snippet.AnyReplica.node(self, cluster, client, now, 0)

    broken = snippet.run(IgnoredToken())
    assert broken["missed own write"] > 0 and broken["went back"] > 0
    assert broken == snippet.run(snippet.AnyReplica())


def test_replicas_converge_once_writes_stop_but_with_no_bound() -> None:
    for pause, expected in ((None, 409), ((100, 5_000), 5_000)):
        cluster = snippet.Cluster(seed=7, pause=pause)
        for step in range(40):
            cluster.write(10 * step)
        assert snippet.converged_at(cluster) == expected
        after = expected
        assert all(cluster.applied(r, after) == 40 for r in snippet.REPLICAS)
        assert any(cluster.applied(r, after - 1) < 40 for r in snippet.REPLICAS)
