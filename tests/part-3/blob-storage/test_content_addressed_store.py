"""What content_addressed_store.py teaches: SHA-256 keys deduplicate and
verify; temp file + rename never shows half a blob, writing in place does."""

import hashlib
from pathlib import Path

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/blob-storage/content_addressed_store.py")

DATA = b"0123456789" * 5


def test_the_key_is_the_sha256_and_equal_bytes_are_stored_once(
    tmp_path: Path,
) -> None:
    store = snippet.BlobStore(tmp_path)
    key = store.put(DATA, "text/plain")
    assert key == hashlib.sha256(DATA).hexdigest()
    assert store.put(DATA, "text/plain") == key
    blobs = [p for p in tmp_path.rglob("*") if p.is_file() and p.suffix == ""]
    assert blobs == [store.path(key)]
    assert store.get(key) == DATA


def test_a_crash_mid_write_leaves_no_object_and_no_temp_file(
    tmp_path: Path,
) -> None:
    store = snippet.BlobStore(tmp_path)
    with pytest.raises(snippet.Crash):
        store.put(DATA, "text/plain", crash_after=12)
    assert not store.path(hashlib.sha256(DATA).hexdigest()).exists()
    assert not [p for p in tmp_path.rglob("*") if ".tmp-" in p.name]
    # and a retry afterwards succeeds
    assert store.get(store.put(DATA, "text/plain")) == DATA


def test_the_control_writing_in_place_leaves_half_a_file(tmp_path: Path) -> None:
    with pytest.raises(snippet.Crash):
        snippet.naive_put(tmp_path, "x.bin", DATA, crash_after=12)
    assert (tmp_path / "x.bin").read_bytes() == DATA[:12]


def test_a_changed_blob_is_refused_on_read(tmp_path: Path) -> None:
    store = snippet.BlobStore(tmp_path)
    key = store.put(DATA, "text/plain")
    store.path(key).write_bytes(DATA[:-1] + b"!")
    with pytest.raises(ValueError, match="corrupt"):
        store.get(key)
