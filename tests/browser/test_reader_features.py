"""What a reader does on the site: search, copy a snippet, switch colour scheme, and
how many bytes a page costs on a first and on a second visit."""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import pytest

from browser_kit import ROOT

# Search term -> the page a reader expects among the first results.
SEARCHES = {
    "deadlock": "part-1/concurrency/",
    "fork": "part-1/system-calls/",
    "virtual memory": "part-1/memory/",
    "GIL": "part-1/processes-and-threads/",
    "round robin": "part-1/scheduling/",
    "hypervisor": "part-1/virtualization/",
    "circuit breaker": "part-1/principles/",
    "microservices": "part-1/architecture/",
}
SECOND_VISIT_BUDGET = 300_000  # bytes a chapter may transfer once shared assets are cached


@pytest.fixture
def page(browser: Any, base_url: str) -> Any:
    context = browser.new_context(
        service_workers="block", permissions=["clipboard-read", "clipboard-write"]
    )
    context.route(
        "**/*", lambda r: r.continue_() if r.request.url.startswith(base_url) else r.abort()
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def test_search_finds_the_right_pages(page: Any, base_url: str) -> None:
    page.goto(base_url)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    search = page.locator(".md-search__input")
    misses = []
    for term, expected in SEARCHES.items():
        # Type as a reader does (Material searches on key events), after clearing, so
        # the list we read answers this term and not the previous one.
        search.fill("")
        search.press("Backspace")
        page.wait_for_function(
            "document.querySelectorAll('.md-search-result__item').length === 0", timeout=30_000
        )
        # The whole term at once, then a key event for Material to search on: typed key
        # by key, the list could still show the answer for a prefix such as "round".
        search.fill(term)
        search.press("End")
        # The index loads in a web worker; under load an answer can take a while.
        page.wait_for_function(
            "document.querySelectorAll('.md-search-result__item > a').length > 0",
            timeout=30_000,
        )
        hrefs = page.locator(".md-search-result__item > a").evaluate_all(
            "links => links.map(a => a.href)"
        )
        # Material lists a page's sections one by one: rank by page, first five pages.
        pages = [h.split("#")[0].split("?")[0].removeprefix(base_url) for h in hrefs]
        top = list(dict.fromkeys(pages))[:5]
        if expected not in top:
            misses.append(f"searching {term!r} gave {top}, not {expected}")
    assert not misses, "\n".join(misses)


def test_copy_buttons_copy_exactly_the_snippet_files(page: Any, base_url: str, site: Path) -> None:
    """The copy button of every included snippet yields the file a copier would run."""
    checked = []
    for html in sorted(site.rglob("index.html")):
        if 'class="filename">snippets/' not in html.read_text(encoding="utf-8"):
            continue
        url = html.parent.relative_to(site).as_posix()
        page.goto(base_url + ("" if url == "." else url + "/"))
        blocks = page.locator(".highlight:has(> .filename)")
        for i in range(blocks.count()):
            block = blocks.nth(i)
            name = block.locator(".filename").inner_text().strip()
            if not name.endswith(".py"):
                continue
            block.hover()
            block.locator("button[data-md-type=copy]").click()
            copied = page.evaluate("navigator.clipboard.readText()")
            expected = (ROOT / name).read_text(encoding="utf-8")
            assert copied.rstrip("\n") == expected.rstrip("\n"), f"copying {name} on /{url} differs"
            checked.append(name)
    assert checked, "no snippet blocks found to check"


def test_colour_scheme_toggle_works_and_is_remembered(page: Any, base_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(base_url)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    assert page.evaluate(scheme) == "default"
    # The toggle cycles system -> light -> dark; click until the page is dark.
    for _ in range(3):
        if page.evaluate(scheme) == "slate":
            break
        page.locator(".md-header__option label.md-header__button:visible").click()
    assert page.evaluate(scheme) == "slate"
    page.goto(base_url + "part-1/processes-and-threads/")
    assert page.evaluate(scheme) == "slate", "the choice was not remembered on the next page"
    page.reload()
    assert page.evaluate(scheme) == "slate", "the choice was not remembered after a reload"


def _transferred(page: Any, url: str) -> int:
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    sizes: list[int] = []
    cdp.on("Network.loadingFinished", lambda e: sizes.append(int(e["encodedDataLength"])))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    cdp.detach()
    return sum(sizes)


@pytest.mark.timeout(300)
def test_page_weight_first_and_second_visit(browser: Any, base_url: str, artifacts: Path) -> None:
    """Bytes over the wire (gzipped, as GitHub Pages serves them) per page: with a cold
    cache, and as the reader's next page after another chapter (shared assets cached)."""
    from browser_kit import page_urls

    chapters = [u for u in page_urls() if u.startswith("part-1/") and u != "part-1/"]
    report: dict[str, dict[str, Any]] = {}
    for url in page_urls():
        cold = browser.new_context(service_workers="block")
        report[url or "/"] = {"first_visit_bytes": _transferred(cold.new_page(), base_url + url)}
        cold.close()
    # Second visits: walk the chapters in one browser, each page after the one before it.
    warm = browser.new_context(service_workers="block")
    page = warm.new_page()
    walk = [chapters[-1], *(u for u in page_urls() if u != chapters[-1])]
    _transferred(page, base_url + walk[0])
    for before, url in itertools.pairwise(walk):
        report[url or "/"].update(
            second_visit_bytes=_transferred(page, base_url + url), after=before
        )
    # The first page of the walk, revisited after the last one.
    report[walk[0]].update(
        second_visit_bytes=_transferred(page, base_url + walk[0]), after=walk[-1]
    )
    warm.close()
    (artifacts / "page-weight.json").write_text(json.dumps(report, indent=2) + "\n")
    heavy = {
        u: r
        for u, r in report.items()
        if u in chapters and r["second_visit_bytes"] > SECOND_VISIT_BUDGET
    }
    assert not heavy, f"chapters over {SECOND_VISIT_BUDGET} bytes on a second visit: {heavy}"
