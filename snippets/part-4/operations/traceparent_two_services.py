"""A trace id carried across two services in the W3C traceparent header.

Two tiny HTTP services run on 127.0.0.1: `shop` calls `payments`. Each
request gets a span id; the trace id is made once, at the edge, and every
outgoing call carries both in `traceparent: 00-<trace>-<parent span>-01`
(W3C Trace Context). Each service logs one JSON line with the trace id,
so a log search for that id finds the whole request. Then the control:
the same call with the header dropped starts a second, unrelated trace.
Ids come from a seeded generator so the output is the same every run.
"""
# output: exact

import contextvars
import http.client
import http.server
import json
import random
import re
import threading

TIMEOUT = 2.0
TRACEPARENT = re.compile(r"00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]")
ids = random.Random(2026)  # seeded; use secrets.token_hex in real code
ids_lock = threading.Lock()
LOG: list[str] = []  # both services write here; a real one: stdout


# --8<-- [start:idea]
# The current span, per request: (trace id, span id, parent span id).
current: contextvars.ContextVar[tuple[str, str, str]] = contextvars.ContextVar(
    "current"
)


def new_id(hex_digits: int) -> str:
    with ids_lock:
        return f"{ids.getrandbits(hex_digits * 4):0{hex_digits}x}"


def start_span(traceparent: str) -> None:
    """Continue the caller's trace, or start one if there is none."""
    match = TRACEPARENT.fullmatch(traceparent)
    trace, parent = match.groups() if match else (new_id(32), "-")
    current.set((trace, new_id(16), parent))


def outgoing_headers() -> dict[str, str]:
    trace, span, _ = current.get()
    return {"traceparent": f"00-{trace}-{span}-01"}  # we are the parent


def log_event(service: str, msg: str) -> None:
    trace, span, parent = current.get()
    event = {"service": service, "msg": msg, "trace_id": trace}
    LOG.append(json.dumps(event | {"span_id": span, "parent_id": parent}))
    # --8<-- [end:idea]


def call(port: int, path: str, headers: dict[str, str]) -> bytes:
    """GET over http.client, which never reads http_proxy."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        conn.request("GET", path, headers=headers)
        return conn.getresponse().read()
    finally:
        conn.close()


class Service(http.server.BaseHTTPRequestHandler):
    name = ""
    downstream = 0  # the port this service calls, 0 for none

    # --8<-- [start:handler]
    def do_GET(self) -> None:
        start_span(self.headers.get("traceparent", ""))
        if self.downstream:
            propagate = self.path != "/no-propagation"
            call(
                self.downstream,
                "/charge",
                outgoing_headers() if propagate else {},
            )
        log_event(self.name, f"GET {self.path}")
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()
        # --8<-- [end:handler]

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep http.server's own access log off the output


def serve(server: http.server.HTTPServer, requests: int) -> None:
    for _ in range(requests):
        server.handle_request()  # waits at most server.timeout


def start(
    name: str, downstream: int, requests: int
) -> tuple[http.server.HTTPServer, threading.Thread]:
    handler = type(name, (Service,), {"name": name, "downstream": downstream})
    server = http.server.HTTPServer(("127.0.0.1", 0), handler)
    server.timeout = TIMEOUT
    thread = threading.Thread(target=serve, args=(server, requests))
    thread.start()
    return server, thread


def run(requests: list[str]) -> list[str]:
    LOG.clear()
    payments, payments_thread = start("payments", 0, len(requests))
    shop, shop_thread = start("shop", payments.server_port, len(requests))
    try:
        for path in requests:
            call(shop.server_port, path, {})
    finally:
        for server, thread in (
            (shop, shop_thread),
            (payments, payments_thread),
        ):
            thread.join(TIMEOUT)
            server.server_close()
    return list(LOG)


def main() -> None:
    ids.seed(2026)
    for path in ("/checkout", "/no-propagation"):
        print(f"GET {path}")
        for line in run([path]):
            print(" ", line)


if __name__ == "__main__":
    main()
