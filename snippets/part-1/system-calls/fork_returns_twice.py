"""fork() is called once and returns twice, once in each process.

After fork() there are two processes running the same code from the same
point. The only difference each can see is the return value: the child
gets 0, the parent gets the child's process ID. The child reports what it
saw through a pipe; the parent compares, then reaps the child with
waitpid(), which also hands it the child's exit code.
"""
# output: exact
# requires: posix

from __future__ import annotations

import os
import select
import signal
import sys
import time
from dataclasses import dataclass

TIMEOUT = 10.0  # seconds to wait for the child before giving up


# --8<-- [start:idea]
def fork_once(exit_code: int = 0) -> Forked:
    sys.stdout.flush()  # else the child gets a copy of unprinted text
    read_end, write_end = os.pipe()
    pid = os.fork()  # from here on, two processes run this code
    if pid == 0:  # the child: fork() returned 0
        try:
            seen = f"{pid} {os.getpid()} {os.getppid()}"
            os.write(write_end, seen.encode())
        finally:
            os._exit(exit_code)  # never return into the parent's code
    # The parent: fork() returned the child's PID.
    os.close(write_end)
    try:
        in_child, child_pid, its_parent = map(int, read_all(read_end).split())
    finally:
        code = wait_for(pid)  # reap the child: no zombie left behind
    return Forked(pid, in_child, child_pid, its_parent, os.getpid(), code)
    # --8<-- [end:idea]


@dataclass
class Forked:
    returned_in_parent: int  # what fork() gave the parent
    returned_in_child: int  # what fork() gave the child
    child_pid: int  # os.getpid() as the child saw it
    child_parent_pid: int  # os.getppid() as the child saw it
    parent_pid: int
    exit_code: int


def main() -> None:
    # Any code from 0 to 255 travels back to the parent; 7 is easy to spot.
    forked = fork_once(exit_code=7)
    print("child:  fork() returned", forked.returned_in_child)
    print(
        "parent: fork() returned the child's PID:",
        forked.returned_in_parent == forked.child_pid,
    )
    print(
        "child:  my parent is the process that called fork():",
        forked.child_parent_pid == forked.parent_pid,
    )
    print("two different processes:", forked.child_pid != forked.parent_pid)
    print(
        "parent: waitpid() reaped the child; its exit code:", forked.exit_code
    )


# Plumbing: every wait has a deadline, and nothing is left behind.


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


if __name__ == "__main__":
    main()
