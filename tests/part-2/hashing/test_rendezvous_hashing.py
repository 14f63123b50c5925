"""What rendezvous_hashing.py teaches: highest random weight moves only the
keys a new node wins, or the keys a removed node had."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/hashing/rendezvous_hashing.py")

KEYS = [f"user:{i}" for i in range(5_000)]
FOUR = [f"node{i}" for i in range(4)]
FIVE = [*FOUR, "node4"]


def test_adding_a_node_moves_about_a_fifth_all_to_it() -> None:
    moves = snippet.changes(KEYS, FOUR, FIVE)
    assert len(moves) / len(KEYS) == pytest.approx(0.20, abs=0.02)
    assert {new for _, new in moves.values()} == {"node4"}


def test_removing_a_node_moves_only_its_keys() -> None:
    moves = snippet.changes(KEYS, FIVE, [n for n in FIVE if n != "node1"])
    assert {old for old, _ in moves.values()} == {"node1"}
    assert len(moves) == sum(snippet.owner(k, FIVE) == "node1" for k in KEYS)


def test_the_order_of_the_node_list_does_not_matter() -> None:
    assert all(snippet.owner(k, FIVE) == snippet.owner(k, FIVE[::-1]) for k in KEYS[:500])
