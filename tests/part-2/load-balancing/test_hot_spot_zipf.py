"""What hot_spot_zipf.py teaches: an even hash cannot even out skewed
popularity; splitting the hot key does."""

import random

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/load-balancing/hot_spot_zipf.py")


@pytest.fixture(scope="module")
def zipf() -> list[str]:
    return snippet.zipf_requests(random.Random(snippet.SEED))


def test_the_top_key_alone_gets_a_tenth_of_the_traffic(zipf: list[str]) -> None:
    share = zipf.count("key:0") / len(zipf)
    assert share == pytest.approx(0.103, abs=0.003)  # 1 / H(10000) = 0.102


def test_zipf_overloads_one_shard_and_uniform_does_not(zipf: list[str]) -> None:
    fair = 1 / snippet.SHARDS
    rng = random.Random(1)
    uniform = [f"key:{rng.randrange(snippet.KEYS)}" for _ in range(50_000)]
    assert snippet.hottest_shard_share(uniform) < 1.1 * fair
    assert snippet.hottest_shard_share(zipf) > 1.4 * fair


def test_splitting_the_hot_key_cools_the_hottest_shard(zipf: list[str]) -> None:
    split = snippet.split_hot_key(zipf, random.Random(2))
    assert "key:0" not in split
    assert snippet.hottest_shard_share(split) < snippet.hottest_shard_share(zipf)


def test_placement_is_stable_across_processes() -> None:
    import zlib

    assert snippet.shard_of("key:0") == zlib.crc32(b"key:0") % 8
