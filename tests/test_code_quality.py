"""Lint, format and types, checked in `make test` (and, faster, by pre-commit).

Each failure lists `file:line:column: problem` and the command that fixes it.
The rules live in pyproject.toml ([tool.ruff], [tool.mypy]) and snippets/ruff.toml
(79 columns: the width of the page's code box).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_ruff_lint_is_clean() -> None:
    result = run("ruff", "check", "--output-format=concise", ".")
    assert result.returncode == 0, (
        "ruff check found problems. `ruff check --fix` fixes those marked [*]; "
        "the rest need a hand:\n" + result.stdout + result.stderr
    )


def test_code_is_formatted() -> None:
    result = run("ruff", "format", "--check", "--output-format=concise", ".")
    assert result.returncode == 0, (
        "not formatted as `ruff format` would: run `.venv/bin/ruff format` (or "
        "`make format`); for a snippet, then run its tests to see its output "
        "still matches.\n" + result.stdout + result.stderr
    )


def test_snippets_and_tools_pass_mypy_strict() -> None:
    result = run("mypy", "--strict", "--cache-dir", ".mypy_cache/strict", "snippets", "tools")
    assert result.returncode == 0, "mypy --strict snippets tools:\n" + result.stdout + result.stderr


def test_tests_pass_mypy() -> None:
    result = run("mypy", "--cache-dir", ".mypy_cache/tests", "tests")
    assert result.returncode == 0, "mypy tests:\n" + result.stdout + result.stderr
