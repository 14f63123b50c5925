"""The CI workflows are linted before CI ever runs them, offline, by maintained tools
installed from the lock (tools/lint_workflows.py): GitHub's workflow schema (vendored
by check-jsonschema), zizmor's security audits, and a check that every `needs:` names
a job that exists. A problem fails here as `file:line: message`.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
import yaml

from tools import lint_workflows

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))


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
def test_workflow_passes_the_lint(workflow: Path) -> None:
    problems = lint_workflows.lint(workflow)
    assert not problems, "\n".join(problems)


BROKEN = {
    "an unknown key": (
        "    timeout_minutes: 5\n",
        "Additional properties are not allowed ('timeout_minutes' was unexpected)",
        6,
    ),
    "a needs on a missing job": (
        "    needs: [tset]\n",
        'job "deploy" needs job "tset", which does not exist',
        6,
    ),
    "an unpinned action": (
        "    steps:\n      - uses: actions/checkout@v4\n"
        "        with:\n          persist-credentials: false\n",
        "unpinned action reference [zizmor unpinned-uses",
        7,
    ),
    "untrusted input in run": (
        '    steps:\n      - run: echo "${{ github.event.pull_request.title }}"\n',
        "code injection via template expansion [zizmor template-injection",
        7,
    ),
}


@pytest.mark.parametrize("mistake", BROKEN, ids=list(BROKEN))
def test_the_lint_catches_a_broken_workflow(tmp_path: Path, mistake: str) -> None:
    """The lint itself is tested: each mistake fails, naming the file and its line."""
    lines, message, line = BROKEN[mistake]
    if "steps:" not in lines:
        lines += "    steps:\n      - run: echo hi\n"
    workflow = tmp_path / "broken.yml"
    workflow.write_text(
        textwrap.dedent("""\
            on: push
            permissions: {}
            jobs:
              deploy:
                runs-on: ubuntu-latest
            """)
        + lines,
        encoding="utf-8",
    )
    problems = lint_workflows.lint(workflow)
    found = [p for p in problems if message in p]
    assert found, f"the lint missed {mistake}: {problems}"
    assert found[0].startswith(f"{workflow}:{line}: "), found[0]


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
