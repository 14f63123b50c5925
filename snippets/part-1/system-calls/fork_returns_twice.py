"""fork() is called once and returns twice, once in each process.

After fork() there are two processes running the same code from the same
point. The only difference each can see is the return value: the child
gets 0, the parent gets the child's process ID. The child reports what it
saw through a pipe; the parent compares, then reaps the child with
waitpid(), which also hands it the child's exit code.
"""
# output: exact
# requires: posix

import json
import os
import select
import signal
import sys
import time
from dataclasses import dataclass

TIMEOUT = 10.0  # seconds to wait for the child before giving up


@dataclass
class Forked:
    returned_in_parent: int  # what fork() gave the parent
    returned_in_child: int  # what fork() gave the child
    child_pid: int  # os.getpid() as the child saw it
    child_parent_pid: int  # os.getppid() as the child saw it
    parent_pid: int
    exit_code: int


def wait_for(pid: int, timeout: float = TIMEOUT) -> int:
    """waitpid with a deadline: reap the child, return its exit code."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.001)
    os.kill(pid, signal.SIGKILL)  # never leave a child behind
    os.waitpid(pid, 0)
    raise TimeoutError(f"child {pid} did not exit in {timeout} s")


def read_to_eof(fd: int, timeout: float = TIMEOUT) -> bytes:
    """Read a pipe until every write end is closed, with a deadline."""
    data = b""
    deadline = time.monotonic() + timeout
    while True:
        left = max(deadline - time.monotonic(), 0)
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            raise TimeoutError(f"the pipe stayed open for {timeout} s")
        chunk = os.read(fd, 65536)
        if not chunk:  # end of file: the child has exited
            return data
        data += chunk


def fork_once(exit_code: int = 0) -> Forked:
    # Flush first: the child gets a copy of any text still buffered here,
    # and would print it a second time.
    sys.stdout.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()  # from here on, two processes run this code
    if pid == 0:  # the child
        code = 1
        try:
            os.close(read_end)
            seen = {"fork": pid, "pid": os.getpid(), "ppid": os.getppid()}
            os.write(write_end, json.dumps(seen).encode())
            code = exit_code
        finally:
            # Never return into the parent's code (its callers, its
            # atexit handlers): a child of fork ends with os._exit().
            os._exit(code)
    os.close(write_end)  # the parent
    try:
        seen = json.loads(read_to_eof(read_end))
    finally:
        os.close(read_end)
        exit_code = wait_for(pid)  # reaped: no zombie left behind
    return Forked(
        returned_in_parent=pid,
        returned_in_child=seen["fork"],
        child_pid=seen["pid"],
        child_parent_pid=seen["ppid"],
        parent_pid=os.getpid(),
        exit_code=exit_code,
    )


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


if __name__ == "__main__":
    main()
