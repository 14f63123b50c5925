"""HTTP/1.1 is text on a TCP connection: write a request by hand.

A small `http.server` runs on 127.0.0.1. A raw socket sends it requests
byte by byte and prints what comes back. First the request as the
source article writes it, then the same request fixed.
"""
# output: normalise timings

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

TIMEOUT = 2.0
USERS = [{"id": 1, "name": "ada"}]


class Users(BaseHTTPRequestHandler):
    timeout = 0.3  # a client that stalls mid-request is dropped after this
    disable_nagle_algorithm = True  # see "Nagle's algorithm"

    def do_GET(self) -> None:
        if self.headers.get("Authorization") != "Bearer token123":
            self.reply(401, {"error": "who are you?"})
        elif self.path == "/api/users":
            self.reply(200, {"users": USERS})
        else:
            self.reply(404, {"error": f"no such thing: {self.path}"})

    def reply(self, status: int, data: object) -> None:
        body = json.dumps(data).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def version_string(self) -> str:
        return "demo/1"  # the Server header (default: Python's version)

    def log_message(self, format: str, *args: object) -> None:
        pass  # no access log on the console


# --8<-- [start:idea]
AS_WRITTEN = (  # the article's request: LF line ends, no empty line
    "GET /api/users HTTP/1.1\n"
    "Host: example.com\n"
    "Content-Type: application/json\n"
    "Authorization: Bearer token123\n"
)


def fixed(path: str, token: str = "token123") -> str:
    return (
        f"GET {path} HTTP/1.1\r\n"  # CRLF ends every line
        "Host: 127.0.0.1\r\n"
        "Accept: application/json\r\n"  # what the client wants back
        f"Authorization: Bearer {token}\r\n"
        "Connection: close\r\n"
        "\r\n"  # the empty line: the headers are over
    )


def exchange(port: int, request: str) -> bytes:
    """Send the bytes, read until the server closes the connection."""
    with socket.create_connection(("127.0.0.1", port), TIMEOUT) as sock:
        sock.sendall(request.encode())
        response = b""
        while chunk := sock.recv(4096):
            response += chunk
        return response
        # --8<-- [end:idea]


def show(response: bytes) -> None:
    for line in response.decode().split("\r\n"):
        if line.startswith("Date: "):
            line = "Date: <the time of the run>"
        print(f"  < {line}".rstrip())


def main() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Users)
    port = server.server_address[1]
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    try:
        start = time.perf_counter()
        response = exchange(port, AS_WRITTEN)
        waited = time.perf_counter() - start
        print(f"as written: {len(response)} bytes back; the server hung up")
        print(f"  after {waited:.1f} s, when its handler timeout ran out")
        for line in fixed("/api/users").split("\r\n")[:-2]:
            print("  >", line)
        show(exchange(port, fixed("/api/users")))
        for path, token in [("/api/nothing", "token123"), ("/", "wrong")]:
            status = exchange(port, fixed(path, token)).split(b"\r\n")[0]
            print(f"GET {path} with token {token!r}: {status.decode()}")
    finally:
        server.shutdown()
        server.server_close()
        thread.join(TIMEOUT)


if __name__ == "__main__":
    main()
