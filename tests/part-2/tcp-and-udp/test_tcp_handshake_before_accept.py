"""What tcp_handshake_before_accept.py teaches: connections complete
before accept(); a recv with nobody answering ends at its timeout."""

import socket
import time

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/tcp-and-udp/tcp_handshake_before_accept.py")


def test_connect_completes_with_no_accept() -> None:
    with socket.create_server(("127.0.0.1", 0), backlog=4) as listener:
        listener.settimeout(2)
        with socket.create_connection(listener.getsockname(), 2) as client:
            # Connected: the peer address is known before any accept().
            assert client.getpeername() == listener.getsockname()
            conn, _ = listener.accept()
            conn.close()


def test_the_unanswered_recv_ends_at_its_timeout(capsys: pytest.CaptureFixture[str]) -> None:
    start = time.monotonic()
    snippet.main()
    elapsed = time.monotonic() - start
    out = capsys.readouterr().out
    assert "2 connections established, none accepted" in out
    assert "no answer: recv timed out" in out
    assert "b'anyone there?\\n'" in out
    assert "same connection seen from both ends: True" in out
    assert "after the server closed, recv returns b''" in out  # the FIN
    assert snippet.READ_TIMEOUT <= elapsed < snippet.READ_TIMEOUT + 1.5
