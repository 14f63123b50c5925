"""What namespaces_and_cgroups.py teaches: every process has namespaces and a
cgroup, readable under /proc, and a child shares its parent's namespaces."""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import load_snippet

pytestmark = pytest.mark.linux

snippet = load_snippet("part-1/virtualization/namespaces_and_cgroups.py")


def test_every_listed_namespace_type_exists_in_proc_self_ns() -> None:
    ids = snippet.namespace_ids()
    assert ids, "a Linux process always has namespaces"
    assert set(ids) == set(os.listdir("/proc/self/ns"))
    # These exist on every kernel from 4.6 on (cgroup namespaces came last).
    assert {"ipc", "mnt", "net", "pid", "user", "uts", "cgroup"} <= set(ids)


def test_an_identity_is_the_type_and_the_inode_of_the_link() -> None:
    for kind, ident in snippet.namespace_ids().items():
        base = kind.removesuffix("_for_children")
        match = re.fullmatch(rf"{base}:\[(\d+)\]", ident or "")
        assert match, f"{kind}: {ident!r}"
        # The link's target names the inode that identifies the namespace.
        assert int(match[1]) == os.stat(f"/proc/self/ns/{kind}").st_ino


def test_a_child_process_shares_every_namespace_of_its_parent() -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.stdin.read()"],
        stdin=subprocess.PIPE,
    )
    try:
        theirs = snippet.namespace_ids(str(child.pid))
    finally:
        child.communicate(timeout=30)
    assert theirs == snippet.namespace_ids()


def test_compare_says_same_differs_or_unreadable() -> None:
    assert snippet.compare("uts:[1]", "uts:[1]") == "same"
    assert snippet.compare("uts:[1]", "uts:[2]") == "differs"
    assert snippet.compare("uts:[1]", None) == "unreadable"


def test_unreadable_pid_gives_an_empty_view() -> None:
    assert snippet.namespace_ids("no-such-process") == {}


def test_cgroup_memberships_are_the_lines_of_proc_self_cgroup() -> None:
    text = Path("/proc/self/cgroup").read_text()
    entries = snippet.cgroup_memberships()
    assert [":".join(e) for e in entries] == text.splitlines()
    for hid, controllers, path in entries:
        assert hid.isdigit() and path.startswith("/")
        if hid == "0":  # cgroup v2: one unified tree, no controller list
            assert controllers == ""


def test_the_cgroup2_folder_found_holds_this_very_process() -> None:
    folder = snippet.cgroup2_folder()
    if folder is None:
        pytest.skip("no cgroup v2 hierarchy mounted here")
    members = (folder / "cgroup.procs").read_text().split()
    assert str(os.getpid()) in members


def test_limits_present_here_have_the_documented_shape() -> None:
    folder = snippet.cgroup2_folder()
    if folder is None:
        pytest.skip("no cgroup v2 hierarchy mounted here")
    shapes = {"memory.max": r"max|\d+", "cpu.max": r"(max|\d+) \d+", "pids.max": r"max|\d+"}
    for name, value in snippet.cgroup2_limits(folder).items():
        if value is not None:
            assert re.fullmatch(shapes[name], value), f"{name}: {value!r}"


def test_limits_are_read_from_the_files_and_missing_ones_are_none(
    tmp_path: Path,
) -> None:
    (tmp_path / "memory.max").write_text("536870912\n")
    (tmp_path / "cpu.max").write_text("50000 100000\n")
    assert snippet.cgroup2_limits(tmp_path) == {
        "memory.max": "536870912",
        "cpu.max": "50000 100000",
        "pids.max": None,
    }


def test_main_lists_every_namespace_and_cgroup(
    capsys: pytest.CaptureFixture[str],
) -> None:
    snippet.main()
    out = capsys.readouterr().out
    for kind, ident in snippet.namespace_ids().items():
        assert re.search(rf"^  {kind}\s+{re.escape(ident or '?')}\s", out, re.MULTILINE), kind
    for _, _, path in snippet.cgroup_memberships():
        assert path in out
