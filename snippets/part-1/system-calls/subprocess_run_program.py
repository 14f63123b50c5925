"""subprocess.run(): the portable way to start a program and wait for it.

It works the same on Linux, macOS and Windows (which has no fork).
Underneath it picks what is safe for the options given: posix_spawn(),
or a fork (vfork on Linux) followed by exec, on POSIX systems, and
CreateProcess on Windows. It pipes the output back, returns the exit
code, and with a timeout kills a child that takes too long, so nothing
is left behind.
"""
# output: exact

import os
import subprocess
import sys

TIMEOUT = 10.0  # seconds; every wait for another program needs one
# The new program prints its PID and its parent's, then exits with 3.
REPORT_AND_EXIT = [
    sys.executable,
    "-c",
    "import os, sys; print(os.getpid(), os.getppid()); sys.exit(3)",
]
HANG = [sys.executable, "-c", "import time; time.sleep(60)"]


def run(argv: list[str], timeout: float = TIMEOUT) -> tuple[int, str]:
    """Run a program to completion: its exit code and its stdout."""
    result = subprocess.run(
        argv,
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    return result.returncode, result.stdout


def main() -> None:
    exit_code, output = run(REPORT_AND_EXIT)
    child_pid, child_parent = (int(n) for n in output.split())
    print("the program ran in a new process:", child_pid != os.getpid())
    print("its parent is this process:", child_parent == os.getpid())
    print("its exit code came back:", exit_code)
    try:
        run(HANG, timeout=0.2)
    except subprocess.TimeoutExpired as error:
        # run() has already killed the child and waited for it.
        print(f"no answer in {error.timeout} s: TimeoutExpired, child killed")


if __name__ == "__main__":
    main()
