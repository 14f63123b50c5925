"""What in_process_vs_http_call.py teaches: the same function gives the same
answer over HTTP, but each call costs orders of magnitude more time."""

import urllib.error

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/architecture/in_process_vs_http_call.py")


@pytest.mark.parametrize("cents", [0, 1, 5, 1000, 123_456])
def test_same_answer_in_process_and_over_http(cents: int) -> None:
    with snippet.TaxService() as base_url:
        assert snippet.call_over_http(base_url, cents) == snippet.add_tax(cents)
    assert snippet.add_tax(1000) == 1200


def test_service_binds_loopback_and_leaves_nothing_behind() -> None:
    service = snippet.TaxService()
    with service as base_url:
        host, port = service.server.server_address[:2]
        assert host == "127.0.0.1" and port != 0
        assert base_url == f"http://127.0.0.1:{port}"
        assert service.thread.is_alive()
    assert not service.thread.is_alive(), "server thread still running"
    assert service.server.socket.fileno() == -1, "listening socket not closed"
    # Nothing listens any more, so the next caller is refused.
    with pytest.raises(urllib.error.URLError) as caught:
        snippet.call_over_http(base_url, 1)
    assert isinstance(caught.value.reason, ConnectionRefusedError)


def test_medians_are_per_call_and_positive() -> None:
    with snippet.TaxService() as base_url:
        remote = snippet.median_over_http(base_url, calls=5)
    local = snippet.median_in_process(batches=3, size=100)
    assert 0 < local < 1e-3  # well under a millisecond per plain call
    assert 0 < remote < snippet.TIMEOUT


@pytest.mark.timing
def test_http_call_costs_far_more_than_a_function_call() -> None:
    def ratio() -> float:
        with snippet.TaxService() as base_url:
            remote = snippet.median_over_http(base_url, calls=30)
        local = snippet.median_in_process(batches=20, size=1000)
        return remote / local

    # Best of three. Typically thousands of times; 10x is a very wide margin
    # that even a loaded machine clears (load slows the HTTP path most).
    best = max(ratio() for _ in range(3))
    assert best > 10, f"HTTP on loopback was only {best:.1f}x an in-process call"
