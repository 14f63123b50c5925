"""Every page of the built site, as a reader's browser shows it: light, dark and phone.

Per page: no request leaves the site, no console errors, every Mermaid diagram renders
to SVG, no serious or critical axe-core violation in either colour scheme, and nothing
overflows sideways at 375 px. A screenshot of each layout lands in test-artifacts/.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe

from browser_kit import page_urls

PAGES = page_urls()
AXE = Axe()
# Material draws each diagram into a closed shadow root; open it so tests (and axe) can
# look inside. A diagram counts as rendered when it holds an SVG that is not Mermaid's
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
})"""


@contextmanager
def visit(browser: Any, base_url: str, url: str, **context_options: Any) -> Iterator[Any]:
    """Open a page; collect console errors and block (and record) any off-site request."""
    context = browser.new_context(service_workers="block", **context_options)
    page = context.new_page()
    page.external = []
    page.errors = []

    def keep_on_site(route: Any) -> None:
        if route.request.url.startswith(base_url):
            route.continue_()
        else:
            page.external.append(route.request.url)
            route.abort()

    context.route("**/*", keep_on_site)
    context.add_init_script(OPEN_SHADOW_ROOTS)
    page.on("console", lambda m: page.errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: page.errors.append(str(e)))
    try:
        page.goto(base_url + url, wait_until="load", timeout=30_000)
        page.wait_for_function("document.querySelectorAll('pre.mermaid').length === 0")
        page.wait_for_function(MERMAID_RENDERED, timeout=20_000)
        yield page
    finally:
        context.close()


# Only colours change between the schemes, so the dark pass re-checks only those rules.
ALL_RULES = {"resultTypes": ["violations"]}
COLOUR_RULES = {
    **ALL_RULES,
    "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]},
}


def serious_violations(page: Any, options: dict[str, Any]) -> list[str]:
    result = AXE.run(page, options=options)
    return [
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(
            n["target"][0] if isinstance(n["target"][0], str) else str(n["target"])
            for n in v["nodes"][:3]
        )
        for v in result.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def shot_name(url: str, layout: str) -> str:
    return (url.strip("/").replace("/", "_") or "home") + f"-{layout}.jpeg"


@pytest.mark.parametrize("url", PAGES, ids=[u or "home" for u in PAGES])
def test_page_reads_well_everywhere(browser: Any, base_url: str, url: str, artifacts: Path) -> None:
    problems = []
    for scheme in ("light", "dark"):
        with visit(
            browser, base_url, url, color_scheme=scheme, viewport={"width": 1280, "height": 900}
        ) as page:
            shown = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            want = "slate" if scheme == "dark" else "default"
            if shown != want:
                problems.append(f"{scheme}: the page shows colour scheme {shown!r}, not {want!r}")
            problems += [f"{scheme}: request left the site: {u}" for u in page.external]
            problems += [f"{scheme}: console error: {e}" for e in page.errors]
            rules = COLOUR_RULES if scheme == "dark" else ALL_RULES
            problems += [f"{scheme}: axe {v}" for v in serious_violations(page, rules)]
            page.screenshot(
                path=artifacts / "screenshots" / shot_name(url, scheme), full_page=True, quality=70
            )
    with visit(
        browser,
        base_url,
        url,
        viewport={"width": 375, "height": 812},
        is_mobile=True,
        has_touch=True,
        device_scale_factor=2,
    ) as page:
        width = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
        if width[0] > width[1]:
            problems.append(f"phone: the page is {width[0]} px wide in a {width[1]} px viewport")
        page.screenshot(
            path=artifacts / "screenshots" / shot_name(url, "phone"), full_page=True, quality=70
        )
    assert not problems, f"/{url}:\n" + "\n".join(problems)
