"""A tiny content-addressed blob store on the file system.

The key of a blob is the SHA-256 of its bytes, so the same bytes stored
twice take the space of one (deduplication), and a reader can check that
what it got back is what was stored. A write goes to a temporary file in
the same folder, is flushed to disk, then renamed over the final name:
readers see the whole blob or nothing, never half of it. The control
writes straight to the final name and "crashes" half-way, on purpose.
"""
# output: exact

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from pathlib import Path

CHUNK = 4  # bytes per write: tiny, so the forced crash lands mid-blob


class Crash(Exception):
    """Stands for the process dying in the middle of a write."""


# --8<-- [start:idea]
class BlobStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path(self, key: str) -> Path:
        # Two-level fan-out: objects/ab/cdef..., so no folder gets huge.
        return self.root / "objects" / key[:2] / key[2:]

    def put(
        self, data: bytes, content_type: str, crash_after: int = -1
    ) -> str:
        key = hashlib.sha256(data).hexdigest()
        final = self.path(key)
        if final.exists():  # same bytes, same key: store them once
            return key
        final.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                write_chunks(f.write, data, crash_after)
                f.flush()
                os.fsync(f.fileno())  # the bytes are on disk ...
            meta = {"content_type": content_type, "size": len(data)}
            final.with_suffix(".json").write_text(json.dumps(meta))
            os.replace(tmp, final)  # ... before the name points at them
            # (Durable on power loss only once the folder is fsynced too.)
        except BaseException:
            os.unlink(tmp)  # a failed write leaves nothing behind
            raise
        return key

    def get(self, key: str) -> bytes:
        data = self.path(key).read_bytes()
        if hashlib.sha256(data).hexdigest() != key:  # verify on read
            raise ValueError(f"blob {key[:12]} is corrupt")
        return data


# --8<-- [end:idea]


def write_chunks(
    write: Callable[[bytes], object], data: bytes, crash_after: int
) -> None:
    """Write data a few bytes at a time; raise Crash after that many."""
    for i in range(0, len(data), CHUNK):
        if i == crash_after:
            raise Crash(f"died after {i} of {len(data)} bytes")
        write(data[i : i + CHUNK])


# --8<-- [start:naive]
def naive_put(root: Path, name: str, data: bytes, crash_after: int) -> None:
    """The control: write in place, under the final name."""
    with open(root / name, "wb") as f:
        write_chunks(f.write, data, crash_after)


# --8<-- [end:naive]


def files_under(root: Path) -> list[str]:
    return sorted(str(p.relative_to(root)) for p in root.rglob("*"))


def main() -> None:
    photo = b"\xff\xd8\xff pretend this is a JPEG \xff\xd9"
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        store = BlobStore(root)
        key = store.put(photo, "image/jpeg")
        again = store.put(photo, "image/jpeg")  # an upload retried
        print(f"key   {key[:16]}... (SHA-256 of the bytes)")
        print(f"same bytes, same key: {key == again}")
        blobs = [p for p in (root / "objects").rglob("*") if p.suffix == ""]
        print(f"blob files on disk: {sum(p.is_file() for p in blobs)}")
        print(f"read back intact: {store.get(key) == photo}")

        other = b"another picture: 34 bytes of data."
        try:
            store.put(other, "image/png", crash_after=12)
        except Crash as e:
            print(f"atomic put: {e}")
        key2 = hashlib.sha256(other).hexdigest()
        print(f"  visible under its key: {store.path(key2).exists()}")
        leftovers = [p for p in files_under(root) if ".tmp-" in p]
        print(f"  temporary files left: {len(leftovers)}")

        try:
            naive_put(root, "in-place.png", other, crash_after=12)
        except Crash as e:
            print(f"naive put:  {e}")
        half = (root / "in-place.png").read_bytes()
        print(f"  visible under its name: {len(half)} of {len(other)} bytes")

        store.path(key).write_bytes(photo[:-1] + b"X")  # bit rot
        try:
            store.get(key)
        except ValueError as e:
            print(f"corruption caught on read: {e}")


if __name__ == "__main__":
    main()
