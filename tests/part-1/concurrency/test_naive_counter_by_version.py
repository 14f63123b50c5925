"""What naive_counter_by_version.py teaches: on CPython 3.10+ with the GIL,
`counter += 1` loses no updates, because threads switch only at calls and loop
back-edges; it is still not atomic (a call between read and write loses them),
and CPython 3.9 loses them."""

import glob
import os
import platform
import sys
import sysconfig
from concurrent.futures import ThreadPoolExecutor

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/concurrency/naive_counter_by_version.py")

GIL = not sysconfig.get_config_var("Py_GIL_DISABLED")
PYENV = os.environ.get("PYENV_ROOT", os.path.expanduser("~/.pyenv"))
INSTALLED = {
    os.path.basename(os.path.dirname(os.path.dirname(path))): path
    for path in sorted(glob.glob(os.path.join(PYENV, "versions", "3.*", "bin", "python3")))
}
WANTED = [v for v in INSTALLED if v.split(".")[1].isdigit() and 9 <= int(v.split(".")[1]) <= 13]


@pytest.mark.skipif(not GIL, reason="free-threaded build: threads run at once")
def test_plain_increment_loses_nothing_here_even_with_frequent_switches() -> None:
    # 3.10+ never switches between the read and the write of `+= 1`.
    assert snippet.lossy_runs(snippet.add_plain, 3, 0.0001) == 0


@pytest.mark.skipif(not GIL, reason="free-threaded build: threads run at once")
def test_a_call_between_read_and_write_loses_updates() -> None:
    # Not atomic: a thread switch at the call lands between read and write.
    assert snippet.lossy_runs(snippet.add_with_call, 5, 0.0001) >= 1


def test_lossy_runs_restores_the_switch_interval() -> None:
    before = sys.getswitchinterval()
    snippet.lossy_runs(snippet.add_plain, 1, 0.001)
    assert sys.getswitchinterval() == before


def test_it_runs_itself_under_the_current_interpreter() -> None:
    row = snippet.measure_under(sys.executable)
    assert row is not None
    assert row["python"] == platform.python_version()
    assert [runs for _, runs in row["cells"]] == [r for *_, r in snippet.COLUMNS]
    assert snippet.candidates()[0] == sys.executable


def test_the_table_has_one_row_per_interpreter() -> None:
    rows = [
        {"python": "3.9.18", "build": "GIL", "cells": [[1, 6], [3, 3], [3, 3]]},
        {"python": "3.13.0", "build": "GIL", "cells": [[0, 6], [0, 3], [3, 3]]},
    ]
    lines = snippet.table(rows)
    assert len(lines) == 4
    assert lines[2].split()[:4] == ["3.9.18", "GIL", "1", "of"]
    assert all(len(line) <= 79 for line in lines)


@pytest.mark.skipif(not WANTED, reason="no pyenv CPython 3.9-3.13 installed here")
def test_across_installed_interpreters() -> None:
    """The table on the page, asserted: 3.9 loses plain updates, 3.10+ never."""
    with ThreadPoolExecutor(max_workers=2) as pool:
        measured = pool.map(snippet.measure_under, [INSTALLED[v] for v in WANTED], timeout=120)
        rows = dict(zip(WANTED, measured, strict=True))
    for version, row in rows.items():
        assert row is not None, f"{version} could not run the snippet"
        plain_default, plain_fast, with_call = (lost for lost, _ in row["cells"])
        assert with_call >= 1, f"{version}: += step() lost nothing"
        if version.startswith("3.9."):
            assert plain_fast >= 1, "3.9 switched inside += 1 in no run"
        else:
            assert plain_default == plain_fast == 0, f"{version} lost updates"


def committed_rows() -> dict[str, tuple[str, list[int]]]:
    """The captured table on the page: version -> (build, lost-run counts)."""
    out = snippet.__file__.replace(".py", ".out")
    rows = {}
    with open(out, encoding="utf-8") as file:
        for line in file:
            words = line.split()
            if words and words[0][:1].isdigit():
                rows[words[0]] = (words[1], [int(w) for w in words[2::3]])
    return rows


def test_the_captured_table_says_what_the_page_says() -> None:
    rows = committed_rows()
    assert rows, "the captured output has no table rows"
    for version, (build, (plain_default, plain_fast, with_call)) in rows.items():
        assert with_call >= 1, f"{version}: the page says += step() loses updates"
        if build == "GIL" and version.startswith("3.9."):
            assert plain_fast >= 1, "the page says 3.9 loses updates with += 1"
        elif build == "GIL" and snippet.version_key({"python": version}) >= (3, 10):
            assert plain_default == plain_fast == 0, f"{version} lost updates"
