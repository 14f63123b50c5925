"""The same function, called in-process and over HTTP on 127.0.0.1.

In a monolith, one module calls another with an ordinary function call.
Split that module into a service and the call becomes a network round
trip: open a TCP connection, write a request, let another thread parse
it and reply, read the answer. This program times both ways, on one
machine, with no real network in between: the best case for a service.
"""
# output: normalise timings, ratios, machine

import os
import platform
import statistics
import threading
import time
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

HTTP_CALLS = 200  # one round trip each
BATCHES = 50  # in-process: time batches, a single call is too short
BATCH_SIZE = 1000
TIMEOUT = 5.0  # seconds; a network call without one can wait forever


# --8<-- [start:idea]
def add_tax(cents: int) -> int:
    """The business logic: the same code on both paths."""
    return cents + cents * 20 // 100


class TaxHandler(BaseHTTPRequestHandler):
    """The same function behind HTTP: GET /add_tax?cents=1000 -> 1200."""

    def do_GET(self) -> None:
        query = parse_qs(urlsplit(self.path).query)
        body = str(add_tax(int(query["cents"][0]))).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the output clean: no access log line per request


def call_over_http(base_url: str, cents: int) -> int:
    # urllib opens a new connection per request, like many simple clients.
    url = f"{base_url}/add_tax?cents={cents}"
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        return int(response.read())


# --8<-- [end:idea]


def median_in_process(batches: int = BATCHES, size: int = BATCH_SIZE) -> float:
    """Median seconds per in-process call."""
    per_call = []
    for _ in range(batches):
        start = time.perf_counter()
        for cents in range(size):
            add_tax(cents)
        per_call.append((time.perf_counter() - start) / size)
    return statistics.median(per_call)


def median_over_http(base_url: str, calls: int = HTTP_CALLS) -> float:
    """Median seconds per HTTP round trip."""
    per_call = []
    for cents in range(calls):
        start = time.perf_counter()
        call_over_http(base_url, cents)
        per_call.append(time.perf_counter() - start)
    return statistics.median(per_call)


class TaxService:
    """A real HTTP server on a free port of 127.0.0.1, in a thread.

    Port 0 asks the OS for any free port; 127.0.0.1 keeps it off the
    network. Leaving the `with` block stops it and closes its socket.
    """

    def __enter__(self) -> str:
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), TaxHandler)
        # shutdown() waits for the serving loop to look at its stop flag,
        # which it does every poll_interval seconds (0.5 by default).
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}
        )
        self.thread.start()
        return f"http://127.0.0.1:{self.server.server_port}"

    def __exit__(self, *exc_info: object) -> None:
        self.server.shutdown()  # stops serve_forever
        self.thread.join(timeout=TIMEOUT)
        self.server.server_close()  # closes the listening socket


def main() -> None:
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.system()}"
        f" {platform.machine()}"
    )
    with TaxService() as base_url:
        print(
            f"add_tax(1000): {add_tax(1000)} in-process,"
            f" {call_over_http(base_url, 1000)} over HTTP"
        )
        local = median_in_process()
        remote = median_over_http(base_url)
    print(
        f"in-process call:  {local * 1e9:.0f} ns"
        f" (median of {BATCHES} batches of {BATCH_SIZE} calls)"
    )
    print(
        f"HTTP, 127.0.0.1:  {remote * 1e6:.0f} us"
        f" (median of {HTTP_CALLS} calls)"
    )
    print(f"HTTP/in-process:  {remote / local:.0f}x")


if __name__ == "__main__":
    main()
