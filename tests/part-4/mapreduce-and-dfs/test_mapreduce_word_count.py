"""What mapreduce_word_count.py teaches: map, combine, partition by a stable hash,
shuffle and reduce give exactly the one-process counts, under every start method;
hash() would not; the combiner shrinks the shuffle; and on two cores, two workers
are never twice as fast as one Counter."""

import json
import multiprocessing
import os
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/mapreduce-and-dfs/mapreduce_word_count.py")
FOLDER = Path(snippet.__file__).parent


@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_equals_one_counter_under_every_start_method(method: str) -> None:
    lines = snippet.make_corpus(2_000, seed=7)
    with multiprocessing.get_context(method).Pool(2) as pool:
        counts = snippet.word_count(pool, lines)
    assert counts == snippet.one_process(lines)
    assert counts == Counter(w for line in lines for w in snippet.WORD.findall(line.casefold()))


def test_partitions_are_disjoint_and_follow_crc32() -> None:
    split = snippet.make_corpus(500, seed=1)
    parts = snippet.map_task(split)
    assert len(parts) == snippet.REDUCERS
    for r, part in enumerate(parts):
        assert all(snippet.partition(word, snippet.REDUCERS) == r for word in part)
    assert sum(sum(p.values()) for p in parts) == len(
        [w for line in split for w in snippet.WORD.findall(line.casefold())]
    )


MAP_IN_A_FRESH_PROCESS = """
import json, sys
from collections import Counter
sys.path.insert(0, sys.argv[1])
import mapreduce_word_count as m
split = m.make_corpus(400, seed=int(sys.argv[2]))
counts = Counter(w for line in split for w in m.WORD.findall(line.casefold()))
by_hash = [{} for _ in range(m.REDUCERS)]
for word, n in counts.items():
    by_hash[hash(word) % m.REDUCERS][word] = n
print(json.dumps({"crc32": m.map_task(split), "hash": by_hash}))
"""


def map_elsewhere(split_seed: int, hash_seed: str) -> dict[str, list[dict[str, int]]]:
    """One map task in a process of its own, as on another machine: its own salt."""
    out = subprocess.run(
        [sys.executable, "-c", MAP_IN_A_FRESH_PROCESS, str(FOLDER), str(split_seed)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "PYTHONHASHSEED": hash_seed},
        check=True,
    )
    result: dict[str, list[dict[str, int]]] = json.loads(out.stdout)
    return result


def shuffle_and_reduce(mapped: list[list[dict[str, int]]]) -> dict[str, int]:
    result: dict[str, int] = {}
    for r in range(snippet.REDUCERS):
        result.update(snippet.reduce_task([out[r] for out in mapped]))
    return result


def test_control_map_tasks_in_different_processes_need_a_stable_partitioner() -> None:
    """Three map tasks in three processes with different hash salts. Partitioned by
    CRC-32, the reducers get disjoint words and the counts are right; partitioned by
    hash(), a word reaches several reducers and joining them loses counts."""
    outputs = [map_elsewhere(seed, str(seed + 1)) for seed in (1, 2, 3)]
    lines = [line for seed in (1, 2, 3) for line in snippet.make_corpus(400, seed=seed)]
    right = snippet.one_process(lines)
    assert shuffle_and_reduce([o["crc32"] for o in outputs]) == right
    assert shuffle_and_reduce([o["hash"] for o in outputs]) != right


def test_the_combiner_shrinks_the_shuffle() -> None:
    split = snippet.make_corpus()[: snippet.LINES // snippet.SPLITS]
    pairs, combined = snippet.shuffle_volume(split)
    assert combined * 5 < pairs


@pytest.mark.timing
def test_two_workers_are_not_twice_as_fast_as_one_counter() -> None:
    """Interleaved tries, best of each: load that comes and goes hits both alike."""
    lines = snippet.make_corpus()

    def seconds(job: Callable[[], object]) -> float:
        start = time.perf_counter()
        job()
        return time.perf_counter() - start

    with multiprocessing.Pool(2) as two:
        snippet.word_count(two, lines)  # warm-up
        tries = [
            (
                seconds(lambda: snippet.one_process(lines)),
                seconds(lambda: snippet.word_count(two, lines)),
            )
            for _ in range(5)
        ]
    alone, double = min(a for a, _ in tries), min(d for _, d in tries)
    # Two cores at most halve the counting, and the copies between processes
    # cost about as much as the counting itself at this size.
    assert double > alone / 2, (alone, double)
