"""What raft_sim.py teaches: Raft keeps its safety properties on a lossy,
partitioning network with crashes, over hundreds of seeds; each rule the
page names is needed (switch it off and the checker reports a violation,
from random seeds or, where seeds miss it, from a scripted scenario)."""

import dataclasses
from typing import Any

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/consensus/raft_sim.py")

CHUNK = 50
SEEDS = 1000  # in chunks, so that pytest-xdist can spread them


def _report(results: list) -> str:
    return "; ".join(f"seed {r.seed}: {v}" for r in results for v in r.violations)


# ---------------------------------------------------------------------------------
# Raft as specified: no violation, and real progress, over many seeds


@pytest.mark.parametrize("start", range(0, SEEDS, CHUNK))
def test_raft_is_safe_for_every_seed(start: int) -> None:
    runs = [snippet.simulate(seed) for seed in range(start, start + CHUNK)]
    broken = [r for r in runs if r.violations]
    assert not broken, _report(broken)
    # The runs did something: leaders were elected and entries committed, in
    # spite of 10% loss, partitions and crashes.
    assert sum(r.committed > 0 for r in runs) >= 0.9 * CHUNK
    assert sum(r.terms >= 3 for r in runs) >= 0.5 * CHUNK


def test_a_seed_replays_exactly() -> None:
    a, b = snippet.simulate(7), snippet.simulate(7)
    assert (a.history, a.commits, a.committed) == (b.history, b.commits, b.committed)
    assert a.history != snippet.simulate(8).history


def test_a_failing_seed_names_the_seed_and_the_property() -> None:
    broken = snippet.broken_runs(snippet.Config(check_up_to_date=False), range(50))
    message = _report(broken[:1])
    assert message.startswith(f"seed {broken[0].seed}: ")
    assert any(p in message for p in ("Leader Completeness", "State Machine Safety"))


# ---------------------------------------------------------------------------------
# The tests have teeth: each rule removed, a violation is reported


def test_without_the_up_to_date_check_random_seeds_break_safety() -> None:
    broken = snippet.broken_runs(snippet.Config(check_up_to_date=False), range(100))
    assert len(broken) >= 10, "the checker should catch a missing up-to-date check"


def test_random_seeds_rarely_catch_the_other_two_bugs() -> None:
    """Why the scripted scenarios exist: 100 seeds, no violation found."""
    for config in (
        snippet.Config(persist_voted_for=False),
        snippet.Config(commit_old_terms=True),
    ):
        assert len(snippet.broken_runs(config, range(100))) <= 2


def _up_to_date_scenario(config: Any) -> tuple[Any, bool]:
    """S1 commits entry 1 on S1 and S2; S3 missed it. S1 dies, S3 stands."""
    s = snippet.Script(dataclasses.replace(config, nodes=3))
    s.elect(0, {0, 1, 2})
    s.nodes[0].submit("a")
    s.nodes[0].replicate()
    s.settle({0, 1})  # S3 does not get entry 1
    assert s.cluster.checker.committed == {1: ((1, "a"), 1)}
    s.nodes[0].crash()
    won = s.elect(2, {1, 2})  # S3, with an empty log, asks S2
    if won:
        s.nodes[2].submit("z")
        s.nodes[2].replicate()
        s.settle({1, 2})
    return s, won


def test_the_up_to_date_check_refuses_a_candidate_missing_a_commit() -> None:
    s, won = _up_to_date_scenario(snippet.Config())
    assert not won and s.cluster.violations() == []
    assert s.nodes[1].log == [(1, "a")]


def test_without_the_up_to_date_check_a_committed_entry_is_overwritten() -> None:
    s, won = _up_to_date_scenario(snippet.Config(check_up_to_date=False))
    assert won
    found = " ".join(s.cluster.violations())
    assert "Leader Completeness" in found and "State Machine Safety" in found
    assert s.nodes[1].log == [(2, "z")]  # the committed (1, "a") is gone


# ---------------------------------------------------------------------------------
# Figure 8: a leader must not commit an earlier term's entry by counting


def test_figure_8_logs_follow_the_paper() -> None:
    s = snippet.figure_8(snippet.Config())
    a, b, c, d = (1, "a"), (2, "b"), (3, "c"), (4, "d")
    assert s.nodes[0].log == [a, b, d]  # S1 (crashed after (c))
    assert [n.log for n in s.nodes[1:]] == [[a, c]] * 4  # S5 overwrote entry 2
    assert s.cluster.checker.leaders == {1: {0}, 2: {0}, 3: {4}, 4: {0}, 5: {4}}
    assert b != c


def test_figure_8_with_raft_s_rule_commits_nothing_that_is_later_lost() -> None:
    s = snippet.figure_8(snippet.Config())
    assert s.cluster.violations() == []
    assert 2 not in s.cluster.checker.committed  # S1 never committed (2, "b")


def test_figure_8_with_commit_by_count_loses_a_committed_entry() -> None:
    s = snippet.figure_8(snippet.Config(commit_old_terms=True))
    assert s.cluster.checker.committed[2] == ((2, "b"), 4)  # committed in term 4
    found = s.cluster.violations()
    assert any(v.startswith("State Machine Safety") for v in found), found
    assert any(v.startswith("Leader Completeness") for v in found), found


def test_figure_8_e_a_current_term_entry_commits_both_and_blocks_s5() -> None:
    """Figure 8 (e): once S1 has its term-4 entry on a majority, entries 2
    and 3 are committed, and S5 can no longer win an election."""
    s = snippet.figure_8_c(snippet.Config())
    s.nodes[0].submit("d")
    for _ in range(2):
        s.nodes[0].replicate()
        s.settle({0, 1, 2})
    assert s.nodes[0].commit_index == 3
    s.nodes[0].crash()
    s.nodes[4].restart()
    for _ in range(3):
        assert not s.elect(4, {1, 2, 3, 4})
    assert s.cluster.violations() == []


# ---------------------------------------------------------------------------------
# A voter that reboots: votedFor must be on disk


def test_a_persisted_vote_is_not_given_twice() -> None:
    s = snippet.reboot_and_vote(snippet.Config())
    assert s.cluster.checker.leaders == {1: {0}}
    assert s.nodes[2].role == "candidate" and s.cluster.violations() == []


def test_a_forgotten_vote_gives_two_leaders_in_one_term() -> None:
    s = snippet.reboot_and_vote(snippet.Config(persist_voted_for=False))
    assert s.cluster.checker.leaders == {1: {0, 2}}
    assert s.cluster.violations() == ["Election Safety: term 1 has leaders [0, 2]"]


# ---------------------------------------------------------------------------------
# The checker itself


def test_log_matching_flags_logs_that_agree_at_an_index_but_not_before() -> None:
    s = snippet.Script(snippet.Config(nodes=3))
    s.nodes[0].log = [(1, "a"), (2, "b")]
    s.nodes[1].log = [(1, "x"), (2, "b")]
    found = snippet.log_matching(s.nodes)
    assert found == ["Log Matching: nodes 0 and 1 agree on the term at index 2 but not before it"]
