"""What kill_mid_write.py teaches, with a real SIGKILL at a forced point:
the file overwritten in place is torn, the one replaced through a temp
file and os.replace is whole (the old content), and both writers give
the whole new content when left to finish."""

import os
from pathlib import Path

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/storage-hierarchy/kill_mid_write.py")

pytestmark = pytest.mark.skipif(os.name != "posix", reason="POSIX only")


def test_overwrite_killed_half_way_is_torn(tmp_path: Path) -> None:
    # The control: the old content is gone and the new one is half there.
    data = snippet.crash("overwrite", str(tmp_path / "f"), kill=True)
    assert data == snippet.NEW[: snippet.SIZE // 2]


def test_atomic_replace_killed_half_way_keeps_the_old_file(tmp_path: Path) -> None:
    data = snippet.crash("replace", str(tmp_path / "f"), kill=True)
    assert data == snippet.OLD
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f"]  # recovered


@pytest.mark.parametrize("writer", ["overwrite", "replace"])
def test_left_to_finish_both_write_the_new_content(writer: str, tmp_path: Path) -> None:
    assert snippet.crash(writer, str(tmp_path / "f"), kill=False) == snippet.NEW


def test_recover_removes_a_leftover_temp_file(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x")
    (tmp_path / "f.tmp").write_bytes(b"half")
    snippet.recover(str(path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f"]
