"""What tcp_request_response.py teaches: a server on 127.0.0.1, port 0,
answers each request line on one connection, and nothing is left behind."""

import socket
import threading

import pytest

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-2/client-server/tcp_request_response.py")


def test_two_requests_on_one_connection_get_two_answers(
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = set(threading.enumerate())
    snippet.main()
    out = capsys.readouterr().out
    assert "got b'hello, ada\\n'" in out
    assert "got b'hello, linus\\n'" in out
    assert "server thread finished: True" in out
    assert not new_threads_left(before)


def test_the_server_answers_any_client_until_it_closes() -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(2)
        server = threading.Thread(target=snippet.serve_one_client, args=(listener,))
        server.start()
        with socket.create_connection(listener.getsockname(), 2) as sock:
            sock.sendall(b"a\nb\n")  # two requests in one write
            data = b""
            while data.count(b"\n") < 2:
                data += sock.recv(1024)
        server.join(2)
        assert not server.is_alive()
    assert data == b"hello, a\nhello, b\n"
