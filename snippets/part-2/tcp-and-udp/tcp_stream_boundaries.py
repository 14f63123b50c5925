"""TCP carries a stream of bytes, not messages.

The client sends two messages with two `sendall` calls. Once both have
arrived, one `recv` on the server returns them glued together: the
stream kept no trace of where one ended. The fix is framing: put each
message's length in front of it (4 bytes, network byte order), and
read exactly that many bytes back. Same sends, same forcing, both ways.
"""
# output: exact

import socket
import struct
import time

TIMEOUT = 2.0


def connected_pair() -> tuple[socket.socket, socket.socket]:
    """A client socket and the server's end of the same connection."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(TIMEOUT)
        client = socket.create_connection(listener.getsockname(), TIMEOUT)
        server, _ = listener.accept()
    server.settimeout(TIMEOUT)
    return client, server


def wait_until_buffered(sock: socket.socket, size: int) -> None:
    """Force the worst case: every byte sent has arrived before we read.
    (MSG_PEEK looks at the receive buffer without taking anything.)"""
    deadline = time.monotonic() + TIMEOUT
    while len(sock.recv(size, socket.MSG_PEEK)) < size:
        if time.monotonic() > deadline:
            raise TimeoutError("the bytes never arrived")


# --8<-- [start:idea]
def naive(messages: list[bytes]) -> list[bytes]:
    """One send per message, and one recv taken as one message."""
    client, server = connected_pair()
    with client, server:
        for message in messages:
            client.sendall(message)
        wait_until_buffered(server, sum(map(len, messages)))
        return [server.recv(4096)]


def recv_exactly(sock: socket.socket, size: int) -> bytes:
    data = b""
    while len(data) < size:  # recv may return fewer bytes than asked
        chunk = sock.recv(size - len(data))
        if not chunk:
            raise ConnectionError("closed in the middle of a message")
        data += chunk
    return data


def framed(messages: list[bytes]) -> list[bytes]:
    """Each message goes out as its length (4 bytes), then its bytes."""
    client, server = connected_pair()
    with client, server:
        for message in messages:
            client.sendall(struct.pack("!I", len(message)) + message)
        wait_until_buffered(server, sum(4 + len(m) for m in messages))
        received = []
        for _ in messages:
            (length,) = struct.unpack("!I", recv_exactly(server, 4))
            received.append(recv_exactly(server, length))
        return received
        # --8<-- [end:idea]


def main() -> None:
    messages = [b"hello", b"world"]
    print("sent:          ", messages)
    print("naive receiver:", naive(messages))
    print("framed:        ", framed(messages))
    client, server = connected_pair()
    with client, server:
        client.sendall(b"0123456789")  # one send ...
        wait_until_buffered(server, 10)
        parts = [server.recv(4), server.recv(4), server.recv(4)]
    print("one send, three recv(4):", parts)  # ... read in pieces


if __name__ == "__main__":
    main()
