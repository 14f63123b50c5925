"""`make new-snippet` (tools/new_snippet.py) is tested: what it scaffolds passes every
check a snippet faces, a scaffold test left unchanged fails saying what to do, and names
that would collide are refused.

Every case works in a copy of the repository in a temporary folder, so nothing is ever
scaffolded into the repository itself.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NAME = "part-1/memory/scaffolded_example"


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The parts of the repository the scaffold and the checks read."""
    copy = tmp_path_factory.mktemp("repo")
    skip = shutil.ignore_patterns("__pycache__", ".mypy_cache", ".ruff_cache", "browser")
    for folder in ("snippets", "tools", "tests", "bench"):
        shutil.copytree(ROOT / folder, copy / folder, ignore=skip)
    # The pages (the fence guard reads them), not the site's assets or notebooks.
    shutil.copytree(
        ROOT / "docs", copy / "docs", ignore=shutil.ignore_patterns("assets", "*.ipynb")
    )
    shutil.copy2(ROOT / "pyproject.toml", copy / "pyproject.toml")
    return copy


def run(repo: Path, *args: str | Path, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    return subprocess.run(
        [sys.executable, *map(str, args)],
        cwd=repo,
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**env, "PYTHONDONTWRITEBYTECODE": "1"},
    )


def pytest_in(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run(repo, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args)


def page_lines(stdout: str) -> str:
    """The block the tool asks the contributor to paste."""
    return stdout.split("where the example belongs:\n\n", 1)[1].split("\n\nNext:", 1)[0]


@pytest.fixture(scope="module")
def scaffolded(repo: Path) -> subprocess.CompletedProcess[str]:
    return run(repo, "tools/new_snippet.py", NAME)


def test_it_creates_the_snippet_its_test_and_a_captured_output(
    repo: Path, scaffolded: subprocess.CompletedProcess[str]
) -> None:
    assert scaffolded.returncode == 0, scaffolded.stdout + scaffolded.stderr
    snippet = repo / "snippets" / (NAME + ".py")
    assert snippet.is_file()
    assert (repo / "tests/part-1/memory/test_scaffolded_example.py").is_file()
    # Captured by the harness from a real run, as `make outputs` does.
    assert snippet.with_suffix(".out").read_text(encoding="utf-8") == "squares: [0, 1, 4, 9, 16]\n"
    assert "Its test: 2 passed" in scaffolded.stdout
    assert "Paste these lines into docs/part-1/memory.md" in scaffolded.stdout


def test_the_scaffold_passes_the_harness_its_test_and_the_page_guards(
    repo: Path, scaffolded: subprocess.CompletedProcess[str]
) -> None:
    assert scaffolded.returncode == 0, scaffolded.stdout + scaffolded.stderr
    page = repo / "docs/part-1/memory.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n" + page_lines(scaffolded.stdout) + "\n",
        encoding="utf-8",
    )
    result = pytest_in(
        repo,
        "tests/test_snippets.py",
        "-k",
        "scaffolded_example or module_names",
        "tests/part-1/memory/test_scaffolded_example.py",
        "tests/test_docs_guards.py",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert " passed" in result.stdout and "skipped" not in result.stdout


def test_the_scaffold_is_lint_format_and_type_clean(
    repo: Path, scaffolded: subprocess.CompletedProcess[str], tmp_path: Path
) -> None:
    assert scaffolded.returncode == 0, scaffolded.stdout + scaffolded.stderr
    files = [f"snippets/{NAME}.py", "tests/part-1/memory/test_scaffolded_example.py"]
    for command in (["check"], ["format", "--check", "--diff"]):
        result = run(repo, "-m", "ruff", *command, "--no-cache", *files)
        assert result.returncode == 0, result.stdout + result.stderr
    result = run(repo, "-m", "mypy", "--strict", "--cache-dir", tmp_path, files[0])
    assert result.returncode == 0, result.stdout + result.stderr


def test_an_unchanged_scaffold_test_fails_naming_itself_and_what_to_do(
    repo: Path, scaffolded: subprocess.CompletedProcess[str]
) -> None:
    assert scaffolded.returncode == 0, scaffolded.stdout + scaffolded.stderr
    snippet = repo / "snippets" / (NAME + ".py")
    original = snippet.read_text(encoding="utf-8")
    # The contributor writes their example; the scaffold's test is still there.
    snippet.write_text(original.replace("n * n", "n * n * n"), encoding="utf-8")
    try:
        result = pytest_in(
            repo,
            "tests/part-1/memory/test_scaffolded_example.py",
            "tests/test_snippets.py",
            "-k",
            "scaffolded_example",
        )
    finally:
        snippet.write_text(original, encoding="utf-8")
    report = result.stdout
    assert result.returncode == 1
    assert "tests/part-1/memory/test_scaffolded_example.py:" in report
    assert "replace it with tests of what the snippet teaches" in report
    assert "snippets/part-1/memory/scaffolded_example.out is stale" in report
    assert "make outputs" in report
    assert "3 failed" in report


REFUSED = {
    "part-1/memory/page_table_simulator": "already exists",
    "part-1/concurrency/page_table_simulator": "already has the name page_table_simulator.py",
    "part-1/memory/random": "would shadow the module 'random'",
    "part-1/memory/conftest": "would shadow the module 'conftest'",
    "part-1/memory/psutil": "would shadow the installed module 'psutil'",
    "part-1/no-such-chapter/some_example": "no page docs/part-1/no-such-chapter.md",
    "memory/page_cache": "is not part-N/<chapter>/<name>",
    "part-1/memory/Page-Cache": "is not a usable file name",
    "part-1/memory/lambda": "is not a usable file name",
    "part-one/memory/page_cache": "is not a part folder",
    "part-1/Memory/page_cache": "is not a chapter",
}


@pytest.mark.parametrize(("name", "reason"), REFUSED.items(), ids=list(REFUSED))
def test_it_refuses_names_that_would_collide_or_mislead(repo: Path, name: str, reason: str) -> None:
    before = sorted(p for p in repo.rglob("*") if "__pycache__" not in p.parts)
    result = run(repo, "tools/new_snippet.py", name)
    assert result.returncode == 2, result.stdout + result.stderr
    assert reason in result.stderr
    after = sorted(p for p in repo.rglob("*") if "__pycache__" not in p.parts)
    assert after == before, "a refused name must create nothing"


def test_nothing_was_scaffolded_into_the_repository() -> None:
    assert not list((ROOT / "snippets").rglob("scaffolded_example*"))
    assert not list((ROOT / "tests").rglob("test_scaffolded_example*"))
