"""Every page of the built site, as a reader's browser shows it: light, dark and phone,
and what it costs over the wire.

One browser context and one page load per page (a first visit, cold cache), then:
no request leaves the site, no console errors, every Mermaid diagram renders to SVG,
no serious or critical axe-core violation in the page's content (every rule in light;
the colour rules again in dark, switched by emulating the reader's preference, not by a
second load), each snippet's copy button copies what it shows, nothing overflows
sideways at 375 px, and the page and the next one stay
within their byte budgets (first visit and second visit, gzipped as served).

The shared chrome (header, navigation, footer) is the same on every page, so the full
rule set runs on it once, on the home page, in both schemes.

Screenshots: of a failing page, always; of every page in light, dark and phone layouts
with `make screenshots` (HANDBOOK_SCREENSHOTS=1). They land in test-artifacts/.
"""

from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_kit import ROOT, page_urls, without_section_markers

PAGES = page_urls()
AXE = Axe()
SCREENSHOTS = os.environ.get("HANDBOOK_SCREENSHOTS") == "1"
# Gzipped bytes over the wire, as GitHub Pages serves them.
FIRST_VISIT_BUDGET = 300_000  # a reader's first page: HTML, CSS, JS, diagrams
SECOND_VISIT_BUDGET = 60_000  # the next page, with the shared assets cached
# Diagrams are inlined as SVG rendered ahead of time (.hb-diagram); one without a render
# is drawn by Mermaid into a closed shadow root, opened here so tests (and axe) can look
# inside. A diagram counts as rendered when it holds an SVG that is not Mermaid's
# "syntax error" picture.
OPEN_SHADOW_ROOTS = """{
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    return attach.call(this, { ...init, mode: "open" });
  };
}"""
MERMAID_RENDERED = """() => [...document.querySelectorAll('div.mermaid')].every(el => {
    const svg = el.shadowRoot && el.shadowRoot.querySelector('svg');
    return svg && svg.getAttribute('aria-roledescription') !== 'error';
}) && [...document.querySelectorAll('.hb-diagram')].every(el => {
    const svg = el.querySelector('svg');
    return svg && svg.getAttribute('aria-roledescription') !== 'error';
})"""
SCHEME = "document.body.getAttribute('data-md-color-scheme')"
OUTSIDE_THE_PAGE = re.compile(r"/javascripts/workers/|/favicon\.\w+$")
# A page's own content. Code blocks are left to test_code_colours_are_readable: their
# colours are the theme's, the same on every page, and colour-contrast over thousands
# of highlighted tokens was half of each page's check.
CONTENT = {"include": [["article.md-content__inner"]], "exclude": [[".highlight"]]}
CODE = {"include": [[".md-content .highlight"]]}
# Pages whose code blocks hold every kind of token the site shows (Python, console and
# PowerShell prompts, YAML, plain text).
CODE_PAGES = ["part-1/concurrency/", "part-4/containers/", "part-2/http-and-https/"]

# Only colours change between the schemes, so the dark pass re-checks only those rules.
ALL_RULES = {"resultTypes": ["violations"]}
COLOUR_RULES = {
    **ALL_RULES,
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
}


