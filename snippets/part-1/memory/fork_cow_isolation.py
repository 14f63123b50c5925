"""Copy-on-write after fork: the child changes its copy, not the parent's.

fork() gives the child the same virtual addresses as the parent, backed at
first by the very same physical pages, marked read-only. The first write
by either side faults, and the kernel copies just that page for the
writer. So the child sees its change, the parent keeps its value, and the
object even sits at the same (virtual) address in both.
"""
# output: exact
# requires: posix

import json
import os
import select
import signal
import time

TIMEOUT = 10.0  # seconds to wait for the child before giving up


# --8<-- [start:idea]
def fork_and_change(data: list[str]) -> dict[str, object]:
    """Fork; the child overwrites data[0] and reports what it then sees."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: same memory contents, same addresses
        try:
            data[0] = "changed by the child"  # this write copies a page
            report = {"value": data[0], "address": id(data)}
            os.write(write_end, json.dumps(report).encode())
        finally:
            os._exit(0)  # never return into the parent's code
    os.close(write_end)
    try:
        child: dict[str, object] = json.loads(read_all(read_end))
    finally:
        code = wait_for(pid)  # reap the child: no zombie left behind
    return {**child, "exit_code": code}


def main() -> None:
    data = ["set by the parent"]
    print(f"parent, before fork: {data[0]!r}")
    child = fork_and_change(data)
    print(f"child, after its write: {child['value']!r}")
    print(f"parent, after the child exits: {data[0]!r}")
    # id() is the object's address in CPython: a virtual address.
    same = child["address"] == id(data)
    print("same virtual address in both processes:", same)
    print("child exit code:", child["exit_code"])
    # --8<-- [end:idea]


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
