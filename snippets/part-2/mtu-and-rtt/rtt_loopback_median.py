"""Round-trip time on loopback: a 1-byte TCP ping-pong, timed.

An echo server sends every byte straight back. The client times the
whole trip (send, the kernel, the server thread, the kernel again,
receive) with perf_counter_ns, after a warm-up, many times over, and
reports the median and the 99th percentile: one number hides the tail.
Loopback has no cable, so this is the floor: the cost of the software.
"""
# output: normalise timings

import socket
import statistics
import threading
import time

TIMEOUT = 2.0
WARMUP = 200
SAMPLES = 2000


def echo(listener: socket.socket) -> None:
    conn, _ = listener.accept()
    conn.settimeout(TIMEOUT)
    with conn:
        while data := conn.recv(1):  # b"" when the client closes
            conn.sendall(data)


# --8<-- [start:idea]
def round_trips(port: int, count: int) -> list[int]:
    """`count` 1-byte round trips on one connection, in nanoseconds."""
    times = []
    with socket.create_connection(("127.0.0.1", port), TIMEOUT) as sock:
        # Send each byte at once, instead of waiting to batch (Nagle).
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        for _ in range(WARMUP + count):
            start = time.perf_counter_ns()
            sock.sendall(b"x")
            if sock.recv(1) != b"x":
                raise ConnectionError("echo server went away")
            times.append(time.perf_counter_ns() - start)
    return times[WARMUP:]  # the first trips pay for cold caches


# --8<-- [end:idea]


def measure(count: int = SAMPLES) -> list[int]:
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(TIMEOUT)
        server = threading.Thread(target=echo, args=(listener,))
        server.start()
        try:
            return round_trips(listener.getsockname()[1], count)
        finally:
            server.join(timeout=TIMEOUT)


def main() -> None:
    times = sorted(measure())
    p50 = statistics.median(times) / 1000
    p99 = times[int(len(times) * 0.99)] / 1000
    print(f"{len(times)} round trips of 1 byte over TCP on 127.0.0.1")
    print(f"median (p50): {p50:.1f} us")
    print(f"p99:          {p99:.1f} us")


if __name__ == "__main__":
    main()
