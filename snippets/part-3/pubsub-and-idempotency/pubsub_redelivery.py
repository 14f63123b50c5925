"""Publish/subscribe with a tiny in-process broker, and what a consumer
crash does to each delivery guarantee.

A topic is an append-only log. Each subscription reads the whole log
(fan-out) from its own committed offset, through a bounded queue fed by a
delivery thread. A consumer crashes at a fixed message, forced the same
way on every run, between its two steps:
- acknowledge, then process: the message is lost (at most once);
- process, then acknowledge: it is delivered again (at least once);
- process and record the message id in one transaction, then
  acknowledge: delivered again, but applied once (an idempotent consumer).
"""
# output: exact

import queue
import sqlite3
import threading
from collections.abc import Callable
from contextlib import closing
from dataclasses import dataclass, field

TIMEOUT = 5.0  # every wait is bounded
CRASH_AT = 2  # the offset of order-3


@dataclass(frozen=True)
class Message:
    offset: int
    body: str


# --8<-- [start:broker]
@dataclass
class Broker:
    logs: dict[str, list[Message]] = field(default_factory=dict)
    committed: dict[str, int] = field(default_factory=dict)  # per sub
    topic_of: dict[str, str] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def subscribe(self, topic: str, name: str) -> None:
        with self.lock:
            self.topic_of[name] = topic
            self.committed[name] = 0  # from the start of the log

    def publish(self, topic: str, body: str) -> None:
        with self.lock:
            log = self.logs.setdefault(topic, [])
            log.append(Message(len(log), body))  # kept, not handed out

    def deliver(
        self,
        name: str,
        out: "queue.Queue[Message | None]",
        stop: threading.Event,
    ) -> None:
        """Feed one subscriber from its committed offset; a full queue
        makes this thread wait (backpressure)."""
        with self.lock:
            pending = self.logs[self.topic_of[name]][self.committed[name] :]
        for message in [*pending, None]:  # None: nothing more for now
            while not stop.is_set():
                try:
                    out.put(message, timeout=0.05)
                    break
                except queue.Full:
                    continue

    def ack(self, name: str, message: Message) -> None:
        with self.lock:
            self.committed[name] = message.offset + 1


# --8<-- [end:broker]


# --8<-- [start:consumer]
def consume(
    broker: Broker,
    name: str,
    handle: Callable[[Message], None],
    ack_first: bool,
    crash_at: int | None,
) -> None:
    """One consumer run: a delivery thread and a consumer thread."""
    inbox: queue.Queue[Message | None] = queue.Queue(maxsize=2)
    stop = threading.Event()

    def ack(message: Message) -> None:
        broker.ack(name, message)

    first, second = (ack, handle) if ack_first else (handle, ack)

    def work() -> None:
        while (message := inbox.get(timeout=TIMEOUT)) is not None:
            first(message)
            if message.offset == crash_at:
                stop.set()  # the consumer dies between its two steps
                return
            second(message)

    # (the whole file starts both threads and joins them with a timeout)
    # --8<-- [end:consumer]
    threads = [
        threading.Thread(target=broker.deliver, args=(name, inbox, stop)),
        threading.Thread(target=work),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=TIMEOUT)
        assert not t.is_alive(), f"{t.name} did not finish"


# --8<-- [start:idempotent]
def idempotent(db: sqlite3.Connection) -> Callable[[Message], None]:
    def handle(message: Message) -> None:
        with db:  # one transaction: the effect and the record of it
            new = db.execute(
                "INSERT OR IGNORE INTO processed VALUES (?)", (message.offset,)
            ).rowcount
            if new:  # 0 when this message was applied before
                db.execute("INSERT INTO effect VALUES (?)", (message.body,))

    return handle


# --8<-- [end:idempotent]


def run_with_crash(
    broker: Broker,
    name: str,
    handle: Callable[[Message], None],
    ack_first: bool,
) -> None:
    consume(broker, name, handle, ack_first, crash_at=CRASH_AT)
    consume(broker, name, handle, ack_first, crash_at=None)  # restarted


def recorder(calls: list[str]) -> Callable[[Message], None]:
    return lambda message: calls.append(message.body)


def numbers(bodies: list[str]) -> str:
    return " ".join(body.removeprefix("order-") for body in bodies)


def main() -> None:
    broker = Broker()
    for name in ("email", "billing", "ledger"):
        broker.subscribe("orders", name)  # fan-out: each gets every message
    for i in range(1, 6):
        broker.publish("orders", f"order-{i}")
    print("5 messages on 'orders', 3 subscriptions, each crashes at order-3")

    for name, ack_first in (("email", True), ("billing", False)):
        calls: list[str] = []
        run_with_crash(broker, name, recorder(calls), ack_first)
        step = "ack, then process" if ack_first else "process, then ack"
        print(f"{name:8} {step}: handled {numbers(calls)}")

    with closing(sqlite3.connect(":memory:", check_same_thread=False)) as db:
        db.execute("CREATE TABLE processed (offset INTEGER PRIMARY KEY)")
        db.execute("CREATE TABLE effect (body TEXT)")
        calls = []
        handle = idempotent(db)

        def counted(message: Message) -> None:
            calls.append(message.body)
            handle(message)

        run_with_crash(broker, "ledger", counted, ack_first=False)
        effects = [row[0] for row in db.execute("SELECT body FROM effect")]
    print(f"ledger   process, then ack: handled {numbers(calls)}")
    print(
        f"{'':8} id kept in the same transaction: applied {numbers(effects)}"
    )


if __name__ == "__main__":
    main()
