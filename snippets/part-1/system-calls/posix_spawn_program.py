"""posix_spawn(): start a new program in one call, without copying ourselves.

fork() + exec() first duplicates the caller, then throws the copy away.
posix_spawn() creates the child and loads the new program in one step.
glibc, musl and macOS do it without copying the parent's memory map, and
on Linux and macOS a failed exec comes back to the caller as an error.
File actions replace the work a child would do between fork and exec:
here, pointing its stdout at our pipe.
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
# The new program prints its own PID and its parent's PID.
PRINT_PIDS = [
    sys.executable,
    "-c",
    "import os; print(os.getpid(), os.getppid())",
]


def spawn(argv: list[str]) -> Spawned:
    read_end, write_end = os.pipe()
    try:
        # One call: a new process running argv[0], its fd 1 our pipe.
        pid = os.posix_spawn(
            argv[0],
            argv,
            os.environ,
            file_actions=[(os.POSIX_SPAWN_DUP2, write_end, 1)],
        )
    except OSError:  # a missing program: no child, the error is ours
        os.close(read_end)
        raise
    finally:
        os.close(write_end)  # the child has its own copy now
    try:
        output = read_all(read_end)
    finally:
        code = wait_for(pid)  # reap the child: no zombie left behind
    return Spawned(pid, output.strip(), code)
    # --8<-- [end:idea]


@dataclass
class Spawned:
    pid: int  # what posix_spawn() returned
    output: str  # what the new program wrote to its stdout
    exit_code: int


def main() -> None:
    run = spawn(PRINT_PIDS)
    child_pid, child_parent = (int(n) for n in run.output.split())
    print(
        "posix_spawn() returned the new program's PID:", run.pid == child_pid
    )
    print("its parent is this process:", child_parent == os.getpid())
    print("exit code:", run.exit_code)
    try:
        spawn(["/no/such/program"])
    except FileNotFoundError as error:
        # No child to inspect: the error reaches the caller directly.
        print("a missing program fails in the caller:", type(error).__name__)


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
