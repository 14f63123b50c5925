"""A real TCP server and a client, on this machine only.

The server listens on 127.0.0.1, port 0 (the OS picks a free port), and
answers each request line with one response line. The client connects,
sends two requests on the same connection, and reads the two answers.
"""
# output: exact

import socket
import threading

TIMEOUT = 2.0  # seconds: every socket gets one, so nothing can hang


# --8<-- [start:idea]
def serve_one_client(listener: socket.socket) -> None:
    """The server's side: accept one connection, answer each line."""
    conn, _ = listener.accept()
    with conn, conn.makefile("rwb") as stream:
        conn.settimeout(TIMEOUT)
        for line in stream:  # one request per line, until the client closes
            name = line.decode().strip()
            stream.write(f"hello, {name}\n".encode())
            stream.flush()


def main() -> None:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(TIMEOUT)
        port = listener.getsockname()[1]
        server = threading.Thread(target=serve_one_client, args=(listener,))
        server.start()
        # The client's side: connect, send requests, read responses.
        with socket.create_connection(("127.0.0.1", port), TIMEOUT) as sock:
            stream = sock.makefile("rwb")
            for name in ("ada", "linus"):
                stream.write(f"{name}\n".encode())
                stream.flush()
                print(f"client sent {name!r}, got {stream.readline()!r}")
            stream.close()
        server.join(TIMEOUT)
    print(f"server thread finished: {not server.is_alive()}")
    # --8<-- [end:idea]


if __name__ == "__main__":
    main()
