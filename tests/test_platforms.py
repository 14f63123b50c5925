"""The snippet suite collects on every platform CI runs it on.

A test module that imports `resource` at its top, or loads a POSIX-only snippet
without the skip that `load_snippet` applies, would break collection on Windows,
and only CI's Windows jobs would say so. Here the suite is collected under a
simulation of Windows (tests/platform_sim/simulate_windows.py), on any machine.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_the_snippet_suite_collects_without_posix() -> None:
    suite = [
        "tests/test_snippets.py",
        *sorted(p.relative_to(ROOT).as_posix() for p in ROOT.glob("tests/part-*")),
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "tests" / "platform_sim"), str(ROOT / "tests")])
    pytest = [sys.executable, "-m", "pytest", "-p", "simulate_windows", "-p", "no:cacheprovider"]
    result = subprocess.run(
        [*pytest, "--collect-only", "-q", "-rs", *suite],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, "collecting the snippet suite as on Windows failed:\n" + report
    # The POSIX-only snippets' test modules skip, with the snippet's declared reason.
    assert "fork_returns_twice.py needs posix" in report
    assert "namespaces_and_cgroups.py needs linux" in report
