"""The second build: Zensical (Material's successor) builds the same site, labs included.

MkDocs with Material stays the publishing build (test_site_build.py); this keeps the
way out open. tools/zensical_build.py builds a temporary copy, so this runs beside
anything else. `zensical build --strict` fails on a dead link or anchor and on a missing
include; here: every page of the nav is built, every lab is a page with its plots and
its download, and a lab whose plot file is missing fails the build.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from mkdocs.utils.yaml import yaml_load

from bench import labkit
from tools import render_labs, zensical_build

ROOT = Path(__file__).resolve().parent.parent
LABS = render_labs.labs()


def nav_pages(nav: Any) -> Iterator[str]:
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_pages(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_pages(value)


def html_of(site: Path, page: str) -> Path:
    rel = page.removesuffix(".md")
    rel = rel.removesuffix("index") if rel.endswith("index") else rel + "/"
    return site / rel / "index.html"


@pytest.fixture(scope="module")
def rendered(built_site: tuple[Path, subprocess.CompletedProcess[str]]) -> None:
    """The labs as pages: built_site (conftest.py) runs the render step before MkDocs."""
    _, result = built_site
    if result.returncode != 0:
        pytest.fail("the labs or the MkDocs build failed; see test_site_builds_strict")


@pytest.fixture(scope="module")
def zensical_site(
    rendered: None, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, subprocess.CompletedProcess[str]]:
    site = tmp_path_factory.mktemp("zensical") / "site"
    return site, zensical_build.build(site)


def test_zensical_builds_every_page(
    zensical_site: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    site, result = zensical_site
    assert result.returncode == 0, (
        "zensical build --strict failed:\n" + (result.stdout + result.stderr)[-3000:]
    )
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    pages = list(nav_pages(config["nav"]))
    missing = [page for page in pages if not html_of(site, page).is_file()]
    assert not missing, f"nav pages Zensical did not build: {missing}"


@pytest.mark.parametrize("lab", LABS, ids=[lab.name for lab in LABS])
def test_zensical_lab_is_a_page_with_its_plots(
    zensical_site: tuple[Path, subprocess.CompletedProcess[str]], lab: render_labs.Lab
) -> None:
    site, result = zensical_site
    assert result.returncode == 0, "see test_zensical_builds_every_page"
    rel = lab.page.relative_to(ROOT / "docs").as_posix()
    html = html_of(site, rel).read_text(encoding="utf-8")
    plots = sorted(lab.plots.glob("plot-*.svg"))
    inline = re.findall(r'<div class="lab-plot">\s*<svg [^>]*role="img"', html)
    assert plots and len(inline) == len(plots), f"{lab.name}: {len(inline)} of {len(plots)} plots"
    assert labkit.FOREGROUND not in html and "currentColor" in html
    assert f'download="{lab.notebook.name}"' in html
    download = site / lab.notebook.relative_to(ROOT / "docs")
    assert download.read_bytes() == lab.notebook.read_bytes()


def test_zensical_fails_on_a_missing_plot(rendered: None, tmp_path: Path) -> None:
    """A lab page includes each plot with a `--8<--` line; with the plot gone, the strict
    build fails naming it. Built on a one-page copy of the site (the same mkdocs.yml,
    overrides and extensions, a page holding a lab's include line), with the plot and
    without: the whole site takes seconds to build, and the page with its plot is the
    control."""
    lab = LABS[0]
    plots = sorted(lab.plots.glob("plot-*.svg"))
    assert plots, f"{lab.name}: no rendered plot (run `make labs`)"
    plot = plots[0].relative_to(ROOT)
    include = f'--8<-- "{plot.as_posix()}"'
    assert include in lab.page.read_text(encoding="utf-8"), f"{lab.page} includes {plot} otherwise"

    def one_page(lose_plot: bool) -> Callable[[Path], None]:
        def edit(copy: Path) -> None:
            docs = copy / "docs"
            for child in docs.iterdir():
                if child.name != "assets":
                    shutil.rmtree(child) if child.is_dir() else child.unlink()
            if not lose_plot:
                (copy / plot).parent.mkdir(parents=True)
                shutil.copy2(ROOT / plot, copy / plot)
            (docs / "index.md").write_text(f"# {lab.name}\n\n{include}\n", encoding="utf-8")
            config = (copy / "mkdocs.yml").read_text(encoding="utf-8")
            start = config.index("\nnav:\n") + 1
            end = re.search(r"^\S", config[start + 4 :], re.MULTILINE)
            assert end, "mkdocs.yml: nothing after the nav"
            rest = config[start + 4 + end.start() :]
            (copy / "mkdocs.yml").write_text(config[:start] + "nav:\n  - index.md\n" + rest)

        return edit

    control = zensical_build.build(tmp_path / "with", edit=one_page(lose_plot=False))
    assert control.returncode == 0, (
        "the one-page copy with its plot does not build:\n"
        + (control.stdout + control.stderr)[-3000:]
    )
    assert "<svg" in (tmp_path / "with" / "index.html").read_text(encoding="utf-8")
    result = zensical_build.build(tmp_path / "without", edit=one_page(lose_plot=True))
    assert result.returncode != 0, "Zensical built a lab whose plot is missing"
    assert plot.as_posix() in result.stdout + result.stderr, (result.stdout + result.stderr)[-3000:]
