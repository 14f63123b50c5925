"""What server_is_a_role.py teaches: the quotes service answers as a
server while it acts as a client of the prices service."""

import socket
import threading

import pytest

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-2/client-server/server_is_a_role.py")


def test_quotes_come_from_the_prices_service(capsys: pytest.CaptureFixture[str]) -> None:
    before = set(threading.enumerate())
    snippet.main()
    out = capsys.readouterr().out
    assert "browser got: tea: 2.50 EUR" in out
    assert "browser got: cake: 4.00 EUR" in out
    assert "threads left running: 0" in out
    assert not new_threads_left(before)


def test_the_quotes_server_really_calls_the_prices_server() -> None:
    asked: list[str] = []

    def prices(product: str) -> str:
        asked.append(product)
        return "123"

    with (
        socket.create_server(("127.0.0.1", 0)) as p,
        socket.create_server(("127.0.0.1", 0)) as q,
    ):
        for listener in (p, q):
            listener.settimeout(2)
        pport, qport = p.getsockname()[1], q.getsockname()[1]
        threads = [
            threading.Thread(target=snippet.serve, args=(p, prices)),
            threading.Thread(target=snippet.serve, args=(q, snippet.make_quotes(pport))),
        ]
        for t in threads:
            t.start()
        assert snippet.ask(qport, "jam") == "jam: 1.23 EUR, valid 10 minutes"
        snippet.ask(qport, "")
        snippet.ask(pport, "")
        for t in threads:
            t.join(2)
    assert asked == ["jam"]
    assert not any(t.is_alive() for t in threads)
