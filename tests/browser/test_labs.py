"""The labs in a reader's browser: plots drawn, in the page's colours, notebook downloadable.

test_pages.py already runs every lab page through axe, the console, the offline and the
phone checks (browser_kit.page_urls() lists the notebooks too); this adds what only a lab
has.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from browser_kit import DOCS, contrast, lab_notebooks

LABS = lab_notebooks()
# Each plot, as the browser lays it out: its size, the colour its text and axes take
# (`currentColor`), and the colour of the page behind it.
PLOTS = """() => [...document.querySelectorAll('.lab-plot svg[role=img]')].map(svg => {
    const box = svg.getBoundingClientRect();
    let bg = 'rgba(0, 0, 0, 0)';
    for (let el = svg; el && bg === 'rgba(0, 0, 0, 0)'; el = el.parentElement) {
        bg = getComputedStyle(el).backgroundColor;
    }
    if (bg === 'rgba(0, 0, 0, 0)') bg = getComputedStyle(document.body).backgroundColor;
    return {width: box.width, height: box.height, label: svg.getAttribute('aria-label'),
            color: getComputedStyle(svg).color, background: bg};
})"""


def rgb(css: str) -> tuple[float, ...]:
    """'rgb(1, 2, 3)' or 'rgba(1, 2, 3, 0.5)' -> (1, 2, 3), alpha ignored."""
    parts = css[css.index("(") + 1 : css.index(")")].replace(",", " ").split()
    return tuple(float(p) for p in parts[:3])


def url_of(lab: Path) -> str:
    return lab.relative_to(DOCS).with_suffix("").as_posix() + "/"


def plot_problems(plots: list[dict[str, Any]], scheme: str) -> list[str]:
    if not plots:
        return [f"{scheme}: no plot rendered"]
    problems = []
    for plot in plots:
        if not (plot["width"] > 300 and plot["height"] > 150):
            problems.append(f"{scheme}: too small: {plot}")
        ratio = contrast(rgb(plot["color"]), rgb(plot["background"]))
        if ratio < 4.5:
            problems.append(f"{scheme}: axes and text at {ratio:.1f}:1 on the page: {plot}")
    return problems


@pytest.mark.parametrize("lab", LABS, ids=[lab.stem for lab in LABS])
def test_lab_draws_its_plots_in_the_page_colours_and_offers_its_notebook(
    browser: Any, base_url: str, lab: Path
) -> None:
    """One load: the plots in light, then in dark (the reader's preference, emulated),
    then the download button at the top of the page."""
    context = browser.new_context(
        service_workers="block", accept_downloads=True, viewport={"width": 1280, "height": 900}
    )
    try:
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.emulate_media(color_scheme="light")
        page.goto(base_url + url_of(lab), wait_until="load")
        # Colours read right after the switch must be the final ones, not a transition's.
        page.add_style_tag(content="*, *::before, *::after { transition: none !important }")
        problems, foregrounds = [], {}
        for scheme, palette in (("light", "default"), ("dark", "slate")):
            page.emulate_media(color_scheme=scheme)
            page.wait_for_function(f"document.body.dataset.mdColorScheme === '{palette}'")
            plots = page.evaluate(PLOTS)
            problems += plot_problems(plots, scheme)
            foregrounds[scheme] = {plot["color"] for plot in plots}
        assert not problems, f"{lab.name}:\n" + "\n".join(problems)
        assert foregrounds["light"].isdisjoint(foregrounds["dark"]), (
            "the plots' text keeps one colour in both schemes"
        )

        link = page.locator(f'a[download="{lab.name}"][href="../{lab.name}"]')
        assert link.count() == 1, f"{lab.name}: no download link at the top of the page"
        assert link.get_attribute("title"), "the download button has no tooltip"
        with page.expect_download() as download:
            link.click()
        saved = Path(download.value.path())
        assert download.value.suggested_filename == lab.name
        assert saved.read_bytes() == lab.read_bytes(), "the download is not the committed notebook"
        assert json.loads(saved.read_text(encoding="utf-8"))["nbformat"] == 4
    finally:
        context.close()
