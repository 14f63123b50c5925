"""What the browser tests share: the pages of the site and where Chromium is."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INSTALL_HINT = (
    "browser tests need Chromium: `apt-get install chromium` on Debian/Ubuntu, "
    "or set HANDBOOK_CHROMIUM=/path/to/chrome"
)
# Chromium phones home at start-up unless told not to; the sandbox needs a non-root user.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def lab_notebooks() -> list[Path]:
    """The labs: docs/part-*/labs/NAME.ipynb, each the page NAME.md (tools/render_labs.py)."""
    return sorted(DOCS.glob("part-*/labs/*.ipynb"))


def page_urls() -> list[str]:
    """Site-relative URLs of every page, from the Markdown sources and the labs (whose
    pages may not be rendered yet when the tests are collected)."""
    labs = lab_notebooks()
    rendered = {lab.with_suffix(".md") for lab in labs}
    urls = []
    for md in sorted({*DOCS.rglob("*.md"), *rendered}):
        rel = md.relative_to(DOCS).with_suffix("").as_posix()
        if rel == "index":
            urls.append("")
        elif rel.endswith("/index"):
            urls.append(rel[: -len("index")])
        else:
            urls.append(rel + "/")
    return urls


def chromium_executable() -> str | None:
    for candidate in (
        os.environ.get("HANDBOOK_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    return None
