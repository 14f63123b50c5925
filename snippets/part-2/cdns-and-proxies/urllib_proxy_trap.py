"""The http_proxy trap: urllib sends even 127.0.0.1 requests to a proxy.

Python's urllib reads the proxy variables (http_proxy, HTTP_PROXY, ...)
from the environment, and only skips the proxy for hosts that no_proxy
lists. Loopback is not exempt. Here the "corporate proxy" is a small
forward proxy on loopback too, so we can see what it receives: the full
URL in the request line, as a client sends it to a forward proxy. The
fix is a urllib opener with an empty ProxyHandler (or http.client,
which never reads those variables).
"""
# output: exact

import os
import re
import threading
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TIMEOUT = 2.0
seen_by_proxy: list[str] = []


class Reply(BaseHTTPRequestHandler):
    """Answers every GET with one line saying who answered."""

    timeout = TIMEOUT
    answer = b""

    def do_GET(self) -> None:
        if self.answer.startswith(b"the proxy"):
            seen_by_proxy.append(self.requestline)
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.answer)))
        self.end_headers()
        self.wfile.write(self.answer)

    def log_message(self, format: str, *args: object) -> None:
        pass


class Origin(Reply):
    answer = b"the origin answered"


class Proxy(Reply):  # a stand-in: it answers instead of forwarding
    answer = b"the proxy answered"


@contextmanager
def environment(**values: str) -> Iterator[None]:
    """Set proxy variables for this process only, then put them back."""
    names = ["http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY"]
    saved = {name: os.environ.pop(name, None) for name in names}
    os.environ.update(values)
    try:
        yield
    finally:
        for name in names:
            os.environ.pop(name, None)
        # Names are case-insensitive on Windows: restore only what was set.
        os.environ.update({k: v for k, v in saved.items() if v is not None})


@contextmanager
def serving(handler: type[Reply]) -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}
    )
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=TIMEOUT)


# --8<-- [start:idea]
def fetch(url: str, ignore_proxy_variables: bool) -> str:
    if ignore_proxy_variables:
        # The fix: an opener with no proxies at all, whatever the env says.
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
    else:
        opener = urllib.request.build_opener()  # what urlopen() uses
    with opener.open(url, timeout=TIMEOUT) as reply:
        return str(reply.read().decode())


def demo() -> list[str]:
    seen_by_proxy.clear()
    lines = []
    with serving(Origin) as origin, serving(Proxy) as proxy:
        url = f"http://127.0.0.1:{origin}/page"
        with environment(http_proxy=f"http://127.0.0.1:{proxy}"):
            for fix in (False, True):
                answer = fetch(url, ignore_proxy_variables=fix)
                lines.append(f"ignore proxy variables={fix}: {answer}")
    lines += [f"proxy's request line: {line}" for line in seen_by_proxy]
    return [re.sub(r":\d+/", ":PORT/", line) for line in lines]


# --8<-- [end:idea]


def main() -> None:
    print("http_proxy points at a proxy; the request is for 127.0.0.1")
    for line in demo():
        print(line)


if __name__ == "__main__":
    main()
