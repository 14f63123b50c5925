"""What storage_latency.py measures, and the order the Databases chapter
states: a page-cache read or write costs microseconds or less, an fsync
far more; a commit that syncs costs more than one that does not. Ratios
with wide margins, best of three; skipped on tmpfs, where fsync is free."""

import sys
import tempfile
from pathlib import Path

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/databases/storage_latency.py")


DIRECT = {"read_4k_device", "read_1mib_device"}


def test_every_operation_measures_and_cleans_up(tmp_path: Path) -> None:
    for key in snippet.OPERATIONS:
        try:
            assert 0 < snippet.measure(key, str(tmp_path), repeats=1) < 1, key
        except snippet.Unsupported:
            assert key in DIRECT
    names = sorted(p.name for p in tmp_path.iterdir())
    assert set(names) - {"direct.bin"} == {
        "DELETE-FULL.db",
        "WAL-FULL.db",
        "WAL-NORMAL.db",
        "batched.db",
        "data.bin",
    }  # the databases closed cleanly: no -wal, -shm or -journal left


def test_direct_io_is_refused_on_tmpfs_and_reported() -> None:
    shm = Path("/dev/shm")
    if not shm.is_dir() or snippet.filesystem(str(shm)) != "tmpfs":
        pytest.skip("no tmpfs at /dev/shm")
    with tempfile.TemporaryDirectory(dir=shm) as folder, pytest.raises(snippet.Unsupported):
        snippet.measure("read_4k_device", folder, repeats=1)


def test_filesystem_names_the_one_holding_a_path(tmp_path: Path) -> None:
    kind = snippet.filesystem(str(tmp_path))
    assert kind and " " not in kind or kind == "unknown file system"


def best_ratio(slow: str, fast: str, folder: str) -> float:
    return max(
        snippet.measure(slow, folder, 3) / snippet.measure(fast, folder, 3) for _ in range(3)
    )


@pytest.mark.timing
def test_fsync_and_synced_commits_cost_more(tmp_path: Path) -> None:
    folder = str(tmp_path)
    if snippet.filesystem(folder) == "tmpfs":
        pytest.skip("tmpfs: fsync costs nothing there")
    assert best_ratio("write_4k_fsync", "write_4k", folder) > 3
    assert best_ratio("write_4k_fsync", "read_4k_cached", folder) > 3
    assert best_ratio("sqlite_wal_full", "sqlite_wal_normal", folder) > 2


@pytest.mark.timing
def test_a_device_read_costs_more_than_a_page_cache_read(tmp_path: Path) -> None:
    folder = str(tmp_path)
    if not sys.platform.startswith("linux") or snippet.filesystem(folder) == "tmpfs":
        pytest.skip("direct I/O: Linux, on a real file system")
    assert best_ratio("read_4k_device", "read_4k_cached", folder) > 3
