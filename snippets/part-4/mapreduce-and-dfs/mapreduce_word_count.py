"""MapReduce word count on worker processes, and what it costs on one machine.

Map tasks tokenise their split of the text and count locally (the
combiner), then cut their counts into R partitions by a stable hash of the
word (CRC-32: the same in every process, unlike `hash()`). The shuffle
hands partition r of every map output to reduce task r, which adds them
up. The result is checked against one process and a `collections.Counter`,
and then both are timed: a warm-up, then the median of a few repeats.
"""
# output: normalise timings, ratios, machine

import itertools
import os
import pickle
import platform
import random
import re
import statistics
import time
import zlib
from collections import Counter
from collections.abc import Callable
from multiprocessing import Pool
from multiprocessing.pool import Pool as PoolType

LINES = 12_000  # about 0.9 MB of text
SPLITS = 8  # map tasks
REDUCERS = 2  # reduce tasks, R
REPEATS = 3
TIMEOUT = 60  # seconds for any one phase


def make_corpus(lines: int = LINES, seed: int = 42) -> list[str]:
    """Seeded text: Zipf-like word frequencies, capitals and punctuation."""
    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ne", "ru", "sa", "to", "vi", "ze", "qu"]
    vocab: dict[str, None] = {}  # distinct words, in a repeatable order
    while len(vocab) < 3_000:
        vocab["".join(rng.choices(syllables, k=rng.randint(2, 4)))] = None
    words = list(vocab)
    ranks = itertools.accumulate(1 / r for r in range(1, len(words) + 1))
    cumulative = list(ranks)
    text = []
    for _ in range(lines):
        line = rng.choices(words, cum_weights=cumulative, k=12)
        line[0] = line[0].capitalize()
        text.append(" ".join(line[:6]) + ", " + " ".join(line[6:]) + ".")
    return text


WORD = re.compile(r"[a-z0-9']+")


# --8<-- [start:map]
def partition(word: str, reducers: int) -> int:
    """Which reduce task gets this word: the same answer in every process."""
    return zlib.crc32(word.encode("utf-8")) % reducers


def map_task(split: list[str]) -> list[dict[str, int]]:
    """Tokenise, combine locally, and cut the counts into R partitions."""
    combined = Counter(
        word for line in split for word in WORD.findall(line.casefold())
    )
    parts: list[dict[str, int]] = [{} for _ in range(REDUCERS)]
    for word, count in combined.items():
        parts[partition(word, REDUCERS)][word] = count
    return parts


def reduce_task(parts: list[dict[str, int]]) -> dict[str, int]:
    """Add up one partition's counts from every map task."""
    total: Counter[str] = Counter()
    for part in parts:
        total.update(part)
    return dict(total)


# --8<-- [end:map]
# --8<-- [start:driver]
def word_count(pool: PoolType, lines: list[str]) -> dict[str, int]:
    size = -(-len(lines) // SPLITS)  # ceiling division
    splits = [lines[i : i + size] for i in range(0, len(lines), size)]
    # Map: one task per split, spread over the pool's workers.
    mapped = pool.map_async(map_task, splits).get(TIMEOUT)
    # Shuffle: reduce task r receives partition r of every map output.
    shuffled = [[out[r] for out in mapped] for r in range(REDUCERS)]
    # Reduce: partitions hold disjoint words, so the results just join.
    reduced = pool.map_async(reduce_task, shuffled).get(TIMEOUT)
    result: dict[str, int] = {}
    for part in reduced:
        result.update(part)
    return result


def one_process(lines: list[str]) -> dict[str, int]:
    return dict(Counter(WORD.findall("\n".join(lines).casefold())))


# --8<-- [end:driver]


def median_seconds(job: Callable[[], object]) -> float:
    job()  # warm-up: caches, imports and the pool's first task
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        job()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def shuffle_volume(split: list[str]) -> tuple[int, int]:
    """Pickled bytes sent to the shuffle: (word, 1) pairs vs combined."""
    words = [w for line in split for w in WORD.findall(line.casefold())]
    pairs = [(word, 1) for word in words]
    return len(pickle.dumps(pairs)), len(pickle.dumps(map_task(split)))


def main() -> None:
    lines = make_corpus()
    megabytes = sum(len(line) + 1 for line in lines) / 1e6
    with Pool(2) as pool:
        counts = word_count(pool, lines)
    assert counts == one_process(lines)
    print(f"{len(lines)} lines, {megabytes:.2f} MB, {SPLITS} map tasks,")
    print(f"{REDUCERS} reduce tasks: {sum(counts.values())} words,")
    print(f"{len(counts)} distinct; equal to one Counter: True")
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print("top 5:", ", ".join(f"{w} {c}" for w, c in top))
    pairs, combined = shuffle_volume(lines[: len(lines) // SPLITS])
    print(f"one split sends the shuffle {pairs // 1000} KB of (word, 1)")
    print(f"pairs, or {combined // 1000} KB once combined")
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.system()}"
    )
    print(f"median of {REPEATS} after a warm-up; pools started beforehand")
    alone = median_seconds(lambda: one_process(lines))
    print(f"one process, Counter:    {alone:.3f} s")
    for workers in (1, 2):
        with Pool(workers) as pool:
            took = median_seconds(lambda: word_count(pool, lines))
        print(
            f"MapReduce, {workers} worker{'s' if workers > 1 else ' '}: "
            f"{took:.3f} s, {alone / took:.2f}x the speed of Counter"
        )


if __name__ == "__main__":
    main()
