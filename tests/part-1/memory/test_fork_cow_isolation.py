"""What fork_cow_isolation.py teaches: after fork the child writes its own copy
of a page; the parent's value is unchanged, at the same virtual address."""

import os
import time

import pytest

from conftest import load_snippet

pytestmark = pytest.mark.posix

snippet = load_snippet("part-1/memory/fork_cow_isolation.py")


def test_child_change_is_invisible_to_the_parent() -> None:
    data = ["set by the parent"]
    child = snippet.fork_and_change(data)
    assert child["value"] == "changed by the child"
    assert data == ["set by the parent"]
    assert child["exit_code"] == 0


def test_same_virtual_address_different_contents() -> None:
    data = ["set by the parent"]
    child = snippet.fork_and_change(data)
    # Same address, different values: two physical pages behind one
    # virtual address, which only per-process page tables allow.
    assert child["address"] == id(data)
    assert child["value"] != data[0]


def test_wait_for_kills_a_child_that_outlives_its_deadline() -> None:
    pid = os.fork()
    if pid == 0:
        try:
            time.sleep(30)
        finally:
            os._exit(0)
    with pytest.raises(TimeoutError):
        snippet.wait_for(pid, timeout=0.05)
    with pytest.raises(ChildProcessError):  # already reaped: nothing left
        os.waitpid(pid, os.WNOHANG)
