"""What index_lookup_speed.py teaches: an index makes a lookup many times
faster and inserts slower. Ratios only, best of several, wide margins."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/indexes/index_lookup_speed.py")


@pytest.mark.timing
def test_an_index_speeds_up_a_lookup() -> None:
    best = max(scan / search for scan, search in (snippet.lookup_seconds(20_000) for _ in range(3)))
    assert best > 10


@pytest.mark.timing
def test_indexes_slow_inserts() -> None:
    ratio = max(
        snippet.insert_seconds(10_000, 2) / snippet.insert_seconds(10_000, 0) for _ in range(3)
    )
    assert ratio > 1.3


def test_rows_arrive_in_random_order_without_duplicates() -> None:
    rows = snippet.users(1_000)
    emails = [e for e, _ in rows]
    assert len(set(emails)) == 1_000 and emails != sorted(emails)
