"""Round robin and least connections in front of three real backends.

Three tiny TCP servers listen on 127.0.0.1 (ports picked by the system).
The first request is a slow one: backend b0 holds it open until we let it
go. Six quick requests follow. Round robin keeps sending b0 its share
anyway; least connections counts the requests each backend has open and
sends the quick ones elsewhere. Each backend answers with its name and
how many other requests it was busy with when this one arrived.
"""
# output: exact

import socket
import socketserver
import threading
from collections.abc import Callable

TIMEOUT = 2.0  # seconds, on every socket and every wait


# --8<-- [start:strategies]
def round_robin(open_requests: list[int], turn: int) -> int:
    return turn % len(open_requests)  # ignores how busy each backend is


def least_connections(open_requests: list[int], turn: int) -> int:
    n = len(open_requests)
    order = [(turn + i) % n for i in range(n)]  # ties: in rotation
    return min(order, key=lambda i: open_requests[i])


class Balancer:
    """Picks a backend per request and counts the requests it has open."""

    def __init__(
        self,
        backends: list[tuple[str, int]],
        strategy: Callable[[list[int], int], int],
    ) -> None:
        self.backends = backends
        self.strategy = strategy
        self.open = [0] * len(backends)
        self.turn = 0
        self.lock = threading.Lock()

    def send(self, request: bytes) -> str:
        with self.lock:
            i = self.strategy(self.open, self.turn)
            self.turn, self.open[i] = i + 1, self.open[i] + 1
        try:
            with socket.create_connection(self.backends[i], TIMEOUT) as s:
                s.sendall(request + b"\n")
                return s.makefile("rb").readline().decode().strip()
        finally:
            with self.lock:
                self.open[i] -= 1


# --8<-- [end:strategies]


class Backend(socketserver.ThreadingTCPServer):
    """Answers each line with its name; a 'hold' line waits for release."""

    def __init__(self, name: str) -> None:
        super().__init__(("127.0.0.1", 0), Handler)  # port 0: any free one
        self.address: tuple[str, int] = self.socket.getsockname()[:2]
        self.name = name
        self.busy = 0
        self.lock = threading.Lock()
        self.holding = threading.Event()
        self.release = threading.Event()


class Handler(socketserver.StreamRequestHandler):
    timeout = TIMEOUT  # on the connection's socket
    server: Backend

    def handle(self) -> None:
        backend = self.server
        with backend.lock:
            others = backend.busy
            backend.busy += 1
        try:
            request = self.rfile.readline().strip()
            if request == b"hold":
                backend.holding.set()
                backend.release.wait(TIMEOUT)
        finally:
            with backend.lock:  # done before the reply: the client may
                backend.busy -= 1  # send the next request at once
        reply = backend.name if not others else f"{backend.name}+{others}"
        self.wfile.write(reply.encode() + b"\n")


def run(strategy: Callable[[list[int], int], int], quick: int = 6) -> str:
    """One slow request, then `quick` ones, one after another."""
    backends = [Backend(f"b{i}") for i in range(3)]
    threads = [
        threading.Thread(target=b.serve_forever, args=(0.05,))
        for b in backends
    ]
    for thread in threads:
        thread.start()
    try:
        balancer = Balancer(
            [b.address for b in backends],
            strategy,
        )
        slow: list[str] = []
        holder = threading.Thread(
            target=lambda: slow.append(balancer.send(b"hold"))
        )
        holder.start()
        if not backends[0].holding.wait(TIMEOUT):
            raise TimeoutError("b0 never got the slow request")
        replies = [balancer.send(b"quick") for _ in range(quick)]
        backends[0].release.set()
        holder.join(TIMEOUT)
        return f"slow -> {slow[0]}; quick -> {' '.join(replies)}"
    finally:
        for backend in backends:
            backend.release.set()
            backend.shutdown()
            backend.server_close()  # joins the handler threads
        for thread in threads:
            thread.join(TIMEOUT)


def main() -> None:
    print("bN+k: backend N was busy with k other requests at the time")
    for name, strategy in (
        ("round robin", round_robin),
        ("least connections", least_connections),
    ):
        print(f"{name:>17}: {run(strategy)}")


if __name__ == "__main__":
    main()
