"""What makes a process a container: its namespaces and its cgroup.

A container is not a small virtual machine. It is an ordinary process that
the kernel shows a private view of the system (namespaces) and holds to a
budget (a cgroup). Linux publishes both for every process under /proc, so
any process can look at its own. Run it on your laptop, then inside
`docker run` or a CI job, and compare.
"""
# output: property
# requires: linux

import os
from pathlib import Path

LIMIT_FILES = ("memory.max", "cpu.max", "pids.max")


# --8<-- [start:idea]
def namespace_ids(pid: str = "self") -> dict[str, str | None]:
    """Each namespace type -> its identity, like 'uts:[4026531838]'.

    Two processes share a namespace exactly when their links read the
    same. None: the kernel would not let us look (it needs ptrace rights).
    """
    folder = f"/proc/{pid}/ns"
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        return {}
    return {name: read_link(f"{folder}/{name}") for name in names}


def cgroup_memberships() -> list[tuple[str, str, str]]:
    """(hierarchy id, controllers, path) for each line of /proc/self/cgroup.

    cgroup v2 is one line, '0::/path'. A v1 or hybrid system adds one
    line per controller hierarchy, such as '4:memory:/path'.
    """
    text = Path("/proc/self/cgroup").read_text()
    lines = [line.split(":", 2) for line in text.splitlines() if line]
    return [(hid, controllers, path) for hid, controllers, path in lines]


def cgroup2_limits(folder: Path) -> dict[str, str | None]:
    """The limit files of one cgroup: 'max' is no limit; None, no file.

    cpu.max is 'quota period' in microseconds: '50000 100000' is half a
    CPU. The root cgroup has none, and a parent's limits bind its children.
    """
    return {name: read_text(folder / name) for name in LIMIT_FILES}
    # --8<-- [end:idea]


def compare(mine: str | None, theirs: str | None) -> str:
    if mine is None or theirs is None:
        return "unreadable"
    return "same" if mine == theirs else "differs"


def main() -> None:
    mine = namespace_ids()
    parent = namespace_ids(str(os.getppid()))
    init = namespace_ids("1")
    print("namespaces of this process (/proc/self/ns):")
    print(f"  {'type':<18} {'identity':<22} {'parent':<11} PID 1")
    for kind, ident in mine.items():
        # A child inherits every namespace of its parent unless whoever
        # created it asked the kernel for new ones: that is a container.
        as_parent = compare(ident, parent.get(kind))
        as_init = compare(ident, init.get(kind))
        print(f"  {kind:<18} {ident or '?':<22} {as_parent:<11} {as_init}")

    print("cgroups of this process (/proc/self/cgroup):")
    for hid, controllers, path in cgroup_memberships():
        label = "v2" if hid == "0" else f"v1 {controllers}"
        print(f"  {label:<18} {path}")

    folder = cgroup2_folder()
    if folder is None:
        print("no cgroup v2 hierarchy mounted: limits not read")
        return
    print(f"cgroup v2 limits in {folder}:")
    for name, value in cgroup2_limits(folder).items():
        print(f"  {name:<18} {value or 'not present'}")


# Plumbing: where the cgroup v2 tree is mounted, and reads that may fail.


def cgroup2_folder() -> Path | None:
    """Where this process's cgroup v2 files live, or None without v2."""
    path = next((p for h, c, p in cgroup_memberships() if h == "0"), None)
    if path is None:
        return None
    # The v2 tree is mounted somewhere (usually /sys/fs/cgroup; on hybrid
    # systems /sys/fs/cgroup/unified). mountinfo says where, and which
    # part of the tree the mount shows (field 4, its root).
    for line in Path("/proc/self/mountinfo").read_text().splitlines():
        fields, _, tail = line.partition(" - ")
        if tail.split(" ")[0] != "cgroup2":
            continue
        root, mount_point = fields.split(" ")[3:5]
        if path == root or path.startswith(root.rstrip("/") + "/"):
            relative = path[len(root) :].lstrip("/")
            return Path(mount_point) / relative
    return None


def read_link(path: str) -> str | None:
    try:
        return os.readlink(path)
    except OSError:  # another user's process: no permission to look
        return None


def read_text(path: Path) -> str | None:
    try:
        return path.read_text().strip()
    except OSError:
        return None


if __name__ == "__main__":
    main()
