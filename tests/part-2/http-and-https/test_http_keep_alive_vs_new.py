"""What http_keep_alive_vs_new.py teaches: keep-alive reuses one
connection; a new connection per request costs more; http.server's
default (Nagle on) stalls every keep-alive reply."""

import statistics
from typing import Any

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/http-and-https/http_keep_alive_vs_new.py")


def connections(fetch: Any, n: int) -> int:
    with snippet.Server() as server:
        assert len(fetch(server.port, n)) == n
        count: int = server.httpd.connections
    assert not server.thread.is_alive()
    return count


def test_keep_alive_uses_one_connection() -> None:
    assert connections(snippet.keep_alive, 20) == 1


def test_new_connection_each_uses_one_per_request() -> None:
    assert connections(snippet.new_connection_each, 20) == 20


def median_of(fetch: Any, handler: Any, n: int) -> float:
    with snippet.Server(handler) as server:
        fetch(server.port, 3)
        return statistics.median(fetch(server.port, n))


@pytest.mark.timing
def test_a_new_connection_per_request_is_slower_than_keep_alive() -> None:
    """Typically 4 to 7x on loopback; 1.3x leaves room. Best of three."""
    ratios = [
        median_of(snippet.new_connection_each, snippet.Hello, 40)
        / median_of(snippet.keep_alive, snippet.Hello, 40)
        for _ in range(3)
    ]
    assert max(ratios) > 1.3, ratios


@pytest.mark.timing
def test_the_default_nagle_stalls_keep_alive_and_the_fix_removes_it() -> None:
    """The control: same client, same server, only disable_nagle_algorithm
    differs. Typically 44 ms against 0.1 ms; 10x leaves room."""
    ratios = [
        median_of(snippet.keep_alive, snippet.Nagle, 3)
        / median_of(snippet.keep_alive, snippet.Hello, 40)
        for _ in range(2)
    ]
    assert max(ratios) > 10, ratios
