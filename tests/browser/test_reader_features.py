"""What a reader does on the site: search, copy a command from the platform tabs, switch
colour scheme. (Each page's snippet copy buttons and its bytes are checked with the page
itself, in test_pages.py.)"""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import expect

# Search term -> the page a reader expects among the first results.
SEARCHES: dict[str, str | tuple[str, ...]] = {
    "deadlock": "part-1/concurrency/",
    "fork": "part-1/system-calls/",
    "virtual memory": "part-1/memory/",
    "GIL": "part-1/processes-and-threads/",
    # Both teach it: scheduling a CPU, and balancing requests.
    "round robin": ("part-1/scheduling/", "part-2/load-balancing/"),
    "consistent hashing": "part-2/hashing/",
    "Nagle": "part-2/tcp-and-udp/",
    "write skew": "part-3/isolation-levels/",
    "hypervisor": "part-1/virtualization/",
    "circuit breaker": "part-1/principles/plan-for-failure/",
    "microservices": "part-1/architecture/",
}
SCHEME = "document.body.getAttribute('data-md-color-scheme')"


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
        wanted = (expected,) if isinstance(expected, str) else expected
        if not set(wanted) & set(top):
            misses.append(f"searching {term!r} gave {top}, not {expected}")
    assert not misses, "\n".join(misses)


def test_colour_scheme_toggle_works_and_is_remembered(page: Any, base_url: str) -> None:
    """Every step waits for the page to reach the state it expects: Material applies a
    click on the toggle asynchronously, so a read right after the click can see the old
    scheme (the cause of an intermittent failure under load)."""
    page.emulate_media(color_scheme="light")
    page.goto(base_url)
    body = page.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    checked = "[...document.querySelectorAll('input[name=__palette]')].findIndex(i => i.checked)"
    # The toggle cycles system -> light -> dark; click until the page is dark.
    for _ in range(3):
        if page.evaluate(SCHEME) == "slate":
            break
        before = page.evaluate(checked)
        page.locator(".md-header__option label.md-header__button:visible").click()
        page.wait_for_function(f"{checked} !== {before}")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.goto(base_url + "part-1/processes-and-threads/")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    page.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")


def test_run_it_commands_copy_without_prompt_in_linked_platform_tabs(
    page: Any, base_url: str
) -> None:
    """A "Run it" command shows in Linux, macOS and Windows tabs; picking Windows on one
    switches every tab set, on this page and the next; the copy button copies the
    command alone, without `$ ` or `PS> `."""
    page.goto(base_url + "part-1/concurrency/")
    sets = page.locator(".tabbed-set:visible").filter(
        has=page.locator(".tabbed-labels label", has_text="Windows")
    )
    assert sets.count() >= 2, "no linked platform tabs on the page"

    def active_command(tabs: Any) -> str:
        block = tabs.locator(".tabbed-block:visible").first
        block.hover()
        block.locator("button[data-md-type=copy]").click()
        copied: str = page.evaluate("navigator.clipboard.readText()")
        return copied.strip()

    linux = active_command(sets.nth(0))
    assert linux.startswith("python3 ") and linux.endswith(".py"), linux
    sets.nth(0).locator(".tabbed-labels label", has_text="Windows").click()
    expect(sets.nth(1).locator(".tabbed-block:visible").first).to_contain_text("PS> py ")
    windows = active_command(sets.nth(1))
    assert windows.startswith("py ") and windows.endswith(".py"), windows
    page.goto(base_url + "part-1/scheduling/")
    expect(page.locator(".tabbed-set .tabbed-block:visible").first).to_contain_text("PS> py ")


def test_the_search_index_loads_only_when_the_reader_reaches_for_search(
    page: Any, base_url: str
) -> None:
    """The index (the site's largest file) waits for the reader: a pointer over the text,
    or over Material's search overlay (also a label for the search toggle; it sits with
    no size in the top-left corner, and a resize can pass it under a resting pointer),
    or a key that is not a search shortcut, loads nothing; hovering the field loads it."""
    index: list[str] = []
    page.on("request", lambda r: index.append(r.url) if "search_index" in r.url else None)
    page.goto(base_url + "part-1/concurrency/", wait_until="networkidle")
    page.mouse.move(640, 450)
    page.keyboard.press("j")
    page.locator(".md-search__overlay").dispatch_event("mouseover")
    page.locator(".md-search__overlay").dispatch_event("pointerdown")
    page.wait_for_load_state("networkidle")
    assert not index, f"the index loaded before the reader reached for search: {index}"
    with page.expect_request("**/search/search_index.json", timeout=10_000):
        page.locator(".md-search__form").hover()
