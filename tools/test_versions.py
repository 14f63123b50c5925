"""Run the snippet suite under every CPython on this machine, one summary line each.

    make test-versions
    python tools/test_versions.py                 (without make; any Python 3.9+)
    python tools/test_versions.py -- -x -k fork   (arguments after -- go to pytest)

Interpreters are looked for as python3.X on PATH (pyenv and asdf shims are skipped:
they may refuse to run), in pyenv's versions (PYENV_ROOT, ~/.pyenv, pyenv-win), in
uv's managed Pythons and, on Windows, through the `py` launcher. One per minor
version (and build: a free-threaded 3.13t counts apart), the first found.

Each gets a venv under .venv-versions/ with the snippet suite's part of the lock
(pytest, its plugins and psutil; tools/lock_subset.py), installed with pip in
hash-checking mode and reused while the lock is unchanged. A version that cannot
create a venv or install the locked packages says so in its line. Versions below
3.11, the oldest the handbook supports, are listed as skipped, not run.

The exit status is 1 when any version failed or could not be set up.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENVS = ROOT / ".venv-versions"
OLDEST = (3, 11)
sys.path.insert(0, str(ROOT / "tools"))
import lock_subset  # type: ignore[import-not-found]  # noqa: E402  (a sibling script)

PROBE = (
    "import json, platform, sys, sysconfig; print(json.dumps([platform.python_implementation(),"
    " list(sys.version_info[:3]), bool(sysconfig.get_config_var('Py_GIL_DISABLED'))]))"
)


@dataclass(frozen=True)
class Python:
    path: str
    implementation: str
    version: tuple[int, int, int]
    free_threaded: bool

    @property
    def label(self) -> str:
        build = "t" if self.free_threaded else ""
        return f"{self.implementation} {'.'.join(map(str, self.version))}{build}"

    @property
    def key(self) -> str:
        return f"{self.version[0]}.{self.version[1]}{'t' if self.free_threaded else ''}"


def candidates() -> list[str]:
    """Paths that may be Pythons, most specific first."""
    home = Path.home()
    # The interpreter running this, or the one its venv was made from.
    found = [getattr(sys, "_base_executable", sys.executable)]
    for folder in os.environ.get("PATH", "").split(os.pathsep):
        if not folder or Path(folder).name == "shims":
            continue
        for minor in range(8, 21):
            for suffix in ("", "t"):
                for exe in (f"python3.{minor}{suffix}", f"python3.{minor}{suffix}.exe"):
                    path = Path(folder) / exe
                    if path.is_file() and os.access(path, os.X_OK):
                        found.append(str(path))
    pyenv = Path(os.environ.get("PYENV_ROOT", home / ".pyenv"))
    patterns = [
        pyenv / "versions" / "*" / "bin" / "python3",
        pyenv / "pyenv-win" / "versions" / "*" / "python.exe",
        home / ".local" / "share" / "uv" / "python" / "*" / "bin" / "python3",
        home / "AppData" / "Roaming" / "uv" / "python" / "*" / "python.exe",
    ]
    for pattern in patterns:
        found += sorted(glob.glob(str(pattern)))
    if shutil.which("py"):  # the Windows launcher lists what it knows
        try:
            listing = subprocess.run(
                ["py", "-0p"], capture_output=True, text=True, timeout=20
            ).stdout
            found += re.findall(r"(\S+python\S*\.exe)\s*$", listing, re.MULTILINE | re.I)
        except (OSError, subprocess.TimeoutExpired):
            pass
    return found


def probe(path: str) -> Python | None:
    try:
        result = subprocess.run([path, "-c", PROBE], capture_output=True, text=True, timeout=30)
        implementation, version, free_threaded = json.loads(result.stdout.strip())
    except (OSError, ValueError, subprocess.TimeoutExpired):
        return None
    return Python(path, implementation, tuple(version), free_threaded)


def discover() -> tuple[list[Python], list[str]]:
    """One CPython 3 per minor version and build; notes on what was left out."""
    chosen: dict[str, Python] = {}
    notes: list[str] = []
    seen: set[str] = set()
    for path in candidates():
        real = os.path.realpath(path)
        if real in seen:
            continue
        seen.add(real)
        python = probe(path)
        if python is None or python.version[0] != 3:
            continue
        if python.implementation != "CPython":
            notes.append(f"{python.label} ({path}): not CPython, not run")
        elif python.key in chosen:
            notes.append(f"{python.label} ({path}): {chosen[python.key].label} runs {python.key}")
        else:
            chosen[python.key] = python
    return sorted(chosen.values(), key=lambda p: (p.version, p.free_threaded)), notes


def venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def prepare(python: Python, requirements: str) -> tuple[Path | None, str]:
    """A venv for this Python with the locked test packages; or None and why not."""
    venv = VENVS / python.key
    stamp = venv / ".installed-from-lock"
    want = hashlib.sha256(f"{python.path}\n{python.version}\n{requirements}".encode()).hexdigest()
    if stamp.is_file() and stamp.read_text(encoding="utf-8") == want:
        return venv_python(venv), "reused"
    shutil.rmtree(venv, ignore_errors=True)
    made = subprocess.run(
        [python.path, "-m", "venv", str(venv)], capture_output=True, text=True, timeout=300
    )
    if made.returncode != 0:
        return None, f"cannot create a venv: {last_line(made.stderr or made.stdout)}"
    listed = venv / "snippet-requirements.txt"
    listed.write_text(requirements, encoding="utf-8")
    install = [str(venv_python(venv)), "-m", "pip", "install", "--disable-pip-version-check"]
    installed = subprocess.run(
        [*install, "--quiet", "--require-hashes", "-r", str(listed)],
        capture_output=True,
        text=True,
        timeout=900,
    )
    if installed.returncode != 0:
        error = [line for line in installed.stderr.splitlines() if "ERROR" in line]
        return None, "cannot install the locked test packages: " + last_line(
            "\n".join(error) or installed.stderr
        )
    stamp.write_text(want, encoding="utf-8")
    return venv_python(venv), "installed"


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:200] if lines else "(no message)"


def run_suite(venv_py: Path, pytest_args: list[str]) -> tuple[bool, str, list[str]]:
    """(passed, pytest's closing line, failed test ids)."""
    selection = [
        "tests/test_snippets.py",
        *sorted(p.as_posix() for p in Path("tests").glob("part-*")),
    ]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTEST_", "PYTHON"))}
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    command = [str(venv_py), "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rfE"]
    result = subprocess.run(
        [*command, *selection, *pytest_args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=3600,
    )
    closing = [line for line in result.stdout.splitlines() if re.search(r" in [\d.]+s", line)]
    summary = closing[-1].strip("= ") if closing else last_line(result.stdout + result.stderr)
    failures = [
        line.split(" ", 1)[1].split(" - ")[0]
        for line in result.stdout.splitlines()
        if line.startswith(("FAILED ", "ERROR "))
    ]
    return result.returncode == 0, summary, failures


def main(argv: list[str]) -> int:
    pytest_args = argv[argv.index("--") + 1 :] if "--" in argv else []
    requirements = lock_subset.subset(
        list(lock_subset.SNIPPET_SUITE), lock_subset.LOCK.read_text(encoding="utf-8")
    )
    pythons, notes = discover()
    if not pythons:
        print("test-versions: no CPython 3 found on PATH, in pyenv or uv")
        return 1
    width = max(len(p.label) for p in pythons)
    lines: list[str] = []
    ok = True
    for python in pythons:
        head = f"{python.label:<{width}}  "
        if python.version[:2] < OLDEST:
            oldest = ".".join(map(str, OLDEST))
            lines.append(f"{head}skipped: below {oldest}, the oldest the handbook supports")
            continue
        print(f"test-versions: {python.label} ({python.path})", flush=True)
        started = time.monotonic()
        venv_py, how = prepare(python, requirements)
        if venv_py is None:
            ok = False
            lines.append(head + how)
            continue
        print(f"  venv {how} in {time.monotonic() - started:.0f} s; running the suite", flush=True)
        passed, summary, failures = run_suite(venv_py, pytest_args)
        ok = ok and passed
        lines.append(head + summary)
        lines += [f"{'':<{width}}    {failure}" for failure in failures]
    print("\nsnippet suite by Python version:")
    print("\n".join("  " + line for line in lines))
    if notes:
        print("\nalso found, not run:")
        print("\n".join("  " + note for note in notes))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