class Visit:
    """A page in its own context, with what left the site, the console errors and the
    bytes of each load recorded."""

    def __init__(self, browser: Any, base_url: str, **context_options: Any) -> None:
        self.base_url = base_url
        self.context = browser.new_context(
            service_workers="block",
            permissions=["clipboard-read", "clipboard-write"],
            **context_options,
        )
        self.page = self.context.new_page()
        self.page.set_default_timeout(20_000)
        self.external: list[str] = []
        self.errors: list[str] = []
        # Requests are watched, not routed: routing would switch off the HTTP cache,
        # and the second visit measures what the cache saves. (Chromium runs with its
        # background networking off, and this machine has no route out anyway.)
        self.page.on("request", self._keep_on_site)
        self.context.add_init_script(OPEN_SHADOW_ROOTS)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _keep_on_site(self, request: Any) -> None:
        if not request.url.startswith((self.base_url, "data:", "blob:")):
            self.external.append(request.url)

    def load(self, url: str) -> int:
        """Go to a page, wait until it is drawn and the network is idle; return the bytes
        transferred (gzipped, as served) for it."""
        cdp = self.context.new_cdp_session(self.page)
        cdp.send("Network.enable")
        sizes: list[int] = []
        pending: set[str] = set()
        urls: dict[str, str] = {}

        def started(event: dict[str, Any]) -> None:
            # Two fetches may finish out of this session's hearing: a worker's script
            # (Material's search worker) finishes in the worker's own session, and the
            # favicon is fetched by the browser for its tab. Neither is waited for.
            if not OUTSIDE_THE_PAGE.search(event["request"]["url"]):
                pending.add(event["requestId"])
            urls[event["requestId"]] = event["request"]["url"]

        cdp.on("Network.requestWillBeSent", started)
        cdp.on("Network.loadingFailed", lambda e: pending.discard(e["requestId"]))

        def finished(event: dict[str, Any]) -> None:
            pending.discard(event["requestId"])
            sizes.append(int(event["encodedDataLength"]))

        cdp.on("Network.loadingFinished", finished)
        self.page.goto(self.base_url + url, wait_until="load", timeout=30_000)
        self.page.wait_for_function("document.querySelectorAll('pre.mermaid').length === 0")
        self.page.wait_for_function(MERMAID_RENDERED)
        # Every request the page started has finished, and none started for 100 ms
        # (what the page loads after `load`, such as the search worker, counts too).
        quiet_since, deadline = time.monotonic(), time.monotonic() + 20
        while time.monotonic() < deadline:
            self.page.wait_for_timeout(50)  # lets Playwright deliver the CDP events
            if pending:
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= 0.1:
                break
        else:
            raise AssertionError(f"/{url}: still loading after 20 s: {[urls[r] for r in pending]}")
        cdp.detach()
        return sum(sizes)

    def scheme(self, scheme: str) -> str | None:
        """Emulate the reader's colour preference; wait until the page follows it."""
        want = "slate" if scheme == "dark" else "default"
        self.page.emulate_media(color_scheme=scheme)
        try:
            self.page.wait_for_function(f"{SCHEME} === '{want}'", timeout=10_000)
        except Exception:
            shown = self.page.evaluate(SCHEME)
            return f"{scheme}: the page shows colour scheme {shown!r}, not {want!r}"
        return None

    def shot(self, artifacts: Path, url: str, layout: str) -> None:
        name = (url.strip("/").replace("/", "_") or "home") + f"-{layout}.jpeg"
        self.page.screenshot(path=artifacts / "screenshots" / name, full_page=True, quality=70)


@contextmanager
def visit(browser: Any, base_url: str, **context_options: Any) -> Iterator[Visit]:
    v = Visit(browser, base_url, **context_options)
    try:
        yield v
    finally:
        v.context.close()


