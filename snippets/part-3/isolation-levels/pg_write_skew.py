"""Write skew: two doctors go off call at once, on a real PostgreSQL.

The rule: at least one doctor stays on call. Each doctor's transaction
counts who is on call, sees two, and takes only itself off. The two
transactions write different rows, so no lock is ever contested: under
READ COMMITTED and REPEATABLE READ (snapshot isolation) both commit and
nobody is on call. SERIALIZABLE aborts one of them with SQLSTATE 40001;
the client runs it again, and this time it sees one doctor left.

The schedule is forced, not hoped for: Bob reads, then Alice's whole
transaction runs, then Bob writes. Only Bob's first attempt is forced.
"""
# output: exact
# requires: postgresql

import functools
import os
from collections.abc import Callable
from typing import Any, TypeVar

import psycopg
from psycopg import errors

Conn = psycopg.Connection[tuple[Any, ...]]
T = TypeVar("T")


def connect() -> Conn:
    # "" lets libpq read PGHOST, PGPORT, PGUSER, PGDATABASE, PGPASSWORD.
    url = os.environ.get("DATABASE_URL", "")
    conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
    conn.execute("SET lock_timeout = '10s'")
    return conn


# --8<-- [start:skew]
def go_off_call(
    conn: Conn, name: str, meanwhile: Callable[[], object] | None = None
) -> bool:
    row = conn.execute(
        "SELECT count(*) FROM ws_doctor WHERE on_call"
    ).fetchone()
    if meanwhile is not None:
        meanwhile()  # the forced interleaving: the other doctor acts now
    if row is not None and row[0] >= 2:  # someone else is on call
        conn.execute(
            "UPDATE ws_doctor SET on_call = false WHERE name = %s", (name,)
        )
        return True
    return False


def transaction(conn: Conn, level: str, work: Callable[[], T]) -> T:
    conn.execute(f"BEGIN ISOLATION LEVEL {level}")
    try:
        result = work()
        conn.execute("COMMIT")  # SERIALIZABLE may refuse here
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return result


def with_retries(
    conn: Conn, level: str, work: Callable[[int], T], attempts: int = 3
) -> tuple[T, int]:
    """Run the whole transaction again on 40001, a few times at most."""
    for attempt in range(1, attempts + 1):
        try:
            result = transaction(conn, level, functools.partial(work, attempt))
            return result, attempt
        except errors.SerializationFailure as error:
            print(f"  attempt {attempt}: SQLSTATE {error.sqlstate}, retrying")
            if attempt == attempts:
                raise
    raise AssertionError("unreachable")


# --8<-- [end:skew]


def both_go_off_call(level: str) -> tuple[bool, bool, int, list[str]]:
    alice, bob, admin = connect(), connect(), connect()
    try:
        admin.execute("DROP TABLE IF EXISTS ws_doctor")
        admin.execute(
            "CREATE TABLE ws_doctor (name text PRIMARY KEY, on_call bool)"
        )
        admin.execute(
            "INSERT INTO ws_doctor VALUES ('alice', true), ('bob', true)"
        )

        def alice_acts() -> bool:
            return transaction(
                alice, level, lambda: go_off_call(alice, "alice")
            )

        alice_off: list[bool] = []

        def bob_work(attempt: int) -> bool:
            if attempt == 1:  # force the collision once
                return go_off_call(
                    bob, "bob", lambda: alice_off.append(alice_acts())
                )
            return go_off_call(bob, "bob")

        bob_off, attempts = with_retries(bob, level, bob_work)
        rows = admin.execute(
            "SELECT name FROM ws_doctor WHERE on_call ORDER BY name"
        ).fetchall()
        return alice_off[0], bob_off, attempts, [r[0] for r in rows]
    finally:
        admin.execute("DROP TABLE IF EXISTS ws_doctor")
        for conn in (alice, bob, admin):
            conn.close()


def main() -> None:
    for level in ("READ COMMITTED", "REPEATABLE READ", "SERIALIZABLE"):
        print(f"{level}:")
        alice_off, bob_off, attempts, on_call = both_go_off_call(level)
        print(f"  alice went off call: {alice_off}")
        print(f"  bob went off call: {bob_off} (attempts: {attempts})")
        print(f"  on call now: {', '.join(on_call) or 'nobody'}")


if __name__ == "__main__":
    main()
