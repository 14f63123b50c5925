"""What content_length_mismatch.py teaches: a Content-Length larger than
the body gives an error (server closes) or a wait until the timeout
(server keeps the connection); the counted length parses."""

import time

from conftest import load_snippet

snippet = load_snippet("part-2/http-and-https/content_length_mismatch.py")


def test_the_article_body_is_16_bytes_and_not_json() -> None:
    import json

    import pytest

    assert len(snippet.ARTICLE_BODY) == 16
    with pytest.raises(json.JSONDecodeError):
        json.loads(snippet.ARTICLE_BODY)


def test_server_closes_gives_incomplete_read() -> None:
    result = snippet.fetch(snippet.ARTICLE, close=True)
    assert result == "IncompleteRead: IncompleteRead(16 bytes read, 1218 more expected)"


def test_server_keeps_the_connection_gives_a_timeout() -> None:
    start = time.monotonic()
    result = snippet.fetch(snippet.ARTICLE, close=False)
    elapsed = time.monotonic() - start
    assert result.startswith("TimeoutError")
    assert snippet.CLIENT_TIMEOUT <= elapsed < snippet.CLIENT_TIMEOUT + 1.5


def test_the_fixed_response_parses_and_has_a_date() -> None:
    response = snippet.fixed_response()
    head, _, body = response.partition(b"\r\n\r\n")
    assert f"Content-Length: {len(body)}".encode() in head
    assert b"\r\nDate: " in head
    assert snippet.fetch(response, close=False).startswith("parsed {'users'")
    assert snippet.fetch(response, close=True).startswith("parsed {'users'")
