"""What graph_shortest_path.py teaches: recursive SQL and BFS give the same
distances; BFS's parent pointers give a shortest path; SQL revisits."""

from conftest import load_snippet

snippet = load_snippet("part-3/graphs/graph_shortest_path.py")


def test_sql_and_bfs_distances_agree_over_seeds() -> None:
    for seed in range(6):
        edges = snippet.random_graph(seed)
        for start in (0, 7):
            hops, _ = snippet.bfs(edges, start)
            by_sql, _ = snippet.sql_distances(edges, start)
            assert by_sql == hops


def test_the_path_is_a_real_path_of_the_shortest_length() -> None:
    edges = snippet.random_graph(11)
    links = set(edges) | {(b, a) for a, b in edges}
    hops, parent = snippet.bfs(edges, 0)
    for goal in hops:
        path = snippet.path_to(parent, 0, goal)
        assert path[0] == 0 and path[-1] == goal
        assert len(path) - 1 == hops[goal]
        assert all(step in links for step in zip(path[:-1], path[1:], strict=True))


def test_the_recursive_query_produces_far_more_rows_than_people() -> None:
    edges = snippet.random_graph(11)
    hops, _ = snippet.bfs(edges, 0)
    _, rows = snippet.sql_distances(edges, 0)
    assert rows > 10 * len(hops)
