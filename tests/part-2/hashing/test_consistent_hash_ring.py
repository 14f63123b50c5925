"""What consistent_hash_ring.py teaches: a new node moves about 1/N of
the keys (all to itself); modulo placement moves almost all; virtual
nodes even out the load."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/hashing/consistent_hash_ring.py")

KEYS = [f"user:{i}" for i in range(20_000)]


@pytest.fixture(scope="module")
def moves() -> dict[str, dict[str, str]]:
    return snippet.grow(KEYS)


def test_modulo_moves_four_fifths(moves: dict[str, dict[str, str]]) -> None:
    # A key stays only if h % 4 == h % 5: 4 residues in 20, so 4/5 move.
    assert len(moves["modulo"]) / len(KEYS) == pytest.approx(0.80, abs=0.01)
    assert set(moves["modulo"].values()) == {f"node{i}" for i in range(5)}


def test_the_ring_moves_about_a_fifth_all_to_the_new_node(
    moves: dict[str, dict[str, str]],
) -> None:
    assert len(moves["ring"]) / len(KEYS) == pytest.approx(0.19, abs=0.03)
    assert set(moves["ring"].values()) == {"node4"}


def test_removing_a_node_moves_only_its_keys() -> None:
    ring = snippet.HashRing([f"node{i}" for i in range(5)])
    before = {k: ring.get_node(k) for k in KEYS}
    ring.remove_node("node2")
    after = {k: ring.get_node(k) for k in KEYS}
    assert {k for k in KEYS if before[k] != after[k]} == {k for k in KEYS if before[k] == "node2"}


def test_more_virtual_nodes_even_out_the_load() -> None:
    spreads = [snippet.spread(10, v) for v in (1, 10, 150, 1000)]
    assert spreads == sorted(spreads, reverse=True)
    assert spreads[0] > 2.5 and spreads[-1] < 1.1


def test_shares_cover_the_whole_circle() -> None:
    ring = snippet.HashRing(["a", "b", "c"], vnodes=7)
    assert sum(snippet.shares(ring).values()) == pytest.approx(1.0)


def test_an_empty_ring_says_so() -> None:
    with pytest.raises(LookupError):
        snippet.HashRing().get_node("k")
