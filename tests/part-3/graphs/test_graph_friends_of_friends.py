"""What graph_friends_of_friends.py teaches: the article's directed pattern
returns a direct friend and misses Dave; the fixed query and BFS agree."""

import random

from conftest import load_snippet

snippet = load_snippet("part-3/graphs/graph_friends_of_friends.py")


def test_the_articles_pattern_returns_carol_and_eve() -> None:
    assert snippet.query(snippet.ARTICLE, "Alice") == ["Carol", "Eve"]


def test_the_fixed_query_returns_dave_and_eve_and_no_direct_friend() -> None:
    result = snippet.query(snippet.FIXED, "Alice")
    assert result == ["Dave", "Eve"]
    direct = {b for a, b in snippet.FRIEND if a == "Alice"}
    direct |= {a for a, b in snippet.FRIEND if b == "Alice"}
    assert not direct & set(result) and "Alice" not in result


def test_sql_and_bfs_agree_for_everyone() -> None:
    people = {p for edge in snippet.FRIEND for p in edge}
    for user in people:
        assert snippet.query(snippet.FIXED, user) == snippet.friends_of_friends(
            snippet.FRIEND, user
        )


def test_sql_and_bfs_agree_on_random_graphs() -> None:
    for seed in range(5):
        rng = random.Random(seed)
        names = [f"p{i}" for i in range(15)]
        edges = [(a, b) for a, b in (rng.sample(names, 2) for _ in range(20))]
        for user in names[:5]:
            by_sql = snippet.query(snippet.FIXED, user, edges)
            assert by_sql == snippet.friends_of_friends(edges, user)
