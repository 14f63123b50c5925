"""Storage latency on this machine: from a dictionary lookup to a
database commit that waits for the disk.

Each figure is the median of a few timed batches after a warm-up batch,
per operation. The files go in a temporary folder inside the current
directory, so the disk measured is the one you run this from (on tmpfs,
a RAM disk, fsync costs nothing). `make bench` runs the same functions
with more repeats and writes the table the Databases chapter shows.
"""
# output: normalise timings, ratios, machine

from __future__ import annotations

import itertools
import mmap
import os
import platform
import random
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Callable
from contextlib import ExitStack, closing

KiB, MiB = 1 << 10, 1 << 20
# One timed batch: seconds per operation.
Batch = Callable[[], float]
# Opens what an operation needs (closed by the stack), returns its batch.
Setup = Callable[[str, ExitStack], Batch]
SCHEMA = "CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)"


def per_op(op: Callable[[], object], count: int) -> Batch:
    def batch() -> float:
        start = time.perf_counter()
        for _ in range(count):
            op()
        return (time.perf_counter() - start) / count

    return batch


def dict_lookup(folder: str, stack: ExitStack) -> Batch:
    table = {f"user:{i}": i for i in range(100_000)}

    def batch(count: int = 100_000) -> float:
        start = time.perf_counter()
        for _ in range(count):
            table["user:4242"]
        return (time.perf_counter() - start) / count

    return batch


def copy_1mib(folder: str, stack: ExitStack) -> Batch:
    buffer = bytearray(MiB)
    return per_op(lambda: bytes(buffer), 50)


def a_file(folder: str, stack: ExitStack, size: int = MiB) -> int:
    fd = os.open(os.path.join(folder, "data.bin"), os.O_RDWR | os.O_CREAT)
    stack.callback(os.close, fd)
    os.pwrite(fd, os.urandom(size), 0)  # now in the page cache
    return fd


def read_4k_cached(folder: str, stack: ExitStack) -> Batch:
    fd = a_file(folder, stack)
    return per_op(lambda: os.pread(fd, 4 * KiB, 256 * KiB), 2_000)


def read_1mib_cached(folder: str, stack: ExitStack) -> Batch:
    fd = a_file(folder, stack)
    return per_op(lambda: os.pread(fd, MiB, 0), 50)


class Unsupported(Exception):
    """This operation cannot be measured on this system."""


