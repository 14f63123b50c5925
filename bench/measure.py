"""Measurement helpers shared by `make bench` (bench/run.py) and the labs.

The work being measured lives in the snippets under snippets/part-N/, imported by
file name exactly as the tests import them; only what no snippet offers (starting a
thread or a process and nothing else) is written here.
"""

from __future__ import annotations

import functools
import importlib
import multiprocessing
import os
import platform
import statistics
import sys
import sysconfig
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from types import ModuleType
from typing import TypeVar

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
T = TypeVar("T")


def snippet(rel: str) -> ModuleType:
    """Import snippets/<rel> as a module named after its file.

    Its folder goes on sys.path, so multiprocessing can pickle its functions by
    reference under spawn and forkserver, as it does when a reader runs the file.
    """
    path = SNIPPETS / rel
    if not path.is_file():
        raise FileNotFoundError(path)
    folder = str(path.parent)
    if folder not in sys.path:
        sys.path.insert(0, folder)
    module = importlib.import_module(path.stem)
    if Path(module.__file__ or "").resolve() != path.resolve():
        raise ImportError(f"{path.stem} resolves to {module.__file__}, not {path}: rename one")
    return module


# ---------------------------------------------------------------------------------
# Repetition


def runs(measure: Callable[[], T], repeats: int, warmup: int = 1) -> list[T]:
    """`repeats` results of `measure()`, after `warmup` results thrown away.

    The warm-up pays for first-time costs (imports, page faults, a forkserver
    starting, CPU frequency ramping up) that a steady state does not have.
    """
    for _ in range(warmup):
        measure()
    return [measure() for _ in range(repeats)]


def median_of(measure: Callable[[], float], repeats: int, warmup: int = 1) -> float:
    return statistics.median(runs(measure, repeats, warmup))


def speedups(
    sequential: Callable[[int, float], float],
    parallel: Callable[[int, float], float],
    workers: Sequence[int],
    size: float,
    repeats: int = 3,
) -> list[float]:
    """Speedup of `parallel(n, size)` over `sequential(n, size)` for each n in workers.

    Both are snippet functions that do n tasks of the given size and return the
    seconds they took: one task after another, or n tasks on n workers. After a
    warm-up run of each, they run in `repeats` back-to-back pairs, and the speedup is
    the median of the pairs' ratios: load elsewhere on the machine that comes and
    goes then hits both halves of a pair alike.
    """
    result = []
    for n in workers:

        def pair(n: int = n) -> float:
            return sequential(n, size) / parallel(n, size)

        result.append(median_of(pair, repeats))
    return result


# ---------------------------------------------------------------------------------
# What no snippet measures on its own: starting a thread or a process.


def noop() -> None:
    """A worker that does nothing: what is timed is starting and joining it."""


def thread_start(count: int = 200) -> float:
    """Seconds to start a thread and join it, averaged over `count` threads."""
    start = time.perf_counter()
    for _ in range(count):
        thread = threading.Thread(target=noop)
        thread.start()
        thread.join(timeout=10)
    return (time.perf_counter() - start) / count


def process_start(method: str, count: int = 5) -> float:
    """Seconds to start a process with `method` and join it, averaged over `count`."""
    ctx = multiprocessing.get_context(method)
    start = time.perf_counter()
    for _ in range(count):
        process = ctx.Process(target=noop)  # type: ignore[attr-defined]
        process.start()
        process.join(timeout=60)
        if process.exitcode != 0:
            raise RuntimeError(f"a {method} child exited with {process.exitcode}")
    return (time.perf_counter() - start) / count


# ---------------------------------------------------------------------------------
# The cost ladder: from a function call to a network round trip.


@dataclass(frozen=True)
class Rung:
    key: str  # stable name in results.json
    label: str  # what a reader sees in a table
    short: str  # what fits beside a bar
    seconds: float  # median, per operation


# key -> (what a table says, what fits beside a bar in a plot)
LABELS = {
    "function_call": ("Function call, in-process", "function call"),
    "pipe_hop_within": ("Pipe hop within one process (no switch)", "pipe hop, no switch"),
    "pipe_hop_between": (
        "Pipe hop to another process on the same CPU (a context switch)",
        "pipe hop + context switch",
    ),
    "thread_start": ("Thread start + join", "thread start"),
    "process_start_fork": ("Process start + join, fork", "process start: fork"),
    "process_start_forkserver": (
        "Process start + join, forkserver",
        "process start: forkserver",
    ),
    "process_start_spawn": ("Process start + join, spawn", "process start: spawn"),
    "http_round_trip": ("HTTP round trip on 127.0.0.1", "HTTP on 127.0.0.1"),
}
# Per process start method: how many starts one measurement averages.
STARTS_PER_RUN = {"fork": 10, "forkserver": 5, "spawn": 3}
# One measurement: seconds per operation for one or more rungs.
Measure = Callable[[], dict[str, float]]


