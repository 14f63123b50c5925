"""What power_cut_simulation.py teaches: after a power cut at any moment,
under any order of write-back, only temp file + fsync + rename never
shows a torn file, and only adding the directory fsync makes the new
content certain once the function has returned."""

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/storage-hierarchy/power_cut_simulation.py")

EXPECTED = {
    "overwrite in place": (
        ["old", "new", "empty", "torn"],
        ["old", "new", "empty", "torn"],
    ),
    "overwrite, fsync": (["old", "new", "empty", "torn"], ["new"]),
    "temp file, rename": (
        ["old", "new", "empty", "torn"],
        ["old", "new", "empty", "torn"],
    ),
    "temp file, fsync, rename": (["old", "new"], ["old", "new"]),
    "temp file, fsync, rename, fsync dir": (["old", "new"], ["new"]),
}


@pytest.mark.parametrize("name", EXPECTED)
def test_each_pattern_leaves_exactly_these_outcomes(name: str) -> None:
    assert snippet.outcomes(snippet.PATTERNS[name]) == EXPECTED[name]


def test_the_fix_never_tears_and_the_controls_do() -> None:
    for name, pattern in snippet.PATTERNS.items():
        during, _ = snippet.outcomes(pattern)
        assert ("torn" in during) == ("fsync, rename" not in name), name


def test_without_the_directory_fsync_an_acknowledged_write_can_be_lost() -> None:
    # The control for the last step: the same pattern minus fsync(dir).
    _, after = snippet.outcomes(snippet.fsync_rename)
    assert "old" in after
    _, after = snippet.outcomes(snippet.fsync_rename_fsync_dir)
    assert after == ["new"]


def test_a_power_cut_with_nothing_written_back_loses_every_unsynced_write() -> None:
    disk = snippet.Disk()
    ino = disk.create("f")
    disk.write(ino, b"abcd")
    assert disk.cached().read("f") == b"abcd"  # what programs see
    assert disk.durable.read("f") is None  # what the device holds
    assert None in disk.power_cuts("f")
    disk.fsync(ino)
    disk.fsync_dir()
    assert disk.power_cuts("f") == {b"abcd"}


def test_torn_contents_mix_old_and_new_pages() -> None:
    disk = snippet.Recorder()
    snippet.overwrite(disk)
    found = disk.power_cuts("config")
    assert b"NEW-old-old-" in found and bytes(12) in found and b"" in found
