"""Every file under snippets/ runs as a copier would run it, and prints what its page shows.

`make outputs` (pytest --update-outputs) rewrites the captured outputs instead of comparing.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest

import snippet_harness as harness


def _cases() -> list:
    cases = []
    for path in harness.discover():
        rel = path.relative_to(harness.SNIPPETS).as_posix()
        try:
            methods = harness.start_methods(harness.load(path))
        except (harness.SnippetError, SyntaxError):
            methods = [None]  # the test itself reports the problem
        for method in methods:
            cases.append(pytest.param(path, method, id=rel + (f"[{method}]" if method else "")))
    return cases


@pytest.mark.parametrize(("path", "start_method"), _cases())
def test_snippet_runs_and_matches_its_output(
    path: Path, start_method: str | None, request: pytest.FixtureRequest
) -> None:
    snippet = harness.load(path)
    if reason := snippet.unsupported_here():
        pytest.skip(reason)
    with contextlib.ExitStack() as stack:
        server_env = _throwaway_servers(snippet, request, stack)
        if request.config.getoption("--update-outputs"):
            # Capture under the platform's default start method, as a copier runs it;
            # the other start methods are then compared against that.
            if start_method not in (None, _default_method()):
                pytest.skip("outputs are captured under the default start method")
            harness.capture(snippet, server_env)
            return
        result = harness.run(snippet, start_method, server_env=server_env)
        harness.compare(snippet, result.stdout, start_method)


def _throwaway_servers(
    snippet: harness.Snippet, request: pytest.FixtureRequest, stack: contextlib.ExitStack
) -> dict[str, str]:
    """The environment that points a `# requires: postgresql` / `redis` / `etcd` snippet
    at this worker's throwaway server (tests/server_fixtures.py): a fresh database, an
    empty Redis, an empty etcd cluster. Skips (or fails under CI=true) when the server is
    not installed."""
    env: dict[str, str] = {}
    if "postgresql" in snippet.servers:
        server = request.getfixturevalue("postgres_server")
        env.update(stack.enter_context(server.database()))
    if "redis" in snippet.servers:
        env["REDIS_URL"] = request.getfixturevalue("redis_url")
    if "etcd" in snippet.servers:
        env["ETCD_ENDPOINTS"] = request.getfixturevalue("etcd_endpoints")
    return env


def _default_method() -> str:
    import multiprocessing

    return multiprocessing.get_start_method(allow_none=False)


def test_snippet_module_names_are_unique() -> None:
    """Tests import snippets by file name, and copiers put them side by side."""
    seen: dict[str, Path] = {}
    for path in harness.discover():
        other = seen.setdefault(path.stem, path)
        assert other == path, f"{path} and {other} share the name {path.stem}.py: rename one"


def test_every_captured_output_has_its_snippet() -> None:
    orphans = [
        p.relative_to(harness.ROOT).as_posix()
        for p in harness.SNIPPETS.rglob("*.out")
        if not p.with_suffix(".py").exists()
    ]
    assert not orphans, f"captured outputs without a snippet (delete them): {orphans}"


def test_every_captured_output_says_where_it_ran() -> None:
    """Pages say which Python, system and date produced their outputs, from the record
    `make outputs` writes beside them (snippets/captured.json); an output changed
    without a capture, or a capture without its record, fails here."""
    import hashlib
    import json

    records = (
        json.loads(harness.CAPTURED.read_text(encoding="utf-8"))
        if harness.CAPTURED.is_file()
        else {}
    )
    stale = []
    for path in harness.discover():
        rel = path.relative_to(harness.ROOT).as_posix()
        out = path.with_suffix(".out")
        if not out.is_file():
            continue  # test_snippet_runs_and_matches_its_output says how to create it
        digest = hashlib.sha256(out.read_bytes()).hexdigest()
        if records.get(rel, {}).get("sha256") != digest:
            stale.append(rel)
    gone = sorted(
        set(records) - {p.relative_to(harness.ROOT).as_posix() for p in harness.discover()}
    )
    assert not stale, (
        f"{harness.CAPTURED.name} has no record of the run that produced these outputs; "
        f"capture them with `make outputs` (or `-k NAME --update-outputs`): {stale}"
    )
    assert not gone, f"{harness.CAPTURED.name} lists snippets that no longer exist: {gone}"
