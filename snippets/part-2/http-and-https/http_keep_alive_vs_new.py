"""Keep-alive: many HTTP requests over one TCP connection.

HTTP/1.1 keeps a connection open after each response, so the next
request skips the TCP handshake. The server counts the connections it
accepts while a client makes the same requests two ways: all over one
connection, or with a new connection for each. A third run shows the
trap in `http.server`'s defaults: with keep-alive and Nagle's algorithm
on, every response waits for a delayed ACK.
"""
# output: normalise timings, ratios

import http.client
import statistics
import threading
import time
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

TIMEOUT = 2.0
BODY = b"hello\n"


# --8<-- [start:server]
class Hello(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive (the default is HTTP/1.0)
    timeout = TIMEOUT  # an idle keep-alive connection ends after this
    disable_nagle_algorithm = True  # the default, False, stalls each reply

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()  # one write: the status line and headers
        self.wfile.write(BODY)  # a second write: the body

    def log_message(self, format: str, *args: object) -> None:
        pass


class Nagle(Hello):
    disable_nagle_algorithm = False  # http.server's default
    # --8<-- [end:server]


class CountingServer(ThreadingHTTPServer):
    connections = 0

    def verify_request(self, request: object, client_address: object) -> bool:
        self.connections += 1  # called once per accepted connection
        return True


Handler = type[BaseHTTPRequestHandler]


class Server:
    """`with Server() as server:` runs it on 127.0.0.1, on a free port."""

    def __init__(self, handler: Handler = Hello) -> None:
        self.httpd = CountingServer(("127.0.0.1", 0), handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, args=(0.05,)
        )

    def __enter__(self) -> "Server":
        self.thread.start()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()  # also joins the handler threads
        self.thread.join(TIMEOUT)


# --8<-- [start:idea]
def get(client: http.client.HTTPConnection) -> float:
    start = time.perf_counter()
    client.request("GET", "/")
    response = client.getresponse()
    assert response.read() == BODY
    return time.perf_counter() - start


def keep_alive(port: int, requests: int) -> list[float]:
    client = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        return [get(client) for _ in range(requests)]
    finally:
        client.close()


def new_connection_each(port: int, requests: int) -> list[float]:
    times = []
    for _ in range(requests):
        client = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        try:
            times.append(get(client))  # includes the connect
        finally:
            client.close()
    return times
    # --8<-- [end:idea]


Fetch = Callable[[int, int], list[float]]


def run(label: str, fetch: Fetch, handler: Handler, n: int) -> float:
    with Server(handler) as server:
        fetch(server.port, 2)  # warm-up
        before = server.httpd.connections
        median = statistics.median(fetch(server.port, n))
        count = server.httpd.connections - before
    print(
        f"{label:<21} {n:>3} requests over {count:>3} connection(s): "
        f"{median * 1e3:.3f} ms each"
    )
    return median


def main() -> None:
    reuse = run("keep-alive", keep_alive, Hello, 100)
    fresh = run("new connection each", new_connection_each, Hello, 100)
    nagle = run("keep-alive, Nagle on", keep_alive, Nagle, 3)
    print(f"a new connection per request: {fresh / reuse:.1f}x slower")
    print(f"http.server's default Nagle:  {nagle / reuse:.0f}x slower")


if __name__ == "__main__":
    main()
