"""Every page of the built site, as a reader's browser shows it: light, dark and phone,
and what it costs over the wire.

One browser context and one page load per page (a first visit, cold cache), then:
no request leaves the site, no console errors, every Mermaid diagram renders to SVG,
no serious or critical axe-core violation in the page's content (every rule in light;
the colour rules again in dark, switched by emulating the reader's preference, not by a
second load), nothing overflows sideways at 375 px, and the page and the next one stay
within their byte budgets (first visit and second visit, gzipped as served).

The shared chrome (header, navigation, footer) is the same on every page, so the full
rule set runs on it once, on the home page, in both schemes.

Screenshots: of a failing page, always; of every page in light, dark and phone layouts
with `make screenshots` (HANDBOOK_SCREENSHOTS=1). They land in test-artifacts/.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_kit import page_urls

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
CONTENT = "article.md-content__inner"

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
        self.context = browser.new_context(service_workers="block", **context_options)
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
        cdp.on("Network.loadingFinished", lambda e: sizes.append(int(e["encodedDataLength"])))
        self.page.goto(self.base_url + url, wait_until="load", timeout=30_000)
        self.page.wait_for_function("document.querySelectorAll('pre.mermaid').length === 0")
        self.page.wait_for_function(MERMAID_RENDERED)
        self.page.wait_for_load_state("networkidle")
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


def serious_violations(page: Any, options: dict[str, Any], context: str | None) -> list[str]:
    result = AXE.run(page, context=context, options=options)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
            for n in v["nodes"][:3]
        )
        for v in result.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def record_weight(artifacts: Path, url: str, **figures: Any) -> None:
    """Bytes per page, for people to read (test-artifacts/page-weight/)."""
    folder = artifacts / "page-weight"
    folder.mkdir(exist_ok=True)
    path = folder / ((url.strip("/").replace("/", "_") or "home") + ".json")
    old = json.loads(path.read_text()) if path.is_file() else {}
    path.write_text(json.dumps({**old, **figures}, indent=2) + "\n")


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
    record_weight(artifacts, url, first_visit_bytes=first)
    record_weight(artifacts, after, second_visit_bytes=second, after=url or "/")
    if first > FIRST_VISIT_BUDGET:
        problems.append(f"a first visit transfers {first} bytes, over {FIRST_VISIT_BUDGET}")
    if second > SECOND_VISIT_BUDGET:
        problems.append(
            f"/{after} after /{url} transfers {second} bytes, over {SECOND_VISIT_BUDGET}"
        )
    assert not problems, f"/{url}:\n" + "\n".join(problems)
