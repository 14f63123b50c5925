"""Run a snippet the way a copier would, and judge what it did.

A snippet is run as a real file (`python path/to/file.py`), in a fresh empty working
directory with a fresh empty TMPDIR, in a session of its own, with a timeout. After it
exits, nothing it started may still be running and nothing may be left in either folder.

Each snippet declares in a header comment how its output is compared with the captured
output committed beside it (`name.py` -> `name.out`):

    # output: exact
    # output: normalise timings, ratios, machine
    # output: property          (varies; its own tests check what it teaches)

A snippet that cannot run everywhere says so, and is skipped elsewhere with the reason:

    # requires: posix           (fork, resource, signals: not on Windows)
    # requires: linux           (/proc, namespaces, cgroups)

A snippet that needs a database server says which (one `# requires:` line each, or a
comma-separated list). The test suite then runs it against a throwaway server
(tests/servers.py) through the variables a copier would set for their own server:

    # requires: postgresql      (PGHOST, PGPORT, PGUSER, PGDATABASE of a fresh database)
    # requires: redis           (REDIS_URL of an emptied Redis)
    # requires: etcd            (ETCD_ENDPOINTS of an emptied 3-member etcd cluster)
"""

from __future__ import annotations

import ast
import difflib
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import psutil

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
# Holds a sitecustomize.py that applies HANDBOOK_START_METHOD in every interpreter.
START_METHOD_HOOK = Path(__file__).resolve().parent / "start_method_hook"

# Ceiling for one run. Snippets are meant to take well under 2 s; this only
# turns a hang into a failure. Raise it with HANDBOOK_SNIPPET_TIMEOUT on a slow box.
RUN_TIMEOUT = float(os.environ.get("HANDBOOK_SNIPPET_TIMEOUT", "20"))
# How long leftover processes get to exit on their own (a forkserver notices EOF).
LEFTOVER_GRACE = 3.0

# name -> (pattern, replacement): what varies from run to run, and how it is masked.
NORMALISERS: dict[str, tuple[re.Pattern[str], str]] = {
    "timings": (re.compile(r"\d+(?:\.\d+)?(?:e-?\d+)?\s?(?:ns|us|µs|ms|s)\b"), "<time>"),
    "ratios": (re.compile(r"\d+(?:\.\d+)?x\b"), "<ratio>x"),
    "pids": (re.compile(r"(?i)(\bpid\s*[=:]?\s*)\d+"), r"\1<pid>"),
    "addresses": (re.compile(r"0x[0-9a-fA-F]+"), "0x<addr>"),
    "numbers": (re.compile(r"-?\d+(?:\.\d+)?"), "<n>"),
    "machine": (re.compile(r"(?m)^(machine:).*$"), r"\1 <machine>"),
}
RULES = ("exact", "normalise", "property")
REQUIRES = re.compile(r"^#[ \t]*requires:[ \t]*(?P<what>[^\n]*?)[ \t]*$", re.MULTILINE)
PLATFORMS = ("posix", "linux")
# Database servers a snippet can ask for (tests/servers.py starts them).
SERVERS = ("postgresql", "redis", "etcd")
# What a copier's environment may point at their own servers: never leaks into a run.
SERVER_ENV = re.compile(r"^(PG[A-Z]+|DATABASE_URL|REDIS_URL|ETCD_ENDPOINTS|ETCDCTL_[A-Z_]+)$")
HEADER = re.compile(
    r"^#[ \t]*output:[ \t]*(?P<rule>\w+)[ \t]*(?P<args>[^\n]*?)[ \t]*$", re.MULTILINE
)


class SnippetError(AssertionError):
    """A snippet broke the contract; the message names the file and what to do."""


