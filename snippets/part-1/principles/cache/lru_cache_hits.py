"""functools.lru_cache: memoise a slow function, and count what it saves.

A hit returns the stored result without running the function; a miss
runs it and stores the result, evicting the least recently used entry
when the cache is full. cache_info() reports hits and misses: measure
the hit rate before believing a cache helps.
"""
# output: exact

from functools import lru_cache

lookups = 0  # how many times the real, slow work ran


@lru_cache(maxsize=2)  # tiny on purpose, to show eviction
def price_in_cents(product_id: int) -> int:
    """Stands in for a slow lookup (a database query, an API call)."""
    global lookups
    lookups += 1
    return 1000 + 250 * product_id


def main() -> None:
    # With room for 2: asking for 3 evicts 2 (least recently used),
    # then 2 evicts 1, then 1 evicts 3.
    for product_id in (1, 1, 2, 1, 3, 2, 1):
        before = price_in_cents.cache_info().hits
        price = price_in_cents(product_id)
        how = "hit" if price_in_cents.cache_info().hits > before else "miss"
        print(f"product {product_id}: {price} cents ({how})")
    info = price_in_cents.cache_info()
    print(info)
    print(
        f"hit rate {info.hits / (info.hits + info.misses):.0%}, "
        f"real lookups {lookups}"
    )
    # The cache cannot know when a price changes in the database. Its only
    # invalidation is to throw everything away.
    price_in_cents.cache_clear()
    print("after cache_clear():", price_in_cents.cache_info())


if __name__ == "__main__":
    main()
