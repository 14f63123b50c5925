"""Graceful shutdown: on SIGTERM, finish the unit of work in hand, exit 0.

Service managers stop a program with SIGTERM, wait a grace period, then
send SIGKILL (systemd, `docker stop`, Kubernetes). SIGTERM's default action
ends the process at once, in the middle of whatever it was doing. A handler
that only sets a flag lets the worker finish the unit it is on and leave
cleanly. The parent runs the same worker twice, with the handler and
without it, and sends SIGTERM at the same point: in the middle of unit 2.
"""
# output: exact
# requires: posix

import signal
import subprocess
import sys
from select import select
from subprocess import PIPE
from types import FrameType
from typing import IO

TIMEOUT = 10.0  # seconds; every wait for the worker has a deadline
stopping = False  # set by the handler, read by the worker's loop


# --8<-- [start:worker]
def ask_to_stop(signum: int, frame: FrameType | None) -> None:
    global stopping
    stopping = True  # only take note: the loop stops between two units


def worker(graceful: bool) -> None:
    handler = ask_to_stop if graceful else signal.SIG_DFL  # the default
    signal.signal(signal.SIGTERM, handler)
    for unit in range(1, 100):
        say(f"unit {unit} started")
        do_the_work()
        say(f"unit {unit} done")
        if stopping:
            say(f"SIGTERM noted: stopping cleanly after unit {unit}")
            sys.exit(0)
    # --8<-- [end:worker]


# --8<-- [start:parent]
def stop_in_mid_unit(graceful: bool) -> tuple[list[str], int]:
    """Run a worker, send it SIGTERM during unit 2, wait for its exit."""
    argv = [sys.executable, __file__, "graceful" if graceful else "plain"]
    child = subprocess.Popen(argv, stdin=PIPE, stdout=PIPE, bufsize=0)
    try:
        seen = [read_line(child.stdout)]  # unit 1 started
        finish_unit(child)
        seen += [read_line(child.stdout), read_line(child.stdout)]
        child.send_signal(signal.SIGTERM)  # what `docker stop` sends
        seen.append("(the parent sends SIGTERM)")
        rest, _ = child.communicate(b"go\n", timeout=TIMEOUT)  # unit 2 ends
    finally:
        if child.poll() is None:  # never leave a worker behind
            child.kill()
            child.wait(TIMEOUT)
    return seen + rest.decode().splitlines(), child.returncode
    # --8<-- [end:parent]


def main() -> None:
    if sys.argv[1:] in (["graceful"], ["plain"]):  # run as the worker
        worker(sys.argv[1] == "graceful")
        return
    for graceful in (True, False):
        title = "with a SIGTERM handler" if graceful else "without a handler"
        print(f"{title}:")
        lines, code = stop_in_mid_unit(graceful)
        for line in lines:
            print(f"  {line}")
        if code < 0:  # subprocess reports "killed by signal N" as -N
            print(f"  killed by {signal.Signals(-code).name} in mid-unit")
        else:
            print(f"  exit code {code}")


# Plumbing: the worker's "work" and the handshake that makes every run the
# same. A unit of work ends when the parent writes a line to its stdin.


def say(line: str) -> None:
    print(line, flush=True)


def do_the_work() -> None:
    """Stands in for work that takes a while: it ends when told to."""
    if not sys.stdin.readline():  # end of file: the parent is gone
        sys.exit(1)


def finish_unit(child: "subprocess.Popen[bytes]") -> None:
    assert child.stdin is not None
    child.stdin.write(b"go\n")


def read_line(pipe: IO[bytes] | None, timeout: float = TIMEOUT) -> str:
    """One line from the worker (an unbuffered pipe), with a deadline."""
    assert pipe is not None
    if not select([pipe], [], [], timeout)[0]:
        raise TimeoutError(f"no line from the worker in {timeout} s")
    return pipe.readline().decode().rstrip("\n")


if __name__ == "__main__":
    main()
