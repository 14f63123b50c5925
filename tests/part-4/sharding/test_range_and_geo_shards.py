"""What range_and_geo_shards.py teaches: range sharding keeps scans on one
shard and piles increasing keys on the last one; hashing spreads them and
scatters scans; the fixed geographic lookup normalises names and refuses
unknown regions, where the article's defaults silently."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/sharding/range_and_geo_shards.py")
SPLITS = ["order-02500", "order-05000", "order-07500"]


def test_range_boundaries() -> None:
    assert snippet.range_shard("order-00000", SPLITS) == 0
    assert snippet.range_shard("order-02499", SPLITS) == 0
    assert snippet.range_shard("order-02500", SPLITS) == 1
    assert snippet.range_shard("order-99999", SPLITS) == 3


def test_increasing_keys_all_hit_the_last_range_but_spread_by_hash() -> None:
    new = [f"order-{i:05}" for i in range(10_000, 11_000)]
    assert {snippet.range_shard(k, SPLITS) for k in new} == {3}
    by_hash = [sum(snippet.hash_shard(k, 4) == s for k in new) for s in range(4)]
    assert min(by_hash) > 200


def test_a_range_scan_touches_one_range_shard_but_every_hash_shard() -> None:
    keys = [f"order-{i:05}" for i in range(3000, 3200)]
    assert len({snippet.range_shard(k, SPLITS) for k in keys}) == 1
    assert len({snippet.hash_shard(k, 4) for k in keys}) == 4


def test_the_article_sends_variants_and_unknowns_to_the_default() -> None:
    for region in ("Europe", " europe", "eu-central", "US_East"):
        assert snippet.article_geo_shard(region) == "shard_default"


def test_the_fixed_lookup_normalises_and_refuses_unknowns() -> None:
    for region in ("europe", "Europe", " EUROPE "):
        assert snippet.geo_shard(region) == "shard_europe"
    assert snippet.geo_shard("US_East") == "shard_us_east"
    with pytest.raises(ValueError, match="eu-central"):
        snippet.geo_shard("eu-central")
