"""Write, write, read: the pattern that Nagle's algorithm stalls.

The client sends a request in two small writes (a header, then a body)
and waits for a one-byte answer. With Nagle's algorithm on (the
default), the second write waits until the first is acknowledged, and
the server delays that ACK, hoping to piggyback it on data it never
sends. TCP_NODELAY turns Nagle off. Same exchange, timed both ways.
"""
# output: normalise timings, ratios

import socket
import statistics
import threading
import time

TIMEOUT = 2.0
HEADER, BODY = b"HEAD", b"BODY"


def serve(conn: socket.socket) -> None:
    """Read each request whole (header and body), answer one byte."""
    with conn:
        while True:
            request = b""
            while len(request) < len(HEADER + BODY):
                chunk = conn.recv(64)
                if not chunk:
                    return
                request += chunk
            conn.sendall(b"!")


# --8<-- [start:idea]
def round_trips(nodelay: bool, count: int, warmup: int) -> list[float]:
    """Seconds per write-write-read exchange, after `warmup` exchanges."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(TIMEOUT)
        client = socket.create_connection(listener.getsockname(), TIMEOUT)
        conn, _ = listener.accept()
        conn.settimeout(TIMEOUT)
        server = threading.Thread(target=serve, args=(conn,))
        server.start()
    with client:
        if nodelay:
            client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        times = []
        for _ in range(warmup + count):
            start = time.perf_counter()
            client.sendall(HEADER)  # write
            client.sendall(BODY)  # write
            client.recv(1)  # read
            times.append(time.perf_counter() - start)
    server.join(TIMEOUT)
    return times[warmup:]


def main() -> None:
    nagle = statistics.median(round_trips(False, count=3, warmup=1))
    nodelay = statistics.median(round_trips(True, count=200, warmup=20))
    print(f"Nagle on (default): {nagle * 1e3:.1f} ms per exchange")
    print(f"TCP_NODELAY:        {nodelay * 1e3:.3f} ms per exchange")
    print(f"Nagle on is {nagle / nodelay:.0f}x slower")
    # --8<-- [end:idea]


if __name__ == "__main__":
    main()
