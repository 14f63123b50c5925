"""A reverse proxy on loopback, in front of one backend.

The client talks to the proxy as if it were the server. The proxy opens
its own connection to the backend, forwards the request, and adds two
headers: X-Forwarded-For (the client's address, which the backend would
otherwise never see: its peer is the proxy) and Via (a proxy was here).
It drops hop-by-hop headers such as Connection, which concern one
connection, not the request. When the backend is down it answers 502.
"""
# output: exact

import http.client
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TIMEOUT = 2.0
HOP_BY_HOP = {
    "connection", "keep-alive", "proxy-connection", "te", "trailer",
    "transfer-encoding", "upgrade", "proxy-authorization",
}  # fmt: skip


class Quiet(BaseHTTPRequestHandler):
    timeout = TIMEOUT  # a stalled client cannot hold a thread forever

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the output to what the program prints


class Backend(Quiet):
    def do_GET(self) -> None:
        seen = [
            f"peer={self.client_address[0]}",
            f"X-Forwarded-For={self.headers.get('X-Forwarded-For')}",
            f"Via={self.headers.get('Via')}",
            f"Connection={self.headers.get('Connection')}",
        ]
        body = ("backend saw: " + ", ".join(seen)).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


# --8<-- [start:proxy]
class ReverseProxy(Quiet):
    backend = ("127.0.0.1", 0)  # set before serving

    def do_GET(self) -> None:
        headers = {
            k: v
            for k, v in self.headers.items()
            if k.lower() not in HOP_BY_HOP | {"x-forwarded-for", "via"}
        }
        for name, ours in [
            ("X-Forwarded-For", self.client_address[0]),  # who asked us
            ("Via", "1.1 edge-proxy"),  # who we are
        ]:
            prior = self.headers.get(name)  # set by proxies before us
            headers[name] = f"{prior}, {ours}" if prior else ours
        conn = http.client.HTTPConnection(*self.backend, timeout=TIMEOUT)
        try:
            conn.request("GET", self.path, headers=headers)
            reply = conn.getresponse()
            status, body = reply.status, reply.read()
        except OSError:  # refused, reset or timed out: the backend is gone
            status, body = 502, b"bad gateway: the backend did not answer"
        finally:
            conn.close()
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


# --8<-- [end:proxy]


def start(server: ThreadingHTTPServer) -> threading.Thread:
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}
    )
    thread.start()
    return thread


def stop(server: ThreadingHTTPServer, thread: threading.Thread) -> None:
    server.shutdown()
    server.server_close()
    thread.join(timeout=TIMEOUT)


def get(port: int, headers: dict[str, str]) -> str:
    """A plain client: http.client ignores proxy environment variables."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        conn.request("GET", "/", headers=headers)
        reply = conn.getresponse()
        return f"{reply.status} {reply.read().decode()}"
    finally:
        conn.close()


def demo() -> list[str]:
    backend = ThreadingHTTPServer(("127.0.0.1", 0), Backend)
    backend_thread = start(backend)
    ReverseProxy.backend = ("127.0.0.1", backend.server_address[1])
    proxy = ThreadingHTTPServer(("127.0.0.1", 0), ReverseProxy)
    proxy_thread = start(proxy)
    port = proxy.server_address[1]
    try:
        lines = [
            get(port, {"Connection": "close"}),
            get(port, {"X-Forwarded-For": "198.51.100.23"}),
        ]
        stop(backend, backend_thread)  # the backend goes away
        lines.append(get(port, {}))
    finally:
        stop(proxy, proxy_thread)
        if backend_thread.is_alive():
            stop(backend, backend_thread)
    return lines


def main() -> None:
    for line in demo():
        print(line)


if __name__ == "__main__":
    main()