@dataclass(frozen=True)
class Snippet:
    path: Path
    rule: str
    normalisers: tuple[str, ...]
    uses_processes: bool
    requires: str | None = None
    servers: tuple[str, ...] = ()

    def unsupported_here(self) -> str | None:
        """Why this platform cannot run the snippet, or None when it can."""
        if self.requires == "posix" and os.name != "posix":
            return f"{self.rel} needs a POSIX system (declared `# requires: posix`)"
        if self.requires == "linux" and not sys.platform.startswith("linux"):
            return f"{self.rel} needs Linux (declared `# requires: linux`)"
        return None

    @property
    def rel(self) -> str:
        return display(self.path)

    @property
    def output_path(self) -> Path:
        return self.path.with_suffix(".out")

    def normalise(self, text: str) -> str:
        text = text.replace("\r\n", "\n")
        for name in self.normalisers:
            pattern, replacement = NORMALISERS[name]
            text = pattern.sub(replacement, text)
        return text


def display(path: Path) -> str:
    """A path as a contributor reads it: relative to the repository when inside it."""
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return str(path)


def discover() -> list[Path]:
    return sorted(SNIPPETS.rglob("*.py"))


def _uses_processes(tree: ast.AST) -> bool:
    """True when the file imports multiprocessing or a process pool."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""] + [f"{node.module}.{a.name}" for a in node.names]
        else:
            continue
        for name in names:
            if name.startswith("multiprocessing") or name.endswith("ProcessPoolExecutor"):
                return True
    return False


def load(path: Path) -> Snippet:
    path = path.resolve()
    rel = display(path)
    source = path.read_text(encoding="utf-8")
    match = HEADER.search(source)
    if match is None:
        raise SnippetError(
            f"{rel}: no output rule. Add a header comment such as `# output: exact`, "
            f"`# output: normalise timings, ratios` or `# output: property` "
            f"(normalisers: {', '.join(NORMALISERS)})."
        )
    rule = match["rule"]
    line = source[: match.start()].count("\n") + 1
    if rule not in RULES:
        raise SnippetError(f"{rel}:{line}: unknown output rule {rule!r}; use one of {RULES}.")
    names = tuple(n for n in re.split(r"[\s,]+", match["args"]) if n)
    unknown = [n for n in names if n not in NORMALISERS]
    if unknown or (rule == "normalise") != bool(names):
        raise SnippetError(
            f"{rel}:{line}: `# output: {rule} {match['args']}` is not valid: `normalise` takes "
            f"one or more of {', '.join(NORMALISERS)}; `exact` and `property` take none."
        )
    wanted = [w for m in REQUIRES.finditer(source) for w in re.split(r"[\s,]+", m["what"]) if w]
    unknown = [w for w in wanted if w not in PLATFORMS + SERVERS]
    if unknown:
        raise SnippetError(
            f"{rel}: `# requires: {', '.join(unknown)}` is not known; "
            f"use {', '.join(PLATFORMS + SERVERS)}."
        )
    platforms = [w for w in wanted if w in PLATFORMS]
    return Snippet(
        path,
        rule,
        names,
        _uses_processes(ast.parse(source, filename=rel)),
        platforms[0] if platforms else None,
        tuple(w for w in SERVERS if w in wanted),
    )


def start_methods(snippet: Snippet) -> list[str | None]:
    """Every start method this platform offers, for snippets that start processes."""
    if not snippet.uses_processes:
        return [None]
    import multiprocessing

    return list(multiprocessing.get_all_start_methods())


@dataclass
class Run:
    stdout: str
    stderr: str
    returncode: int
    seconds: float


# A server the snippet started that left its session (a daemon: `pg_ctl start`,
# `redis-server --daemonize yes`) is still found: by a unique token in the
# environment it inherited, or (Redis overwrites its environment with its process
# title) by its working directory inside the run's folders.
RUN_TOKEN = "HANDBOOK_SNIPPET_RUN"


@dataclass(frozen=True)
class _Marks:
    token: str
    folders: tuple[str, ...]

    def carried_by(self, proc: psutil.Process) -> bool:
        if proc.environ().get(RUN_TOKEN) == self.token:
            return True
        cwd = proc.cwd()
        return any(cwd == f or cwd.startswith(f + os.sep) for f in self.folders)


def _session_members(sid: int, marks: _Marks | None = None) -> list[psutil.Process]:
    """Live processes of a session, or started by the run and escaped from it.
    Zombies are dead already: they wait only for init to reap them, which in some
    containers takes a while."""
    members = []
    for proc in psutil.process_iter():
        try:
            if proc.status() == psutil.STATUS_ZOMBIE:
                continue
            if os.getsid(proc.pid) == sid or (marks is not None and marks.carried_by(proc)):
                members.append(proc)
        except (ProcessLookupError, PermissionError, psutil.Error):
            pass
    return members


def run(
    snippet: Snippet,
    start_method: str | None = None,
    timeout: float = RUN_TIMEOUT,
    server_env: Mapping[str, str] | None = None,
) -> Run:
    """Run `python <file>` as a copier would; raise SnippetError on any breach.

    `server_env` points a snippet that requires a server at a throwaway one (PGHOST...,
    REDIS_URL); the caller's own PG*, DATABASE_URL and REDIS_URL never reach it."""
    label = snippet.rel + (f" (start method {start_method})" if start_method else "")
    work = Path(tempfile.mkdtemp(prefix="snippet-cwd-"))
    tmp = Path(tempfile.mkdtemp(prefix="snippet-tmp-"))
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST_", "COV_")) and not SERVER_ENV.match(k)
    }
    env.update(server_env or {})
    token = _Marks(uuid.uuid4().hex, (str(work.resolve()), str(tmp.resolve())))
    env[RUN_TOKEN] = token.token
    env.update(
        TMPDIR=str(tmp),
        TEMP=str(tmp),
        TMP=str(tmp),
        PYTHONDONTWRITEBYTECODE="1",
        PYTHONIOENCODING="utf-8",
        PYTHONUNBUFFERED="1",
    )
    env.pop("PYTHONPATH", None)
    if start_method:
        env["PYTHONPATH"] = str(START_METHOD_HOOK)
        env["HANDBOOK_START_METHOD"] = start_method
    posix = os.name == "posix"
    # Output goes to files, not pipes: a leftover child holding a pipe open would
    # otherwise keep us waiting for end-of-file long after the snippet exited.
    with tempfile.TemporaryFile() as out_file, tempfile.TemporaryFile() as err_file:
        started = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, str(snippet.path)],
            cwd=work,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=out_file,
            stderr=err_file,
            start_new_session=posix,
        )
        try:
            proc.wait(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            _kill_session(proc.pid, token) if posix else proc.kill()
            proc.wait(timeout=10)
            timed_out = True
        except BaseException:
            # Ctrl-C (or pytest-timeout) while the snippet runs: the snippet is in a
            # session of its own, so the terminal's SIGINT never reaches it. Stop it
            # here, so an interrupted `make test` leaves nothing running.
            _kill_session(proc.pid) if posix else proc.kill()
            proc.wait(timeout=10)
            shutil.rmtree(work, ignore_errors=True)
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        seconds = time.perf_counter() - started
        stdout, stderr = (_read(f) for f in (out_file, err_file))
    try:
        if timed_out:
            raise SnippetError(
                f"{label}: still running after {timeout:.0f} s, so it was killed. A snippet "
                f"must finish well under 2 s and put a timeout on every join, get and acquire."
                + _tail("stdout", stdout)
                + _tail("stderr", stderr)
            )
        if proc.returncode != 0:
            raise SnippetError(
                f"{label}: exited with status {proc.returncode}."
                + _tail("stdout", stdout)
                + _tail("stderr", stderr)
            )
        if posix:
            _check_no_leftover_processes(label, proc.pid, token)
        for folder, what in ((work, "working directory"), (tmp, "TMPDIR")):
            left = sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))
            if left:
                raise SnippetError(f"{label}: left files behind in its {what}: {left}")
        return Run(stdout, stderr, proc.returncode, seconds)
    finally:
        if posix:
            _kill_session(proc.pid, token)  # whatever happened, leave nothing running
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(tmp, ignore_errors=True)


