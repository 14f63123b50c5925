"""A response that promises 1234 bytes and sends 16.

The source article's example response declares `Content-Length: 1234`
over a 16-byte body (which is not even valid JSON). A client believes
the header: it reads until 1234 bytes have come. If the server closes
the connection, the client gets an error; if the server keeps it open,
as HTTP/1.1 does by default, the client waits until its timeout. The
fixed response counts its body and parses.
"""
# output: exact

import email.utils
import http.client
import json
import socket
import threading

TIMEOUT = 2.0
CLIENT_TIMEOUT = 0.3

ARTICLE_BODY = b'{"users": [...]}'
ARTICLE = (
    b"HTTP/1.1 200 OK\r\n"
    b"Content-Type: application/json\r\n"
    b"Content-Length: 1234\r\n"
    b"\r\n" + ARTICLE_BODY
)


# --8<-- [start:fixed]
def fixed_response() -> bytes:
    body = json.dumps({"users": [{"id": 1, "name": "ada"}]}).encode()
    head = (
        "HTTP/1.1 200 OK\r\n"
        f"Date: {email.utils.formatdate(usegmt=True)}\r\n"
        "Content-Type: application/json\r\n"
        f"Content-Length: {len(body)}\r\n"  # counted, never typed in
        "\r\n"
    )
    return head.encode() + body
    # --8<-- [end:fixed]


def serve_once(listener: socket.socket, response: bytes, close: bool) -> None:
    conn, _ = listener.accept()
    with conn:
        conn.settimeout(TIMEOUT)
        request = b""
        while b"\r\n\r\n" not in request:  # read the request's headers
            request += conn.recv(4096)
        conn.sendall(response)
        if not close:  # keep the connection open until the client leaves
            while conn.recv(4096):
                pass


# --8<-- [start:idea]
def fetch(response: bytes, close: bool) -> str:
    """Serve `response` once; return what an http.client caller sees."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        listener.settimeout(TIMEOUT)
        port = listener.getsockname()[1]
        args = (listener, response, close)
        server = threading.Thread(target=serve_once, args=args)
        server.start()
        client = http.client.HTTPConnection(
            "127.0.0.1", port, timeout=CLIENT_TIMEOUT
        )
        try:
            client.request("GET", "/api/users")
            body = client.getresponse().read()
            return f"parsed {json.loads(body)}"
        except http.client.IncompleteRead as exc:
            return f"IncompleteRead: {exc}"
        except TimeoutError:
            return f"TimeoutError after the client's {CLIENT_TIMEOUT} s"
        finally:
            client.close()
            server.join(TIMEOUT)


def main() -> None:
    print(f"declared 1234, body is {len(ARTICLE_BODY)} bytes")
    print("server closes:   ", fetch(ARTICLE, close=True))
    print("server keeps on: ", fetch(ARTICLE, close=False))
    print("fixed response:  ", fetch(fixed_response(), close=False))
    # --8<-- [end:idea]


if __name__ == "__main__":
    main()
