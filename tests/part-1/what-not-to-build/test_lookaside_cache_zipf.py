"""What lookaside_cache_zipf.py teaches: a look-aside cache turns repeated reads
into hits, and how many depends on the skew of the traffic, not on the cache."""

from collections import Counter
from collections.abc import Callable

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/what-not-to-build/lookaside_cache_zipf.py")


def test_a_miss_reads_the_database_and_a_hit_does_not() -> None:
    db = snippet.SlowDatabase(read_ms=5.0)
    cache = snippet.LookAsideCache(db, capacity=10)
    assert cache.get(7) == cache.get(7) == "profile of user 7"
    assert (cache.hits, cache.misses, db.reads, db.busy_ms) == (1, 1, 1, 5.0)


def test_the_least_recently_used_entry_is_evicted() -> None:
    cache = snippet.LookAsideCache(snippet.SlowDatabase(), capacity=2)
    for key in (1, 2, 1, 3):  # 1 was used after 2, so 2 is the oldest
        cache.get(key)
    assert list(cache.entries) == [1, 3]
    cache.get(2)
    assert cache.db.reads == 4, "2 was evicted, so reading it again is a miss"


def test_no_cache_means_every_request_reaches_the_database() -> None:
    workload = snippet.skewed_workload(requests=2_000)
    cache = snippet.replay(workload, capacity=0)
    assert cache.db.reads == 2_000 and cache.hits == 0
    assert cache.hit_ratio() == 0.0


@pytest.mark.parametrize("make", [snippet.skewed_workload, snippet.uniform_workload])
def test_every_request_is_a_hit_or_a_database_read(make: Callable[[], list[int]]) -> None:
    workload = make()
    for capacity in snippet.CACHE_SIZES:
        cache = snippet.replay(workload, capacity)
        assert cache.hits + cache.misses == len(workload) == snippet.REQUESTS
        assert cache.db.reads == cache.misses
        assert cache.db.busy_ms == pytest.approx(cache.misses * snippet.DB_READ_MS)


def test_the_seeded_workload_is_the_same_every_time() -> None:
    assert snippet.skewed_workload(requests=500) == snippet.skewed_workload(requests=500)
    assert snippet.skewed_workload(requests=500) != snippet.skewed_workload(requests=500, seed=1)


def test_skewed_traffic_favours_the_lowest_ranks() -> None:
    counts = Counter(snippet.skewed_workload())
    top = [key for key, _ in counts.most_common(3)]
    assert top[0] == 0, "rank 1 (key 0) should be the most requested key"
    # With weights 1/r, the 100 most popular of 10,000 keys get about 53% of requests.
    share = sum(counts[k] for k in range(100)) / snippet.REQUESTS
    assert 0.48 < share < 0.58


def test_a_cache_of_one_percent_of_keys_absorbs_much_of_skewed_traffic() -> None:
    skewed = snippet.replay(snippet.skewed_workload(), capacity=100).hit_ratio()
    uniform = snippet.replay(snippet.uniform_workload(), capacity=100).hit_ratio()
    assert skewed > 0.3, f"skewed traffic hit only {skewed:.1%}"
    assert uniform < 0.02, f"uniform traffic hit {uniform:.1%}: about 1% expected"
    assert skewed > 20 * uniform


def test_a_bigger_cache_never_does_worse_on_the_same_traffic() -> None:
    workload = snippet.skewed_workload()
    ratios = [snippet.replay(workload, c).hit_ratio() for c in snippet.CACHE_SIZES]
    assert ratios == sorted(ratios) and ratios[0] == 0.0


def test_less_skew_means_fewer_hits_for_the_same_cache() -> None:
    ratios = [
        snippet.replay(snippet.skewed_workload(requests=20_000, exponent=s), 100).hit_ratio()
        for s in (0.6, 0.8, 1.0)
    ]
    assert ratios == sorted(ratios), ratios
    assert ratios[-1] > 3 * ratios[0], ratios
