"""What reverse_proxy_headers.py teaches: the backend sees the proxy as its
peer and the client in X-Forwarded-For (appended to any earlier value), a
Via header, no hop-by-hop headers; a dead backend gives 502."""

import threading

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-2/cdns-and-proxies/reverse_proxy_headers.py")


def test_forwarded_headers_and_the_502() -> None:
    first, second, third = snippet.demo()
    assert first.startswith("200 ")
    assert "X-Forwarded-For=127.0.0.1," in first
    assert "Via=1.1 edge-proxy" in first
    assert "Connection=None" in first  # hop-by-hop: not forwarded
    assert "X-Forwarded-For=198.51.100.23, 127.0.0.1," in second
    assert third.startswith("502 ")


def test_no_thread_is_left_running() -> None:
    before = set(threading.enumerate())
    snippet.demo()
    assert not new_threads_left(before)
