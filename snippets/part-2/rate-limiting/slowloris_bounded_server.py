"""Two defences against a cheap denial of service: a cap and a timeout.

A Slowloris client opens a connection and sends the start of a request,
then nothing: the server's worker waits for the rest, forever with the
defaults of http.server. A few hundred such clients, costing the
attacker almost nothing, occupy every worker. This server
- caps its workers at 2 (a BoundedSemaphore), and answers a connection
  that finds no free worker at once with 503 and Retry-After, without
  starting a thread for it;
- gives every connection a timeout, so a client that stops sending is
  disconnected and its worker freed.
Five slow clients arrive; then an ordinary request still gets through.
"""
# output: exact

import http.client
import http.server
import socket
import threading
from typing import Any

WORKERS = 2
IDLE_TIMEOUT = 0.5  # seconds a connection may stay silent
CLIENT_TIMEOUT = 5.0  # seconds, on every client socket


# --8<-- [start:idea]
class Handler(http.server.BaseHTTPRequestHandler):
    timeout = IDLE_TIMEOUT  # the default, None, waits forever

    def do_GET(self) -> None:
        body = b"hello\n"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the output to what the program prints


class BoundedServer(http.server.ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), Handler)
        self.slots = threading.BoundedSemaphore(WORKERS)

    def process_request(self, request: Any, client_address: Any) -> None:
        if not self.slots.acquire(blocking=False):  # every worker busy
            request.sendall(
                b"HTTP/1.1 503 Service Unavailable\r\n"
                b"Retry-After: 1\r\nContent-Length: 0\r\n"
                b"Connection: close\r\n\r\n"
            )
            self.shutdown_request(request)  # no thread spent on it
            return
        super().process_request(request, client_address)

    def process_request_thread(
        self, request: Any, client_address: Any
    ) -> None:
        try:
            self.finish_request(request, client_address)
        except Exception:
            self.handle_error(request, client_address)
        finally:
            self.slots.release()  # free the worker, then close
            self.shutdown_request(request)


# --8<-- [end:idea]


def slow_client(address: tuple[str, int]) -> socket.socket:
    """Send the first lines of a request, and never the end of it."""
    sock = socket.create_connection(address, timeout=CLIENT_TIMEOUT)
    sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-a: ")
    return sock


def what_came_back(sock: socket.socket) -> str:
    data = b""
    with sock:
        while chunk := sock.recv(4096):
            data += chunk
    if not data:
        return "disconnected by the server, no reply"
    return data.split(b"\r\n")[0].decode()


def attack() -> list[str]:
    server = BoundedServer()
    thread = threading.Thread(target=server.serve_forever, args=(0.05,))
    thread.start()
    try:
        address = ("127.0.0.1", server.server_port)
        slow = [slow_client(address) for _ in range(5)]
        lines = [
            f"slow client {n}: {what_came_back(sock)}"
            for n, sock in enumerate(slow, start=1)
        ]
        normal = http.client.HTTPConnection(
            "127.0.0.1", server.server_port, timeout=CLIENT_TIMEOUT
        )
        normal.request("GET", "/")
        reply = normal.getresponse()
        lines.append(f"then a normal client: {reply.status} {reply.reason}")
        normal.close()
        return lines
    finally:
        server.shutdown()
        server.server_close()  # joins every handler thread
        thread.join(CLIENT_TIMEOUT)


def main() -> None:
    print(f"{WORKERS} workers, {IDLE_TIMEOUT:g} s idle timeout")
    for line in attack():
        print(line)


if __name__ == "__main__":
    main()
