"""What dask_word_count.py teaches: Dask computes the same counts as the
multiprocessing MapReduce, and leaves no scratch folder behind."""

from pathlib import Path

import pytest

from conftest import load_snippet

pytest.importorskip("dask.bag", reason='needs Dask: pip install "dask[distributed]"')

dask_snippet = load_snippet("part-4/mapreduce-and-dfs/dask_word_count.py")
mapreduce = load_snippet("part-4/mapreduce-and-dfs/mapreduce_word_count.py")


def test_same_corpus_as_the_multiprocessing_version() -> None:
    assert dask_snippet.make_corpus(500, 3) == mapreduce.make_corpus(500, 3)
    assert dask_snippet.WORD.pattern == mapreduce.WORD.pattern


def test_dask_counts_equal_the_mapreduce_counts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(tmp_path))
    lines = mapreduce.make_corpus(3_000, seed=5)
    assert dask_snippet.word_count(lines) == mapreduce.one_process(lines)
    assert not list(tmp_path.iterdir()), "Dask left files in the temporary folder"
