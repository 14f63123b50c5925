"""The same word count on Dask, the engine a Python reader graduates to.

Needs Dask: `pip install "dask[distributed]"`. Dask builds a graph of
tasks from the bag's methods and runs it; `frequencies()` counts within
each partition first (the combiner) and then merges the partial counts.
`scheduler="processes"` runs the tasks on two worker processes that it
starts and stops around the `compute()` call, with no cluster and nothing
left in the temporary folder. The corpus and the tokeniser are the ones of
mapreduce_word_count.py, so the counts must be the same.
"""
# output: normalise timings

import itertools
import random
import re
import time

import dask.bag as db

LINES = 12_000
SPLITS = 8
WORD = re.compile(r"[a-z0-9']+")


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


# --8<-- [start:idea]
def tokenise(line: str) -> list[str]:
    return WORD.findall(line.casefold())


def word_count(lines: list[str], workers: int = 2) -> dict[str, int]:
    bag = db.from_sequence(  # type: ignore[no-untyped-call, unused-ignore]
        lines, npartitions=SPLITS
    )
    counts = bag.map(tokenise).flatten().frequencies()
    pairs = counts.compute(scheduler="processes", num_workers=workers)
    return dict(pairs)


# --8<-- [end:idea]


def main() -> None:
    lines = make_corpus()
    start = time.perf_counter()
    counts = word_count(lines)
    took = time.perf_counter() - start
    print(f"{sum(counts.values())} words, {len(counts)} distinct")
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    print("top 5:", ", ".join(f"{w} {c}" for w, c in top))
    print(f"compute, including starting 2 worker processes: {took:.2f} s")


if __name__ == "__main__":
    main()
