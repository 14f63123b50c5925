"""exec() replaces the program running in a process; the PID stays.

The classic way a shell starts a command: fork() a copy of itself, then
exec() the command in the child. exec loads a new program into the
process: new code, new memory, same PID, same open files. On success it
never returns, because the code that called it is gone. Here the child
points its stdout at a pipe (as a shell does for `$(...)`), then execs a
fresh Python that prints its own PID.
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
# The new program: a separate Python that only prints its process ID.
PRINT_MY_PID = [sys.executable, "-c", "import os; print(os.getpid())"]


def fork_and_exec(argv: list[str]) -> Execed:
    sys.stdout.flush()
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.dup2(write_end, 1)  # its stdout (fd 1) is now the pipe
            os.execv(argv[0], argv)  # on success, this code is gone
        except OSError as error:  # the only way back: exec failed
            os.write(1, type(error).__name__.encode())
        finally:
            os._exit(127)  # the shell's code for "command not found"
    os.close(write_end)  # the parent
    try:
        output = read_all(read_end)  # what arrived through fd 1
    finally:
        code = wait_for(pid)  # reap the child: no zombie left behind
    return Execed(pid, output.strip(), code)
    # --8<-- [end:idea]


@dataclass
class Execed:
    pid_from_fork: int  # what fork() returned in the parent
    output: str  # what the child wrote to its stdout
    exit_code: int


def main() -> None:
    run = fork_and_exec(PRINT_MY_PID)
    print("the child exec'd a new Python, which printed its PID")
    print(
        "same PID as the child fork() created:",
        run.output == str(run.pid_from_fork),
    )
    print(
        "exit code:",
        run.exit_code,
        "(the child's own code after execv never ran)",
    )

    missing = fork_and_exec(["/no/such/program"])
    print("exec of a missing program returned, raising", missing.output)
    print("exit code:", missing.exit_code, "(the child's fallback)")


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
