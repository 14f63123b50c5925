"""An LSM-tree against an in-place B-tree, with the I/O each one does.

An LSM-tree buffers writes in memory (the memtable), writes them out as a
sorted, immutable run when the buffer fills, and merges runs later
(compaction). A delete is a write too: a tombstone. A read checks the
memtable, then the runs from newest to oldest. A B-tree instead updates
the one page that holds the key, in place. Both are counted here in the
same unit: records written to disk and pages read per lookup.
"""
# output: exact

import bisect
import random
from operator import itemgetter

TOMBSTONE = None  # the value a delete writes
Run = list[tuple[str, str | None]]  # sorted by key, never changed


# --8<-- [start:lsm]
class LSMTree:
    def __init__(self, memtable_limit: int, max_runs: int) -> None:
        self.memtable: dict[str, str | None] = {}
        self.runs: list[Run] = []  # oldest first
        self.limit, self.max_runs = memtable_limit, max_runs
        self.records_written = 0  # to disk: flushes and compactions
        self.runs_read = 0  # runs probed by lookups

    def put(self, key: str, value: str | None) -> None:
        self.memtable[key] = value
        if len(self.memtable) >= self.limit:
            self.flush()

    def delete(self, key: str) -> None:
        self.put(key, TOMBSTONE)  # the key may live in an older run

    def flush(self) -> None:
        self.runs.append(sorted(self.memtable.items()))
        self.records_written += len(self.memtable)
        self.memtable = {}
        if len(self.runs) > self.max_runs:
            self.compact()

    def get(self, key: str) -> str | None:
        if key in self.memtable:
            return self.memtable[key]
        for run in reversed(self.runs):  # newest first
            self.runs_read += 1
            i = bisect.bisect_left(run, key, key=itemgetter(0))
            if i < len(run) and run[i][0] == key:
                return run[i][1]  # a tombstone reads as None
        return None

    def compact(self) -> None:
        """Merge every run into one; newer values win. Tombstones can go,
        because no older run is left for them to hide."""
        merged: dict[str, str | None] = {}
        for run in self.runs:  # oldest first, so newer ones overwrite
            merged.update(run)
        live: Run = [
            (k, v) for k, v in sorted(merged.items()) if v is not None
        ]
        self.runs = [live]
        self.records_written += len(live)
        # --8<-- [end:lsm]


# --8<-- [start:btree]
class BTreeLeaves:
    """The leaves of a B+tree: sorted pages of at most `per_page` records,
    updated in place. A write rewrites its whole page (two on a split)."""

    def __init__(self, per_page: int, fanout: int) -> None:
        self.pages: list[Run] = [[]]
        self.first_keys = [""]  # what the inner nodes hold
        self.per_page, self.fanout = per_page, fanout
        self.records_written = 0
        self.pages_read = 0

    def depth(self) -> int:
        """Levels from the root to a leaf: inner levels, plus the leaf."""
        levels, nodes = 1, len(self.pages)
        while nodes > 1:
            nodes, levels = -(-nodes // self.fanout), levels + 1
        return levels

    def find(self, key: str) -> int:
        self.pages_read += self.depth()
        return max(0, bisect.bisect_right(self.first_keys, key) - 1)

    def put(self, key: str, value: str) -> None:
        p = self.find(key)
        page = self.pages[p]
        i = bisect.bisect_left(page, key, key=itemgetter(0))
        if i < len(page) and page[i][0] == key:
            page[i] = (key, value)
        else:
            page.insert(i, (key, value))
        if len(page) > self.per_page:  # split into two half-full pages
            half = len(page) // 2
            self.pages[p : p + 1] = [page[:half], page[half:]]
            self.first_keys[p : p + 1] = [self.first_keys[p], page[half][0]]
            self.records_written += self.per_page  # one more page
        self.records_written += self.per_page  # a page is written whole

    def get(self, key: str) -> str | None:
        page = self.pages[self.find(key)]
        i = bisect.bisect_left(page, key, key=itemgetter(0))
        return page[i][1] if i < len(page) and page[i][0] == key else None
        # --8<-- [end:btree]


def workload(seed: int, writes: int, keys: int) -> list[tuple[str, str]]:
    """`writes` updates to `keys` distinct keys, in random order."""
    rng = random.Random(seed)
    return [(f"key{rng.randrange(keys):05d}", f"v{n}") for n in range(writes)]


# --8<-- [start:compare]
def compare(writes: int = 20_000, keys: int = 5_000) -> dict[str, float]:
    """Write and read amplification of both, on one seeded workload."""
    ops = workload(seed=42, writes=writes, keys=keys)
    latest = dict(ops)  # the last value written to each key
    lsm = LSMTree(memtable_limit=500, max_runs=8)
    btree = BTreeLeaves(per_page=32, fanout=100)
    for key, value in ops:
        lsm.put(key, value)
        btree.put(key, value)
    lsm.flush()  # what is still in memory, out to a run
    found = sorted(latest)[::50]  # 100 keys that exist
    lookups = found + [f"nokey{i}" for i in range(100)]  # 100 that do not
    btree.pages_read = 0  # count the lookups only
    for key in lookups:
        assert lsm.get(key) == latest.get(key) == btree.get(key)
    result = {
        "lsm_write": lsm.records_written / writes,
        "btree_write": btree.records_written / writes,
        "lsm_runs": len(lsm.runs),
        "lsm_read": lsm.runs_read / len(lookups),
        "btree_read": btree.pages_read / len(lookups),
    }
    lsm.compact()
    lsm.runs_read = 0
    for key in lookups:
        assert lsm.get(key) == latest.get(key)
    result["lsm_read_compacted"] = lsm.runs_read / len(lookups)
    return result
    # --8<-- [end:compare]


def deletes_demo() -> None:
    lsm = LSMTree(memtable_limit=2, max_runs=10)
    lsm.put("apple", "red")
    lsm.put("kiwi", "green")  # flushed: run 1
    lsm.delete("apple")
    lsm.put("plum", "purple")  # flushed: run 2 holds apple's tombstone
    print("runs before compaction:", lsm.runs)
    print("get apple:", lsm.get("apple"), "| get kiwi:", lsm.get("kiwi"))
    lsm.compact()
    print("runs after compaction: ", lsm.runs)
    print("get apple:", lsm.get("apple"), "| get kiwi:", lsm.get("kiwi"))


def main() -> None:
    deletes_demo()
    r = compare()
    print("20000 writes to 5000 keys, then 100 hits and 100 misses:")
    print(
        f"  records written per record put: LSM {r['lsm_write']:.2f},"
        f" B-tree {r['btree_write']:.2f}"
    )
    print(
        f"  reads per lookup: LSM {r['lsm_read']:.2f} of"
        f" {r['lsm_runs']:.0f} runs, B-tree {r['btree_read']:.2f} pages"
    )
    print(
        f"  after a full compaction: LSM {r['lsm_read_compacted']:.2f}"
        " runs per lookup"
    )


if __name__ == "__main__":
    main()
