"""What tls_loopback_handshake.py teaches: TLS 1.3 with a verified
certificate on loopback, and a handshake that costs more than a connect."""

import ssl
import statistics
import threading

import pytest

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-2/http-and-https/tls_loopback_handshake.py")


def test_the_embedded_certificate_is_for_loopback_and_never_expires() -> None:
    server = snippet.Listener(snippet.server_context(), 1)
    try:
        raw = snippet.socket.create_connection(("127.0.0.1", server.port), 2)
        context = snippet.client_context()
        with context.wrap_socket(raw, server_hostname="localhost") as tls:
            cert = tls.getpeercert()
            tls.recv(64)
            tls.sendall(b"bye")
    finally:
        server.close()
    assert cert
    assert ("DNS", "localhost") in cert["subjectAltName"]
    assert ("IP Address", "127.0.0.1") in cert["subjectAltName"]
    assert cert["notAfter"] == "Dec 31 23:59:59 9999 GMT"


def test_a_verified_tls13_connection(capsys: pytest.CaptureFixture[str]) -> None:
    before = set(threading.enumerate())
    server = snippet.Listener(snippet.server_context(), 1)
    try:
        snippet.talk(server.port, snippet.client_context())
    finally:
        server.close()
    out = capsys.readouterr().out
    assert "version:      TLSv1.3" in out
    assert "received:     b'hello over TLS'" in out
    assert not new_threads_left(before)


def test_the_client_context_verifies() -> None:
    context = snippet.client_context()
    assert context.verify_mode == ssl.CERT_REQUIRED and context.check_hostname


def test_first_byte_times_are_one_per_connection() -> None:
    assert len(snippet.first_byte_seconds(False, 5)) == 5
    assert len(snippet.first_byte_seconds(True, 3)) == 3


@pytest.mark.timing
def test_a_tls_handshake_costs_more_than_a_tcp_connect() -> None:
    """Typically 15 to 20x on loopback; 2x leaves room. Best of three."""
    ratios = [
        statistics.median(snippet.first_byte_seconds(True, 12)[2:])
        / statistics.median(snippet.first_byte_seconds(False, 22)[2:])
        for _ in range(3)
    ]
    assert max(ratios) > 2, ratios
