"""A simulated power cut: what a file can hold after one, for five ways
of replacing its content.

The model is a file system with a page cache. A write changes only the
cache. The kernel writes dirty data back to the device on its own
schedule, in any order; fsync(file) forces that file's data and size
out, fsync(directory) forces the directory's entries out. A power cut
keeps what reached the device and loses the rest. The program cuts the
power after every step of each pattern, under every order of write-back
the kernel could have chosen, and lists what the file could hold.
"""
# output: exact

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

PAGE = 4  # bytes per page: tiny, so a 12-byte file spans three pages
OLD = b"old-old-old-"
NEW = b"NEW-NEW-NEW-"

# An update the device has not seen yet: ("page", inode, index, bytes),
# ("size", inode, size) or ("link", name, inode or None).
Update = tuple[object, ...]


@dataclass
class Inode:
    size: int = 0
    pages: dict[int, bytes] = field(default_factory=dict)

    def read(self) -> bytes:
        data = b"".join(
            self.pages.get(i, bytes(PAGE))
            for i in range(-(-self.size // PAGE))
        )
        return data[: self.size]


@dataclass
class State:
    names: dict[str, int] = field(default_factory=dict)
    inodes: dict[int, Inode] = field(default_factory=dict)

    def apply(self, update: Update) -> None:
        kind, *rest = update
        if kind == "link":
            name, ino = rest
            assert isinstance(name, str)
            if ino is None:
                self.names.pop(name, None)
            else:
                assert isinstance(ino, int)
                self.names[name] = ino
            return
        ino = rest[0]
        assert isinstance(ino, int)
        inode = self.inodes.setdefault(ino, Inode())
        if kind == "size":
            (size,) = rest[1:]
            assert isinstance(size, int)
            inode.size = size
            inode.pages = {
                i: p for i, p in inode.pages.items() if i * PAGE < size
            }
        else:
            index, data = rest[1:]
            assert isinstance(index, int) and isinstance(data, bytes)
            inode.pages[index] = data

    def read(self, name: str) -> bytes | None:
        ino = self.names.get(name)
        return None if ino is None else self.inodes.get(ino, Inode()).read()


class Disk:
    """The device's durable state, and the updates still in the page cache."""

    def __init__(self) -> None:
        self.durable = State()
        self.pending: list[Update] = []
        self.next_ino = 1

    # What a program calls (the cache answers at once).
    def create(self, name: str) -> int:
        ino, self.next_ino = self.next_ino, self.next_ino + 1
        self.pending += [("size", ino, 0), ("link", name, ino)]
        return ino

    def lookup(self, name: str) -> int:
        ino = self.cached().names[name]
        return ino

    def write(self, ino: int, data: bytes) -> None:  # from offset 0
        for i in range(0, len(data), PAGE):
            self.pending.append(("page", ino, i // PAGE, data[i : i + PAGE]))
        self.pending.append(("size", ino, len(data)))

    def truncate(self, ino: int) -> None:
        self.pending.append(("size", ino, 0))

    def rename(self, src: str, dst: str) -> None:
        ino = self.cached().names[src]
        self.pending += [("link", dst, ino), ("link", src, None)]

    def fsync(self, ino: int) -> None:
        self.flush(lambda u: u[0] != "link" and u[1] == ino)

    def fsync_dir(self) -> None:
        self.flush(lambda u: u[0] == "link")

    # What the model needs.
    def flush(self, chosen: Callable[[Update], bool]) -> None:
        for update in [u for u in self.pending if chosen(u)]:
            self.durable.apply(update)
        self.pending = [u for u in self.pending if not chosen(u)]

    def cached(self) -> State:
        return self.after(self.pending)

    def after(self, updates: list[Update]) -> State:
        state = State(
            dict(self.durable.names),
            {
                i: Inode(n.size, dict(n.pages))
                for i, n in self.durable.inodes.items()
            },
        )
        for update in updates:
            state.apply(update)
        return state

    def power_cuts(self, name: str) -> set[bytes | None]:
        """What `name` can hold after a power cut now: the kernel may have
        written back any subset of the pending updates, in order."""
        found = set()
        for n in range(len(self.pending) + 1):
            for kept in itertools.combinations(self.pending, n):
                found.add(self.after(list(kept)).read(name))
        return found


# --8<-- [start:idea]
def overwrite(disk: Disk) -> None:
    ino = disk.lookup("config")
    disk.truncate(ino)  # open(..., "wb")
    disk.write(ino, NEW)


def overwrite_fsync(disk: Disk) -> None:
    overwrite(disk)
    disk.fsync(disk.lookup("config"))


def rename_only(disk: Disk) -> None:
    ino = disk.create("config.tmp")
    disk.write(ino, NEW)
    disk.rename("config.tmp", "config")  # os.replace


def fsync_rename(disk: Disk) -> None:
    ino = disk.create("config.tmp")
    disk.write(ino, NEW)
    disk.fsync(ino)  # the new content is on the device ...
    disk.rename("config.tmp", "config")  # ... before the name points to it


def fsync_rename_fsync_dir(disk: Disk) -> None:
    fsync_rename(disk)
    disk.fsync_dir()  # and the new name is on the device too


PATTERNS = {
    "overwrite in place": overwrite,
    "overwrite, fsync": overwrite_fsync,
    "temp file, rename": rename_only,
    "temp file, fsync, rename": fsync_rename,
    "temp file, fsync, rename, fsync dir": fsync_rename_fsync_dir,
}
# --8<-- [end:idea]


class Recorder(Disk):
    """A disk that notes what a power cut could leave after every step."""

    def __init__(self) -> None:
        super().__init__()
        self.during: set[bytes | None] = set()
        ino = self.create("config")
        self.write(ino, OLD)
        self.fsync(ino)
        self.fsync_dir()
        self.during.clear()  # the old content is safely on the device

    def note(self) -> None:
        self.during |= self.power_cuts("config")

    def write(self, ino: int, data: bytes) -> None:
        super().write(ino, data)
        self.note()

    def truncate(self, ino: int) -> None:
        super().truncate(ino)
        self.note()

    def rename(self, src: str, dst: str) -> None:
        super().rename(src, dst)
        self.note()

    def fsync(self, ino: int) -> None:
        super().fsync(ino)
        self.note()


def label(content: bytes | None) -> str:
    if content == OLD:
        return "old"
    if content == NEW:
        return "new"
    if not content:
        return "missing" if content is None else "empty"
    return "torn"


def outcomes(pattern: Callable[[Disk], None]) -> tuple[list[str], list[str]]:
    """What a power cut can leave: during the pattern, and after it."""
    disk = Recorder()
    pattern(disk)
    order = ["old", "new", "empty", "missing", "torn"]
    during = {label(c) for c in disk.during}
    after = {label(c) for c in disk.power_cuts("config")}
    return (
        [k for k in order if k in during | after],
        [k for k in order if k in after],
    )


def main() -> None:
    print(f"{'pattern':37} {'power cut during':26} power cut after")
    for name, pattern in PATTERNS.items():
        during, after = outcomes(pattern)
        print(f"{name:37} {', '.join(during):26} {', '.join(after)}")
    disk = Recorder()
    overwrite(disk)
    torn = [c for c in disk.power_cuts("config") if label(c) == "torn"]
    assert all(c is not None for c in torn)
    torn.sort(key=lambda c: ((c or b"").count(0), c))  # fewest zeros first
    print("torn, for example:", ", ".join(repr(c) for c in torn[:3]))


if __name__ == "__main__":
    main()
