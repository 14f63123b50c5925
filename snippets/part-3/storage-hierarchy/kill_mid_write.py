"""A real crash on demand: a child process is killed with SIGKILL half-way
through replacing a file, once overwriting it in place and once through a
temporary file and an atomic rename.

The child writes the first half of the new content, tells the parent
through a pipe, and waits; the parent kills it at exactly that point.
The overwritten file is left torn; the renamed one is whole, old or new.
POSIX only: it fsyncs a directory, which Windows cannot open.
"""
# output: exact
# requires: posix

from __future__ import annotations

import multiprocessing
import os
import tempfile
from multiprocessing.connection import Connection
from pathlib import Path

SIZE = 1 << 20  # 1 MiB
OLD = b"o" * SIZE
NEW = b"N" * SIZE
TIMEOUT = 10.0


def halfway(conn: Connection) -> None:
    """Tell the parent we are half done, then wait (to be killed)."""
    conn.send("half written")
    conn.poll(TIMEOUT)  # returns early only if the parent lets us go on


# --8<-- [start:idea]
def overwrite(path: str, conn: Connection) -> None:
    with open(path, "wb") as f:  # "wb" empties the file at once
        f.write(NEW[: SIZE // 2])
        f.flush()  # in the kernel now: a kill cannot take it back
        halfway(conn)
        f.write(NEW[SIZE // 2 :])


def replace_atomically(path: str, conn: Connection) -> None:
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(NEW[: SIZE // 2])
        f.flush()
        halfway(conn)
        f.write(NEW[SIZE // 2 :])
        f.flush()
        os.fsync(f.fileno())  # the content reaches the device ...
    os.replace(tmp, path)  # ... then the name switches, in one step
    fd = os.open(os.path.dirname(path), os.O_RDONLY)
    try:
        os.fsync(fd)  # and the switch itself reaches the device
    finally:
        os.close(fd)


def recover(path: str) -> None:
    """At start-up: a leftover temporary file is an unfinished write."""
    if os.path.exists(path + ".tmp"):
        os.remove(path + ".tmp")
        # --8<-- [end:idea]


def crash(writer: str, path: str, kill: bool) -> bytes:
    """Run `writer` in a child over a file holding OLD; kill it half-way
    (or let it finish), recover, and return what the file holds."""
    Path(path).write_bytes(OLD)
    parent, child = multiprocessing.Pipe()
    target = {"overwrite": overwrite, "replace": replace_atomically}[writer]
    process = multiprocessing.Process(target=target, args=(path, child))
    process.start()
    try:
        if not parent.poll(TIMEOUT):
            raise TimeoutError("the child never reached half-way")
        parent.recv()
        if kill:
            process.kill()  # SIGKILL: no cleanup, no flush, no finally
        else:
            parent.send("go on")
        process.join(TIMEOUT)
    finally:
        if process.is_alive():
            process.kill()
            process.join(TIMEOUT)
        parent.close()
        child.close()
    recover(path)
    return Path(path).read_bytes()


def describe(data: bytes) -> str:
    if data == OLD:
        return "old content, whole"
    if data == NEW:
        return "new content, whole"
    return (
        f"TORN: {len(data):,} bytes ({data.count(b'N'):,} new,"
        f" {data.count(b'o'):,} old)"
    )


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "data.bin")
        for writer in ("overwrite", "replace"):
            for kill in (True, False):
                what = "killed half-way" if kill else "left to finish "
                result = describe(crash(writer, path, kill))
                print(f"{writer:9} {what}: {result}")


if __name__ == "__main__":
    main()
