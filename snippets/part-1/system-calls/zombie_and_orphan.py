"""Zombies and orphans, seen in /proc.

A child that has exited stays in the process table as a zombie (state Z),
holding its exit code, until its parent reaps it with waitpid(); then it
is gone. A child whose parent exits first is an orphan: the kernel gives
it a new parent, PID 1 or the nearest ancestor that declared itself a
"subreaper". This process declares itself one, so the orphan is handed to
it, and it reaps that one too: nothing is left behind.
"""
# output: exact
# requires: linux

import ctypes
import os
import select
import signal
import time
from typing import NoReturn

TIMEOUT = 10.0  # seconds; every wait has a deadline
PR_SET_CHILD_SUBREAPER = 36  # from <linux/prctl.h>


# --8<-- [start:zombie]
def zombie() -> tuple[str, int, str]:
    """(state once exited, exit code, state once reaped)."""
    pid = os.fork()
    if pid == 0:
        os._exit(3)  # the child exits at once
    wait_until_exited(pid)  # waitid(WNOWAIT): exited, not yet reaped
    exited = state(pid)  # Z: all that is left is an exit code
    code = wait_for(pid)  # waitpid() collects it ...
    return exited, code, state(pid)  # ... and the entry is gone
    # --8<-- [end:zombie]


# --8<-- [start:orphan]
def orphan() -> tuple[int, int, int]:
    """(middle PID, grandchild's parent before, after the middle exits)."""
    set_subreaper(True)  # orphans below us come to us, not to PID 1
    try:
        report_r, report_w = os.pipe()
        middle = os.fork()
        if middle == 0:
            run_middle(report_w)  # forks a grandchild, exits before it
        os.close(report_w)
        wait_for(middle)  # the middle process is gone and reaped
        grandchild, before, after = map(int, read_all(report_r).split())
        wait_for(grandchild)  # the orphan is our child now: we reap it
    finally:
        set_subreaper(False)
    return middle, before, after


def run_grandchild(report_w: int, ready_w: int) -> NoReturn:
    try:
        before = os.getppid()  # the middle process
        os.close(ready_w)  # the middle may exit now
        deadline = time.monotonic() + TIMEOUT
        while os.getppid() == before and time.monotonic() < deadline:
            time.sleep(0.001)  # until the kernel gives us a new parent
        report = f"{os.getpid()} {before} {os.getppid()}"
        os.write(report_w, report.encode())
    finally:
        os._exit(0)
    # --8<-- [end:orphan]


def main() -> None:
    print("zombie: a child that has exited, before its parent reaps it")
    exited, code, reaped = zombie()
    print(f"  state in /proc/PID/stat: {exited}")
    print(f"  waitpid() collected its exit code: {code}")
    print(f"  state after waitpid(): {reaped}")
    print("orphan: a grandchild whose parent exits first")
    middle, before, after = orphan()
    print(f"  its parent at first is the middle process: {before == middle}")
    print(f"  then this process, the subreaper: {after == os.getpid()}")
    print("  this process reaped it: nothing is left behind")


# Plumbing: the middle process, the subreaper switch, /proc, deadlines.


def run_middle(report_w: int) -> NoReturn:
    try:
        ready_r, ready_w = os.pipe()
        if os.fork() == 0:
            run_grandchild(report_w, ready_w)
        os.close(ready_w)
        read_all(ready_r)  # until the grandchild has noted its parent
    finally:
        os._exit(0)  # exit first, leaving the grandchild an orphan


def state(pid: int) -> str:
    """The state letter in /proc/PID/stat: R running, S sleeping, Z..."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rpartition(")")[2].split()[0]
    except FileNotFoundError:
        return "gone"


def set_subreaper(on: bool) -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(PR_SET_CHILD_SUBREAPER, int(on), 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_CHILD_SUBREAPER)")


def wait_until_exited(pid: int, timeout: float = TIMEOUT) -> None:
    """Wait for the child to exit, but leave it to be reaped (WNOWAIT)."""
    deadline = time.monotonic() + timeout
    flags = os.WEXITED | os.WNOWAIT | os.WNOHANG
    while os.waitid(os.P_PID, pid, flags) is None:
        if time.monotonic() > deadline:
            raise TimeoutError(f"child {pid} ran for over {timeout} s")
        time.sleep(0.001)


def wait_for(pid: int, timeout: float = TIMEOUT) -> int:
    """waitpid() with a deadline: the child's exit code; kill on timeout."""
    deadline = time.monotonic() + timeout
    while (reaped := os.waitpid(pid, os.WNOHANG))[0] == 0:
        if time.monotonic() > deadline:
            os.kill(pid, signal.SIGKILL)
            os.waitpid(pid, 0)
            raise TimeoutError(f"child {pid} ran for over {timeout} s")
        time.sleep(0.001)
    return os.waitstatus_to_exitcode(reaped[1])


def read_all(fd: int, timeout: float = TIMEOUT) -> str:
    """Read a pipe until every writer has closed it, with a deadline."""
    deadline = time.monotonic() + timeout
    data = b""
    try:
        while True:
            left = max(deadline - time.monotonic(), 0)
            if not select.select([fd], [], [], left)[0]:
                raise TimeoutError(f"the pipe stayed open for {timeout} s")
            chunk = os.read(fd, 65536)
            if not chunk:  # end of file: every writer has closed it
                return data.decode()
            data += chunk
    finally:
        os.close(fd)


if __name__ == "__main__":
    main()
