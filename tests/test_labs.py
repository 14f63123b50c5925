"""The labs: notebooks under docs/part-N/labs/ that every build runs (mkdocs-jupyter).

- Each is committed clean (the build makes the outputs), imports the snippets it
  measures instead of copying them, and fits the page's 79-column code box.
- Each is in the nav and linked from its chapter.
- A cell that raises fails `mkdocs build --strict`: proved on a tiny project built
  with the site's own mkdocs-jupyter settings.
- On the built site, each lab shows its plots as inline SVG with a text alternative,
  offers its .ipynb for download, and its links lead to pages that exist.
- The plots' colours read on the light and on the dark page.
"""

from __future__ import annotations

import ast
import colorsys
import json
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import nbformat
import pytest
from mkdocs.utils.yaml import yaml_load

from bench import labkit
from browser_kit import lab_notebooks

ROOT = Path(__file__).resolve().parent.parent

LABS = lab_notebooks()
IDS = [lab.stem for lab in LABS]
SNIPPETS = ROOT / "snippets"
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
    snippet_modules = {path.stem: path for path in SNIPPETS.rglob("*.py")}
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
    rel = lab.relative_to(ROOT / "docs").as_posix()
    nav = json.dumps(yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))["nav"])
    assert f'"{rel}"' in nav, f"{rel} is not in mkdocs.yml's nav"
    chapters = [
        page
        for page in lab.parent.parent.rglob("*.md")
        if f"labs/{lab.name})" in page.read_text(encoding="utf-8")
    ]
    assert chapters, f"no chapter links to labs/{lab.name}"


# ---------------------------------------------------------------------------------
# A failing cell fails the build


def mini_project(tmp_path: Path, cell: str) -> subprocess.CompletedProcess[str]:
    """Build a one-lab project with the site's own mkdocs-jupyter settings."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    jupyter = next(
        p["mkdocs-jupyter"]
        for p in config["plugins"]
        if isinstance(p, dict) and "mkdocs-jupyter" in p
    )
    (tmp_path / "mkdocs.yml").write_text(
        json.dumps(
            {
                "site_name": "one lab",
                "strict": True,
                "theme": {"name": "mkdocs"},
                "plugins": [{"mkdocs-jupyter": jupyter}],
            }
        )
    )
    (tmp_path / "docs" / "labs").mkdir(parents=True)
    (tmp_path / "docs" / "index.md").write_text("# Home\n")
    notebook = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_markdown_cell("# A lab"),
            nbformat.v4.new_code_cell(cell),
        ]
    )
    notebook.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    nbformat.write(notebook, tmp_path / "docs" / "labs" / "lab.ipynb")
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", "site"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


def test_a_lab_that_runs_builds_and_shows_its_output(tmp_path: Path) -> None:
    result = mini_project(tmp_path, 'print("ran at build time", 6 * 7)')
    assert result.returncode == 0, result.stdout + result.stderr
    page = (tmp_path / "site" / "labs" / "lab" / "index.html").read_text(encoding="utf-8")
    assert "ran at build time 42" in page


def test_a_failing_cell_fails_the_build(tmp_path: Path) -> None:
    result = mini_project(tmp_path, 'raise RuntimeError("this cell fails on purpose")')
    log = result.stdout + result.stderr
    assert result.returncode != 0, "the build passed although a lab cell raised:\n" + log
    assert "this cell fails on purpose" in log
    assert not (tmp_path / "site" / "labs" / "lab" / "index.html").exists()


# ---------------------------------------------------------------------------------
# The built labs


def lab_html(site: Path, lab: Path) -> str:
    page = site / lab.relative_to(ROOT / "docs").with_suffix("") / "index.html"
    return page.read_text(encoding="utf-8")


@pytest.mark.parametrize("lab", LABS, ids=IDS)
def test_built_lab_shows_its_plots(
    built_site: tuple[Path, subprocess.CompletedProcess[str]], lab: Path
) -> None:
    site, result = built_site
    assert result.returncode == 0, "the site did not build; see test_site_builds_strict"
    html = lab_html(site, lab)
    tags = [tag for tag in re.findall(r"<svg [^>]*>", html) if 'role="img"' in tag]
    plots = [m[1] for tag in tags if (m := re.search(r'aria-label="([^"]+)"', tag))]
    assert plots, f"{lab.name}: no plot on the built page"
    assert all(len(alt) > 30 for alt in plots), f"{lab.name}: a plot lacks a real description"
    assert labkit.FOREGROUND not in html, "a plot kept its placeholder colour"
    assert "Traceback" not in html


@pytest.mark.parametrize("lab", LABS, ids=IDS)
def test_built_lab_offers_its_notebook(
    built_site: tuple[Path, subprocess.CompletedProcess[str]], lab: Path
) -> None:
    site, _ = built_site
    html = lab_html(site, lab)
    assert re.search(rf'<a href="{re.escape(lab.name)}" download', html), (
        f"{lab.name}: no download link (overrides/main.html)"
    )
    copy = site / lab.relative_to(ROOT / "docs").with_suffix("") / lab.name
    assert copy.read_bytes() == lab.read_bytes(), "the download is not the committed notebook"


@pytest.mark.parametrize("lab", LABS, ids=IDS)
def test_built_lab_links_lead_somewhere(
    built_site: tuple[Path, subprocess.CompletedProcess[str]], lab: Path
) -> None:
    """mkdocs checks links in Markdown pages only; a notebook's are checked here."""
    site, _ = built_site
    html = lab_html(site, lab)
    notebook = html[html.index('<div class="jupyter-wrapper">') :]
    page_url = "/" + lab.relative_to(ROOT / "docs").with_suffix("").as_posix() + "/"
    broken = []
    for href in re.findall(r'<a [^>]*href="([^"]+)"', notebook):
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


# ---------------------------------------------------------------------------------
# Readable on both schemes


def luminance(colour: str) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Material's page backgrounds: white, and slate's hsl(var(--md-hue) = 225deg, 15%, 14%).
SLATE = "#{:02x}{:02x}{:02x}".format(
    *(round(c * 255) for c in colorsys.hls_to_rgb(225 / 360, 0.14, 0.15))
)


@pytest.mark.parametrize("name", sorted(labkit.PALETTE))
def test_plot_colours_read_on_both_schemes(name: str) -> None:
    colour = labkit.PALETTE[name]
    for background in ("#ffffff", SLATE):
        ratio = contrast(colour, background)
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


def test_mini_project_helper_is_not_stale() -> None:
    # The settings the proof copies are the ones that make errors fatal.
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    jupyter: dict[str, Any] = next(
        p["mkdocs-jupyter"]
        for p in config["plugins"]
        if isinstance(p, dict) and "mkdocs-jupyter" in p
    )
    assert jupyter["execute"] is True and jupyter["allow_errors"] is False
    assert jupyter.get("cache") is False, textwrap.dedent("""\
        mkdocs-jupyter's cache is keyed on the notebook alone: with it, a lab whose
        snippet changed would not run again, and could not fail the build.""")