def _check_no_leftover_processes(label: str, sid: int, token: _Marks | None = None) -> None:
    deadline = time.monotonic() + LEFTOVER_GRACE
    while (members := _session_members(sid, token)) and time.monotonic() < deadline:
        time.sleep(0.05)
    if members:
        names = [f"{p.pid} {' '.join(p.cmdline())[:80]}" for p in members if p.is_running()]
        _kill_session(sid, token)
        raise SnippetError(
            f"{label}: left {len(names)} process(es) running after it exited: {names}. "
            f"Join or terminate every child before main() returns."
        )


def _kill_session(sid: int, token: _Marks | None = None) -> None:
    for proc in _session_members(sid, token):
        try:
            proc.send_signal(signal.SIGKILL)
        except psutil.Error:
            pass


def _read(file: IO[bytes]) -> str:
    file.seek(0)
    return file.read().decode("utf-8", errors="replace").replace("\r\n", "\n")


def _tail(name: str, text: str, lines: int = 25) -> str:
    text = (text or "").rstrip()
    if not text:
        return ""
    kept = text.splitlines()[-lines:]
    return f"\n--- {name} (last {len(kept)} lines) ---\n" + "\n".join(kept)


def capture(snippet: Snippet, server_env: Mapping[str, str] | None = None) -> Run:
    """Run the snippet as a copier would and write what it printed to its captured
    output (`make outputs`; tools/new_snippet.py for a new snippet)."""
    result = run(snippet, server_env=server_env)
    snippet.output_path.write_text(result.stdout, encoding="utf-8", newline="\n")
    record_capture(snippet, result.stdout)
    return result


