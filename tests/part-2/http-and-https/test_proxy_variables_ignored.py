"""A proxy set in the environment must not break a loopback example.

Each HTTP snippet of Part 2 runs as a reader runs it, with
every proxy variable pointing at a port where nothing listens (9, the
discard port), and must print what its page shows. A client that honoured
the variables (urllib's default opener does, even for 127.0.0.1) would
fail to connect.
"""

import pytest

import snippet_harness as harness

PROXY = "http://127.0.0.1:9"
SNIPPETS = [
    "part-2/client-server/tcp_request_response.py",
    "part-2/client-server/server_is_a_role.py",
    "part-2/http-and-https/http_request_by_hand.py",
    "part-2/http-and-https/content_length_mismatch.py",
    "part-2/http-and-https/http_keep_alive_vs_new.py",
    "part-2/http-and-https/tls_loopback_handshake.py",
    "part-2/http-and-https/tls_verification_failures.py",
    "part-2/cdns-and-proxies/reverse_proxy_headers.py",
    "part-2/cdns-and-proxies/urllib_proxy_trap.py",
    "part-2/polling-and-streaming/polling_vs_streaming.py",
]


@pytest.mark.parametrize("rel", SNIPPETS)
def test_snippet_works_with_proxy_variables_set(rel: str, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("http_proxy", "https_proxy", "all_proxy"):
        monkeypatch.setenv(name, PROXY)
        monkeypatch.setenv(name.upper(), PROXY)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    snippet = harness.load(harness.SNIPPETS / rel)
    result = harness.run(snippet)
    harness.compare(snippet, result.stdout)


def test_urllib_default_opener_would_use_the_proxy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Why the variables matter: urllib routes 127.0.0.1 through them."""
    import urllib.request

    monkeypatch.setenv("http_proxy", PROXY)
    monkeypatch.delenv("no_proxy", raising=False)
    monkeypatch.delenv("NO_PROXY", raising=False)
    assert urllib.request.getproxies().get("http") == PROXY
    handler = urllib.request.ProxyHandler()
    assert handler.proxies.get("http") == PROXY  # type: ignore[attr-defined]
