"""subprocess.run(): the portable way to start a program and wait for it.

The same code runs on Linux, macOS and Windows (which has no fork). It
returns the exit code and the output, and with a timeout it kills a child
that takes too long and reaps it, so nothing is left behind.
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
    done = subprocess.run(
        argv, capture_output=True, text=True, timeout=timeout
    )
    return done.returncode, done.stdout


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
