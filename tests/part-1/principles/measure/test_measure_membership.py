"""What measure_membership.py teaches: warm up, repeat, summarise with the
median and the spread; and a set finds an item far faster than a list."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/principles/measure/measure_membership.py")


def test_summary_is_fastest_median_slowest() -> None:
    assert snippet.summary([3.0, 1.0, 2.0]) == (1.0, 2.0, 3.0)


def test_the_median_resists_an_outlier() -> None:
    fastest, median, slowest = snippet.summary([1.0, 1.1, 1.0, 50.0, 1.2])
    assert median == 1.1 and slowest == 50.0


def test_samples_warm_up_once_then_time_repeats_times_number() -> None:
    calls = 0

    def work() -> None:
        nonlocal calls
        calls += 1

    samples = snippet.per_call_samples(work, number=10, repeats=4)
    assert len(samples) == 4
    assert calls == 1 + 4 * 10
    assert all(s > 0 for s in samples)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (2.5, "2.5 s"),
        (0.0491, "49.1 ms"),
        (4.91e-5, "49.1 us"),
        (2.73e-8, "27.3 ns"),
    ],
)
def test_human_units(seconds: float, text: str) -> None:
    assert snippet.human(seconds) == text


@pytest.mark.timing
def test_set_membership_beats_list_membership() -> None:
    items = list(range(snippet.ITEMS))
    as_set = set(items)
    ratios = []
    for _ in range(3):  # best of three: load elsewhere cannot decide it
        slow = snippet.summary(snippet.per_call_samples(lambda: -1 in items, 20, 5))[1]
        fast = snippet.summary(snippet.per_call_samples(lambda: -1 in as_set, 20_000, 5))[1]
        ratios.append(slow / fast)
    # Typically ~1000x (O(n) against O(1)); 20x leaves a huge margin.
    assert max(ratios) > 20, f"set only {max(ratios):.0f}x faster"
