"""What dfs_rereplication.py teaches: after a data node dies, the name node
restores 3 replicas of every block on 3 distinct nodes over 2 or more racks, and
the file reads back intact; a copier that may pick a node holding the block
already leaves blocks short while the name node believes they are safe."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/mapreduce-and-dfs/dfs_rereplication.py")
SEEDS = range(40)


def racks(nodes: set[str]) -> set[str]:
    return {snippet.RACKS[n] for n in nodes}


@pytest.mark.parametrize("seed", SEEDS)
def test_placement_spreads_every_block_over_two_racks(seed: int) -> None:
    cluster = snippet.Cluster(seed)
    blocks = cluster.write(bytes(range(256)) * 40)
    for b in range(blocks):
        assert len(set(cluster.where[b])) == snippet.REPLICAS
        assert len(racks(set(cluster.where[b]))) == 2


@pytest.mark.parametrize("seed", SEEDS)
def test_rereplication_restores_three_distinct_nodes(seed: int) -> None:
    cluster, blocks, dead = snippet.crash_and_recover(seed, careful=True)  # reads back
    assert cluster.dead == {dead}
    for b in range(blocks):
        held = cluster.nodes_holding(b)
        assert dead not in held and len(held) == snippet.REPLICAS
        assert sorted(cluster.where[b]) == sorted(held)  # the map is true
        assert len(racks(held)) >= 2


def test_nothing_is_copied_before_the_timeout() -> None:
    cluster = snippet.Cluster(0)
    cluster.write(bytes(5000))
    cluster.up.discard("n0")
    for now in range(1, snippet.DEAD_AFTER + 1):
        assert cluster.tick(now) == []  # silent, but not yet dead
    assert cluster.tick(snippet.DEAD_AFTER + 1)[0].endswith("n0 silent, declared dead")


def test_control_a_careless_copier_leaves_blocks_short() -> None:
    short_runs = 0
    for seed in SEEDS:
        cluster, blocks, _ = snippet.crash_and_recover(seed, careful=False)
        short = [b for b in range(blocks) if len(cluster.nodes_holding(b)) < 3]
        # The name node counts 3 replicas for every block all the same.
        assert all(len(cluster.where[b]) == 3 for b in range(blocks))
        short_runs += bool(short)
    assert short_runs >= len(SEEDS) * 3 // 4
