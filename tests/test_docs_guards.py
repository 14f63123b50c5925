"""Guards that keep untested code off the site.

Each failure names the page and line (or the snippet) and says what to do.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import docs_fences
import snippet_harness

PAGES = docs_fences.pages()


@pytest.mark.parametrize(
    "page", PAGES, ids=[p.relative_to(docs_fences.DOCS).as_posix() for p in PAGES]
)
def test_every_code_block_is_tested_included_or_inert(page: Path) -> None:
    problems = docs_fences.check(docs_fences.parse(page))
    assert not problems, "\n".join(problems)


def test_every_snippet_is_shown_on_a_page() -> None:
    shown = {t for page in PAGES for t in docs_fences.parse(page).included}
    missing = [
        p.relative_to(snippet_harness.ROOT).as_posix()
        for p in snippet_harness.discover()
        if p.relative_to(snippet_harness.ROOT).as_posix() not in shown
    ]
    assert not missing, (
        "snippets that no page shows (include each with "
        '```python title="snippets/..." and --8<-- "snippets/..."): ' + ", ".join(missing)
    )


def test_docs_exist() -> None:
    assert PAGES, "no pages under docs/"


@pytest.mark.parametrize(
    "page", PAGES, ids=[p.relative_to(docs_fences.DOCS).as_posix() for p in PAGES]
)
def test_corrections_look_the_same_everywhere(page: Path) -> None:
    """A correction of the article is a `!!! warning "Correction: ..."` box on every page,
    so a reader learns to spot one."""
    wrong = [
        f"{docs_fences.display(page)}:{number}: a correction box is "
        f'`!!! warning "Correction: ..."`, not `{line.strip()}`'
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r'\s*(!!!|\?\?\?\+?) (?!warning)\w+ "Correction', line)
    ]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(
    "page", PAGES, ids=[p.relative_to(docs_fences.DOCS).as_posix() for p in PAGES]
)
def test_box_titles_show_as_written(page: Path) -> None:
    """A box title is the text between the quotes of `!!! kind "Title"`, taken as it is:
    a backslash does not escape a quote there, and readers would see `\\"`."""
    wrong = [
        f'{docs_fences.display(page)}:{number}: a box title shows the backslash of \\"; '
        "quote inside a title with \u201c \u201d"
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1)
        if re.match(r'\s*(!!!|\?\?\?\+?) [\w-]+ ".*\\"', line)
    ]
    assert not wrong, "\n".join(wrong)
