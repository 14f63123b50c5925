"""What tcp_stream_boundaries.py teaches: under the same forcing (every
byte arrived before the first read), one recv glues two messages into
one, and length-prefixed framing gives them back one by one."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-2/tcp-and-udp/tcp_stream_boundaries.py")

MESSAGES = [[b"hello", b"world"], [b"a", b"bb", b"ccc"], [b"x" * 1000, b"", b"y"]]


@pytest.mark.parametrize("messages", MESSAGES)
def test_the_naive_receiver_sees_one_message(messages: list[bytes]) -> None:
    # The control: the boundaries are gone.
    assert snippet.naive(messages) == [b"".join(messages)]


@pytest.mark.parametrize("messages", MESSAGES)
def test_framing_restores_every_message(messages: list[bytes]) -> None:
    # The fix, under the same forcing.
    assert snippet.framed(messages) == messages


def test_recv_may_return_part_of_one_send() -> None:
    client, server = snippet.connected_pair()
    with client, server:
        client.sendall(b"0123456789")
        snippet.wait_until_buffered(server, 10)
        assert server.recv(4) == b"0123"
        assert snippet.recv_exactly(server, 6) == b"456789"


def test_recv_exactly_raises_when_the_peer_closes_mid_message() -> None:
    client, server = snippet.connected_pair()
    with server:
        client.sendall(b"abc")
        client.close()
        with pytest.raises(ConnectionError):
            snippet.recv_exactly(server, 10)
