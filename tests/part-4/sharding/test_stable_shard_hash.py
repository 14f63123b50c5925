"""What stable_shard_hash.py teaches: hash(str) % n places the same id on
different shards in two processes (about 3 in 4 with 4 shards); a hash of
the key's bytes agrees everywhere; integer ids hide the bug."""

import hashlib

import pytest

from conftest import load_snippet

snippet = load_snippet("part-4/sharding/stable_shard_hash.py")


Placed = dict[str, list[str]]


@pytest.fixture(scope="module")
def two_servers() -> tuple[Placed, Placed]:
    return snippet.place_in_new_process("1"), snippet.place_in_new_process("2")


def agree(placed: tuple[Placed, Placed], scheme: str) -> bool:
    one, two = placed
    return snippet.disagreements(one[scheme], two[scheme]) == 0


def test_stable_placement_is_the_same_in_two_processes(two_servers: tuple[Placed, Placed]) -> None:
    assert agree(two_servers, "stable")


def test_the_articles_placement_is_not(two_servers: tuple[Placed, Placed]) -> None:
    """The control: the same check fails on the article's hash(user_id)."""
    assert not agree(two_servers, "article")
    one, two = two_servers
    share = snippet.disagreements(one["article"], two["article"]) / 10_000
    assert 0.70 < share < 0.80  # close to 1 - 1/4: the shard is a coin toss


def test_integer_ids_hide_the_bug() -> None:
    one = snippet.place_in_new_process("1", ints=True)
    two = snippet.place_in_new_process("2", ints=True)
    assert one["article"] == two["article"]
    assert all(hash(n) == n for n in range(1000))


def test_stable_shards_match_this_process_and_spread_evenly() -> None:
    placed = snippet.place_in_new_process("3")
    assert placed["stable"] == [snippet.stable_shard(i) for i in snippet.IDS]
    counts = [placed["stable"].count(f"shard_{s}") for s in range(4)]
    assert max(counts) / min(counts) < 1.1
    digest = hashlib.blake2b(b"user-7", digest_size=8).digest()
    assert snippet.stable_shard("user-7") == (f"shard_{int.from_bytes(digest, 'big') % 4}")
