"""The second build: Zensical, Material for MkDocs' successor, on a copy of the project.

    python -m tools.zensical_build                   into site-zensical/ (`make zensical`)
    python -m tools.zensical_build --site-dir DIR

Zensical reads mkdocs.yml, the overrides and the Markdown extensions the site uses, and
ignores MkDocs plugins: the labs must already be pages (tools/render_labs.py; `make
zensical` runs it first). `zensical build --strict` fails on a dead link or anchor and
on a missing include.

It builds a temporary copy of what the site is made of, not the repository itself:
Zensical keeps its cache in the project's .cache/ (hard-coded), and `--clean`, which a
check needs so that no cached page hides a change, deletes that whole folder, the labs'
cache (.cache/labs/) with it; and it wants its site_dir inside the project. A copy also
lets several builds run at once (the test suite's workers).
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# What the build reads: the config, the pages, the theme overrides, and what the pages
# include (abbreviations, snippets and their outputs, the benchmark tables).
PARTS = ["mkdocs.yml", "docs", "overrides", "includes", "snippets", "bench", "tools"]
IGNORE = shutil.ignore_patterns("__pycache__", ".ipynb_checkpoints", ".*.tmp")


def build(
    site_dir: Path,
    root: Path = ROOT,
    edit: Callable[[Path], None] | None = None,
    timeout: float = 300,
) -> subprocess.CompletedProcess[str]:
    """`zensical build --strict --clean` of a copy of root; the site goes to site_dir
    (replacing it) when the build passes. `edit(copy)` may change the copy first."""
    with tempfile.TemporaryDirectory(prefix="zensical-") as tmp:
        copy = Path(tmp)
        for part in PARTS:
            source = root / part
            if source.is_dir():
                shutil.copytree(source, copy / part, ignore=IGNORE)
            elif source.is_file():
                shutil.copy2(source, copy / part)
        if edit is not None:
            edit(copy)
        # The site's own Markdown extension (tools/handbook_markdown.py) is imported
        # from the copy, as `python -m mkdocs` imports it from the repository.
        env = {**os.environ, "PYTHONPATH": str(copy)}
        result = subprocess.run(
            [sys.executable, "-m", "zensical", "build", "--strict", "--clean"],
            cwd=copy,
            capture_output=True,
            text=True,
            timeout=timeout,
            env=env,
        )
        if result.returncode == 0:
            shutil.rmtree(site_dir, ignore_errors=True)
            shutil.copytree(copy / "site", site_dir)
        return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else "")
    parser.add_argument("--site-dir", type=Path, default=ROOT / "site-zensical")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    result = build(args.site_dir.resolve())
    seconds = time.perf_counter() - start
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode != 0:
        print(f"zensical_build: FAILED after {seconds:.1f} s", file=sys.stderr)
        return result.returncode
    print(f"zensical_build: {args.site_dir} in {seconds:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
