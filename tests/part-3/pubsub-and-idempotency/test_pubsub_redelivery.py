"""What pubsub_redelivery.py teaches: every subscription gets every
message; a crash between ack and processing loses a message (ack first) or
repeats it (ack after); recording the id in the effect's transaction
applies it once."""

import sqlite3
import threading
from contextlib import closing

from conftest import load_snippet, new_threads_left

snippet = load_snippet("part-3/pubsub-and-idempotency/pubsub_redelivery.py")

ALL = [f"order-{i}" for i in range(1, 6)]


def broker_with(*names: str) -> object:
    broker = snippet.Broker()
    for name in names:
        broker.subscribe("orders", name)
    for body in ALL:
        broker.publish("orders", body)
    return broker


def test_fan_out_every_subscription_gets_every_message() -> None:
    broker = broker_with("a", "b")
    for name in ("a", "b"):
        calls: list[str] = []
        snippet.consume(broker, name, snippet.recorder(calls), False, None)
        assert calls == ALL


def test_ack_first_then_crash_loses_the_message() -> None:
    broker = broker_with("email")
    calls: list[str] = []
    snippet.run_with_crash(broker, "email", snippet.recorder(calls), True)
    assert calls == ["order-1", "order-2", "order-4", "order-5"]


def test_process_first_then_crash_delivers_it_again() -> None:
    broker = broker_with("billing")
    calls: list[str] = []
    snippet.run_with_crash(broker, "billing", snippet.recorder(calls), False)
    assert calls == ["order-1", "order-2", "order-3", "order-3", "order-4", "order-5"]
    assert set(calls) == set(ALL)  # at least once: nothing lost


def test_the_idempotent_consumer_applies_each_message_once() -> None:
    broker = broker_with("ledger")
    with closing(sqlite3.connect(":memory:", check_same_thread=False)) as db:
        db.execute("CREATE TABLE processed (offset INTEGER PRIMARY KEY)")
        db.execute("CREATE TABLE effect (body TEXT)")
        snippet.run_with_crash(broker, "ledger", snippet.idempotent(db), False)
        effects = [row[0] for row in db.execute("SELECT body FROM effect")]
    assert effects == ALL


def test_no_thread_is_left_running() -> None:
    before = set(threading.enumerate())
    broker = broker_with("x")
    snippet.run_with_crash(broker, "x", snippet.recorder([]), False)
    assert not new_threads_left(before)


def test_the_bounded_queue_holds_back_a_long_log() -> None:
    broker = snippet.Broker()
    broker.subscribe("t", "slow")
    for i in range(50):
        broker.publish("t", str(i))
    calls: list[str] = []
    snippet.consume(broker, "slow", snippet.recorder(calls), False, None)
    assert calls == [str(i) for i in range(50)]  # in order, none dropped
    assert broker.committed["slow"] == 50
