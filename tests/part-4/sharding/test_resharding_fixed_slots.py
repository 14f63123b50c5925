"""What resharding_fixed_slots.py teaches: mod N moves N/(N+1) of the keys
when a shard joins; fixed slots move the ideal 1/(N+1), only to the new
shard, and keep the shards even."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/sharding/resharding_fixed_slots.py")
KEYS = [f"user-{i}" for i in range(10_000)]


def grown(old: int, new: int) -> tuple[list[int], list[int]]:
    table = snippet.slot_table(old)
    after = table
    for _ in range(new - old):
        after = snippet.add_shard(after)
    return table, after


@pytest.mark.parametrize("old", [3, 4, 10])
def test_mod_n_moves_almost_everything(old: int) -> None:
    before = snippet.modulo_placement(KEYS, old)
    after = snippet.modulo_placement(KEYS, old + 1)
    share = snippet.moved(before, after)
    assert abs(share - old / (old + 1)) < 0.02


@pytest.mark.parametrize("old", [3, 4, 10])
def test_slots_move_the_ideal_share_to_the_new_shard_only(old: int) -> None:
    table, after = grown(old, old + 1)
    b = snippet.slot_placement(KEYS, table)
    a = snippet.slot_placement(KEYS, after)
    assert abs(snippet.moved(b, a) - 1 / (old + 1)) < 0.02
    assert all(a[k] == old for k in KEYS if a[k] != b[k])


def test_slots_stay_even_after_growth() -> None:
    _, after = grown(4, 7)
    counts = [after.count(s) for s in range(7)]
    assert max(counts) - min(counts) <= 1


def test_doubling_moves_half_under_both() -> None:
    b = snippet.modulo_placement(KEYS, 4)
    a = snippet.modulo_placement(KEYS, 8)
    assert abs(snippet.moved(b, a) - 0.5) < 0.02
    assert all(a[k] >= 4 for k in KEYS if a[k] != b[k])
