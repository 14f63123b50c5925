"""What http_request_by_hand.py teaches: the article's request, as
written, gets no answer; with CRLF and the empty line it gets one."""

import threading
import time
from collections.abc import Iterator

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/http-and-https/http_request_by_hand.py")


@pytest.fixture
def port() -> Iterator[int]:
    server = snippet.ThreadingHTTPServer(("127.0.0.1", 0), snippet.Users)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(2)
    assert not thread.is_alive()


def test_the_request_as_written_gets_no_reply_until_the_handler_timeout(port: int) -> None:
    start = time.monotonic()
    assert snippet.exchange(port, snippet.AS_WRITTEN) == b""
    elapsed = time.monotonic() - start
    assert snippet.Users.timeout <= elapsed < snippet.Users.timeout + 1.5


def test_only_the_empty_line_was_missing(port: int) -> None:
    # The control: the same LF-only request with the empty line added works
    # (http.server accepts bare LF), so the missing line is the bug.
    response = snippet.exchange(port, snippet.AS_WRITTEN + "\n")
    assert response.startswith(b"HTTP/1.0 200 OK\r\n")


def test_the_fixed_request_gets_200_and_a_correct_length(port: int) -> None:
    response = snippet.exchange(port, snippet.fixed("/api/users"))
    head, _, body = response.partition(b"\r\n\r\n")
    lines = head.decode().split("\r\n")
    assert lines[0] == "HTTP/1.0 200 OK"  # http.server's default protocol_version
    headers = dict(line.split(": ", 1) for line in lines[1:])
    assert int(headers["Content-Length"]) == len(body)
    assert headers["Server"] == "demo/1" and "Date" in headers
    assert body == b'{"users": [{"id": 1, "name": "ada"}]}'


@pytest.mark.parametrize(
    ("path", "token", "status"),
    [("/api/nothing", "token123", b"404 Not Found"), ("/", "wrong", b"401 Unauthorized")],
)
def test_status_codes(port: int, path: str, token: str, status: bytes) -> None:
    first = snippet.exchange(port, snippet.fixed(path, token)).split(b"\r\n")[0]
    assert first == b"HTTP/1.0 " + status
