"""`mkdocs build --strict`: a broken include, link or anchor fails the suite."""

from __future__ import annotations

import subprocess
from pathlib import Path


def test_site_builds_strict(built_site: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    site, result = built_site
    log = result.stdout + result.stderr
    problems = [line for line in log.splitlines() if line.startswith(("WARNING", "ERROR"))]
    assert result.returncode == 0, "mkdocs build --strict failed:\n" + "\n".join(
        problems or [log[-3000:]]
    )
    assert (site / "index.html").is_file()
