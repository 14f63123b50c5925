"""Browser fixtures: the built site served on 127.0.0.1, and Debian's Chromium driven by
Playwright. Without a Chromium the browser tests skip with instructions, except in CI
(CI=true), where a missing browser is a failure."""

from __future__ import annotations

import functools
import gzip
import os
import subprocess
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from browser_kit import CHROMIUM_ARGS, INSTALL_HINT, ROOT, chromium_executable

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture(scope="session")
def site(built_site: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    path, result = built_site
    if result.returncode != 0:
        pytest.fail("the site did not build; see test_site_builds_strict")
    return path


class _Handler(SimpleHTTPRequestHandler):
    """Serves the site roughly as GitHub Pages does: text gzipped, assets cacheable."""

    COMPRESSIBLE = {".html", ".css", ".js", ".mjs", ".json", ".svg", ".txt", ".xml", ".ipynb"}
    _gzipped: dict[Path, bytes] = {}

    def do_GET(self) -> None:
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if (
            path.suffix in self.COMPRESSIBLE
            and path.is_file()
            and "gzip" in self.headers.get("Accept-Encoding", "")
        ):
            body = self._gzipped.get(path)
            if body is None:
                body = self._gzipped[path] = gzip.compress(path.read_bytes(), compresslevel=6)
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(path)))
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        super().do_GET()

    def end_headers(self) -> None:
        # As GitHub Pages does: shared assets are reused on the next page.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def base_url(site: Path) -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Handler, directory=site))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# Module scope: Playwright's sync API keeps an event loop running while it is open,
# which would break asyncio.run() in tests that come after it.
@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    executable = chromium_executable()
    if executable is None:
        if os.environ.get("CI"):
            pytest.fail(INSTALL_HINT)
        pytest.skip(INSTALL_HINT)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=executable, args=CHROMIUM_ARGS, timeout=30_000
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    """Screenshots and measurements for people to look at; not committed."""
    (ARTIFACTS / "screenshots").mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
