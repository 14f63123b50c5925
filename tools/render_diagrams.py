"""Render every Mermaid diagram in docs/ to SVG once, so readers download no Mermaid.

Mermaid costs a reader about 250 KB (gzipped) of JavaScript on every page with a
diagram: most of a first visit. The diagrams change only when their text does, so
they are rendered here, in Chromium (the one the browser tests use), by the same
Mermaid the site ships (docs/assets/vendor/mermaid) with Material's own theme CSS,
whose colours are CSS variables: inlined into the page, an SVG follows the reader's
light or dark scheme like everything else. tools/handbook_markdown.py inlines
`includes/diagrams/<key>.svg` in place of each ```mermaid block; a block without a
render is left to Mermaid in the browser, as before.

The key is a hash of the diagram's text and Mermaid's version, so a changed diagram
gets a new render and a stale one cannot be served. tests/test_diagrams.py fails when a
diagram has no render or a render has no diagram.

    make diagrams            render what is missing, delete what no page uses
    python tools/render_diagrams.py --check   exit 1 if anything is missing or unused
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import re
import sys
import textwrap
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
VENDOR = DOCS / "assets" / "vendor" / "mermaid"
RENDERS = ROOT / "includes" / "diagrams"
THEME_NAME = re.compile(r"themeCSS:(?P<name>[\w$]+)")


def mermaid_version() -> str:
    match = re.search(r"Mermaid (\S+?):", (VENDOR / "VERSION").read_text(encoding="utf-8"))
    return match[1] if match else "unknown"


def key(text: str) -> str:
    return hashlib.sha256(f"{mermaid_version()}\n{text}".encode()).hexdigest()[:16]


@dataclass
class Fence:
    """A fenced block: the lines of its opening and closing fences (`end` is past the
    last line when the fence is never closed), its indent and its body."""

    start: int
    end: int
    indent: str
    marks: str
    body: list[str]

    @property
    def text(self) -> str:
        """The body dedented, as the block's tool (Mermaid, say) receives it."""
        return textwrap.dedent("\n".join(self.body)).strip("\n") + "\n"


def fences(lines: list[str], language: str) -> Iterator[Fence]:
    """Every ```` ```language ```` block in a page's lines, in order."""
    opening = re.compile(rf"^(?P<indent>[ \t]*)(?P<marks>`{{3,}})[ \t]*{language}[ \t]*$")
    i = 0
    while i < len(lines):
        match = opening.match(lines[i])
        if not match:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and lines[end].strip() != match["marks"]:
            end += 1
        yield Fence(i, end, match["indent"], match["marks"], lines[i + 1 : end])
        i = end + 1


def replace_fences(
    lines: list[str], language: str, replace: Callable[[Fence], list[str] | None]
) -> list[str]:
    """The lines with each closed ```` ```language ```` block replaced by what
    `replace` returns for it (None leaves the block as it is)."""
    out: list[str] = []
    kept = 0
    for fence in fences(lines, language):
        new = replace(fence) if fence.end < len(lines) else None
        if new is not None:
            out += lines[kept : fence.start] + new
            kept = fence.end + 1
    return out + lines[kept:]


def blocks(markdown: str) -> list[str]:
    """The text of each ```mermaid block, dedented, as Mermaid receives it."""
    return [fence.text for fence in fences(markdown.splitlines(), "mermaid")]


def diagrams() -> dict[str, str]:
    """key -> text, for every diagram on every page."""
    return {
        key(text): text
        for page in sorted(DOCS.rglob("*.md"))
        for text in blocks(page.read_text(encoding="utf-8"))
    }


def places() -> dict[str, list[str]]:
    """key -> the `page.md:line` of each block with that diagram."""
    found: dict[str, list[str]] = {}
    for page in sorted(DOCS.rglob("*.md")):
        for fence in fences(page.read_text(encoding="utf-8").splitlines(), "mermaid"):
            where = f"{page.relative_to(ROOT).as_posix()}:{fence.start + 1}"
            found.setdefault(key(fence.text), []).append(where)
    return found


