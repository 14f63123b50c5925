"""The article's word count, run: what its map and reduce really do.

The article gives two functions, a map that splits a document on
whitespace, lower-cases each piece and emits (piece, 1), and a reduce that
sums the counts of one word, and nothing that calls them. Below, its logic
is rewritten (labelled `article_`) and driven on three short lines: first
as written, then with the missing shuffle, then with a tokeniser that
strips punctuation and folds case.
"""
# output: exact

import re
from collections import defaultdict

DOCS = [
    "The cat sat. The cat, the dog.",
    "A cat sat — STRASSE or Straße?",
    "Dog sat.",
]


# --8<-- [start:article]
def article_map(document: str) -> list[tuple[str, int]]:
    return [(piece.lower(), 1) for piece in document.split()]


def article_reduce(word: str, counts: list[int]) -> tuple[str, int]:
    return (word, sum(counts))


# --8<-- [end:article]
# --8<-- [start:shuffle]
def shuffle(pairs: list[tuple[str, int]]) -> dict[str, list[int]]:
    """Group every value by its key: the phase the article names but omits."""
    groups: dict[str, list[int]] = defaultdict(list)
    for word, count in pairs:
        groups[word].append(count)
    return dict(sorted(groups.items()))


WORD = re.compile(r"[a-z0-9']+")


def fixed_map(document: str) -> list[tuple[str, int]]:
    """Words, not whitespace-separated pieces; casefold, not lower."""
    return [(word, 1) for word in WORD.findall(document.casefold())]


# --8<-- [end:shuffle]


def run(mapper_name: str) -> None:
    mapper = {"article_map": article_map, "fixed_map": fixed_map}[mapper_name]
    pairs = [pair for doc in DOCS for pair in mapper(doc)]
    groups = shuffle(pairs)
    counts = [article_reduce(word, values) for word, values in groups.items()]
    print(f"{mapper_name}: {len(pairs)} pairs, {len(counts)} keys")
    items = [f"{word!r} {n}" for word, n in counts]
    for start in range(0, len(items), 6):
        print("  " + ", ".join(items[start : start + 6]))


def main() -> None:
    pairs = article_map(DOCS[0])
    print("as written, the map returns pairs and nothing groups them:")
    print(" ", pairs[:5], "...")
    print("reduce can only be called on one pair at a time:")
    print(" ", [article_reduce(word, [n]) for word, n in pairs[:3]], "...")
    print("with a shuffle between them:")
    run("article_map")
    run("fixed_map")


if __name__ == "__main__":
    main()