def a_device_file(folder: str, stack: ExitStack, size: int = 8 * MiB) -> int:
    """A file on the device, opened to bypass the page cache (Linux)."""
    if not hasattr(os, "O_DIRECT") or not hasattr(os, "preadv"):
        raise Unsupported("no O_DIRECT here (Linux only)")
    if filesystem(folder) == "tmpfs":  # recent kernels accept O_DIRECT there
        raise Unsupported("tmpfs: there is no device behind it")
    path = os.path.join(folder, "direct.bin")
    with open(path, "wb") as f:
        block = os.urandom(MiB)
        for _ in range(size // MiB):
            f.write(block)
        f.flush()
        os.fsync(f.fileno())
    try:
        fd = os.open(path, os.O_RDONLY | os.O_DIRECT)
    except OSError as error:  # some file systems refuse it
        raise Unsupported(f"O_DIRECT refused: {error}") from None
    stack.callback(os.close, fd)
    return fd


def read_4k_device(folder: str, stack: ExitStack) -> Batch:
    fd = a_device_file(folder, stack)
    buffer = stack.enter_context(mmap.mmap(-1, 4 * KiB))  # page-aligned
    offsets = random.Random(1).sample(range(0, 8 * MiB, 4 * KiB), 2_000)

    def read() -> None:
        os.preadv(fd, [buffer], offsets.pop())  # a random block

    return per_op(read, 40)


def read_1mib_device(folder: str, stack: ExitStack) -> Batch:
    fd = a_device_file(folder, stack)
    buffer = stack.enter_context(mmap.mmap(-1, MiB))
    starts = itertools.cycle(range(0, 8 * MiB, MiB))
    return per_op(lambda: os.preadv(fd, [buffer], next(starts)), 5)


# --8<-- [start:idea]
def write_4k(folder: str, stack: ExitStack) -> Batch:
    fd, block = a_file(folder, stack), os.urandom(4 * KiB)
    return per_op(lambda: os.pwrite(fd, block, 8 * KiB), 1_000)


def write_4k_fsync(folder: str, stack: ExitStack) -> Batch:
    fd, block = a_file(folder, stack), os.urandom(4 * KiB)

    def write_and_sync() -> None:
        os.pwrite(fd, block, 8 * KiB)
        os.fsync(fd)  # wait until the device has it

    return per_op(write_and_sync, 10)


def sqlite_commit(journal: str, sync: str) -> Setup:
    def setup(folder: str, stack: ExitStack) -> Batch:
        path = os.path.join(folder, f"{journal}-{sync}.db")
        db = stack.enter_context(closing(sqlite3.connect(path)))
        db.isolation_level = None  # autocommit: every INSERT is a commit
        db.execute(f"PRAGMA journal_mode={journal}")
        db.execute(f"PRAGMA synchronous={sync}")
        db.execute(SCHEMA)
        return per_op(lambda: db.execute("INSERT INTO t (v) VALUES ('x')"), 5)

    return setup


def sqlite_batched_row(folder: str, stack: ExitStack) -> Batch:
    path = os.path.join(folder, "batched.db")
    db = stack.enter_context(closing(sqlite3.connect(path)))
    db.execute(SCHEMA)
    rows = [("x",)] * 1_000

    def batch() -> float:  # one transaction, one commit, 1,000 rows
        start = time.perf_counter()
        with db:
            db.executemany("INSERT INTO t (v) VALUES (?)", rows)
        return (time.perf_counter() - start) / len(rows)

    return batch
    # --8<-- [end:idea]


# key -> (what a table says, how to measure it)
OPERATIONS: dict[str, tuple[str, Setup]] = {
    "dict_lookup": ("Dictionary lookup", dict_lookup),
    "copy_1mib": ("Copy 1 MiB in memory", copy_1mib),
    "read_4k_cached": (
        "Read 4 KiB of a file in the page cache",
        read_4k_cached,
    ),
    "read_1mib_cached": (
        "Read 1 MiB of a file in the page cache",
        read_1mib_cached,
    ),
    "read_4k_device": (
        "Read 4 KiB at random from the device (O_DIRECT)",
        read_4k_device,
    ),
    "read_1mib_device": (
        "Read 1 MiB in sequence from the device (O_DIRECT)",
        read_1mib_device,
    ),
    "write_4k": ("Write 4 KiB to a file (page cache only)", write_4k),
    "write_4k_fsync": ("Write 4 KiB to a file and fsync it", write_4k_fsync),
    "sqlite_delete_full": (
        "SQLite commit of one row: rollback journal, synchronous=FULL",
        sqlite_commit("DELETE", "FULL"),
    ),
    "sqlite_wal_full": (
        "SQLite commit of one row: WAL, synchronous=FULL",
        sqlite_commit("WAL", "FULL"),
    ),
    "sqlite_wal_normal": (
        "SQLite commit of one row: WAL, synchronous=NORMAL",
        sqlite_commit("WAL", "NORMAL"),
    ),
    "sqlite_batched_row": (
        "SQLite row inside a 1,000-row transaction (default settings)",
        sqlite_batched_row,
    ),
}


def measure(key: str, folder: str, repeats: int = 3) -> float:
    """Median seconds per operation over `repeats` batches, after one.
    Raises Unsupported for an operation this system cannot do."""
    with ExitStack() as stack:
        batch = OPERATIONS[key][1](folder, stack)
        batch()  # warm-up
        return statistics.median(batch() for _ in range(repeats))


def filesystem(path: str) -> str:
    """The type of the file system holding `path` (Linux only)."""
    best, kind, real = "", "unknown file system", os.path.realpath(path)
    try:
        with open("/proc/self/mounts", encoding="utf-8") as mounts:
            for line in mounts:
                fields = line.split()
                point = fields[1]
                inside = os.path.commonpath([real, point]) == point
                if inside and len(point) > len(best):
                    best, kind = point, fields[2]
    except OSError:
        pass
    return kind


def fmt(seconds: float) -> str:
    for unit, scale in (("ns", 1e-9), ("us", 1e-6), ("ms", 1e-3)):
        if seconds / scale < 999.5:
            return f"{seconds / scale:.3g} {unit}"
    return f"{seconds:.3g} s"


def main() -> None:
    with tempfile.TemporaryDirectory(dir=os.getcwd()) as folder:
        print(f"machine: {platform.platform()}, {filesystem(folder)}")
        base = 0.0
        for key, (label, _) in OPERATIONS.items():
            try:
                seconds = measure(key, folder)
            except Unsupported as why:
                print(f"{label:62} skipped: {why}")
                continue
            base = base or seconds
            print(f"{label:62} {fmt(seconds)} ({seconds / base:.0f}x)")


if __name__ == "__main__":
    main()