def ladder_measures(quick: bool = False) -> list[Measure]:
    """The measurements behind the ladder; `quick` makes each one smaller."""
    http = snippet("part-1/architecture/in_process_vs_http_call.py")
    switch = snippet("part-1/scheduling/context_switch_cost.py")
    scale = 0.4 if quick else 1.0

    def function_call() -> dict[str, float]:
        batches = max(3, int(20 * scale))
        return {"function_call": http.median_in_process(batches=batches, size=1000)}

    def pipe_hops() -> dict[str, float]:
        # One ping-pong run times a hop with a switch and one without.
        result = switch.measure()
        return {"pipe_hop_within": result.same_process, "pipe_hop_between": result.two_processes}

    def threads() -> dict[str, float]:
        return {"thread_start": thread_start(max(20, int(200 * scale)))}

    def processes(method: str) -> dict[str, float]:
        count = max(1, int(STARTS_PER_RUN.get(method, 3) * scale))
        return {f"process_start_{method}": process_start(method, count)}

    def over_http() -> dict[str, float]:
        with http.TaxService() as base_url:
            calls = max(10, int(100 * scale))
            return {"http_round_trip": http.median_over_http(base_url, calls=calls)}

    per_method = [
        functools.partial(processes, method) for method in multiprocessing.get_all_start_methods()
    ]
    return [function_call, pipe_hops, threads, *per_method, over_http]


def cost_ladder(repeats: int = 3, quick: bool = False) -> list[Rung]:
    """Every rung: the median of `repeats` measurements after a warm-up, cheapest first."""
    samples: dict[str, list[float]] = {}
    for measure in ladder_measures(quick):
        for result in runs(measure, repeats):
            for key, seconds in result.items():
                samples.setdefault(key, []).append(float(seconds))
    rungs = [Rung(key, *LABELS[key], statistics.median(values)) for key, values in samples.items()]
    return sorted(rungs, key=lambda rung: rung.seconds)


# ---------------------------------------------------------------------------------
# The connection ladder (Part 2): what talking over loopback costs, step by step.

CONNECTION_LABELS = {
    "tcp_round_trip": (
        "TCP round trip on an open connection (TCP_NODELAY)",
        "TCP round trip",
    ),
    "tcp_connect": ("TCP connect, until the server's first byte", "TCP connect"),
    "tls_handshake": (
        "TLS 1.3 handshake (verified), until the server's first byte",
        "TLS handshake",
    ),
    "http_keep_alive": ("HTTP/1.1 GET on a kept-alive connection", "HTTP keep-alive"),
    "http_new_connection": (
        "HTTP/1.1 GET on a new connection per request",
        "HTTP new connection",
    ),
}


def connection_measures(quick: bool = False) -> list[Measure]:
    """The measurements behind the connection ladder; `quick` makes each smaller."""
    nagle = snippet("part-2/tcp-and-udp/nagle_write_write_read.py")
    tls = snippet("part-2/http-and-https/tls_loopback_handshake.py")
    http = snippet("part-2/http-and-https/http_keep_alive_vs_new.py")
    scale = 0.2 if quick else 1.0

    def round_trip() -> dict[str, float]:
        times = nagle.round_trips(True, count=max(20, int(200 * scale)), warmup=20)
        return {"tcp_round_trip": statistics.median(times)}

    def connects() -> dict[str, float]:
        # The first few connections of a run pay for first-time costs: dropped.
        plain = tls.first_byte_seconds(False, max(10, int(50 * scale)))[5:]
        shaken = tls.first_byte_seconds(True, max(8, int(25 * scale)))[5:]
        return {
            "tcp_connect": statistics.median(plain),
            "tls_handshake": statistics.median(shaken),
        }

    def over_http() -> dict[str, float]:
        requests = max(20, int(100 * scale))
        with http.Server() as server:
            http.keep_alive(server.port, 3)  # warm-up
            reuse = statistics.median(http.keep_alive(server.port, requests))
            fresh = statistics.median(http.new_connection_each(server.port, requests))
        return {"http_keep_alive": reuse, "http_new_connection": fresh}

    return [round_trip, connects, over_http]


def connection_ladder(repeats: int = 3, quick: bool = False) -> list[Rung]:
    """Every rung: the median of `repeats` measurements after a warm-up, cheapest first."""
    samples: dict[str, list[float]] = {}
    for measure in connection_measures(quick):
        for result in runs(measure, repeats):
            for key, seconds in result.items():
                samples.setdefault(key, []).append(float(seconds))
    rungs = [
        Rung(key, *CONNECTION_LABELS[key], statistics.median(values))
        for key, values in samples.items()
    ]
    return sorted(rungs, key=lambda rung: rung.seconds)


