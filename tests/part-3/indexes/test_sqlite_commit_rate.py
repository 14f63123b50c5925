"""What sqlite_commit_rate.py teaches: a commit that waits for the disk is
slower than one that does not. fsync is free on tmpfs, so the ratio is
checked only where it costs something."""

import tempfile

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/indexes/sqlite_commit_rate.py")


def test_every_mode_commits() -> None:
    with tempfile.TemporaryDirectory() as folder:
        for mode in snippet.MODES:
            assert 0 < snippet.seconds_per_commit(folder, *mode, most=5) < 1


@pytest.mark.timing
def test_waiting_for_the_disk_costs() -> None:
    with tempfile.TemporaryDirectory() as folder:
        full = snippet.seconds_per_commit(folder, "WAL", "FULL")
        off = snippet.seconds_per_commit(folder, "WAL", "OFF")
        if full < 3 * off:
            pytest.skip("fsync costs nothing here (tmpfs or a write-back cache)")
        assert full > 3 * off
