"""The handbook's own Markdown extension: what every page gets, from its source alone.

1. **"Run it" in linked tabs.** A page writes the command once, as the fence guard wants
   it (```` ```console ```` with `$ python NAME.py`); readers get it per platform, in
   tabs that are linked across the site (Material's `content.tabs.link`: pick Windows
   once and every page shows Windows): `python3 NAME.py` on Linux and macOS, `py NAME.py`
   on Windows, where `python3` is often missing or a Store stub.
2. **Diagrams without Mermaid in the browser.** A ```` ```mermaid ```` block with a
   render in `includes/diagrams/<key>.svg` (tools/render_diagrams.py, `make diagrams`)
   becomes that SVG, inline, so its colours follow the page's scheme; a block without
   one is left for Mermaid to draw in the browser.
3. **Where the outputs ran.** A page that includes captured outputs (`--8<--
   "snippets/....out"`) ends with one line saying which Python, system and date produced
   them, read from `snippets/captured.json`, which the test harness writes whenever it
   captures an output (`make outputs`): generated, never typed.

A Python-Markdown extension rather than an MkDocs plugin or hook, so that Material's
successor (Zensical), which runs Markdown extensions but not plugins, builds it too.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

from tools.render_diagrams import Fence, replace_fences
from tools.render_diagrams import key as diagram_key

COMMAND = re.compile(r"^\$ python (?P<file>[\w.-]+\.py)$")
OUTPUT_INCLUDE = re.compile(r'^[ \t]*-{1,}8<-{1,}[ \t]+"(?P<target>snippets/[^"]+\.out)"')
# (tab, lexer, command): PowerShell's prompt is `PS>`, which its session lexer marks as
# a prompt, so the copy button leaves it out as it leaves out `$ `.
PLATFORMS = (
    ("Linux", "console", "$ python3 {file}"),
    ("macOS", "console", "$ python3 {file}"),
    ("Windows", "pwsh-session", "PS> py {file}"),
)


class RunItTabs(Preprocessor):
    """```console / $ python NAME.py / ``` -> three linked tabs."""

    def run(self, lines: list[str]) -> list[str]:
        return replace_fences(lines, "console", self.replace)

    def replace(self, fence: Fence) -> list[str] | None:
        body = [line.strip() for line in fence.body if line.strip()]
        commands = [COMMAND.match(line) for line in body]
        if not body or not all(commands):
            return None
        return self.tabs(fence.indent, fence.marks, [m["file"] for m in commands if m])

    @staticmethod
    def tabs(indent: str, marks: str, files: list[str]) -> list[str]:
        block: list[str] = []
        for label, lexer, command in PLATFORMS:
            block += [f'{indent}=== "{label}"', ""]
            block.append(f"{indent}    {marks}{lexer}")
            block += [f"{indent}    {command.format(file=file)}" for file in files]
            block += [f"{indent}    {marks}", ""]
        return block


class InlineDiagrams(Preprocessor):
    """```mermaid blocks -> their pre-rendered SVG (when there is one)."""

    def __init__(self, md: Markdown, renders: Path) -> None:
        super().__init__(md)
        self.renders = renders

    def run(self, lines: list[str]) -> list[str]:
        return replace_fences(lines, "mermaid", self.replace)

    def replace(self, fence: Fence) -> list[str] | None:
        svg = self.renders / f"{diagram_key(fence.text)}.svg"
        if not svg.is_file():
            return None  # left for Mermaid to draw in the browser
        html = f'<div class="hb-diagram">{svg.read_text(encoding="utf-8")}</div>'
        return ["", fence.indent + self.md.htmlStash.store(html), ""]


class CapturedWith(Preprocessor):
    """Append one line naming the Python, system and date of the page's outputs."""

    def __init__(self, md: Markdown, records: Path) -> None:
        super().__init__(md)
        self.records = records

    def run(self, lines: list[str]) -> list[str]:
        outputs = [m["target"] for line in lines if (m := OUTPUT_INCLUDE.match(line))]
        if not outputs or not self.records.is_file():
            return lines
        records = json.loads(self.records.read_text(encoding="utf-8"))
        found = [records[t[:-4] + ".py"] for t in outputs if t[:-4] + ".py" in records]
        if not found:
            return lines
        pythons = sorted({r["python"] for r in found})
        systems = sorted({r["system"] for r in found})
        dates = sorted({r["date"] for r in found})
        when = dates[0] if len(dates) == 1 else f"between {dates[0]} and {dates[-1]}"
        line = (
            f"The outputs on this page were captured by running each program with "
            f"{' and '.join(pythons)} on {' and '.join(systems)}, {when}."
        )
        return [*lines, "", f'<p class="hb-captured" markdown>{line}</p>', ""]


class HandbookExtension(Extension):
    def __init__(self, **kwargs: Any) -> None:
        self.config = {
            "captured": ["snippets/captured.json", "where the harness records each capture"],
            "diagrams": ["includes/diagrams", "pre-rendered Mermaid diagrams (make diagrams)"],
        }
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # Before pymdownx.snippets (32) expands includes: both read the page's own lines.
        # Diagrams: after whitespace normalisation (30), which would strip the stash
        # placeholder, and before superfences (25) takes the fence.
        md.preprocessors.register(RunItTabs(md), "handbook_run_it", 33.5)
        records = Path(self.getConfig("captured"))
        md.preprocessors.register(CapturedWith(md, records), "handbook_captured", 33)
        renders = Path(self.getConfig("diagrams"))
        md.preprocessors.register(InlineDiagrams(md, renders), "handbook_diagrams", 28)


def makeExtension(**kwargs: Any) -> HandbookExtension:
    return HandbookExtension(**kwargs)