# ---------------------------------------------------------------------------------
# The storage latency table (Part 3): from a dictionary lookup to a commit that waits
# for the disk. The operations and their labels live in the snippet; a loopback round
# trip (Part 2's) is added for scale.

STORAGE_SNIPPET = "part-3/databases/storage_latency.py"
STORAGE_TCP = ("tcp_round_trip", "TCP round trip on 127.0.0.1 (TCP_NODELAY)")


def storage_labels() -> dict[str, str]:
    """key -> what the table says, for every rung of the storage table."""
    storage = snippet(STORAGE_SNIPPET)
    labels = {key: label for key, (label, _) in storage.OPERATIONS.items()}
    return {**labels, STORAGE_TCP[0]: STORAGE_TCP[1]}


def storage_latency(
    repeats: int = 3, quick: bool = False, folder: Path = ROOT
) -> tuple[list[Rung], str]:
    """Every rung, the median of `repeats` batches after a warm-up one, cheapest
    first; and the type of the file system the files were on.

    The files go in a temporary folder under `folder` (the repository: the disk a
    contributor works on; /tmp is a RAM disk on some systems, where fsync is free).
    """
    storage = snippet(STORAGE_SNIPPET)
    nagle = snippet("part-2/tcp-and-udp/nagle_write_write_read.py")
    labels = storage_labels()
    seconds: dict[str, float] = {}
    with tempfile.TemporaryDirectory(prefix=".bench-", dir=folder) as scratch:
        filesystem = storage.filesystem(scratch)
        for key in storage.OPERATIONS:
            try:
                seconds[key] = storage.measure(key, scratch, repeats)
            except storage.Unsupported:  # direct I/O: Linux only, not on tmpfs
                continue
    count = 40 if quick else 200

    def round_trip() -> float:
        return statistics.median(nagle.round_trips(True, count=count, warmup=20))

    seconds[STORAGE_TCP[0]] = median_of(round_trip, repeats)
    rungs = [Rung(key, labels[key], labels[key], value) for key, value in seconds.items()]
    return sorted(rungs, key=lambda rung: rung.seconds), filesystem


# ---------------------------------------------------------------------------------
# The machine


def usable_cpus() -> int:
    """CPUs this process may run on (a container or taskset can allow fewer)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def cpu_model() -> str:
    """The CPU's name, from /proc/cpuinfo where there is one."""
    try:
        text = Path("/proc/cpuinfo").read_text(encoding="utf-8", errors="replace")
    except OSError:
        text = ""
    for line in text.splitlines():
        key, _, value = line.partition(":")
        if key.strip() in ("model name", "Model", "Hardware", "cpu model") and value.strip():
            return " ".join(value.split())
    return platform.processor() or platform.machine() or "unknown CPU"


def os_name() -> str:
    """'Linux 6.1.0-18-amd64 (Debian GNU/Linux 12 (bookworm))', or what the OS offers."""
    name = f"{platform.system()} {platform.release()}".strip()
    try:
        release = platform.freedesktop_os_release()
    except (OSError, AttributeError):
        release = {}
    pretty = release.get("PRETTY_NAME")
    return f"{name} ({pretty})" if pretty else name


@dataclass(frozen=True)
class Machine:
    cpu: str
    cores: int  # logical CPUs in the machine
    usable_cores: int  # of those, the ones this process may use
    arch: str
    os: str
    python: str
    build: str  # "GIL" or "free-threaded"
    start_method: str  # multiprocessing's default here

    def describe(self) -> str:
        cores = f"{self.cores} cores"
        if self.usable_cores != self.cores:
            cores += f" ({self.usable_cores} usable)"
        return (
            f"{self.cpu}, {cores}, {self.arch}, {self.os}, {self.python}"
            f" ({self.build}, default start method {self.start_method})"
        )


def machine() -> Machine:
    gil = (
        not sysconfig.get_config_var("Py_GIL_DISABLED")
        or getattr(sys, "_is_gil_enabled", lambda: True)()
    )
    return Machine(
        cpu=cpu_model(),
        cores=os.cpu_count() or 1,
        usable_cores=usable_cpus(),
        arch=platform.machine(),
        os=os_name(),
        python=f"{platform.python_implementation()} {platform.python_version()}",
        build="GIL" if gil else "free-threaded",
        start_method=multiprocessing.get_start_method(),
    )


def machine_dict() -> dict[str, object]:
    return asdict(machine())
