"""Start a new example: a snippet, its test and its captured output, then the page lines.

    make new-snippet NAME=part-1/memory/page_cache
    python tools/new_snippet.py part-1/memory/page_cache      (without make)

creates

    snippets/part-1/memory/page_cache.py      a valid snippet to edit: output rule,
                                              docstring, main() and its guard
    tests/part-1/memory/test_page_cache.py    a real test of it, to replace with tests
                                              of what the example teaches
    snippets/part-1/memory/page_cache.out     its captured output, from a real run by
                                              the harness (as `make outputs` does)

runs the new test, and prints the lines to paste into docs/part-1/memory.md.

It refuses a name that is taken (in any chapter: tests import snippets by file name,
and readers put copies side by side), a name that would shadow a module (`random.py`
next to a snippet breaks `import random`), and a page that does not exist.
"""

from __future__ import annotations

import argparse
import importlib.util
import keyword
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
import snippet_harness as harness  # noqa: E402  (tests/ is where the harness lives)

PART = re.compile(r"^part-[1-9][0-9]*$")
CHAPTER = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NAME = re.compile(r"^[a-z][a-z0-9_]{2,49}$")
# Modules the tests import by name from tests/; a snippet must not take their names.
TEST_HELPERS = {p.stem for p in (ROOT / "tests").glob("*.py")} | {"sitecustomize"}

SNIPPET = '''\
"""{title}: say in one line what this example shows.

Then, in two or three sentences, what a reader should notice when they run
it, and why it matters. Keep every line within 79 characters: this file is
shown in the page's code box and copied as it is.
"""
# output: exact


def squares(count: int) -> list[int]:
    """Replace me with the function your page teaches."""
    return [n * n for n in range(count)]


def main() -> None:
    print("squares:", squares(5))


if __name__ == "__main__":
    main()
'''

TEST = '''\
"""What {name}.py teaches: replace this line with the claim the page makes,
and the tests below with tests that assert it."""

import pytest

from conftest import load_snippet

snippet = load_snippet("{rel}")
REPLACE_ME = "the scaffold's test: replace it with tests of what the snippet teaches"


def test_squares_of_the_first_numbers() -> None:
    assert snippet.squares(4) == [0, 1, 4, 9], REPLACE_ME


def test_main_prints_what_the_page_shows(capsys: pytest.CaptureFixture[str]) -> None:
    snippet.main()
    assert capsys.readouterr().out == "squares: [0, 1, 4, 9, 16]\\n", REPLACE_ME
'''

PAGE = """\
```python title="snippets/{rel}"
--8<-- "snippets/{rel}"
```

Run it:

```console
$ python {name}.py
```

```text title="Output"
--8<-- "snippets/{out}"
```"""


class Refused(Exception):
    """The name cannot be used; the message says why and what to do."""


@dataclass(frozen=True)
class Plan:
    part: str
    chapter: str
    name: str

    @property
    def rel(self) -> str:
        return f"{self.part}/{self.chapter}/{self.name}.py"

    @property
    def snippet(self) -> Path:
        return ROOT / "snippets" / self.rel

    @property
    def test(self) -> Path:
        return ROOT / "tests" / self.part / self.chapter / f"test_{self.name}.py"

    @property
    def page(self) -> Path:
        return ROOT / "docs" / self.part / f"{self.chapter}.md"


