"""The labs: notebooks under docs/part-*/labs/ that every build runs (tools/render_labs.py
writes each as an ordinary page, NAME.md; tests/test_render_labs.py tests that step).

- Each is committed clean (the build makes the outputs), imports the snippets it
  measures instead of copying them, and fits the page's 79-column code box.
- Each page (NAME.md, generated) is in the nav and linked from its chapter.
- On the built site, each lab shows its plots as inline SVG with a text alternative,
  offers its .ipynb for download, its links lead to pages that exist, and it weighs
  at most 60 KB gzipped, with nothing fetched from elsewhere.
- The plots' colours read on the light and on the dark page.
"""

from __future__ import annotations

import ast
import colorsys
import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import nbformat
import pytest
from mkdocs.utils.yaml import yaml_load

from bench import labkit
from browser_kit import contrast, lab_notebooks

ROOT = Path(__file__).resolve().parent.parent

LABS = lab_notebooks()
IDS = [lab.stem for lab in LABS]
CHAPTERS = re.compile(r"^CHAPTERS(?:: [^=]+)? = \[(?P<names>[^\]]*)\]", re.MULTILINE)


def code_cells(lab: Path) -> list[str]:
    notebook = nbformat.read(lab, as_version=4)
    return [cell.source for cell in notebook.cells if cell.cell_type == "code"]


def imported_modules(source: str) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module.split(".")[0])
    return names


def test_there_are_labs() -> None:
    assert len(LABS) >= 4, LABS


# ---------------------------------------------------------------------------------
# The notebooks as committed


@pytest.mark.parametrize("lab", LABS, ids=IDS)
def test_lab_is_committed_clean(lab: Path) -> None:
    notebook = nbformat.read(lab, as_version=4)
    nbformat.validate(notebook)
    assert notebook.metadata["kernelspec"]["name"] == "python3"
    dirty = [
        i
        for i, c in enumerate(notebook.cells)
        if c.cell_type == "code" and (c.outputs or c.execution_count is not None)
    ]
    assert not dirty, (
        f"{lab.name}: cells {dirty} hold outputs; the build makes them. Clear "
        "them (Jupyter: Edit > Clear Outputs of All Cells) before committing."
    )


@pytest.mark.parametrize("lab", LABS, ids=IDS)
def test_lab_imports_the_snippets_it_measures(lab: Path) -> None:
    cells = code_cells(lab)
    setup = cells[0]
    assert "def handbook_root()" in setup and "sys.path.insert" in setup, (
        f"{lab.name}: the first cell must find the repository and put the snippet "
        "folders on sys.path (see the other labs)"
    )
    match = CHAPTERS.search(setup)
    assert match, f"{lab.name}: the first cell lists the chapters it imports in CHAPTERS"
    chapters = re.findall(r'"([^"]+)"', match["names"])
    snippet_modules = {path.stem: path for path in (ROOT / "snippets").rglob("*.py")}
    imported = set().union(*(imported_modules(source) for source in cells))
    from_snippets = imported & set(snippet_modules)
    assert from_snippets or "bench" in imported, f"{lab.name} imports no snippet"
    for name in from_snippets:
        assert snippet_modules[name].parent.name in chapters, (
            f"{lab.name} imports {name}, but its chapter folder is not in CHAPTERS"
        )
    # Importing, not copying: no function of an imported snippet is defined again here.
    defined = {
        node.name
        for source in cells
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.FunctionDef)
    }
    for name in from_snippets:
        tree = ast.parse(snippet_modules[name].read_text(encoding="utf-8"))
        theirs = {n.name for n in tree.body if isinstance(n, ast.FunctionDef)}
        assert not defined & theirs, f"{lab.name} redefines {defined & theirs} from {name}.py"


@pytest.mark.parametrize("lab", LABS, ids=IDS)
def test_lab_code_fits_the_code_box(lab: Path) -> None:
    long = [line for source in code_cells(lab) for line in source.splitlines() if len(line) > 79]
    assert not long, f"{lab.name}: lines over 79 columns scroll sideways on the page: {long}"


