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

import os
import select
import signal
import sys
import time
from dataclasses import dataclass

TIMEOUT = 10.0  # seconds to wait for the child before giving up
# The new program prints its own PID and its parent's PID.
PRINT_PIDS = [
    sys.executable,
    "-c",
    "import os; print(os.getpid(), os.getppid())",
]


@dataclass
class Spawned:
    pid: int  # what posix_spawn() returned
    output: str  # what the new program wrote to its stdout
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
    except OSError:
        os.close(read_end)
        raise
    finally:
        os.close(write_end)  # the child has its own copy now
    try:
        output = read_to_eof(read_end).decode().strip()
    finally:
        os.close(read_end)
        exit_code = wait_for(pid)  # reaped: no zombie left behind
    return Spawned(pid, output, exit_code)


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


if __name__ == "__main__":
    main()