def plan(spec: str) -> Plan:
    """Check NAME=part-N/chapter/name and everything it must not collide with."""
    cleaned = spec.strip().replace("\\", "/").removeprefix("snippets/").removesuffix(".py")
    parts = cleaned.split("/")
    if len(parts) not in (3, 4):
        raise Refused(f"{spec!r} is not part-N/<chapter>/<name>, e.g. part-1/memory/page_cache")
    # A chapter may be a page in a folder: part-1/principles/measure/<name> is the page
    # docs/part-1/principles/measure.md.
    part, *folders, name = parts
    chapter = "/".join(folders)
    if not PART.match(part):
        raise Refused(f"{part!r} is not a part folder such as part-1")
    if not all(CHAPTER.match(folder) for folder in folders):
        raise Refused(f"{chapter!r} is not a chapter: lower case words joined by hyphens")
    if not NAME.match(name) or keyword.iskeyword(name):
        raise Refused(
            f"{name!r} is not a usable file name: 3 to 50 characters, lower case letters, "
            f"digits and underscores, starting with a letter (it is imported as a module)"
        )
    new = Plan(part, chapter, name)
    if not new.page.is_file():
        pages = (
            sorted(p.stem for p in new.page.parent.glob("*.md")) if new.page.parent.is_dir() else []
        )
        raise Refused(
            f"no page docs/{part}/{chapter}.md: a snippet belongs to a page. Pick a chapter "
            f"({', '.join(pages) or 'none yet'}), or write the page first and add it to the "
            f"nav in mkdocs.yml"
        )
    for path in (new.snippet, new.snippet.with_suffix(".out"), new.test):
        if path.exists():
            raise Refused(f"{harness.display(path)} already exists: pick another name")
    for other in harness.discover():
        if other.stem == name:
            raise Refused(
                f"{harness.display(other)} already has the name {name}.py. Tests import "
                f"snippets by file name and readers put copies side by side: pick another"
            )
    if name in sys.stdlib_module_names or name in TEST_HELPERS:
        raise Refused(
            f"{name}.py would shadow the module {name!r} (`import {name}` next to it would "
            f"load the snippet instead): pick another name"
        )
    if importlib.util.find_spec(name) is not None:
        raise Refused(f"{name}.py would shadow the installed module {name!r}: pick another name")
    return new


def scaffold(new: Plan) -> str:
    """Write the snippet and its test, capture its output; return the page lines."""
    title = new.name.replace("_", " ").capitalize()
    new.snippet.parent.mkdir(parents=True, exist_ok=True)
    new.test.parent.mkdir(parents=True, exist_ok=True)
    new.snippet.write_text(SNIPPET.format(title=title), encoding="utf-8", newline="\n")
    new.test.write_text(TEST.format(name=new.name, rel=new.rel), encoding="utf-8", newline="\n")
    try:
        harness.capture(harness.load(new.snippet))
    except harness.SnippetError:
        for path in (new.snippet, new.test, new.snippet.with_suffix(".out")):
            path.unlink(missing_ok=True)
        raise
    out = new.rel.removesuffix(".py") + ".out"
    return PAGE.format(rel=new.rel, name=new.name, out=out)


def run_new_test(new: Plan) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider"]
    return subprocess.run(
        [*command, harness.display(new.test)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Scaffold a snippet, its test and its captured output.",
        epilog="example: python tools/new_snippet.py part-1/memory/page_cache",
    )
    parser.add_argument("name", help="part-N/<chapter>/<name>, e.g. part-1/memory/page_cache")
    args = parser.parse_args(argv)
    try:
        new = plan(args.name)
    except Refused as refused:
        print(f"new-snippet: {refused}", file=sys.stderr)
        return 2
    page_lines = scaffold(new)
    out = new.snippet.with_suffix(".out")
    width = max(len(harness.display(p)) for p in (new.snippet, new.test, out)) + 2
    print("Created")
    print(f"  {harness.display(new.snippet):<{width}}the example: edit it")
    print(
        f"  {harness.display(new.test):<{width}}its test: replace it with what the example teaches"
    )
    print(f"  {harness.display(out):<{width}}its output, captured from a real run")
    result = run_new_test(new)
    summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
    print(f"\nIts test: {summary}")
    if result.returncode != 0:
        print(result.stdout + result.stderr)
    print(f"\nPaste these lines into {harness.display(new.page)} where the example belongs:\n")
    print(page_lines)
    print(
        "\nNext:\n"
        "  1. Write the example in the snippet, and tests of what it teaches in its test.\n"
        "  2. make outputs     captures its output again; review `git diff snippets/`\n"
        "  3. make test-fast   runs every check but the browser tests\n"
        "Until the page shows the snippet, test_every_snippet_is_shown_on_a_page fails.\n"
        "The rules a snippet follows are in CONTRIBUTING.md."
    )
    return result.returncode


if __name__ == "__main__":
    sys.exit(main())
