"""Shared fixtures: load a snippet as a module, and the --update-outputs switch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from filelock import FileLock

import servers
import snippet_harness
from bench import measure

ROOT = Path(__file__).resolve().parent.parent

# Importing snippets must not leave __pycache__ folders in snippets/: compiled files go
# to the cache `make` names (PYTHONPYCACHEPREFIX), or, without one, are not written.
if sys.pycache_prefix is None:
    sys.dont_write_bytecode = True


# Throwaway PostgreSQL and Redis for any test folder: postgres_server, postgres_db,
# redis_server, redis_url (tests/server_fixtures.py, tests/servers.py).
pytest_plugins = ["server_fixtures"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite each snippet's captured output (.out) from a real run (`make outputs`)",
    )
    parser.addoption(
        "--page",
        metavar="part-N/CHAPTER",
        help="only what checks this page: its snippets and their tests, its code blocks, "
        "the strict build and the page in the browser (`make page PAGE=part-1/memory`)",
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Browser tests last (they need the built site, and they are the slowest), and
    marked `browser`, so `make test-fast` can leave them out. The longest of the rest
    first: the builds and the labs' render tests (Jupyter kernels) start at once on one
    pytest-xdist worker while the other takes short tests, instead of one worker
    waiting for the other's site build or idling at the end. (The order is the same on
    every worker, as xdist requires.) With --page, only the tests of that page."""
    for item in items:
        if "tests/browser/" in item.nodeid:
            item.add_marker(pytest.mark.browser)
    first = ["tests/test_site_build.py", "tests/test_zensical.py", "tests/test_render_labs.py"]

    def order(item: pytest.Item) -> tuple[bool, int]:
        path = item.nodeid.split("::")[0]
        return "tests/browser/" in path, first.index(path) if path in first else len(first)

    items.sort(key=order)
    page = config.getoption("--page")
    if page:
        page = page.strip("/").removeprefix("docs/").removesuffix(".md")
        if (
            not any((ROOT / "docs" / p).is_file() for p in (f"{page}.md", f"{page}/index.md"))
            and not (ROOT / "docs" / f"{page}.ipynb").is_file()
        ):
            raise pytest.UsageError(f"--page {page}: no docs/{page}.md (or .ipynb) to check")
        keep = [item for item in items if belongs_to_page(item.nodeid, page)]
        config.hook.pytest_deselected(items=[item for item in items if item not in keep])
        items[:] = keep


def belongs_to_page(nodeid: str, page: str) -> bool:
    """Does this test check docs/<page>.md, its snippets or their tests?"""
    keys = [
        f"tests/{page}/",  # its concept tests
        f"[{page}/",  # its snippets' runs; the page in the browser
        f"[{page}.md]",  # its code blocks, checked by the fence guard
        f"docs/{page}.md",  # its inline code blocks, run by pytest-codeblocks
        "tests/test_site_build.py",  # the strict build
        "::test_every_snippet_is_shown_on_a_page",
    ]
    if "/labs/" in page:
        keys.append(f"[{page.rsplit('/', 1)[-1]}]")  # the lab's own tests
    return any(key in nodeid for key in keys)


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
    """One `mkdocs build --strict` per run, shared by the build and browser tests.

    First the labs' own render step (tools/render_labs.py), as `make build` runs it;
    when a lab fails, its result (naming the notebook and the cell) is returned instead.

    Under pytest-xdist every worker has its own session, so session fixtures run once
    per worker; the first worker to get here builds the site into the run's shared
    temporary folder while holding a file lock, and the others reuse that build.
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, above each worker's own
    site, record = shared / "site", shared / "site-build.json"
    with FileLock(str(shared / "site-build.lock")):
        if not record.is_file():
            result = build_site(site)
            record.write_text(
                json.dumps([result.returncode, result.stdout, result.stderr]), encoding="utf-8"
            )
        code, stdout, stderr = json.loads(record.read_text(encoding="utf-8"))
    return site, subprocess.CompletedProcess(["mkdocs", "build"], code, stdout, stderr)


def build_site(site: Path) -> subprocess.CompletedProcess[str]:
    """The labs' render step, then the strict build. The render step re-runs a lab only
    when its notebook, a snippet it imports or bench/ changed (a failed lab is never
    cached, so it fails again); LABS_CACHE=false runs every lab afresh."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    labs = subprocess.run(
        [sys.executable, "-m", "tools.render_labs"]
        + (["--fresh"] if os.environ.get("LABS_CACHE") == "false" else []),
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
        env=env,
    )
    if labs.returncode != 0:
        return labs
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        # The edit and view-source buttons need the repository's address, which only
        # the Pages workflow knows; the tests' build uses a stand-in to check them.
        env={
            "REPO_URL": "https://github.com/example/system-design-handbook",
            "EDIT_URI": "edit/main/docs/",
            **env,
        },
    )


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
        loaded = snippet_harness.load(path)
        unsupported = loaded.unsupported_here()
    except snippet_harness.SnippetError:
        loaded, unsupported = None, None  # tests/test_snippets.py reports the broken header
    if unsupported:
        pytest.skip(unsupported, allow_module_level=True)
    # A snippet that needs a server (and its client library) is not imported where the
    # server will be skipped; where it must fail (CI=true), the fixtures fail.
    for kind in loaded.servers if loaded else ():
        verdict = servers.availability(kind)
        if verdict is not None and verdict[0] == "skip":
            pytest.skip(verdict[1], allow_module_level=True)
    return measure.snippet(rel)


def new_threads_left(before: set[Any], timeout: float = 5.0) -> list[str]:
    """Threads started since `before` (a set of threading.enumerate()) that are still
    alive after waiting up to `timeout` for them to end. A server's daemon handler
    threads may still be unwinding when the call that used them returns; other tests'
    threads, in the same worker, are not this test's business."""
    import threading
    import time

    deadline = time.monotonic() + timeout
    while True:
        left = [t for t in threading.enumerate() if t not in before and t.is_alive()]
        if not left or time.monotonic() >= deadline:
            return [t.name for t in left]
        time.sleep(0.02)
