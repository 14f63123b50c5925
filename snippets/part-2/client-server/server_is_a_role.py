"""One program, two roles: a server to its callers, a client to another.

A "prices" service answers a product name with a price. A "quotes"
service answers a product name with a quote, and to do that it asks the
prices service: it is a server and a client at the same time. Both run
on 127.0.0.1 with ports the OS picks.
"""
# output: exact

import socket
import threading
from collections.abc import Callable

TIMEOUT = 2.0
PRICES = {"tea": 250, "cake": 400}  # cents


def ask(port: int, question: str) -> str:
    """The client role: one connection, one line out, one line back."""
    with socket.create_connection(("127.0.0.1", port), TIMEOUT) as sock:
        sock.sendall(question.encode() + b"\n")
        with sock.makefile("rb") as stream:
            return stream.readline().decode().strip()


# --8<-- [start:idea]
def prices(product: str) -> str:
    return str(PRICES.get(product, -1))


def make_quotes(prices_port: int) -> Callable[[str], str]:
    def quotes(product: str) -> str:
        cents = int(ask(prices_port, product))  # a client, mid-request
        return f"{product}: {cents / 100:.2f} EUR, valid 10 minutes"

    return quotes


def serve(listener: socket.socket, answer: Callable[[str], str]) -> None:
    """The server role: accept connections and answer one line on each,
    until a connection sends an empty line."""
    while True:
        conn, _ = listener.accept()
        with conn, conn.makefile("rwb") as stream:
            conn.settimeout(TIMEOUT)
            question = stream.readline().decode().strip()
            if not question:
                return
            stream.write(answer(question).encode() + b"\n")
            # --8<-- [end:idea]


def main() -> None:
    with (
        socket.create_server(("127.0.0.1", 0)) as prices_listener,
        socket.create_server(("127.0.0.1", 0)) as quotes_listener,
    ):
        prices_port = prices_listener.getsockname()[1]
        quotes_port = quotes_listener.getsockname()[1]
        threads = [
            threading.Thread(target=serve, args=(prices_listener, prices)),
            threading.Thread(
                target=serve,
                args=(quotes_listener, make_quotes(prices_port)),
            ),
        ]
        for listener in (prices_listener, quotes_listener):
            listener.settimeout(TIMEOUT)
        for thread in threads:
            thread.start()
        for product in ("tea", "cake"):
            print("browser got:", ask(quotes_port, product))
        for port in (quotes_port, prices_port):
            ask(port, "")  # an empty line asks each server to stop
        for thread in threads:
            thread.join(TIMEOUT)
    print("threads left running:", sum(t.is_alive() for t in threads))


if __name__ == "__main__":
    main()
