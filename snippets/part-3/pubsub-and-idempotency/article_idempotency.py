"""The article's two "idempotency" functions, made runnable, redelivered.

The article calls get_counter, set_counter and set_order_status without
defining them; here they are small SQLite helpers. Then each function
meets what at-least-once delivery really does:
1. increment_counter gets the same message twice: the count is 2, not 1.
2. set_status_complete is idempotent on its own, but a consumer that also
   sends a receipt, and sees "complete" redelivered after a "refund",
   ends COMPLETE with two receipts.
The fixed consumer records each message id in a processed-messages table
in the same transaction as the effect (that stops redelivery), and guards
the status transition (that stops a "complete" retried under a new id).
"""
# output: exact

import sqlite3
from contextlib import closing

SCHEMA = """
CREATE TABLE counter (user_id INTEGER PRIMARY KEY, n INTEGER);
CREATE TABLE orders (id INTEGER PRIMARY KEY, status TEXT);
CREATE TABLE receipt (order_id INTEGER);
CREATE TABLE processed (message_id TEXT PRIMARY KEY);
INSERT INTO counter VALUES (7, 0);
INSERT INTO orders VALUES (42, 'PENDING');
"""


# The helpers the article leaves undefined.
def get_counter(db: sqlite3.Connection, user_id: int) -> int:
    row = db.execute("SELECT n FROM counter WHERE user_id = ?", (user_id,))
    return int(row.fetchone()[0])


def set_counter(db: sqlite3.Connection, user_id: int, n: int) -> None:
    db.execute("UPDATE counter SET n = ? WHERE user_id = ?", (n, user_id))


def set_order_status(db: sqlite3.Connection, order_id: int, s: str) -> None:
    db.execute("UPDATE orders SET status = ? WHERE id = ?", (s, order_id))


# --8<-- [start:article]
def increment_counter(db: sqlite3.Connection, user_id: int) -> None:
    counter = get_counter(db, user_id)  # the article's logic
    set_counter(db, user_id, counter + 1)


def set_status_complete(db: sqlite3.Connection, order_id: int) -> None:
    set_order_status(db, order_id, "COMPLETE")  # idempotent by itself


def naive_consumer(db: sqlite3.Connection, msg: tuple[str, str, int]) -> None:
    _, kind, order_id = msg
    with db:
        if kind == "complete":
            set_status_complete(db, order_id)
            db.execute("INSERT INTO receipt VALUES (?)", (order_id,))
        else:
            set_order_status(db, order_id, "REFUNDED")


# --8<-- [end:article]


# --8<-- [start:fixed]
def increment_once(db: sqlite3.Connection, message_id: str, uid: int) -> None:
    with db:  # the message id and the effect commit together, or neither
        if db.execute(
            "INSERT OR IGNORE INTO processed VALUES (?)", (message_id,)
        ).rowcount:
            db.execute(
                "UPDATE counter SET n = n + 1 WHERE user_id = ?", (uid,)
            )


def fixed_consumer(db: sqlite3.Connection, msg: tuple[str, str, int]) -> None:
    message_id, kind, order_id = msg
    with db:  # all or nothing: the effect and the record of the message
        first = db.execute(
            "INSERT OR IGNORE INTO processed VALUES (?)", (message_id,)
        ).rowcount
        if not first:
            return  # seen before: do nothing, again
        if kind == "complete":
            moved = db.execute(
                "UPDATE orders SET status = 'COMPLETE'"
                " WHERE id = ? AND status = 'PENDING'",  # a guarded step
                (order_id,),
            ).rowcount
            if moved:
                db.execute("INSERT INTO receipt VALUES (?)", (order_id,))
        else:
            db.execute(
                "UPDATE orders SET status = 'REFUNDED' WHERE id = ?",
                (order_id,),
            )


# --8<-- [end:fixed]

# complete, refund, then the "complete" message delivered a second time
REDELIVERED = [
    ("m1", "complete", 42),
    ("m2", "refund", 42),
    ("m1", "complete", 42),
]
# the same, but the publisher retried "complete" under a new message id
REPUBLISHED = [*REDELIVERED[:2], ("m3", "complete", 42)]


def outcome(
    consumer_name: str, deliveries: list[tuple[str, str, int]]
) -> tuple[str, int]:
    consumer = {"naive": naive_consumer, "fixed": fixed_consumer}[
        consumer_name
    ]
    with closing(sqlite3.connect(":memory:")) as db:
        db.executescript(SCHEMA)
        for message in deliveries:
            consumer(db, message)
        status = db.execute("SELECT status FROM orders").fetchone()[0]
        receipts = db.execute("SELECT count(*) FROM receipt").fetchone()[0]
        return str(status), int(receipts)


def counter_after_redelivery(fixed: bool) -> int:
    with closing(sqlite3.connect(":memory:")) as db:
        db.executescript(SCHEMA)
        for _ in range(2):  # one message, "m9", delivered twice
            if fixed:
                increment_once(db, "m9", 7)
            else:
                with db:
                    increment_counter(db, 7)
        return get_counter(db, 7)


def main() -> None:
    print("one increment message, delivered twice:")
    print(f"  increment_counter: {counter_after_redelivery(fixed=False)}")
    print(f"  increment_once:    {counter_after_redelivery(fixed=True)}")
    for title, deliveries in (
        ("complete (m1), refund (m2), complete (m1) again:", REDELIVERED),
        ("complete (m1), refund (m2), complete again as m3:", REPUBLISHED),
    ):
        print(title)
        for name in ("naive", "fixed"):
            status, receipts = outcome(name, deliveries)
            print(f"  {name} consumer: {status}, {receipts} receipt(s)")


if __name__ == "__main__":
    main()
