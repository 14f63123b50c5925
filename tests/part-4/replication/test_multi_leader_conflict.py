"""What multi_leader_conflict.py teaches: last-writer-wins drops one of two
concurrent writes, and clock skew picks which; version vectors detect the
concurrency, and a merge that has seen both supersedes both."""

from typing import Any

from conftest import load_snippet

snippet = load_snippet("part-4/replication/multi_leader_conflict.py")


def two_concurrent_writes(skew: float) -> tuple[Any, Any]:
    first = snippet.write("A", "x0", 1.0, {})
    a = snippet.write("A", "from A", 10.0, dict(first.vector))
    b = snippet.write("B", "from B", 10.5 + skew, dict(first.vector))
    return a, b


def test_lww_drops_the_later_write_when_its_clock_is_slow() -> None:
    a, b = two_concurrent_writes(skew=-1.0)
    assert snippet.last_writer_wins(a, b) is a
    assert snippet.last_writer_wins(b, a) is a  # both leaders agree


def test_lww_drops_a_write_even_with_perfect_clocks() -> None:
    a, b = two_concurrent_writes(skew=0.0)
    kept = snippet.last_writer_wins(a, b)
    assert kept is b and kept.value != a.value  # A's write is gone


def test_version_vectors_detect_the_conflict_whatever_the_clocks() -> None:
    for skew in (-1.0, 0.0, 1.0):
        a, b = two_concurrent_writes(skew)
        va, vb = dict(a.vector), dict(b.vector)
        assert va == {"A": 2} and vb == {"A": 1, "B": 1}
        assert snippet.compare(va, vb) == "concurrent"
        assert snippet.compare(vb, va) == "concurrent"


def test_order_is_detected_when_one_write_saw_the_other() -> None:
    first = snippet.write("A", "x0", 1.0, {})
    later = snippet.write("B", "x1", 0.5, dict(first.vector))  # slow clock
    v1, v2 = dict(first.vector), dict(later.vector)
    assert snippet.compare(v1, v2) == "before"
    assert snippet.compare(v2, v1) == "after"
    assert snippet.compare(v1, dict(v1)) == "equal"
    # LWW would keep the older write here; the vector orders them right.
    assert snippet.last_writer_wins(first, later) is first


def test_a_merge_that_saw_both_supersedes_both() -> None:
    a, b = two_concurrent_writes(skew=-1.0)
    merged = snippet.write("B", "merged", 11.0, {"A": 2, "B": 1})
    vm = dict(merged.vector)
    assert snippet.compare(dict(a.vector), vm) == "before"
    assert snippet.compare(dict(b.vector), vm) == "before"
