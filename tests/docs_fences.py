"""Find every fenced code block in the docs, and say what keeps it honest.

A block on a page must be one of:
- an include (`--8<-- "snippets/..."`) of a snippet file, titled with its path, or of
  its captured output;
- an inline block that pytest-codeblocks runs: the info string is exactly `python`,
  `bash` or `sh`, nothing more (it silently skips `py` or `python title="..."`);
- explicitly not executable: output, a console "Run it" line, config, a diagram.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from snippet_harness import display

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

RUN_BY_CODEBLOCKS = {"python", "bash", "sh"}
# Languages that look like code but that pytest-codeblocks would never run.
LOOKS_RUNNABLE = {
    "py",
    "python3",
    "py3",
    "pycon",
    "pytb",
    "ipython",
    "shell",
    "zsh",
    "console-python",
    "shell-session",
    "ps1",
    "powershell",
    "bat",
    "cmd",
    "javascript",
    "js",
    "go",
    "c",
}
NOT_EXECUTABLE = {"text", "console", "mermaid", "yaml", "toml", "json", "ini", "diff"}

FENCE = re.compile(r"^(?P<indent>[ \t]*)(?P<marks>`{3,}|~{3,})[ \t]*(?P<info>[^`\n]*?)[ \t]*$")
INCLUDE = re.compile(r'^[ \t]*-{1,}8<-{1,}[ \t]+"(?P<target>[^"]+)"[ \t]*$')
EXPECTED = re.compile(
    r"<!--[-\s]*pytest-codeblocks:expected-output(?:-ignore-whitespace)?[-\s]*-->"
)
COMMAND = re.compile(r"^\$ (?P<cmd>.*)$")
SECTION_NAME = re.compile(r"[a-z][-_0-9a-z]*")


@dataclass
class Fence:
    page: Path
    line: int  # 1-based line of the opening fence
    lang: str
    attrs: str
    body: list[str]
    expected_output: bool  # the block after a pytest-codeblocks expected-output marker
    indent: int = 0

    @property
    def where(self) -> str:
        return f"{display(self.page)}:{self.line}"

    @property
    def includes(self) -> list[str]:
        return [m["target"] for line in self.body if (m := INCLUDE.match(line))]

    @property
    def indented(self) -> bool:
        """Inside an admonition, a tab or a collapsed block: not open on the page."""
        return self.indent > 0


@dataclass
class Page:
    path: Path
    fences: list[Fence] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @property
    def included(self) -> list[str]:
        """Files included whole or in part (a named section `file.py:name` counts as
        `file.py`)."""
        return [split_target(t)[0] for f in self.fences for t in f.includes]

    @property
    def included_whole(self) -> set[str]:
        return {t for f in self.fences for t in f.includes if not split_target(t)[1]}


def split_target(target: str) -> tuple[str, str]:
    """`snippets/a/b.py:idea` -> (`snippets/a/b.py`, `idea`); a plain path -> (path, "")."""
    path, sep, section = target.rpartition(":")
    if sep and SECTION_NAME.fullmatch(section) and "." in Path(path).name:
        return path, section
    return target, ""


def section_markers(path: Path, name: str) -> bool:
    text = path.read_text(encoding="utf-8")
    return bool(
        re.search(rf"--8<--\s*\[\s*start\s*:\s*{re.escape(name)}\s*\]", text)
        and re.search(rf"--8<--\s*\[\s*end\s*:\s*{re.escape(name)}\s*\]", text)
    )


def pages() -> list[Path]:
    """The Markdown pages people write; not the labs' pages, which tools/render_labs.py
    writes from each notebook beside it (a fresh clone has none until the first build,
    and test_render_labs.py checks what the render step writes)."""
    return sorted(p for p in DOCS.rglob("*.md") if not p.with_suffix(".ipynb").is_file())


def parse(path: Path) -> Page:
    page = Page(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    rel = display(path)
    i = 0
    pending_expected = False
    while i < len(lines):
        line = lines[i]
        if EXPECTED.search(line):
            pending_expected = True
        match = FENCE.match(line)
        if not match:
            i += 1
            continue
        marks = match["marks"]
        info = match["info"].strip()
        lang, _, attrs = info.partition(" ")
        lang = lang.strip("{}.").lower()
        end = i + 1
        closing = re.compile(rf"^[ \t]*{re.escape(marks[0])}{{{len(marks)},}}[ \t]*$")
        while end < len(lines) and not closing.match(lines[end]):
            end += 1
        if end == len(lines):
            page.problems.append(f"{rel}:{i + 1}: this fence is never closed")
            break
        page.fences.append(
            Fence(
                path,
                i + 1,
                lang,
                attrs.strip(),
                lines[i + 1 : end],
                pending_expected,
                len(match["indent"].expandtabs(4)),
            )
        )
        pending_expected = False
        i = end + 1
    return page


def check(page: Page) -> list[str]:
    """Problems on one page, each as `file:line: what is wrong and what to do`."""
    problems = list(page.problems)
    commands_allowed = {Path(t).name for t in page.included if t.endswith(".py")}
    problems += _check_sections_have_whole_file(page)
    for fence in page.fences:
        problems += _check_fence(fence, commands_allowed)
    problems += _check_run_it(page)
    return problems


def _check_fence(fence: Fence, snippet_names: set[str]) -> list[str]:
    where, lang, attrs = fence.where, fence.lang, fence.attrs
    code = [line for line in fence.body if line.strip()]
    if fence.includes:
        return _check_include(fence, code)
    if fence.expected_output:
        if lang not in NOT_EXECUTABLE:
            return [
                f"{where}: expected output should be a `text` block, not `{lang or 'no language'}`"
            ]
        return []
    if not lang:
        return [
            f"{where}: a fence needs a language: `python`/`bash` (run by pytest-codeblocks), "
            f"or one of {sorted(NOT_EXECUTABLE)}"
        ]
    if lang in RUN_BY_CODEBLOCKS:
        if attrs:
            return [
                f"{where}: pytest-codeblocks skips `{lang} {attrs}`: it only runs a fence whose "
                f"info string is exactly `{lang}`, so this code would be published untested. "
                f"Drop `{attrs}`, or move the code to snippets/ and include it with a title."
            ]
        return []
    if lang in LOOKS_RUNNABLE:
        return [
            f"{where}: a `{lang}` block is code that nothing runs: pytest-codeblocks only runs "
            f"`python`, `bash` and `sh`. Use one of those, or a snippet include."
        ]
    if lang not in NOT_EXECUTABLE:
        return [
            f"{where}: unknown fence language `{lang}`: use `python`/`bash`/`sh` (tested), "
            f"a snippet include, or one of {sorted(NOT_EXECUTABLE)}"
        ]
    if lang == "console":
        return _check_console(fence, snippet_names)
    return []


def _check_include(fence: Fence, code: list[str]) -> list[str]:
    where, problems = fence.where, []
    if len(code) != len(fence.includes):
        problems.append(
            f"{where}: an include block must hold only `--8<--` lines; "
            f"put code in a snippet file instead"
        )
    for include in fence.includes:
        target, section = split_target(include)
        path = ROOT / target
        if not path.is_file():
            problems.append(f'{where}: include target "{target}" does not exist')
            continue
        if not target.startswith("snippets/"):
            problems.append(
                f'{where}: code blocks may only include files under snippets/, not "{target}"'
            )
        if section and not section_markers(path, section):
            problems.append(
                f'{where}: {target} has no section "{section}": mark it in the file with '
                f"`# --8<-- [start:{section}]` and `# --8<-- [end:{section}]`"
            )
        if target.endswith(".py"):
            want = f'title="{target}"'
            if fence.lang != "python" or fence.attrs.split(" ")[0] != want:
                problems.append(
                    f"{where}: include it as ```python {want} so the page shows "
                    f"where the file lives (and pytest-codeblocks does not run "
                    f"the include line as Python)"
                )
        elif fence.lang in RUN_BY_CODEBLOCKS and not fence.attrs:
            problems.append(
                f"{where}: pytest-codeblocks would run this include line as "
                f"`{fence.lang}`; use ```text for captured output"
            )
    return problems


def _check_console(fence: Fence, snippet_names: set[str]) -> list[str]:
    problems = []
    for offset, line in enumerate(fence.body, start=1):
        m = COMMAND.match(line.strip())
        if not m:
            continue
        parts = m["cmd"].split()
        if len(parts) != 2 or parts[0] != "python" or parts[1] not in snippet_names:
            problems.append(
                f"{display(fence.page)}:{fence.line + offset}: "
                f"`$ {m['cmd']}` is not something the suite runs. A console block shows "
                f"`$ python NAME.py` for a snippet included on this page; put other "
                f"commands in a `bash` block so pytest-codeblocks runs them."
            )
    return problems


def _check_sections_have_whole_file(page: Page) -> list[str]:
    """A page that shows a named section of a snippet also offers the whole file (in a
    collapsed block), so the copy button still gives a copier something that runs."""
    problems = []
    whole = page.included_whole
    for fence in page.fences:
        for include in fence.includes:
            target, section = split_target(include)
            if section and target not in whole:
                problems.append(
                    f"{fence.where}: this shows only the section `{section}` of {target}; "
                    f"also include the whole file, collapsed below it: "
                    f'??? example "The whole file" with ```python title="{target}"'
                )
    return problems


def _check_run_it(page: Page) -> list[str]:
    """Each included snippet shows how to run it and what it printed."""
    problems = []
    commands = {
        line.strip()[2:].split()[-1]
        for fence in page.fences
        if fence.lang == "console"
        for line in fence.body
        if line.strip().startswith("$ ")
    }
    included = set(page.included)
    for fence in page.fences:
        for target in fence.includes:
            if not target.endswith(".py"):  # outputs, and sections (`file.py:name`)
                continue
            name = Path(target).name
            if name not in commands:
                problems.append(
                    f'{fence.where}: add a "Run it" block for {name}: '
                    f"```console with `$ python {name}`"
                )
            out = target[:-3] + ".out"
            if out not in included:
                problems.append(
                    f"{fence.where}: show the real output of {name} below it: "
                    f'```text with --8<-- "{out}"'
                )
    return problems
