"""A Bitcask-style key-value store: an append-only log on disk and an
in-memory key directory, with CRC-framed records so that a record torn
by a crash is found and dropped when the store is reopened.

Each record is: CRC32 (4 bytes), kind (1: put or delete), key length
(4), value length (4), key, value. The CRC covers everything after it.
Reopening scans the log from the start and keeps every complete record
whose CRC matches; the first one that is cut short or damaged ends the
log, and the file is truncated there. Compaction rewrites only the live
keys into a new file and renames it over the old one.
"""
# output: exact

from __future__ import annotations

import os
import struct
import tempfile
import zlib

HEADER = struct.Struct(">IBII")  # crc, kind, key length, value length
PUT, DELETE = 0, 1


# --8<-- [start:frame]
def encode(kind: int, key: bytes, value: bytes) -> bytes:
    body = HEADER.pack(0, kind, len(key), len(value))[4:] + key + value
    return struct.pack(">I", zlib.crc32(body)) + body


def scan(data: bytes) -> tuple[list[tuple[int, bytes, int, int]], int]:
    """Every complete, intact record as (kind, key, value offset, value
    length), and the offset where the intact log ends."""
    records, at = [], 0
    while at + HEADER.size <= len(data):
        crc, kind, klen, vlen = HEADER.unpack_from(data, at)
        end = at + HEADER.size + klen + vlen
        if end > len(data) or zlib.crc32(data[at + 4 : end]) != crc:
            break  # cut short or damaged: the log ends here
        key_at = at + HEADER.size
        records.append(
            (kind, data[key_at : key_at + klen], key_at + klen, vlen)
        )
        at = end
    return records, at
    # --8<-- [end:frame]


class LogStore:
    def __init__(self, path: str, sync: bool = True) -> None:
        self.path, self.sync = path, sync
        self.load()

    # --8<-- [start:recover]
    def load(self) -> None:
        """Rebuild the key directory by replaying the log from the start."""
        path = self.path
        self.keydir: dict[bytes, tuple[int, int]] = {}  # key -> (offset, size)
        with open(path, "ab+") as f:  # creates the file if needed
            f.seek(0)
            data = f.read()
        records, good = scan(data)
        for kind, key, offset, size in records:  # replay: last write wins
            if kind == PUT:
                self.keydir[key] = (offset, size)
            else:
                self.keydir.pop(key, None)
        self.dropped = len(data) - good
        if self.dropped:  # a torn tail: cut it off before appending
            os.truncate(path, good)
        self.file = open(path, "ab+")  # noqa: SIM115 (closed by close())
        # --8<-- [end:recover]

    def _append(self, kind: int, key: bytes, value: bytes) -> int:
        offset = self.file.seek(0, os.SEEK_END)
        self.file.write(encode(kind, key, value))
        self.file.flush()
        if self.sync:
            os.fsync(self.file.fileno())  # durable before we say "done"
        return offset + HEADER.size + len(key)

    def put(self, key: bytes, value: bytes) -> None:
        self.keydir[key] = (self._append(PUT, key, value), len(value))

    def delete(self, key: bytes) -> None:
        self._append(DELETE, key, b"")  # a tombstone
        self.keydir.pop(key, None)

    def get(self, key: bytes) -> bytes | None:
        if key not in self.keydir:
            return None
        offset, size = self.keydir[key]
        self.file.seek(offset)  # one seek, one read
        return self.file.read(size)

    def compact(self) -> None:
        """Write the live keys to a new file, then swap it in atomically."""
        tmp = self.path + ".compact"
        with open(tmp, "wb") as out:
            for key in sorted(self.keydir):
                out.write(encode(PUT, key, self.get(key) or b""))
            out.flush()
            os.fsync(out.fileno())
        self.file.close()
        os.replace(tmp, self.path)
        fsync_directory(os.path.dirname(os.path.abspath(self.path)))
        self.load()

    def items(self) -> dict[bytes, bytes]:
        return {key: self.get(key) or b"" for key in sorted(self.keydir)}

    def close(self) -> None:
        self.file.close()


def fsync_directory(path: str) -> None:
    if os.name != "posix":  # Windows cannot open a directory
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# --8<-- [start:naive]
def naive_read(data: bytes) -> dict[bytes, bytes]:
    """The control: the same format, read trusting every length, no CRC."""
    found, at = {}, 0
    while at < len(data):
        _, kind, klen, vlen = HEADER.unpack_from(data, at)  # may raise
        key = data[at + HEADER.size : at + HEADER.size + klen]
        value = data[at + HEADER.size + klen : at + HEADER.size + klen + vlen]
        found[key] = value
        if kind == DELETE:
            del found[key]
        at += HEADER.size + klen + vlen
    return found
    # --8<-- [end:naive]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "store.log")
        store = LogStore(path)
        store.put(b"alice", b"100")
        store.put(b"bob", b"50")
        store.put(b"alice", b"70")  # an overwrite appends, never edits
        store.delete(b"bob")
        store.put(b"carol", b"12345")
        print("live:", store.items(), "file:", os.path.getsize(path), "B")
        store.close()

        size = os.path.getsize(path)
        os.truncate(path, size - 3)  # a crash tore the last record
        with open(path, "rb") as f:
            print("naive reader:", naive_read(f.read()))
        store = LogStore(path)
        print("reopened:", store.items(), "dropped:", store.dropped, "B")

        store.put(b"carol", b"999")
        before = os.path.getsize(path)
        store.compact()
        after = os.path.getsize(path)
        print("compacted:", store.items(), f"file: {before} -> {after} B")
        store.close()


if __name__ == "__main__":
    main()
