"""Shared fixtures: load a snippet as a module, and the --update-outputs switch."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import snippet_harness
from bench import measure

ROOT = Path(__file__).resolve().parent.parent

# Importing snippets must not leave __pycache__ folders in snippets/.
sys.dont_write_bytecode = True


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite each snippet's captured output (.out) from a real run (`make outputs`)",
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests last (they need the built site, and they are the slowest), and
    marked `browser`, so `make test-fast` can leave them out."""
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)
    items.sort(key=lambda item: "tests/browser/" in item.nodeid)


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Platform markers: a page states the limit, the test encodes it."""
    if item.get_closest_marker("posix") and os.name != "posix":
        pytest.skip("needs a POSIX system (fork, resource, signals); not available on Windows")
    if item.get_closest_marker("linux") and not sys.platform.startswith("linux"):
        pytest.skip("needs Linux (/proc, namespaces, cgroups)")


@pytest.fixture(scope="session")
def built_site(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """One `mkdocs build --strict` per test session, shared by the build and browser tests.

    First the labs' own render step (tools/render_labs.py), as `make build` runs it: it
    runs every lab (from the cache only when LABS_CACHE=true) and writes their pages;
    when a lab fails, its result (naming the notebook and the cell) is returned instead.
    """
    site = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    labs = subprocess.run(
        [sys.executable, "-m", "tools.render_labs"]
        + ([] if os.environ.get("LABS_CACHE") == "true" else ["--fresh"]),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    if labs.returncode != 0:
        return site, labs
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env=env,
    )
    return site, result


def load_snippet(rel: str) -> Any:
    """Import snippets/<rel> as a module named after its file (bench.measure.snippet,
    which the labs and `make bench` use too).

    The folder goes on sys.path and the module is imported by its plain name, so that
    multiprocessing can pickle its functions by reference under spawn and forkserver,
    exactly as it does when a copier runs the file.

    A snippet that declares `# requires: posix` or `# requires: linux` is not imported
    where it cannot run: the test module that asked for it is skipped with the reason,
    so collecting on Windows or macOS never imports `resource` or reads /proc.
    (Typed Any: tests read and reset the module's globals freely.)
    """
    path = ROOT / "snippets" / rel
    if not path.is_file():
        raise FileNotFoundError(path)
    try:
        unsupported = snippet_harness.load(path).unsupported_here()
    except snippet_harness.SnippetError:
        unsupported = None  # tests/test_snippets.py reports the broken header
    if unsupported:
        pytest.skip(unsupported, allow_module_level=True)
    return measure.snippet(rel)
