"""What article_ring_duplicate_node.py teaches: the article's ring breaks
when a node is added twice and removed once; the fixed ring does not."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/hashing/article_ring_duplicate_node.py")


def test_the_article_ring_keeps_orphan_points() -> None:
    ring = snippet.ArticleRing()
    for node in ("a", "b", "c", "a"):
        ring.add_node(node)
    assert len(ring.sorted_keys) == 4 * 150 and len(ring.ring) == 3 * 150
    ring.remove_node("a")
    assert len(ring.sorted_keys) == 3 * 150 and len(ring.ring) == 2 * 150
    with pytest.raises(KeyError):
        for n in range(10_000):
            ring.get_node(f"key{n}")


def test_the_article_ring_fails_lookups_and_the_fixed_one_does_not() -> None:
    article = snippet.add_twice_remove_once(snippet.ArticleRing())
    fixed = snippet.add_twice_remove_once(snippet.HashRing())
    assert article.startswith("3033 KeyErrors")  # about a third: a's share
    assert fixed == "0 KeyErrors, 0 keys sent to the removed a"


def test_removing_an_unknown_node() -> None:
    assert snippet.remove_unknown(snippet.ArticleRing()).startswith("KeyError")
    assert snippet.remove_unknown(snippet.HashRing()) == ("ValueError: 'z' is not on the ring")


def test_adding_twice_is_adding_once() -> None:
    once, twice = snippet.HashRing(["a", "b"]), snippet.HashRing(["a", "b", "a"])
    assert once._ring == twice._ring
    keys = [f"k{n}" for n in range(1_000)]
    assert [once.get_node(k) for k in keys] == [twice.get_node(k) for k in keys]
