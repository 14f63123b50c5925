"""What slowloris_bounded_server.py teaches: a worker cap answers excess
connections with 503 at once, and an idle timeout frees the workers that
slow clients hold, so an ordinary request still gets through."""

import http.server
import socket
import threading

import pytest

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-2/rate-limiting/slowloris_bounded_server.py")


def test_two_slow_clients_are_cut_off_and_three_refused() -> None:
    before = set(threading.enumerate())
    assert snippet.attack() == [
        "slow client 1: disconnected by the server, no reply",
        "slow client 2: disconnected by the server, no reply",
        "slow client 3: HTTP/1.1 503 Service Unavailable",
        "slow client 4: HTTP/1.1 503 Service Unavailable",
        "slow client 5: HTTP/1.1 503 Service Unavailable",
        "then a normal client: 200 OK",
    ]
    assert not new_threads_left(before)


class NoTimeout(snippet.Handler):  # type: ignore[name-defined]
    timeout = None  # http.server's default


def test_control_without_the_timeout_a_slow_client_holds_its_worker() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NoTimeout)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    try:
        sock = snippet.slow_client(("127.0.0.1", server.server_port))
        sock.settimeout(2 * snippet.IDLE_TIMEOUT)
        with sock, pytest.raises(TimeoutError):
            sock.recv(1)  # the server neither answers nor hangs up
    finally:  # closing the client ended the handler: it read EOF
        server.shutdown()
        server.server_close()
        thread.join(5)
    assert not thread.is_alive()


def test_the_refusal_needs_no_thread() -> None:
    server = snippet.BoundedServer()
    for _ in range(snippet.WORKERS):
        assert server.slots.acquire(blocking=False)
    a, b = socket.socketpair()
    with a, b:
        b.settimeout(5)
        server.process_request(a, ("127.0.0.1", 0))
        assert b.recv(100).startswith(b"HTTP/1.1 503 ")
    server.server_close()
