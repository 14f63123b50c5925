"""What zombie_and_orphan.py teaches: an exited child that is not yet reaped is
a zombie (state Z) and disappears once waitpid() collects its exit code; an
orphan is re-parented, here to this process, which declared itself a subreaper."""

import ctypes
import os

import psutil
import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/system-calls/zombie_and_orphan.py")
pytestmark = pytest.mark.linux
PR_GET_CHILD_SUBREAPER = 37


def is_subreaper() -> bool:
    flag = ctypes.c_int(-1)
    libc = ctypes.CDLL(None, use_errno=True)
    assert libc.prctl(PR_GET_CHILD_SUBREAPER, ctypes.byref(flag), 0, 0, 0) == 0
    return flag.value != 0


def test_an_exited_child_is_a_zombie_until_it_is_reaped() -> None:
    assert snippet.zombie() == ("Z", 3, "gone")


def test_state_reads_the_letter_in_proc_stat() -> None:
    assert snippet.state(os.getpid()) == "R"  # we are running: reading it
    assert snippet.state(2**22 + 1) == "gone"  # above pid_max: no process


def test_an_orphan_gets_a_new_parent_the_subreaper() -> None:
    middle, before, after = snippet.orphan()
    assert before == middle  # first the process that forked it
    assert after == os.getpid() != middle  # then us, the subreaper


def test_the_subreaper_flag_is_switched_off_again() -> None:
    snippet.orphan()
    assert not is_subreaper()


def test_nothing_is_left_behind() -> None:
    # Only what this test started: other tests in this process (a worker's
    # multiprocessing helpers, say) may have children of their own.
    before = {child.pid for child in psutil.Process().children(recursive=True)}
    snippet.zombie()
    snippet.orphan()
    after = {child.pid for child in psutil.Process().children(recursive=True)}
    assert not after - before
