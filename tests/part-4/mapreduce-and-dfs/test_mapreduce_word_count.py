"""What mapreduce_word_count.py teaches: map, combine, partition by a stable hash,
shuffle and reduce give exactly the one-process counts, under every start method;
hash() would not; the combiner shrinks the shuffle; and on one small machine a
Counter in one process is at least as fast."""

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


PARTITION_IN_A_FRESH_PROCESS = """
import json, sys
sys.path.insert(0, sys.argv[1])
import mapreduce_word_count as m
words = sorted(m.one_process(m.make_corpus(300)))
print(json.dumps({
    "crc32": [m.partition(w, 4) for w in words],
    "hash": [hash(w) % 4 for w in words],
}))
"""


def placements(hash_seed: str) -> dict[str, list[int]]:
    env = {**os.environ, "PYTHONHASHSEED": hash_seed}
    out = subprocess.run(
        [sys.executable, "-c", PARTITION_IN_A_FRESH_PROCESS, str(FOLDER)],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=True,
    )
    result: dict[str, list[int]] = json.loads(out.stdout)
    return result


def test_control_crc32_agrees_across_processes_and_hash_does_not() -> None:
    """Two mappers in two processes (spawn gives each its own hash salt)."""
    one, two = placements("1"), placements("2")
    assert one["crc32"] == two["crc32"]
    differ = sum(a != b for a, b in zip(one["hash"], two["hash"], strict=True))
    assert differ > len(one["hash"]) / 2  # about 3 in 4 with 4 reducers


def test_the_combiner_shrinks_the_shuffle() -> None:
    split = snippet.make_corpus()[: snippet.LINES // snippet.SPLITS]
    pairs, combined = snippet.shuffle_volume(split)
    assert combined * 5 < pairs


def best_of(job: Callable[[], object], tries: int = 5) -> float:
    times = []
    for _ in range(tries):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return min(times)


@pytest.mark.timing
def test_one_counter_beats_one_worker_and_two_are_not_twice_as_fast() -> None:
    lines = snippet.make_corpus()
    alone = best_of(lambda: snippet.one_process(lines))
    with multiprocessing.Pool(1) as one, multiprocessing.Pool(2) as two:
        snippet.word_count(one, lines), snippet.word_count(two, lines)  # warm-up
        single = best_of(lambda: snippet.word_count(one, lines))
        double = best_of(lambda: snippet.word_count(two, lines))
    # One worker does the Counter's work plus pickling and hand-offs.
    assert alone < single, (alone, single)
    # Two cores cannot buy a 2x speedup over the Counter at this size.
    assert double > alone / 2, (alone, double)
