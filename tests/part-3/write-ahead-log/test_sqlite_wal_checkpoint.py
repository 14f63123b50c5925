"""What sqlite_wal_checkpoint.py teaches: in WAL mode a commit goes to the
-wal file (one frame per changed page) and leaves the database file as it
was, so a copy of the database file alone misses committed rows until a
checkpoint has copied the frames back."""

import re

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/write-ahead-log/sqlite_wal_checkpoint.py")

WAL_HEADER, FRAME_HEADER, PAGE = 32, 24, 4096


def run(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    snippet.main()
    out = capsys.readouterr().out
    pairs = (line.split(":", 1) for line in out.splitlines())
    return {key.strip(): value.strip() for key, value in pairs}


def sizes(text: str) -> tuple[int, int]:
    db, wal = re.fullmatch(r"db\s+([\d,]+) B, wal\s+([\d,]+) B", text).groups()  # type: ignore[union-attr]
    return int(db.replace(",", "")), int(wal.replace(",", ""))


def test_commits_go_to_the_wal_and_a_checkpoint_copies_them_back(
    capsys: pytest.CaptureFixture[str],
) -> None:
    seen = run(capsys)
    assert seen["journal_mode"] == "wal"
    empty_db, empty_wal = sizes(seen["empty table"])
    db, wal = sizes(seen["after 3 commits"])
    assert empty_wal == 0 and db == empty_db  # the db file did not change
    frames = (wal - WAL_HEADER) // (FRAME_HEADER + PAGE)
    assert wal == WAL_HEADER + frames * (FRAME_HEADER + PAGE) and frames >= 3
    assert seen["rows a reader sees"] == "3"  # readers consult the WAL
    assert seen["rows in the copy"] == "0"  # the db file alone misses them
    assert seen["checkpoint"] == f"{frames} of {frames} frames copied, busy=0"
    assert seen["rows in a new copy"] == "3"