# Where each captured output was produced: the interpreter, the system and the date of
# the run, keyed by snippet. Pages say it under their outputs (tools/handbook_markdown.py),
# so it is generated with the outputs and never typed.
CAPTURED = SNIPPETS / "captured.json"


def record_capture(snippet: Snippet, stdout: str) -> None:
    import datetime
    import hashlib
    import platform

    from filelock import FileLock

    with FileLock(os.path.join(tempfile.gettempdir(), "handbook-captured.json.lock")):
        records = json.loads(CAPTURED.read_text(encoding="utf-8")) if CAPTURED.is_file() else {}
        records[snippet.rel] = {
            "python": f"{platform.python_implementation()} {platform.python_version()}",
            "system": f"{platform.system()} {platform.machine()}",
            "date": datetime.date.today().isoformat(),
            "sha256": hashlib.sha256(stdout.encode("utf-8")).hexdigest(),
        }
        CAPTURED.write_text(
            json.dumps(dict(sorted(records.items())), indent=1) + "\n", encoding="utf-8"
        )


def compare(snippet: Snippet, actual: str, start_method: str | None = None) -> None:
    """Fail with a diff when the committed output no longer matches a real run."""
    out = snippet.output_path
    out_rel = display(out)
    if not out.exists():
        raise SnippetError(
            f"{snippet.rel}: no captured output {out_rel}. Create it with `make outputs`."
        )
    if snippet.rule == "property":
        return
    expected = snippet.normalise(out.read_text(encoding="utf-8"))
    got = snippet.normalise(actual)
    if expected != got:
        diff = "".join(
            difflib.unified_diff(
                expected.splitlines(keepends=True),
                got.splitlines(keepends=True),
                fromfile=f"{out_rel} (committed)",
                tofile=f"{snippet.rel} (this run)",
            )
        )
        how = f" under start method {start_method}" if start_method else ""
        raise SnippetError(
            f"{out_rel} is stale: {snippet.rel} printed something else{how} "
            f"(rule: {snippet.rule} {', '.join(snippet.normalisers)}).\n"
            f"If the change is intended, run `make outputs` and review `git diff snippets/`.\n"
            + diff
        )