def material_theme_css() -> str:
    """The theme CSS Material gives Mermaid (colours as var(--md-mermaid-...))."""
    import material

    bundle = next(
        (Path(material.__file__).parent / "templates/assets/javascripts").glob("bundle.*.min.js")
    )
    source = bundle.read_text(encoding="utf-8")
    name = THEME_NAME.search(source)
    value = name and re.search(rf'var {re.escape(name["name"])}="((?:[^"\\]|\\.)*)"', source)
    if not value:
        raise SystemExit(f"could not find Material's Mermaid theme CSS in {bundle}")
    return value[1].encode().decode("unicode_escape")


RENDER = """async ([id, text, css]) => {
  const mermaid = (await import("./mermaid.esm.min.mjs")).default;
  mermaid.initialize({startOnLoad: false, themeCSS: css,
    sequence: {actorFontSize: "16px", messageFontSize: "16px", noteFontSize: "16px"}});
  const {svg} = await mermaid.render(id, text);
  return svg;
}"""


def render(wanted: dict[str, str]) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from playwright.sync_api import sync_playwright

    from browser_kit import CHROMIUM_ARGS, INSTALL_HINT, chromium_executable

    executable = chromium_executable()
    if executable is None:
        raise SystemExit(f"rendering diagrams needs Chromium: {INSTALL_HINT}")
    handler = functools.partial(QuietHandler, directory=str(VENDOR))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    css = material_theme_css()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            page = browser.new_page()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/{QuietHandler.PAGE}")
            RENDERS.mkdir(parents=True, exist_ok=True)
            failed = []
            for name, text in sorted(wanted.items()):
                try:
                    svg = page.evaluate(RENDER, [f"diagram-{name}", text, css])
                except Exception as error:  # Mermaid's parse error, with its line
                    where = ", ".join(places().get(name, ["?"]))
                    failed.append(f"{where}: Mermaid cannot draw this diagram: {error}")
                    continue
                (RENDERS / f"{name}.svg").write_text(compact(svg) + "\n", encoding="utf-8")
                print(f"rendered includes/diagrams/{name}.svg")
            browser.close()
            if failed:
                raise SystemExit("\n".join(failed))
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


LONG_DECIMAL = re.compile(r"(?<![\w#.-])(-?\d+\.\d)\d+")


def compact(svg: str) -> str:
    """Coordinates to one decimal (a tenth of a pixel): Mermaid writes fifteen, and
    its rounded shapes are long Bezier paths, so this shrinks a diagram several times
    over with no visible change."""
    return LONG_DECIMAL.sub(r"\1", svg)


class QuietHandler(SimpleHTTPRequestHandler):
    """Serves Mermaid's files, and a blank page in the site's fonts to render on."""

    PAGE = "render.html"
    HTML = (
        b"<!doctype html><html><head><meta charset=utf-8></head><body style='font-family:"
        b" -apple-system, BlinkMacSystemFont, Helvetica, Arial, sans-serif'></body></html>"
    )

    def do_GET(self) -> None:
        if self.path.lstrip("/") != self.PAGE:
            super().do_GET()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(self.HTML)))
        self.end_headers()
        self.wfile.write(self.HTML)

    def log_message(self, format: str, *args: object) -> None:
        pass


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="only report; exit 1 if stale")
    parser.add_argument("--all", action="store_true", help="render every diagram again")
    args = parser.parse_args(argv)
    wanted = diagrams()
    have = {p.stem for p in RENDERS.glob("*.svg")}
    missing = {k: v for k, v in wanted.items() if args.all or k not in have}
    unused = sorted(have - set(wanted))
    if args.check:
        for name in sorted(set(wanted) - have):
            print(
                f"no render for a diagram ({wanted[name].splitlines()[0]} ...): run `make diagrams`"
            )
        for name in unused:
            print(f"includes/diagrams/{name}.svg: no page has this diagram: run `make diagrams`")
        return 1 if (set(wanted) - have) or unused else 0
    for name in unused:
        (RENDERS / f"{name}.svg").unlink()
        print(f"deleted includes/diagrams/{name}.svg (no page uses it)")
    if missing:
        render(missing)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
