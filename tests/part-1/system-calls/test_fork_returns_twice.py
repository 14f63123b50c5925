"""What fork_returns_twice.py teaches: fork() returns 0 in the child and the
child's PID in the parent; the parent reaps the child and gets its exit code."""

import os
import time

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/system-calls/fork_returns_twice.py")
pytestmark = pytest.mark.posix


def test_fork_returns_zero_in_the_child_and_its_pid_in_the_parent() -> None:
    forked = snippet.fork_once()
    assert forked.returned_in_child == 0
    assert forked.returned_in_parent == forked.child_pid > 0


def test_the_child_is_a_new_process_whose_parent_called_fork() -> None:
    forked = snippet.fork_once()
    assert forked.parent_pid == os.getpid()
    assert forked.child_pid != os.getpid()
    assert forked.child_parent_pid == os.getpid()


@pytest.mark.parametrize("code", [0, 7, 255])
def test_waitpid_hands_the_parent_the_childs_exit_code(code: int) -> None:
    assert snippet.fork_once(exit_code=code).exit_code == code


def test_the_child_is_reaped_not_left_as_a_zombie() -> None:
    forked = snippet.fork_once()
    with pytest.raises(ChildProcessError):  # no such child any more
        os.waitpid(forked.returned_in_parent, os.WNOHANG)


def test_wait_for_kills_and_reaps_a_child_that_hangs() -> None:
    pid = os.fork()
    if pid == 0:
        try:
            time.sleep(30)
        finally:
            os._exit(0)
    started = time.monotonic()
    with pytest.raises(TimeoutError):
        snippet.wait_for(pid, timeout=0.2)
    assert time.monotonic() - started < 5
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