@pytest.mark.parametrize("lab", LABS, ids=IDS)
def test_lab_is_in_the_nav_and_linked_from_its_chapter(lab: Path) -> None:
    """The nav and the chapters name the lab's page, NAME.md, which the render step writes."""
    rel = lab.relative_to(ROOT / "docs").with_suffix(".md").as_posix()
    nav = json.dumps(yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"])
    assert f'"{rel}"' in nav, f'{rel} is not in mkdocs.yml\'s nav: add  - "Its title": {rel}'
    chapters = [
        page
        for page in lab.parent.parent.rglob("*.md")
        if f"(labs/{lab.stem}.md" in page.read_text(encoding="utf-8")
    ]
    assert chapters, f"no chapter links to labs/{lab.stem}.md"


def test_no_plugin_renders_the_labs() -> None:
    """Zensical ignores MkDocs plugins: a lab must be a page without one."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    plugins = [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]]
    assert "mkdocs-jupyter" not in plugins, plugins
    assert ".ipynb" not in json.dumps(config["nav"]), "a lab's page is NAME.md, not the notebook"


# ---------------------------------------------------------------------------------
# The built labs


def lab_html(built_site: tuple[Path, subprocess.CompletedProcess[str]], lab: Path) -> str:
    site, result = built_site
    page = site / lab.relative_to(ROOT / "docs").with_suffix("") / "index.html"
    if not page.is_file():
        log = result.stdout + result.stderr
        said = [line for line in log.splitlines() if lab.name in line] or [log[-2000:]]
        pytest.fail(f"{lab.name}: no page was built:\n" + "\n".join(said))
    return page.read_text(encoding="utf-8")


@pytest.mark.parametrize("lab", LABS, ids=IDS)
def test_built_lab_shows_its_plots(
    built_site: tuple[Path, subprocess.CompletedProcess[str]], lab: Path
) -> None:
    html = lab_html(built_site, lab)
    plots = re.findall(r'<div class="lab-plot">\s*(<svg [^>]*>)', html)
    alts = [
        m[1]
        for tag in plots
        if 'role="img"' in tag and (m := re.search(r'aria-label="([^"]+)"', tag))
    ]
    assert alts and len(alts) == len(plots), f"{lab.name}: no plot on the built page"
    assert all(len(alt) > 30 for alt in alts), f"{lab.name}: a plot lacks a real description"
    assert labkit.FOREGROUND not in html, "a plot kept its placeholder colour"
    assert "Traceback" not in html


@pytest.mark.parametrize("lab", LABS, ids=IDS)
def test_built_lab_offers_its_notebook(
    built_site: tuple[Path, subprocess.CompletedProcess[str]], lab: Path
) -> None:
    html = lab_html(built_site, lab)
    links = [a for a in re.findall(r"<a [^>]*>", html) if f'download="{lab.name}"' in a]
    assert len(links) == 1, f"{lab.name}: no download link (tools/render_labs.py writes it)"
    assert f'href="../{lab.name}"' in links[0] and "title=" in links[0], links[0]
    site, _ = built_site
    copy = site / lab.relative_to(ROOT / "docs")
    assert copy.read_bytes() == lab.read_bytes(), "the download is not the committed notebook"


@pytest.mark.parametrize("lab", LABS, ids=IDS)
def test_built_lab_links_lead_somewhere(
    built_site: tuple[Path, subprocess.CompletedProcess[str]], lab: Path
) -> None:
    """The build checks a Markdown link; this checks the page as built, raw HTML too."""
    site, _ = built_site
    html = lab_html(built_site, lab)
    article = html[html.index("<article") : html.index("</article>")]
    page_url = "/" + lab.relative_to(ROOT / "docs").with_suffix("").as_posix() + "/"
    broken = []
    for href in re.findall(r'<a [^>]*href="([^"]+)"', article):
        if urlsplit(href).scheme or href.startswith("#"):
            continue
        url = urlsplit(urljoin(page_url, href))
        target = site / url.path.lstrip("/")
        target = target / "index.html" if url.path.endswith("/") else target
        missing_anchor = (
            target.is_file()
            and url.fragment
            and f'id="{url.fragment}"' not in target.read_text(encoding="utf-8")
        )
        if not target.is_file() or missing_anchor:
            broken.append(href)
    assert not broken, f"{lab.name}: links to nothing: {broken}"


@pytest.mark.parametrize("lab", LABS, ids=IDS)
def test_built_lab_is_light_and_fetches_nothing_from_elsewhere(
    built_site: tuple[Path, subprocess.CompletedProcess[str]], lab: Path
) -> None:
    """At most 60 KB gzipped (DESIGN.md's budget for a lab page), plots included."""
    html = lab_html(built_site, lab)
    size = len(gzip.compress(html.encode(), compresslevel=6))
    assert size <= 60_000, f"{lab.name}: {size / 1000:.0f} KB gzipped, over 60 KB"
    remote = re.findall(
        r'<(?:script|img|link|iframe|source)\b[^>]*(?:src|href)="(?:https?:)?//', html
    )
    assert not remote, f"{lab.name}: fetches from another site: {remote}"


def test_built_labs_come_after_the_chapters_in_search(
    built_site: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    """Each lab page's front matter (tools/render_labs.py) lowers it in Material's search."""
    site, result = built_site
    assert result.returncode == 0, "the site did not build; see test_site_builds_strict"
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    for lab in LABS:
        url = lab.relative_to(ROOT / "docs").with_suffix("").as_posix() + "/"
        boosts = {doc.get("boost") for doc in index["docs"] if doc["location"].startswith(url)}
        assert boosts == {0.5}, f"{lab.name}: search boost {boosts}, not 0.5"


# ---------------------------------------------------------------------------------
# Readable on both schemes


def hex_contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two '#rrggbb' colours."""
    return contrast(*(tuple(int(c[i : i + 2], 16) for i in (1, 3, 5)) for c in (a, b)))


# Material's page backgrounds: white, and slate's hsl(var(--md-hue) = 225deg, 15%, 14%).
SLATE = "#{:02x}{:02x}{:02x}".format(
    *(round(c * 255) for c in colorsys.hls_to_rgb(225 / 360, 0.14, 0.15))
)


@pytest.mark.parametrize("name", sorted(labkit.PALETTE))
def test_plot_colours_read_on_both_schemes(name: str) -> None:
    colour = labkit.PALETTE[name]
    for background in ("#ffffff", SLATE):
        ratio = hex_contrast(colour, background)
        assert ratio >= 3, f"{name} {colour} on {background}: {ratio:.2f}:1, under 3:1"


def test_plots_take_the_page_text_colour() -> None:
    fig, ax = labkit.figure()
    ax.plot([1, 2, 3], [3, 1, 2], label="a line")
    ax.set(title="A title", xlabel="x")
    ax.legend()
    svg = labkit.svg(fig, 'A line that falls & rises, "quoted"')
    assert svg.startswith("<svg") and labkit.FOREGROUND not in svg
    assert svg.count("currentColor") > 10  # text, ticks, spines, legend
    assert 'role="img" aria-label="A line that falls &amp; rises, &quot;quoted&quot;"' in svg
    assert "<title>A line that falls &amp; rises" in svg
    assert 'width="100%"' in svg and "max-width" in svg
    assert 'fill="#ffffff"' not in svg and "fill: #ffffff" not in svg  # transparent


def test_lab_setup_finds_the_repository_from_a_lab_folder(tmp_path: Path) -> None:
    """The first cell, run where the build runs it (the notebook's folder), and elsewhere."""
    setup = code_cells(LABS[0])[0]
    probe = setup + "\nprint(ROOT)\n"
    env = {k: v for k, v in os.environ.items() if k != "HANDBOOK_ROOT"}
    ran = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=LABS[0].parent,
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
    )
    assert ran.stdout.strip() == str(ROOT), ran.stderr
    lost = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
        env=env,
    )
    assert lost.returncode != 0 and "clone of the repository" in lost.stderr
    found = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=30,
        env={**env, "HANDBOOK_ROOT": str(ROOT)},
    )
    assert found.stdout.strip() == str(ROOT), found.stderr
