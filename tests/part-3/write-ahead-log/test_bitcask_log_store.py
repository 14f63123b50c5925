"""What bitcask_log_store.py teaches: the log store gives back every
complete record after a crash tears the last one at any byte, or damages
any byte of it, and drops the torn one; a reader without CRC checks
returns garbage or crashes on the same files; compaction keeps exactly
the live keys in a smaller file."""

import struct
from collections.abc import Iterator
from pathlib import Path

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/write-ahead-log/bitcask_log_store.py")

WRITES = [
    (snippet.PUT, b"alice", b"100"),
    (snippet.PUT, b"bob", b"50"),
    (snippet.PUT, b"alice", b"70"),
    (snippet.DELETE, b"bob", b""),
    (snippet.PUT, b"dave", b""),  # an empty value is a value
]
LAST = (snippet.PUT, b"carol", b"12345")
BEFORE_LAST = {b"alice": b"70", b"dave": b""}
ALL = {**BEFORE_LAST, b"carol": b"12345"}


@pytest.fixture
def log(tmp_path: Path) -> Iterator[tuple[Path, bytes, int]]:
    """A log written by the store: its path, its bytes, where LAST starts."""
    path = tmp_path / "store.log"
    store = snippet.LogStore(str(path), sync=False)
    for kind, key, value in WRITES:
        if kind == snippet.PUT:
            store.put(key, value)
        else:
            store.delete(key)
    start = path.stat().st_size
    store.put(LAST[1], LAST[2])
    store.close()
    yield path, path.read_bytes(), start


def reopen(path: Path) -> dict[bytes, bytes]:
    store = snippet.LogStore(str(path), sync=False)
    try:
        return store.items()
    finally:
        store.close()


def test_put_overwrite_delete_and_reopen(log: tuple[Path, bytes, int]) -> None:
    path, _, _ = log
    assert reopen(path) == ALL


def test_a_record_cut_at_every_byte_is_dropped(
    log: tuple[Path, bytes, int],
) -> None:
    path, data, start = log
    assert len(data) - start == len(snippet.encode(*LAST))
    for cut in range(start, len(data)):
        path.write_bytes(data[:cut])
        assert reopen(path) == BEFORE_LAST, f"cut at byte {cut}"
        assert path.stat().st_size == start, "the torn tail is truncated"
    path.write_bytes(data)
    assert reopen(path) == ALL


def test_a_damaged_byte_anywhere_in_the_last_record_drops_it(
    log: tuple[Path, bytes, int],
) -> None:
    path, data, start = log
    for at in range(start, len(data)):
        for flip in (0x01, 0x80, 0xFF):
            damaged = bytearray(data)
            damaged[at] ^= flip
            path.write_bytes(bytes(damaged))
            assert reopen(path) == BEFORE_LAST, f"byte {at} ^ {flip:#x}"


def test_after_recovery_new_writes_append_cleanly(
    log: tuple[Path, bytes, int],
) -> None:
    path, data, start = log
    path.write_bytes(data[: start + 7])
    store = snippet.LogStore(str(path), sync=False)
    assert store.dropped == 7
    store.put(b"erin", b"1")
    store.close()
    assert reopen(path) == {**BEFORE_LAST, b"erin": b"1"}


def test_the_naive_reader_returns_garbage_or_crashes(
    log: tuple[Path, bytes, int],
) -> None:
    # The control: the same torn files, read without the CRC and length
    # checks. Never once does it give exactly the complete records back.
    path, data, start = log
    assert snippet.naive_read(data) == ALL  # fine on an intact log
    garbage = crashed = 0
    for cut in range(start + 1, len(data)):
        try:
            found = snippet.naive_read(data[:cut])
        except struct.error:
            crashed += 1
            continue
        assert found != BEFORE_LAST and found != ALL, f"cut at byte {cut}"
        garbage += 1
    assert garbage and crashed


def test_compaction_keeps_the_live_keys_in_a_smaller_file(
    log: tuple[Path, bytes, int],
) -> None:
    path, data, _ = log
    store = snippet.LogStore(str(path), sync=False)
    store.compact()
    assert store.items() == ALL
    store.close()
    assert path.stat().st_size < len(data)
    assert reopen(path) == ALL
    assert sorted(p.name for p in path.parent.iterdir()) == ["store.log"]
