"""What rtree_sqlite.py teaches: SQLite's R*Tree answers overlap queries
exactly as brute force does; where the module is missing, it says so."""

import random
import sqlite3
from contextlib import closing

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/spatial-indexes/rtree_sqlite.py")


def rtree_here() -> bool:
    with closing(sqlite3.connect(":memory:")) as db:
        return bool(snippet.has_rtree(db))


needs_rtree = pytest.mark.skipif(not rtree_here(), reason="this SQLite was built without R*Tree")


@needs_rtree
def test_overlap_queries_equal_brute_force() -> None:
    boxes = snippet.parks(seed=1, n=5_000)
    rng = random.Random(2)
    with closing(sqlite3.connect(":memory:")) as db:
        snippet.load(db, boxes)
        for _ in range(30):
            x0, y0 = rng.uniform(0, 100), rng.uniform(0, 100)
            window = (x0, x0 + rng.uniform(0, 10), y0, y0 + rng.uniform(0, 10))
            assert snippet.overlapping(db, *window) == snippet.brute(boxes, *window)


@needs_rtree
def test_the_output_says_the_answers_agree(capsys: pytest.CaptureFixture[str]) -> None:
    snippet.main()
    out = capsys.readouterr().out
    assert "has the R*Tree module" in out
    assert "same as checking every park: True" in out


def test_without_the_module_it_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(snippet, "has_rtree", lambda db: False)
    snippet.main()
    assert "built without R*Tree" in capsys.readouterr().out
