"""Print the part of requirements.lock that some packages need, hashes and all.

The snippet suite (tests/test_snippets.py and tests/part-*) needs pytest and a few
plugins, not the site's toolchain. CI's matrix of operating systems and Python
versions, and `make test-versions`, install only that part of the lock, still pinned
and hash-checked:

    python tools/lock_subset.py > snippet-requirements.txt
    python -m pip install --require-hashes -r snippet-requirements.txt

With no arguments it prints what the snippet suite needs; name packages to print
what they need instead. Dependencies come from the lock's `# via` comments, so the
subset is closed: pip, in hash-checking mode, refuses any package not listed in it.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
# What the snippet suite imports: the runner, its plugins named in pyproject's addopts
# (--codeblocks, timeout) and the harness's process table.
SNIPPET_SUITE = ("pytest", "pytest-timeout", "pytest-codeblocks", "psutil")

ENTRY = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def parse(text: str) -> tuple[dict[str, list[str]], dict[str, set[str]]]:
    """Each package's requirement lines (without comments), and who needs it."""
    entries: dict[str, list[str]] = {}
    needed_by: dict[str, set[str]] = {}
    current: str | None = None
    in_via = False
    for line in text.splitlines():
        if match := ENTRY.match(line):
            current = canonical(match["name"])
            entries[current] = [line]
            needed_by[current] = set()
            in_via = False
        elif current is None:
            continue
        elif line.startswith("    --hash="):
            entries[current].append(line)
        elif line.strip().startswith("# via"):
            in_via = True
            rest = line.strip()[len("# via") :].strip()
            if rest:
                needed_by[current].add(rest)
        elif in_via and line.strip().startswith("#   "):
            needed_by[current].add(line.strip()[len("#   ") :].strip())
    for parents in needed_by.values():
        for parent in list(parents):
            parents.discard(parent)
            if "(" not in parent:  # "the-project (pyproject.toml)" is not a package
                parents.add(canonical(parent))
    return entries, needed_by


def closure(roots: list[str], needed_by: dict[str, set[str]]) -> list[str]:
    """The roots and everything they need, in the lock's order."""
    needs: dict[str, set[str]] = {name: set() for name in needed_by}
    for child, parents in needed_by.items():
        for parent in parents:
            needs.setdefault(parent, set()).add(child)
    wanted: set[str] = set()
    todo = [canonical(r) for r in roots]
    missing = [r for r in todo if r not in needed_by]
    if missing:
        raise SystemExit(f"not in {LOCK.name}: {', '.join(missing)}")
    while todo:
        name = todo.pop()
        if name not in wanted:
            wanted.add(name)
            todo.extend(needs.get(name, ()))
    return [name for name in needed_by if name in wanted]


def subset(roots: list[str], lock_text: str) -> str:
    entries, needed_by = parse(lock_text)
    names = closure(roots, needed_by)
    lines = [f"# From {LOCK.name} by tools/lock_subset.py: {' '.join(roots)} and their needs."]
    for name in names:
        entry = entries[name]
        # Continuation backslashes: every line but the last of an entry has one already.
        lines += [entry[0] if len(entry) > 1 else entry[0].rstrip(" \\")]
        lines += entry[1:]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("packages", nargs="*", help=f"default: {' '.join(SNIPPET_SUITE)}")
    parser.add_argument("-o", "--output", type=Path, help="write here instead of stdout")
    args = parser.parse_args(argv)
    text = subset(args.packages or list(SNIPPET_SUITE), LOCK.read_text(encoding="utf-8"))
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
