"""What lsm_tree.py teaches: an LSM-tree reads newest first, deletes with
tombstones, and compaction keeps exactly the live keys; it writes each
record a few times where an in-place B-tree rewrites a page per write,
and reads several runs where the B-tree reads one path."""

import random

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/btree-vs-lsm/lsm_tree.py")


def test_the_page_counts() -> None:
    r = snippet.compare()
    assert round(r["lsm_write"], 2) == 1.79
    assert round(r["btree_write"], 2) == 32.35
    assert r["lsm_runs"] == 7 and round(r["lsm_read"], 2) == 6.36
    assert r["btree_read"] == 3.0
    assert r["lsm_read_compacted"] == 1.0


def test_lsm_writes_less_and_reads_more() -> None:
    r = snippet.compare(writes=12_000, keys=3_000)
    assert r["lsm_runs"] > 2
    assert 1 <= r["lsm_write"] < r["btree_write"] / 5
    assert r["lsm_read"] > r["btree_read"] > 1
    assert r["lsm_read_compacted"] == 1


def test_a_tombstone_hides_the_older_value_until_compaction_drops_both() -> None:
    lsm = snippet.LSMTree(memtable_limit=2, max_runs=10)
    lsm.put("apple", "red")
    lsm.put("kiwi", "green")
    lsm.delete("apple")
    lsm.put("plum", "purple")
    assert len(lsm.runs) == 2 and lsm.get("apple") is None
    lsm.compact()
    assert lsm.runs == [[("kiwi", "green"), ("plum", "purple")]]
    assert lsm.get("apple") is None and lsm.get("kiwi") == "green"


def test_control_a_delete_without_a_tombstone_resurrects_the_key() -> None:
    class NoTombstones(snippet.LSMTree):  # type: ignore[name-defined]
        def delete(self, key: str) -> None:
            self.memtable.pop(key, None)  # forget it in memory only

    for cls, expected in ((snippet.LSMTree, None), (NoTombstones, "red")):
        lsm = cls(memtable_limit=2, max_runs=10)
        lsm.put("apple", "red")
        lsm.put("kiwi", "green")  # apple is now in a run on disk
        lsm.delete("apple")
        assert lsm.get("apple") == expected, cls


@pytest.mark.parametrize("seed", range(20))
def test_reads_match_a_dict_through_flushes_deletes_and_compactions(seed: int) -> None:
    rng = random.Random(seed)
    lsm = snippet.LSMTree(memtable_limit=rng.randint(2, 20), max_runs=rng.randint(1, 5))
    btree = snippet.BTreeLeaves(per_page=4, fanout=3)
    model: dict[str, str] = {}
    for n in range(600):
        key = f"k{rng.randrange(80):02d}"
        if rng.random() < 0.25:
            lsm.delete(key)
            model.pop(key, None)
        else:
            lsm.put(key, f"v{n}")
            btree.put(key, f"v{n}")
            model[key] = f"v{n}"
        if rng.random() < 0.02:
            lsm.compact()
    for i in range(80):
        assert lsm.get(f"k{i:02d}") == model.get(f"k{i:02d}")
    lsm.flush()
    lsm.compact()
    assert dict(lsm.runs[0]) == model and len(lsm.runs) == 1
    assert all(v is not None for _, v in lsm.runs[0])
    assert [k for k, _ in lsm.runs[0]] == sorted(model)


def test_btree_pages_stay_sorted_and_bounded() -> None:
    btree = snippet.BTreeLeaves(per_page=8, fanout=4)
    ops = snippet.workload(seed=1, writes=2_000, keys=500)
    for key, value in ops:
        btree.put(key, value)
    keys = [k for page in btree.pages for k, _ in page]
    assert keys == sorted(dict(ops))
    assert all(len(page) <= 8 for page in btree.pages)
    # One leaf level, and as many inner levels as fanout 4 needs.
    depth = btree.depth()
    assert 4 ** (depth - 2) < len(btree.pages) <= 4 ** (depth - 1)
