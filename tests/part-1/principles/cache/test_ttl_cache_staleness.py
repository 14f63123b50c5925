"""What ttl_cache_staleness.py teaches: after the source changes, reads return
the old value until the TTL expires, unless the writer invalidates."""

from conftest import load_snippet

snippet = load_snippet("part-1/principles/cache/ttl_cache_staleness.py")


def make(ttl: float = 30.0):
    source = {"k": "old"}
    loads: list[str] = []

    def load(key: str) -> str:
        loads.append(key)
        return source[key]

    clock = snippet.FakeClock()
    return source, loads, clock, snippet.TTLCache(load, ttl, clock)


def test_stale_until_the_ttl_expires() -> None:
    source, loads, clock, cache = make(ttl=30.0)
    assert cache.get("k") == ("old", "miss")
    source["k"] = "new"
    for clock.now in (1.0, 15.0, 29.999):
        assert cache.get("k") == ("old", "hit")  # stale, served anyway
    clock.now = 30.0
    assert cache.get("k") == ("new", "miss")
    assert len(loads) == 2


def test_invalidation_ends_staleness_at_once() -> None:
    source, loads, clock, cache = make(ttl=30.0)
    cache.get("k")
    source["k"] = "new"
    cache.invalidate("k")
    clock.now = 1.0
    assert cache.get("k") == ("new", "miss")


def test_hits_do_not_touch_the_source() -> None:
    _, loads, clock, cache = make(ttl=30.0)
    for clock.now in (0.0, 1.0, 2.0, 3.0):
        cache.get("k")
    assert loads == ["k"]


def test_demo_shows_two_stale_reads(capsys) -> None:
    snippet.main()
    lines = capsys.readouterr().out.splitlines()
    stale = [line for line in lines if line.endswith("<- stale")]
    assert len(stale) == 2 and all("'hello'" in line for line in stale)
    assert "'bonjour' (miss)" in lines[4]
    assert "'hola'" in lines[-1] and "stale" not in lines[-1]
