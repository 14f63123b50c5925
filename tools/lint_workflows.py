"""Lint GitHub Actions workflows offline, each problem as `file:line: message`.

Three maintained tools and one small check, all installed from the lock (no Node):

- GitHub's workflow schema, as vendored by check-jsonschema: unknown or misspelt keys,
  wrong types, missing required keys;
- zizmor, offline: actions not pinned to a full commit, untrusted input expanded into
  `run:` (template injection), checkouts that keep credentials, dangerous triggers,
  excessive permissions, and its other audits;
- `needs:` naming a job that does not exist, which neither tool checks.

Run: `.venv/bin/python tools/lint_workflows.py [FILE ...]` (default: .github/workflows).
Exit status 1 when anything is found.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
UNEXPECTED = re.compile(r"\('(?P<key>[^']+)' was unexpected\)")


def shown(path: Path) -> str:
    """A path as a contributor reads it: relative to the repository when inside it."""
    path = path.resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def load(path: Path) -> Any:
    return YAML(typ="rt").load(path.read_text(encoding="utf-8"))


def line_of(document: Any, json_path: str, key: str | None = None) -> int:
    """1-based line of the node at a JSON path such as `$.jobs.deploy.steps[0]` (or of
    `key` inside it); the nearest enclosing node's line when the path goes further."""
    node, line = document, 1
    for part in re.findall(r"\.([^.\[\]]+)|\[(\d+)\]", json_path):
        name, index = part
        step: Any = name if name else int(index)
        try:
            if hasattr(node, "lc"):
                if isinstance(step, int):
                    line = node.lc.item(step)[0] + 1
                else:
                    line = node.lc.key(step)[0] + 1
            node = node[step]
        except (KeyError, IndexError, TypeError):
            break
    if key is not None and hasattr(node, "lc"):
        try:
            line = node.lc.key(key)[0] + 1
        except KeyError:
            pass
    return line


def schema_problems(path: Path, document: Any) -> list[str]:
    result = subprocess.run(
        [
            str(BIN / "check-jsonschema"),
            "--builtin-schema",
            "vendor.github-workflows",
            "-o",
            "json",
            str(path),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if not result.stdout.strip():
        return [f"{shown(path)}:1: check-jsonschema failed: {result.stderr.strip()}"]
    report = json.loads(result.stdout)
    problems = []
    for error in report.get("errors", []):
        best = error.get("best_deep_match") or error.get("best_match") or error
        match = UNEXPECTED.search(best["message"])
        line = line_of(document, best["path"], match["key"] if match else None)
        problems.append(
            f"{shown(path)}:{line}: {best['message']} (at {best['path']}; GitHub's schema)"
        )
    for error in report.get("parse_errors", []):
        problems.append(f"{shown(path)}:1: not valid YAML: {error}")
    return problems


def zizmor_problems(path: Path) -> list[str]:
    result = subprocess.run(
        [str(BIN / "zizmor"), "--offline", "--format", "json", "--no-progress", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    if not result.stdout.strip():
        return [f"{shown(path)}:1: zizmor failed: {result.stderr.strip()}"]
    problems = []
    for finding in json.loads(result.stdout):
        location = finding["locations"][0]["concrete"]["location"]["start_point"]
        severity = finding["determinations"]["severity"].lower()
        problems.append(
            f"{shown(path)}:{location['row'] + 1}: {finding['desc']} "
            f"[zizmor {finding['ident']}, {severity}; {finding['url']}]"
        )
    return problems


def needs_problems(path: Path, document: Any) -> list[str]:
    jobs = (document or {}).get("jobs") or {}
    problems = []
    for name, job in jobs.items():
        needs = (job or {}).get("needs") if hasattr(job, "get") else None
        for needed in [needs] if isinstance(needs, str) else needs or []:
            if needed not in jobs:
                line = line_of(document, f"$.jobs.{name}", "needs")
                problems.append(
                    f'{shown(path)}:{line}: job "{name}" needs job "{needed}", '
                    f"which does not exist (jobs: {', '.join(jobs)})"
                )
    return problems


def lint(path: Path) -> list[str]:
    try:
        document = load(path)
    except Exception as error:  # ruamel's errors carry the position in their text
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        return [f"{shown(path)}:{line}: not valid YAML: {getattr(error, 'problem', error)}"]
    return schema_problems(path, document) + zizmor_problems(path) + needs_problems(path, document)


def main(argv: list[str]) -> int:
    files = [Path(a) for a in argv] or sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
    problems = [problem for path in files for problem in lint(path)]
    print("\n".join(problems) if problems else f"{len(files)} workflow(s): no problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
