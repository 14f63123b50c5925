"""What the browser tests share: the pages of the site and where Chromium is."""

from __future__ import annotations

import os
import re
import shutil
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
INSTALL_HINT = (
    "browser tests need Chromium: `apt-get install chromium-headless-shell` (or "
    "`chromium`) on Debian, or set HANDBOOK_CHROMIUM=/path/to/chrome"
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
    # Chromium's headless shell first (Debian's chromium-headless-shell, the build
    # Playwright itself uses headless): the same Blink, without the desktop browser
    # around it: a page's context opens and its first load ends about 0.4 s sooner here.
    for candidate in (
        os.environ.get("HANDBOOK_CHROMIUM"),
        "/usr/bin/chromium-headless-shell",
        shutil.which("chromium-headless-shell"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def contrast(a: tuple[float, ...], b: tuple[float, ...]) -> float:
    """WCAG 2 contrast ratio of two sRGB colours given as 0-255 (r, g, b)."""

    def luminance(colour: tuple[float, ...]) -> float:
        r, g, b = (c / 255 for c in colour[:3])
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


SECTION_MARKER = re.compile(
    r"^\s*#\s*-{1,}8<-{1,}\s*\[\s*(start|end)\s*:\s*([a-z][-_0-9a-z]*)\s*\]"
)


def without_section_markers(text: str) -> tuple[str, list[str]]:
    """A snippet as the page shows it whole (pymdownx.snippets drops the section-marker
    lines), and each of its named sections as the page shows it alone."""
    lines = text.splitlines(keepends=True)
    whole = "".join(line for line in lines if not SECTION_MARKER.match(line))
    sections: dict[str, list[str]] = {}
    open_: list[str] = []
    for line in lines:
        m = SECTION_MARKER.match(line)
        if m and m[1] == "start":
            open_.append(m[2])
            sections.setdefault(m[2], [])
        elif m:
            if m[2] in open_:
                open_.remove(m[2])
        else:
            for name in open_:
                sections[name].append(line)
    # Sections are shown dedented (mkdocs.yml: dedent_subsections).
    return whole, [textwrap.dedent("".join(body)) for body in sections.values()]
