"""How long `make test` and `make test-fast` take, and where the time goes: a benchmark,
not a test.

    make bench-suite          # runs both as make does, then prints the figures

Each runs in make's two steps (the timing tests alone, then everything else under
pytest-xdist, WORKERS or FAST_WORKERS workers) with JUnit reports, and the test time of
each stage is summed from them: snippets (every snippet run as a copier runs it),
concept tests (tests/part-N), build (the labs' render step and the strict build),
browser (tests/browser) and the rest (guards, lint, types, labs, servers, Zensical).
Workers run at once, so the stage sums add up to about the workers times the wall time
of the parallel step. The machine is described with the figures; results go to
test-artifacts/suite-speed.json.
"""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "test-artifacts"
STAGES = ("snippets", "concept tests", "build", "browser", "other")


def stage(classname: str, name: str) -> str:
    path = classname.replace(".", "/")
    if "test_snippets" in path and name.startswith("test_snippet_runs"):
        return "snippets"
    if path.startswith("tests/part-") or "/part-" in path and path.startswith("tests"):
        return "concept tests"
    if "test_site_build" in path:
        return "build"
    if path.startswith("tests/browser") or "browser/" in path:
        return "browser"
    return "other"


def run(args: list[str], report: Path) -> tuple[float, int]:
    started = time.perf_counter()
    code = subprocess.call(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            f"--junitxml={report}",
            *args,
        ],
        cwd=ROOT,
    )
    return time.perf_counter() - started, code


def sums(report: Path) -> dict[str, float]:
    totals = dict.fromkeys(STAGES, 0.0)
    if not report.is_file():
        return totals
    for case in ET.parse(report).iter("testcase"):
        totals[stage(case.get("classname", ""), case.get("name", ""))] += float(
            case.get("time", "0")
        )
    return totals


def measure(name: str, marks: str, workers: str) -> dict[str, object]:
    """One make target, as make runs it: wall time per step, test time per stage."""
    tag = name.replace(" ", "-")
    timing_wall, timing_code = run(
        ["-p", "no:xdist", "-m", f"timing{marks}"], OUT / f"junit-{tag}-timing.xml"
    )
    rest_wall, rest_code = run(
        ["-n", workers, "--dist", "load", "-m", f"not timing{marks}"],
        OUT / f"junit-{tag}-rest.xml",
    )
    timing = sums(OUT / f"junit-{tag}-timing.xml")
    rest = sums(OUT / f"junit-{tag}-rest.xml")
    return {
        "workers": int(workers),
        "wall_seconds": {
            "timing step": round(timing_wall, 1),
            "parallel step": round(rest_wall, 1),
            name: round(timing_wall + rest_wall, 1),
        },
        "test_seconds_by_stage": {s: round(timing[s] + rest[s], 1) for s in STAGES},
        "exit_codes": [timing_code, rest_code],
        "passed": timing_code in (0, 5) and rest_code == 0,
    }


def main() -> int:
    OUT.mkdir(exist_ok=True)
    results = {
        "make test": measure("make test", "", os.environ.get("WORKERS", "2")),
        "make test-fast": measure(
            "make test-fast", " and not browser", os.environ.get("FAST_WORKERS", "3")
        ),
    }
    result = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} CPUs, "
        f"{platform.system()} {platform.release()}, CPython {platform.python_version()}",
        "load_average_at_end": os.getloadavg() if hasattr(os, "getloadavg") else None,
        **results,
    }
    (OUT / "suite-speed.json").write_text(json.dumps(result, indent=2) + "\n")
    print(json.dumps(result, indent=2))
    return 0 if all(r["passed"] for r in results.values()) else 1


if __name__ == "__main__":
    sys.exit(main())
