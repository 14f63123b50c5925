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

import os
import select
import signal
import sys
import time
from dataclasses import dataclass

TIMEOUT = 10.0  # seconds to wait for the child before giving up
# The new program: a separate Python that only prints its process ID.
PRINT_MY_PID = [sys.executable, "-c", "import os; print(os.getpid())"]


@dataclass
class Execed:
    pid_from_fork: int  # what fork() returned in the parent
    output: str  # what the child wrote to its stdout
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


def fork_and_exec(argv: list[str]) -> Execed:
    sys.stdout.flush()  # the child must not inherit unprinted text
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child
        try:
            os.dup2(write_end, 1)  # its stdout (fd 1) is now the pipe
            # On success execv never returns: this code is gone, and the
            # new program inherits fd 1, so its output comes to us.
            os.execv(argv[0], argv)
        except OSError as error:  # the only way back: exec failed
            os.write(1, type(error).__name__.encode())
        finally:
            os._exit(127)  # the shell's code for "command not found"
    os.close(write_end)  # the parent
    try:
        output = read_to_eof(read_end).decode().strip()
    finally:
        os.close(read_end)
        exit_code = wait_for(pid)  # reaped: no zombie left behind
    return Execed(pid, output, exit_code)


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


if __name__ == "__main__":
    main()
