"""The guards themselves are tested: each contributor mistake fails, naming the file.

Each case writes a small broken snippet or page into a temporary folder and checks
that the harness, the fence guard or the strict build rejects it with a message that
says where and what.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import docs_fences
import snippet_harness as harness

ROOT = Path(__file__).resolve().parent.parent


def write_snippet(folder: Path, body: str, rule: str = "exact", output: str | None = "") -> Path:
    path = folder / "mistake.py"
    path.write_text(f"# output: {rule}\n" + textwrap.dedent(body), encoding="utf-8")
    if output is not None:
        path.with_suffix(".out").write_text(output, encoding="utf-8")
    return path


def rejected(path: Path, timeout: float = harness.RUN_TIMEOUT) -> str:
    snippet = harness.load(path)
    with pytest.raises(harness.SnippetError) as caught:
        result = harness.run(snippet, timeout=timeout)
        harness.compare(snippet, result.stdout)
    message = str(caught.value)
    assert str(path) in message, f"the message does not name the file:\n{message}"
    return message


def test_a_crashing_snippet_fails_with_its_traceback(tmp_path: Path) -> None:
    message = rejected(write_snippet(tmp_path, "raise ValueError('boom')\n"))
    assert "exited with status 1" in message and "ValueError: boom" in message


def test_a_hanging_snippet_is_killed_at_the_timeout(tmp_path: Path) -> None:
    path = write_snippet(tmp_path, "import time\nprint('started', flush=True)\ntime.sleep(60)\n")
    message = rejected(path, timeout=1.5)
    assert "still running after" in message and "started" in message


def test_a_stale_output_fails_with_a_diff_and_the_fix(tmp_path: Path) -> None:
    message = rejected(write_snippet(tmp_path, "print('new')\n", output="old\n"))
    assert "is stale" in message and "make outputs" in message
    assert "-old" in message and "+new" in message


def test_a_missing_output_says_how_to_create_it(tmp_path: Path) -> None:
    message = rejected(write_snippet(tmp_path, "print('hi')\n", output=None))
    assert "make outputs" in message


def test_normalised_output_ignores_only_what_varies(tmp_path: Path) -> None:
    path = write_snippet(
        tmp_path,
        "print('took 0.31 s, 2.0x faster')\n",
        rule="normalise timings, ratios",
        output="took 12 ms, 7.9x faster\n",
    )
    snippet = harness.load(path)
    harness.compare(snippet, harness.run(snippet).stdout)  # passes: only numbers differ
    path.with_suffix(".out").write_text("took 12 ms, 7.9x slower\n", encoding="utf-8")
    with pytest.raises(harness.SnippetError, match="is stale"):
        harness.compare(snippet, harness.run(snippet).stdout)


def test_a_left_over_child_process_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(harness, "LEFTOVER_GRACE", 0.5)
    body = """\
        import subprocess, sys
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    """
    message = rejected(write_snippet(tmp_path, body))
    assert "left 1 process(es) running" in message


def test_a_left_over_temp_file_fails(tmp_path: Path) -> None:
    body = "import tempfile\ntempfile.mkstemp(suffix='.forgotten')\n"
    message = rejected(write_snippet(tmp_path, body))
    assert "left files behind in its TMPDIR" in message and ".forgotten" in message


def test_a_snippet_without_an_output_rule_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "norule.py"
    path.write_text("print('hi')\n", encoding="utf-8")
    with pytest.raises(harness.SnippetError, match="no output rule"):
        harness.load(path)


def test_multiprocessing_snippets_run_under_every_start_method(tmp_path: Path) -> None:
    path = write_snippet(
        tmp_path, "import multiprocessing\nprint(multiprocessing.get_start_method())\n"
    )
    snippet = harness.load(path)
    methods = harness.start_methods(snippet)
    assert "spawn" in methods
    for method in methods:
        assert harness.run(snippet, method).stdout.strip() == method


PAGE_MISTAKES = {
    "```py\nprint(1)\n```": "a `py` block is code that nothing runs",
    '```python title="demo.py"\nprint(1)\n```': "pytest-codeblocks skips `python title=",
    '```python hl_lines="1"\nprint(1)\n```': "pytest-codeblocks skips",
    "```\nprint(1)\n```": "a fence needs a language",
    "```rust\nfn main() {}\n```": "unknown fence language `rust`",
    '```python\n--8<-- "snippets/part-1/nowhere.py"\n```': (
        'include target "snippets/part-1/nowhere.py" does not exist'
    ),
    "```console\n$ rm -rf build\n```": "is not something the suite runs",
}


@pytest.mark.parametrize("markdown", PAGE_MISTAKES, ids=list(PAGE_MISTAKES.values()))
def test_the_fence_guard_names_page_and_line(tmp_path: Path, markdown: str) -> None:
    page = tmp_path / "page.md"
    page.write_text("# A page\n\nSome text.\n\n" + markdown + "\n", encoding="utf-8")
    problems = docs_fences.check(docs_fences.parse(page))
    assert problems, f"the guard let this through:\n{markdown}"
    assert problems[0].startswith(f"{page}:5: ") or problems[0].startswith(f"{page}:6: ")
    assert PAGE_MISTAKES[markdown] in problems[0]


def test_an_included_snippet_needs_its_title_run_command_and_output(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    target = "snippets/part-1/processes-and-threads/io_bound_threads.py"
    page.write_text(f'# A page\n\n```python\n--8<-- "{target}"\n```\n', encoding="utf-8")
    problems = "\n".join(docs_fences.check(docs_fences.parse(page)))
    assert f'title="{target}"' in problems
    assert '"Run it" block for io_bound_threads.py' in problems
    assert "show the real output of io_bound_threads.py" in problems


def test_the_strict_build_rejects_broken_links_anchors_and_includes(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text(
        "# Home\n\n[gone](missing.md) and [no anchor](#nowhere)\n\n"
        '```text\n--8<-- "snippets/not-there.out"\n```\n',
        encoding="utf-8",
    )
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8").split("\nnav:")[0]
    config += "\nmarkdown_extensions:\n  - pymdownx.snippets:\n      check_paths: true\n"
    config += "validation:\n  links:\n    not_found: warn\n    anchors: warn\n"
    (tmp_path / "mkdocs.yml").write_text(config, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "snippets/not-there.out" in result.stderr + result.stdout
    (tmp_path / "docs" / "index.md").write_text(
        "# Home\n\n[gone](missing.md) and [no anchor](#nowhere)\n", encoding="utf-8"
    )
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    log = result.stderr + result.stdout
    assert result.returncode != 0
    assert "index.md" in log and "missing.md" in log and "#nowhere" in log


def test_a_named_section_needs_its_markers_and_the_whole_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A page may show only the lines that carry the idea (`file.py:name`), but then the
    section must exist and the whole file must be on the page too, for copiers."""
    monkeypatch.setattr(docs_fences, "ROOT", tmp_path)
    target = "snippets/part-9/demo/idea.py"
    (tmp_path / target).parent.mkdir(parents=True)
    (tmp_path / target).write_text(
        "# --8<-- [start:idea]\nprint(1)\n# --8<-- [end:idea]\n", encoding="utf-8"
    )
    (tmp_path / target).with_suffix(".out").write_text("1\n", encoding="utf-8")
    section = f'```python title="{target}"\n--8<-- "{target}:idea"\n```\n'
    whole = (
        f'??? example "The whole file"\n\n    ```python title="{target}"\n'
        f'    --8<-- "{target}"\n    ```\n\n```console\n$ python idea.py\n```\n\n'
        f'```text\n--8<-- "{target[:-3]}.out"\n```\n'
    )
    page = tmp_path / "page.md"

    page.write_text("# A page\n\n" + section, encoding="utf-8")
    problems = docs_fences.check(docs_fences.parse(page))
    assert problems and problems[0].startswith(f"{page}:3: ")
    assert "also include the whole file" in problems[0]

    page.write_text("# A page\n\n" + section.replace(":idea", ":gist") + whole, encoding="utf-8")
    problems = docs_fences.check(docs_fences.parse(page))
    assert any('has no section "gist"' in p for p in problems), problems

    page.write_text("# A page\n\n" + section + "\n" + whole, encoding="utf-8")
    assert docs_fences.check(docs_fences.parse(page)) == []
