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


def wait_for(pid: int, timeout: float = TIMEOUT) -> int:
    """waitpid with a deadline: return the child's exit code."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.01)
    os.kill(pid, signal.SIGKILL)  # never leave a child behind
    os.waitpid(pid, 0)
    raise TimeoutError(f"child {pid} did not exit in {timeout} s")


def fork_and_change(data: list[str]) -> dict[str, object]:
    """Fork; the child overwrites data[0] and reports what it then sees."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: same memory contents, same addresses
        code = 1
        try:
            os.close(read_end)
            data[0] = "changed by the child"  # this write copies a page
            report = {"value": data[0], "address": id(data)}
            os.write(write_end, json.dumps(report).encode())
            code = 0
        finally:
            # Never return into the parent's code; skip its cleanup too
            # (atexit handlers, unflushed output buffers).
            os._exit(code)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        ready, _, _ = select.select([pipe], [], [], TIMEOUT)
        if not ready:
            wait_for(pid, timeout=0)  # kills the child, raises TimeoutError
        child: dict[str, object] = json.loads(
            pipe.read()
        )  # to EOF: the child exits next
    child["exit_code"] = wait_for(pid)
    return child


def main() -> None:
    data = ["set by the parent"]
    print(f"parent, before fork: {data[0]!r}")
    child = fork_and_change(data)
    print(f"child, after its write: {child['value']!r}")
    print(f"parent, after the child exits: {data[0]!r}")
    # id() is the object's address in CPython: a virtual address.
    print(
        "same virtual address in both processes:", child["address"] == id(data)
    )
    print("child exit code:", child["exit_code"])


if __name__ == "__main__":
    main()
