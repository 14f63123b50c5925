"""What idempotency_keys.py teaches: a retry with the same key replays the
first response and charges once; without a key (the control) it charges
twice; another body under the same key is refused; two concurrent sends
make one charge."""

import json
import os
from contextlib import closing
from pathlib import Path

from conftest import load_snippet

snippet = load_snippet("part-3/pubsub-and-idempotency/idempotency_keys.py")

BODY: dict[str, object] = {"account": "acct_1", "cents": 2_000}


def test_a_retry_with_the_key_replays_the_response_and_charges_once(
    tmp_path: Path,
) -> None:
    with closing(snippet.connect(str(tmp_path / "a.db"))) as db:
        first = snippet.create_charge(db, "k1", BODY)
        for _ in range(3):
            assert snippet.create_charge(db, "k1", BODY) == first
        assert first[0] == 201 and json.loads(first[1])["charge"] == 1
        assert snippet.charges(db) == 1


def test_the_control_without_a_key_charges_twice(tmp_path: Path) -> None:
    with closing(snippet.connect(str(tmp_path / "b.db"))) as db:
        snippet.create_charge_without_key(db, BODY)
        snippet.create_charge_without_key(db, BODY)
        assert snippet.charges(db) == 2


def test_the_same_key_with_another_body_is_refused(tmp_path: Path) -> None:
    with closing(snippet.connect(str(tmp_path / "c.db"))) as db:
        snippet.create_charge(db, "k1", BODY)
        status, _ = snippet.create_charge(db, "k1", {**BODY, "cents": 1})
        assert status == 422 and snippet.charges(db) == 1


def test_a_failed_charge_leaves_no_key_behind(tmp_path: Path) -> None:
    with closing(snippet.connect(str(tmp_path / "d.db"))) as db:
        try:
            snippet.create_charge(db, "k1", {"account": "acct_1"})  # no cents
        except KeyError:
            pass
        assert not db.in_transaction
        assert db.execute("SELECT count(*) FROM idempotency_key").fetchone() == (0,)
        assert snippet.create_charge(db, "k1", BODY)[0] == 201


def test_two_concurrent_sends_make_one_charge(tmp_path: Path) -> None:
    path = str(tmp_path / "e.db")
    for n in range(5):
        with closing(snippet.connect(path)) as db:
            before = snippet.charges(db)
        answers = snippet.same_instant(path, f"key-{n}", BODY)
        with closing(snippet.connect(path)) as db:
            assert snippet.charges(db) == before + 1
        assert answers[0] == answers[1] and answers[0].startswith("201 ")
    assert not [p for p in os.listdir(tmp_path) if p.endswith("-journal")]
