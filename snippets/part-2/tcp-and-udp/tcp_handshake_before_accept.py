"""The kernel, not the program, does TCP's three-way handshake.

A server socket that listens but never calls `accept()` still completes
connections: the kernel answers each SYN with a SYN-ACK and queues the
finished connection until the program accepts it. A client then sends
a request that nobody reads; its `recv` waits for an answer that never
comes, and only its timeout ends the wait. When the server finally
closes the connection, the client reads end of file: an empty bytes.
"""
# output: normalise timings

import socket
import time

TIMEOUT = 2.0
READ_TIMEOUT = 0.2  # how long the client waits for an answer


# --8<-- [start:idea]
def main() -> None:
    with socket.create_server(("127.0.0.1", 0), backlog=4) as listener:
        listener.settimeout(TIMEOUT)
        address = listener.getsockname()
        # No accept() yet: the kernel completes these handshakes anyway.
        clients = [socket.create_connection(address, TIMEOUT) for _ in "ab"]
        print(f"{len(clients)} connections established, none accepted")
        client = clients[0]
        client.sendall(b"anyone there?\n")  # lands in a kernel buffer
        client.settimeout(READ_TIMEOUT)
        start = time.monotonic()
        try:
            client.recv(1024)
        except TimeoutError:
            waited = time.monotonic() - start
            print(f"no answer: recv timed out after {waited:.1f} s")
        conn, _ = listener.accept()  # now the program takes one
        with conn:
            conn.settimeout(TIMEOUT)
            print("accepted later, and the request was waiting:")
            print(" ", conn.recv(1024))
            print(
                "same connection seen from both ends:",
                conn.getpeername() == client.getsockname(),
            )
        # The server closed its end (a FIN): the client reads end of file.
        print("after the server closed, recv returns", client.recv(1024))
        for sock in clients:
            sock.close()
    # --8<-- [end:idea]


if __name__ == "__main__":
    main()
