"""What index_write_cost.py teaches: each secondary index adds at least one
page written per one-row commit, and pages on disk."""

from conftest import load_snippet

snippet = load_snippet("part-3/indexes/index_write_cost.py")


def test_each_index_adds_pages_to_every_commit() -> None:
    costs = [snippet.pages_written(n, rows=2_000, commits=200) for n in range(3)]
    per_commit = [c for c, _ in costs]
    size = [s for _, s in costs]
    # No index: the table's last leaf page, about one page per commit.
    assert 1.0 <= per_commit[0] < 1.2
    # Each index: at least one more page (its leaf), plus some splits.
    assert per_commit[1] >= per_commit[0] + 1
    assert per_commit[2] >= per_commit[1] + 1
    assert size[0] < size[1] < size[2]


def test_counts_are_deterministic() -> None:
    assert snippet.pages_written(1, rows=500, commits=50) == snippet.pages_written(
        1, rows=500, commits=50
    )
