"""A container's first step: a child process that renames its "machine".

unshare(2) moves the calling process into new namespaces. The child here
asks for a new user namespace (where it may be root without being root on
the host) and a new UTS namespace (its own hostname), then renames itself.
Same kernel, same machine, no hypervisor: the parent still sees the old
hostname. Container runtimes do this for every namespace type at once.
"""
# output: property
# requires: linux

import ctypes
import json
import os
import socket
import subprocess
import sys
from pathlib import Path

CLONE_NEWUTS = 0x04000000  # from <sched.h>; os.CLONE_NEWUTS in 3.12+
CLONE_NEWUSER = 0x10000000
NEW_HOSTNAME = "sandbox"


# --8<-- [start:idea]
def view() -> dict[str, object]:
    """What this process sees: hostname, user id, and its namespaces."""
    ns = {n: os.readlink(f"/proc/self/ns/{n}") for n in ("user", "uts")}
    return {"hostname": socket.gethostname(), "uid": os.getuid(), **ns}


def child() -> None:
    """Runs in the child: new namespaces, a new name, then report."""
    outside_uid = os.getuid()
    libc = ctypes.CDLL(None, use_errno=True)  # os.unshare exists from 3.12
    if libc.unshare(CLONE_NEWUSER | CLONE_NEWUTS) != 0:
        error = os.strerror(ctypes.get_errno())
        print(json.dumps({"error": f"unshare: {error}"}))
        return
    # Map uid 0 inside the new user namespace to our own uid outside: the
    # child is root here, and still an ordinary user to the host.
    Path("/proc/self/uid_map").write_text(f"0 {outside_uid} 1")
    socket.sethostname(NEW_HOSTNAME)  # needs CAP_SYS_ADMIN: we have it here
    print(json.dumps(view()))
    # --8<-- [end:idea]


def run_child() -> dict[str, object]:
    # A fresh interpreter: unshare(CLONE_NEWUSER) refuses threaded callers.
    result = subprocess.run(
        [sys.executable, __file__, "child"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    if result.returncode != 0:
        return {"error": result.stderr.strip().splitlines()[-1]}
    report: dict[str, object] = json.loads(result.stdout)
    return report


def show(who: str, seen: dict[str, object]) -> None:
    print(
        f"{who:<7} hostname {seen['hostname']!r:<10} uid {seen['uid']:<6}"
        f" {seen['uts']}  {seen['user']}"
    )


def main() -> None:
    if sys.argv[1:] == ["child"]:  # this same file, run as the child
        child()
        return
    show("parent", view())
    inside = run_child()
    if "error" in inside:
        # Docker's default seccomp profile, Ubuntu's AppArmor rules and
        # some kernels refuse unprivileged user namespaces.
        print(f"child   not allowed here: {inside['error']}")
        return
    show("child", inside)
    show("parent", view())


if __name__ == "__main__":
    main()
