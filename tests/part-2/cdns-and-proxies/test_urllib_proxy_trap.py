"""What urllib_proxy_trap.py teaches: with http_proxy set, urllib sends a
request for 127.0.0.1 to the proxy (the control), in forward-proxy form
with the full URL; an opener with an empty ProxyHandler goes direct."""

import os

from conftest import load_snippet

snippet = load_snippet("part-2/cdns-and-proxies/urllib_proxy_trap.py")


def test_without_the_fix_the_proxy_answers_and_with_it_the_origin() -> None:
    lines = snippet.demo()
    assert lines[0] == "ignore proxy variables=False: the proxy answered"
    assert lines[1] == "ignore proxy variables=True: the origin answered"


def test_the_forward_proxy_receives_the_absolute_url() -> None:
    lines = snippet.demo()
    assert lines[2:] == ["proxy's request line: GET http://127.0.0.1:PORT/page HTTP/1.1"]


def test_the_environment_is_put_back() -> None:
    before = {k: os.environ.get(k) for k in ("http_proxy", "HTTP_PROXY", "no_proxy")}
    snippet.demo()
    assert {k: os.environ.get(k) for k in before} == before


def test_no_proxy_listing_127_0_0_1_is_the_other_fix() -> None:
    with (
        snippet.serving(snippet.Origin) as origin,
        snippet.serving(snippet.Proxy) as proxy,
        snippet.environment(http_proxy=f"http://127.0.0.1:{proxy}", no_proxy="127.0.0.1"),
    ):
        url = f"http://127.0.0.1:{origin}/"
        assert snippet.fetch(url, ignore_proxy_variables=False) == "the origin answered"
