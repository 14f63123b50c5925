"""What dns_resolver_cache.py teaches: a cold lookup walks root, TLD and
authoritative servers; cached referrals and answers shorten later lookups
until their TTLs run out; NXDOMAIN is cached for the negative TTL."""

from conftest import load_snippet

snippet = load_snippet("part-2/nat-and-dns/dns_resolver_cache.py")


def test_a_cold_lookup_asks_three_servers_in_order() -> None:
    reply, asked = snippet.Resolver().resolve("api.example.test", 0)
    assert reply.data == "192.0.2.10"
    assert asked == [".", "test", "example.test"]


def test_the_cached_referral_skips_root_and_tld() -> None:
    resolver = snippet.Resolver()
    resolver.resolve("api.example.test", 0)
    assert resolver.resolve("www.example.test", 10)[1] == ["example.test"]


def test_an_answer_is_served_from_cache_until_its_ttl_ends() -> None:
    resolver = snippet.Resolver()
    resolver.resolve("api.example.test", 0)
    assert resolver.resolve("api.example.test", 299.9)[1] == []
    assert resolver.resolve("api.example.test", 300)[1] == ["example.test"]


def test_after_the_referral_ttls_end_the_walk_starts_at_the_root_again() -> None:
    resolver = snippet.Resolver()
    resolver.resolve("api.example.test", 0)
    assert resolver.resolve("api.example.test", 200_000)[1] == [".", "test", "example.test"]


def test_nxdomain_is_cached_for_the_negative_ttl() -> None:
    resolver = snippet.Resolver()
    reply, _ = resolver.resolve("nope.example.test", 0)
    assert reply.kind == "nxdomain"
    assert resolver.resolve("nope.example.test", 59)[1] == []
    assert resolver.resolve("nope.example.test", 61)[1] == ["example.test"]
