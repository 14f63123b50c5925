"""Idempotency keys: a retried "create a charge" request charges once.

The client makes up a key for each logical request and sends it with
every retry (HTTP: an Idempotency-Key header). The server inserts the key
first, in the same transaction as the charge and the saved response; the
key's UNIQUE constraint turns a second insert into an error, and the
server answers the retry with the saved response instead of charging
again. The control is the same handler without a key: a retry after a
lost response charges twice. Two threads sending the same request at the
same instant (forced with a Barrier) still make one charge.
"""
# output: exact

import hashlib
import json
import os
import sqlite3
import tempfile
import threading
from contextlib import closing

SCHEMA = """
CREATE TABLE IF NOT EXISTS charge (
    id INTEGER PRIMARY KEY, account TEXT, cents INTEGER);
CREATE TABLE IF NOT EXISTS idempotency_key (
    key TEXT PRIMARY KEY,                 -- UNIQUE: the whole trick
    request_hash TEXT NOT NULL, status INTEGER, response TEXT);
"""


def connect(path: str) -> sqlite3.Connection:
    # autocommit mode, explicit BEGIN; wait up to 5 s for the write lock
    db = sqlite3.connect(path, timeout=5.0, isolation_level=None)
    db.executescript(SCHEMA)
    return db


# --8<-- [start:idea]
def create_charge(
    db: sqlite3.Connection, key: str, body: dict[str, object]
) -> tuple[int, str]:
    digest = hashlib.sha256(json.dumps(body, sort_keys=True).encode())
    request_hash = digest.hexdigest()
    db.execute("BEGIN IMMEDIATE")  # take the write lock before reading
    try:
        try:
            db.execute(
                "INSERT INTO idempotency_key VALUES (?, ?, NULL, NULL)",
                (key, request_hash),
            )
        except sqlite3.IntegrityError:  # this key was used before
            row = db.execute(
                "SELECT request_hash, status, response FROM idempotency_key"
                " WHERE key = ?",
                (key,),
            ).fetchone()
            db.execute("ROLLBACK")
            if row[0] != request_hash:
                return 422, '{"error": "key reused for another request"}'
            return row[1], row[2]  # replay the first answer, charge nothing
        charge_id = db.execute(
            "INSERT INTO charge (account, cents) VALUES (?, ?)",
            (body["account"], body["cents"]),
        ).lastrowid
        response = json.dumps({"charge": charge_id, **body})
        db.execute(
            "UPDATE idempotency_key SET status = 201, response = ?"
            " WHERE key = ?",
            (response, key),
        )
        db.execute("COMMIT")  # key, charge and response: all or nothing
        return 201, response
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise


# --8<-- [end:idea]


# --8<-- [start:control]
def create_charge_without_key(
    db: sqlite3.Connection, body: dict[str, object]
) -> tuple[int, str]:
    with db:
        cur = db.execute(
            "INSERT INTO charge (account, cents) VALUES (?, ?)",
            (body["account"], body["cents"]),
        )
    return 201, json.dumps({"charge": cur.lastrowid, **body})


# --8<-- [end:control]


def charges(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT count(*) FROM charge").fetchone()[0])


def same_instant(path: str, key: str, body: dict[str, object]) -> list[str]:
    """Two threads send the same request at once; return both answers."""
    barrier = threading.Barrier(2, timeout=5.0)
    answers: list[str] = []

    def client() -> None:
        with closing(connect(path)) as db:
            barrier.wait()  # both go at the same instant
            status, response = create_charge(db, key, body)
            answers.append(f"{status} {response}")

    threads = [threading.Thread(target=client) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=10.0)
        assert not t.is_alive()
    return sorted(answers)


def main() -> None:
    body: dict[str, object] = {"account": "acct_1", "cents": 2_000}
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "shop.db")
        with closing(connect(path)) as db:
            first = create_charge(db, "key-A", body)  # the reply is lost...
            retry = create_charge(
                db, "key-A", body
            )  # ...so the client retries
            print(
                f"with a key:    {first[0]}, then retry {retry[0]};"
                f" same response: {first == retry}; charges {charges(db)}"
            )

            other = create_charge(db, "key-A", {**body, "cents": 9_999})
            print(f"same key, other body: {other[0]}")

            before = charges(db)
            create_charge_without_key(db, body)
            create_charge_without_key(db, body)  # the same retry, no key
            print(
                f"without a key: a retry made {charges(db) - before} charges"
            )

            before = charges(db)
            answers = same_instant(path, "key-B", body)
            print(
                f"two at once with key-B: {charges(db) - before} charge;"
                f" answers identical: {answers[0] == answers[1]}"
            )


if __name__ == "__main__":
    main()