def serious_violations(page: Any, options: dict[str, Any], context: Any) -> list[str]:
    """axe-core's serious and critical violations (axe injected once per page load)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.axe_script)
    response = page.evaluate("([c, o]) => axe.run(c || document, o)", [context, options])
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
            for n in v["nodes"][:3]
        )
        for v in response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


# Each snippet block's own copy button, pressed in turn, and what it put on the clipboard.
COPY_EACH = """async () => {
  document.querySelectorAll('details').forEach(d => d.open = true);
  const copies = [];
  for (const block of document.querySelectorAll('.highlight')) {
    const name = block.querySelector(':scope > .filename');
    if (!name || !name.textContent.trim().endsWith('.py')) continue;
    await navigator.clipboard.writeText('<nothing copied>');
    block.querySelector('button[data-md-type=copy]').click();
    let text = '<nothing copied>';
    for (let i = 0; i < 200 && text === '<nothing copied>'; i++) {
      await new Promise(resolve => setTimeout(resolve, 10));
      text = await navigator.clipboard.readText();
    }
    copies.push([name.textContent.trim(), text]);
  }
  document.querySelectorAll('details').forEach(d => d.open = false);
  return copies;
}"""


def copy_problems(page: Any, url: str) -> list[str]:
    """The copy button of every included snippet yields what it shows: the whole file a
    copier would run (from the collapsed "whole file" block), or exactly the named
    sections of the file that the block shows."""
    problems = []
    for name, copied in page.evaluate(COPY_EACH):
        copied = copied.rstrip("\n")
        whole, sections = without_section_markers((ROOT / name).read_text(encoding="utf-8"))
        if copied != whole.rstrip("\n") and not made_of(copied, sections):
            problems.append(f"copying {name} gives neither the file nor its named sections")
    return problems


def made_of(copied: str, sections: list[str]) -> bool:
    """Is the copied text one or more of the file's sections, one after another (a
    block may show several sections of one file)?"""
    rest = copied.strip("\n")
    while rest:
        match = next((s.strip("\n") for s in sections if rest.startswith(s.strip("\n"))), None)
        if not match:
            return False
        rest = rest[len(match) :].lstrip("\n")
    return True


@pytest.mark.parametrize("url", CODE_PAGES)
def test_code_colours_are_readable_in_both_schemes(browser: Any, base_url: str, url: str) -> None:
    """The theme's code colours (shared by every page's code blocks) against axe-core's
    colour rules, in light and in dark."""
    with visit(browser, base_url, viewport={"width": 1280, "height": 900}) as v:
        v.page.emulate_media(color_scheme="light")
        v.load(url)
        problems = [f"light: axe {p}" for p in serious_violations(v.page, COLOUR_RULES, CODE)]
        problem = v.scheme("dark")
        problems += [problem] if problem else []
        problems += [f"dark: axe {p}" for p in serious_violations(v.page, COLOUR_RULES, CODE)]
    assert not problems, f"/{url}:\n" + "\n".join(problems)


def record_weight(artifacts: Path, url: str, visit: str, **figures: Any) -> None:
    """Bytes per page, for people to read: test-artifacts/page-weight/<page>.<visit>.json.
    One file per page and visit, so two workers never write the same file."""
    folder = artifacts / "page-weight"
    folder.mkdir(exist_ok=True)
    path = folder / ((url.strip("/").replace("/", "_") or "home") + f".{visit}.json")
    temporary = path.with_suffix(f".{os.getpid()}.tmp")
    temporary.write_text(json.dumps(figures, indent=2) + "\n")
    os.replace(temporary, path)


def test_shared_chrome_is_accessible(browser: Any, base_url: str, artifacts: Path) -> None:
    """Header, navigation, search and footer: the full rule set once, in both schemes."""
    with visit(browser, base_url, viewport={"width": 1280, "height": 900}) as v:
        v.page.emulate_media(color_scheme="light")
        v.load("")
        problems = [f"light: axe {p}" for p in serious_violations(v.page, ALL_RULES, None)]
        problem = v.scheme("dark")
        problems += [problem] if problem else []
        problems += [f"dark: axe {p}" for p in serious_violations(v.page, COLOUR_RULES, None)]
        if problems:
            v.shot(artifacts, "", "chrome-failure")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("url", PAGES, ids=[u or "home" for u in PAGES])
def test_page_reads_well_everywhere(browser: Any, base_url: str, url: str, artifacts: Path) -> None:
    problems: list[str] = []
    after = PAGES[(PAGES.index(url) + 1) % len(PAGES)]
    with visit(browser, base_url, viewport={"width": 1280, "height": 900}) as v:
        v.page.emulate_media(color_scheme="light")
        first = v.load(url)
        for scheme, rules in (("light", ALL_RULES), ("dark", COLOUR_RULES)):
            problem = v.scheme(scheme)
            problems += [problem] if problem else []
            problems += [f"{scheme}: axe {p}" for p in serious_violations(v.page, rules, CONTENT)]
            if SCREENSHOTS:
                v.shot(artifacts, url, scheme)
        problems += copy_problems(v.page, url)
        v.page.set_viewport_size({"width": 375, "height": 812})
        try:
            v.page.wait_for_function(
                "document.documentElement.scrollWidth <= window.innerWidth", timeout=5_000
            )
        except Exception:
            width = v.page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
            problems.append(f"phone: the page is {width[0]} px wide in a {width[1]} px viewport")
        if SCREENSHOTS or problems:
            v.shot(artifacts, url, "phone" if not problems else "failure")
        # The reader's next page, with this one's assets in the cache.
        v.page.set_viewport_size({"width": 1280, "height": 900})
        second = v.load(after)
        problems += [f"request left the site: {u}" for u in v.external]
        problems += [f"console error: {e}" for e in v.errors]
    record_weight(artifacts, url, "first", bytes=first)
    record_weight(artifacts, after, "second", bytes=second, after=url or "/")
    if first > FIRST_VISIT_BUDGET:
        problems.append(f"a first visit transfers {first} bytes, over {FIRST_VISIT_BUDGET}")
    if second > SECOND_VISIT_BUDGET:
        problems.append(
            f"/{after} after /{url} transfers {second} bytes, over {SECOND_VISIT_BUDGET}"
        )
    assert not problems, f"/{url}:\n" + "\n".join(problems)
