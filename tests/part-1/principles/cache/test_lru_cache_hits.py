"""What lru_cache_hits.py teaches: hits skip the work, misses do it, the
least recently used entry is evicted, and cache_info() counts it all."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/principles/cache/lru_cache_hits.py")


@pytest.fixture(autouse=True)
def empty_cache():
    snippet.price_in_cents.cache_clear()
    snippet.lookups = 0
    yield
    snippet.price_in_cents.cache_clear()


def test_a_hit_does_not_run_the_function() -> None:
    assert snippet.price_in_cents(4) == 2000
    assert snippet.price_in_cents(4) == 2000
    assert snippet.lookups == 1
    info = snippet.price_in_cents.cache_info()
    assert (info.hits, info.misses) == (1, 1)


def test_the_least_recently_used_entry_is_evicted() -> None:
    for product_id in (1, 2, 1, 3):  # 1 was used after 2: 2 goes
        snippet.price_in_cents(product_id)
    before = snippet.lookups
    snippet.price_in_cents(1)
    assert snippet.lookups == before  # still cached
    snippet.price_in_cents(2)
    assert snippet.lookups == before + 1  # evicted, so looked up again


def test_demo_counts_two_hits_and_five_misses(capsys) -> None:
    snippet.main()
    out = capsys.readouterr().out
    assert "CacheInfo(hits=2, misses=5, maxsize=2, currsize=2)" in out
    assert "hit rate 29%, real lookups 5" in out
    assert out.count("(hit)") == 2 and out.count("(miss)") == 5


def test_cache_clear_forgets_everything() -> None:
    snippet.price_in_cents(1)
    snippet.price_in_cents.cache_clear()
    snippet.price_in_cents(1)
    assert snippet.lookups == 2
