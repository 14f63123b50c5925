"""Short polling, long polling and server-sent events, on one server.

A feed publishes events; three clients follow it over HTTP on loopback.
- Short polling asks "anything new?" every `interval` seconds, news or
  not, and sees each event up to one interval late. Its clock is a fake
  one that the client advances, so its counts and delays are exact.
- Long polling asks, and the server holds the request until there is
  news: one request per event here, plus one that learns the feed ended.
- Server-sent events (SSE) keep one response open and write each event
  into it as a "data:" line.
For the last two the publisher waits until the client is waiting before
each event, so the request counts are exact; their delays are real.
"""
# output: normalise timings

import http.client
import statistics
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

TIMEOUT = 2.0  # every socket, join and wait
HOLD = 1.5  # seconds the server holds a long poll that gets no news
EVENTS = 5


# --8<-- [start:feed]
class Feed:
    """Events under a Condition; readers wait for 'more than n events'."""

    def __init__(self, clock: Callable[[], float]) -> None:
        self.cond = threading.Condition()
        self.clock = clock
        self.events: list[str] = []  # "text@published-at"
        self.scheduled: list[float] = []  # future publish times
        self.closed = False
        self.entered = 0  # how many waits have started

    def publish_due(self) -> None:
        """Publish the scheduled events whose time has come."""
        with self.cond:
            while self.scheduled and self.scheduled[0] <= self.clock():
                at = self.scheduled.pop(0)
                self.events.append(f"event {len(self.events) + 1}@{at}")
            self.cond.notify_all()

    def wait_after(self, seen: int, hold: float) -> tuple[list[str], bool]:
        """Events after the first `seen`; wait up to `hold` s for one."""
        with self.cond:
            self.entered += 1
            self.cond.notify_all()  # the publisher may wait for a reader
            self.cond.wait_for(
                lambda: len(self.events) > seen or self.closed, hold
            )
            return self.events[seen:], self.closed


# --8<-- [end:feed]


def wait_for_new_reader(feed: Feed, entered: int) -> None:
    """With feed.cond held: wait until a wait starts after `entered`."""
    if not feed.cond.wait_for(lambda: feed.entered > entered, TIMEOUT):
        raise TimeoutError("no reader came")


def publish_to_waiting_reader(feed: Feed, count: int) -> None:
    """Publish `count` events, each once a reader waits; then close."""
    with feed.cond:
        entered = 0
        for i in range(count):
            wait_for_new_reader(feed, entered)
            feed.events.append(f"event {i + 1}@{feed.clock()}")
            entered = feed.entered  # the next event waits for a new wait
            feed.cond.notify_all()
        wait_for_new_reader(feed, entered)
        feed.closed = True
        feed.cond.notify_all()


class Handler(BaseHTTPRequestHandler):
    feed: Feed  # set per server
    timeout = TIMEOUT
    disable_nagle_algorithm = True  # small writes go out at once

    # --8<-- [start:server]
    def do_GET(self) -> None:
        url = urlsplit(self.path)
        seen = int(parse_qs(url.query).get("since", ["0"])[0])
        if url.path == "/poll":  # short poll: answer at once
            self.feed.publish_due()
            self.reply(*self.feed.wait_after(seen, hold=0))
        elif url.path == "/wait":  # long poll: hold until news
            news, closed = self.feed.wait_after(seen, hold=HOLD)
            self.reply(news, closed and not news)
        elif url.path == "/stream":  # SSE: one response, many events
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            while True:
                news, closed = self.feed.wait_after(seen, hold=HOLD)
                for text in news:
                    self.wfile.write(f"data: {text}\n\n".encode())
                seen += len(news)
                if closed and not news:
                    return  # ends the response: the client sees EOF

    # --8<-- [end:server]

    def reply(self, news: list[str], closed: bool) -> None:
        body = "".join(f"{text}\n" for text in news).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Feed-Closed", "1" if closed else "0")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def get(port: int, path: str) -> tuple[list[str], bool]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        conn.request("GET", path)
        reply = conn.getresponse()
        lines = reply.read().decode().splitlines()
        return lines, reply.getheader("X-Feed-Closed") == "1"
    finally:
        conn.close()


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def delay(text: str, now: float) -> float:
    return now - float(text.split("@")[1])


# --8<-- [start:clients]
def short_poll(
    port: int, clock: FakeClock, interval: float, span: float
) -> tuple[int, int, list[float]]:
    """Poll every `interval` s for `span` s: requests, empty, delays."""
    requests, empty, seen, delays = 0, 0, 0, []
    for step in range(1, round(span / interval) + 1):
        clock.now = step * interval  # time passes between polls
        news, _ = get(port, f"/poll?since={seen}")
        requests, empty = requests + 1, empty + (not news)
        delays += [delay(text, clock.now) for text in news]
        seen += len(news)
    return requests, empty, delays


def long_poll(port: int) -> tuple[int, list[float]]:
    requests, got, delays = 0, 0, []
    while True:
        news, closed = get(port, f"/wait?since={got}")
        requests, got = requests + 1, got + len(news)
        delays += [delay(text, time.perf_counter()) for text in news]
        if closed:
            return requests, delays


def server_sent_events(port: int) -> tuple[int, list[float]]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
    try:
        conn.request("GET", "/stream")
        reply, delays = conn.getresponse(), []
        while line := reply.readline():  # b"" once the server ends it
            if line.startswith(b"data: "):
                delays.append(delay(line.decode(), time.perf_counter()))
        return 1, delays
    finally:
        conn.close()


# --8<-- [end:clients]


@contextmanager
def serving(feed: Feed) -> Iterator[int]:
    handler = type("FeedHandler", (Handler,), {"feed": feed})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.05}
    )
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()  # joins the handler threads
        thread.join(timeout=TIMEOUT)


def run_short_poll(interval: float) -> tuple[int, int, list[float]]:
    clock = FakeClock()
    feed = Feed(clock)
    feed.scheduled = [0.35, 0.42, 2.13, 2.17, 4.66]  # fake seconds
    with serving(feed) as port:
        return short_poll(port, clock, interval, span=5.0)


def run_pushed(
    client: Callable[[int], tuple[int, list[float]]],
) -> tuple[int, list[float]]:
    feed = Feed(time.perf_counter)
    with serving(feed) as port:
        publisher = threading.Thread(
            target=publish_to_waiting_reader, args=(feed, EVENTS)
        )
        publisher.start()
        try:
            return client(port)
        finally:
            publisher.join(timeout=TIMEOUT)


def main() -> None:
    print(f"{EVENTS} events; how each client learns of them")
    for interval in (1.0, 0.1):
        requests, empty, delays = run_short_poll(interval)
        mean = statistics.mean(delays)
        print(
            f"short poll every {interval:g} s: {requests} requests"
            f" ({empty} empty), mean delay {mean * 1000:.0f} ms (fake clock)"
        )
    for name, client in (
        ("long poll", long_poll),
        ("server-sent events", server_sent_events),
    ):
        requests, delays = run_pushed(client)
        print(
            f"{name}: {requests} request{'s' * (requests != 1)},"
            f" {len(delays)} events,"
            f" median delay {statistics.median(delays) * 1e6:.0f} us"
        )


if __name__ == "__main__":
    main()
