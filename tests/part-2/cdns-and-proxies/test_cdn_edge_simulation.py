"""What cdn_edge_simulation.py teaches: a longer TTL raises the hit ratio and
the staleness; a cache key with a tracking parameter in it wastes the cache;
a purge on change removes the staleness without costing hits."""

from typing import Any

from conftest import load_snippet

snippet = load_snippet("part-2/cdns-and-proxies/cdn_edge_simulation.py")
REQUESTS = snippet.workload()


def run(ttl: float, key: Any = None, purge: bool = False) -> Any:
    return snippet.run(ttl, key or snippet.clean_key, purge, REQUESTS)


def test_no_ttl_sends_everything_to_the_origin() -> None:
    edge = run(0.0)
    assert edge.hits == 0 and edge.misses == snippet.REQUESTS


def test_a_longer_ttl_means_more_hits_and_more_stale_answers() -> None:
    short, long = run(10.0), run(60.0)
    assert short.hits < long.hits
    assert 0 < short.stale < long.stale


def test_zipf_popularity_gives_a_high_hit_ratio() -> None:
    assert run(60.0).hits / snippet.REQUESTS > 0.8


def test_a_raw_url_key_loses_hits_to_the_tracking_parameter() -> None:
    assert run(60.0, snippet.raw_key).hits < run(60.0).hits - 3000


def test_purging_on_change_serves_no_stale_copy() -> None:
    assert run(60.0).stale > 0  # the control: without the purge, stale copies
    assert run(60.0, purge=True).stale == 0


def test_the_clean_key_keeps_parameters_that_matter() -> None:
    assert snippet.clean_key("/a.png?utm_source=x") == "/a.png"
    assert snippet.clean_key("/a.png?w=200&utm_source=x") == "/a.png?w=200"


def test_the_workload_is_the_same_for_the_same_seed() -> None:
    assert snippet.workload(7) == REQUESTS
    assert snippet.workload(8) != REQUESTS
