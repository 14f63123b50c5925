"""The measured claims: bench/results.json, the tables generated from it, and the helpers
that measure them.

The committed results are checked without re-running the benchmarks: the file must be
well-formed, every table under bench/results/ must be exactly what bench/tables.py
makes of it (so a hand edit fails), every table must be on a page, and the figures
must say what the pages around them say.
"""

from __future__ import annotations

import json
import multiprocessing
import re
from pathlib import Path
from typing import Any

import pytest

from bench import measure, tables
from conftest import new_threads_left

ROOT = Path(__file__).resolve().parent.parent

RESULTS = ROOT / "bench" / "results.json"
TABLES = ROOT / "bench" / "results"
REGENERATE = "run `make bench` to measure again and regenerate the tables"


@pytest.fixture(scope="module")
def results() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(RESULTS.read_text(encoding="utf-8"))
    return data


# ---------------------------------------------------------------------------------
# The committed results file


def test_results_file_is_well_formed(results: dict[str, Any]) -> None:
    assert results["schema"] == 1
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", results["generated"])
    assert results["repeats"] >= 3 and results["warmup"] >= 1
    m = results["machine"]
    assert set(m) == set(measure.Machine.__dataclass_fields__), "machine fields changed"
    assert all(isinstance(m[k], str) and m[k] for k in ("cpu", "arch", "os", "python"))
    assert m["build"] in ("GIL", "free-threaded")
    assert m["start_method"] in ("fork", "forkserver", "spawn")
    assert 1 <= m["usable_cores"] <= m["cores"]

    ladder = results["cost_ladder"]
    keys = [rung["key"] for rung in ladder]
    assert len(keys) == len(set(keys)), f"a rung appears twice: {keys}"
    assert {"function_call", "thread_start", "http_round_trip"} <= set(keys)
    assert any(k.startswith("process_start_") for k in keys)
    for rung in ladder:
        assert rung["label"] == measure.LABELS[rung["key"]][0]
        assert 0 < rung["seconds"] < 10, rung

    cpu, io = results["speedups"]["cpu"], results["speedups"]["io"]
    for kind, series in ((cpu, ("threads", "processes")), (io, ("threads",))):
        workers = kind["workers"]
        assert workers[0] == 1 and workers == sorted(set(workers))
        for name in series:
            assert len(kind[name]) == len(workers)
            assert all(0 < v < 100 for v in kind[name])
    assert cpu["work"] > 0 and 0 < io["seconds"] < 1


def test_tables_are_generated_from_the_results(results: dict[str, Any]) -> None:
    """A table edited by hand, or results.json edited without regenerating, fails."""
    expected = tables.render(results)
    found = {path.name for path in TABLES.glob("*.md")}
    assert found == set(expected), f"bench/results/ holds {sorted(found)}, not {sorted(expected)}"
    for name, text in expected.items():
        committed = (TABLES / name).read_text(encoding="utf-8")
        assert committed == text, (
            f"bench/results/{name} is not what results.json gives: {REGENERATE}"
        )


def test_every_table_is_on_a_page() -> None:
    include = re.compile(r'^--8<-- "(bench/results/[^"]+)"$', re.MULTILINE)
    shown = {m for page in (ROOT / "docs").rglob("*.md") for m in include.findall(page.read_text())}
    missing = {f"bench/results/{p.name}" for p in TABLES.glob("*.md")} - shown
    assert not missing, f"tables no page includes (--8<-- on a line of its own): {missing}"


def test_the_tables_name_the_machine(results: dict[str, Any]) -> None:
    for name, text in tables.render(results).items():
        assert results["machine"]["cpu"] in text and results["machine"]["python"] in text, name


# The pages around the tables say these things; the committed figures must agree.


def test_committed_speedups_say_what_the_page_says(results: dict[str, Any]) -> None:
    cpu, io = results["speedups"]["cpu"], results["speedups"]["io"]
    cores = results["machine"]["usable_cores"]
    # Nothing beats its physical limit by much (a broken measurement would).
    for n, p in zip(cpu["workers"], cpu["processes"], strict=True):
        assert p < min(n, cores) * 1.5, f"{n} processes: {p:.2f}x on {cores} cores"
    for n, t in zip(io["workers"], io["threads"], strict=True):
        assert t < n * 1.1, f"{n} sleeping threads: {t:.2f}x"
    if results["machine"]["build"] == "GIL":
        # "threads stay near one whatever their number"
        assert max(cpu["threads"]) < 1.5, cpu["threads"]
    if cores >= 2:
        # "processes follow [the limit] until the cores run out"
        at = cpu["workers"].index(2)
        assert cpu["processes"][at] > cpu["threads"][at] * 1.25
    # "the speedup keeps following the number of waits, far past the number of cores"
    assert io["threads"][-1] > 2 * cores and io["workers"][-1] > 2 * cores


def test_committed_cost_ladder_says_what_the_page_says(results: dict[str, Any]) -> None:
    seconds = {rung["key"]: rung["seconds"] for rung in results["cost_ladder"]}
    processes = [v for k, v in seconds.items() if k.startswith("process_start_")]
    # "Starting a thread costs a small fraction of starting a process"
    assert seconds["thread_start"] * 3 < min(processes)
    # The network hop costs orders of magnitude more than a call (Architecture).
    assert seconds["http_round_trip"] > 100 * seconds["function_call"]
    # A hop with a context switch costs more than one without (Scheduling).
    assert seconds["pipe_hop_between"] > seconds["pipe_hop_within"]


# ---------------------------------------------------------------------------------
# The generator's formatting


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [
        (4.5e-8, "45 ns"),
        (2.53e-6, "2.5 µs"),
        (1.61e-4, "161 µs"),
        (9.996e-4, "1.0 ms"),
        (0.0297, "30 ms"),
        (1.5, "1.5 s"),
    ],
)
def test_duration(seconds: float, shown: str) -> None:
    assert tables.duration(seconds) == shown


@pytest.mark.parametrize(
    ("ratio", "shown"),
    [(1.0, "1x"), (2.46, "2.5x"), (56.4, "56x"), (3612, "3,600x"), (1_294_000, "1,300,000x")],
)
def test_times(ratio: float, shown: str) -> None:
    assert tables.times(ratio) == shown


# ---------------------------------------------------------------------------------
# The measurement helpers


def test_machine_is_described() -> None:
    m = measure.machine()
    assert m.cpu and m.os and m.python.startswith(("CPython", "PyPy"))
    assert 1 <= m.usable_cores <= m.cores
    assert str(m.cores) in m.describe()


def test_speedups_are_medians_of_back_to_back_ratios() -> None:
    calls: list[tuple[str, int, float]] = []

    def one_by_one(n: int, size: float) -> float:
        calls.append(("sequential", n, size))
        return n * size

    def at_once(n: int, size: float) -> float:
        calls.append(("parallel", n, size))
        return size

    assert measure.speedups(one_by_one, at_once, [1, 2, 4], 0.5, repeats=3) == [1, 2, 4]
    # A warm-up run and three measured runs of each, per worker count.
    assert len(calls) == 3 * 2 * (1 + 3)


@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_process_start_runs_and_leaves_no_child(method: str) -> None:
    assert 0 < measure.process_start(method, count=1) < 30
    assert not multiprocessing.active_children()


def test_thread_start_is_positive() -> None:
    assert 0 < measure.thread_start(count=10) < 1


def test_quick_cost_ladder_has_every_rung_cheapest_first() -> None:
    rungs = measure.cost_ladder(repeats=1, quick=True)
    keys = {rung.key for rung in rungs}
    methods = {f"process_start_{m}" for m in multiprocessing.get_all_start_methods()}
    assert keys == {k for k in measure.LABELS if not k.startswith("process_start_")} | methods
    assert [r.seconds for r in rungs] == sorted(r.seconds for r in rungs)
    assert not multiprocessing.active_children()


@pytest.mark.timing
@pytest.mark.parametrize("method", multiprocessing.get_all_start_methods())
def test_a_thread_starts_far_faster_than_a_process(method: str) -> None:
    """The claim of the chapter's table: threads are cheaper to start than processes.

    Typically 20 to 500 times; 3x leaves room for a loaded machine. Best of three.
    """
    measure.process_start(method, count=1)  # warm-up: a forkserver starts its server
    ratio = max(
        measure.process_start(method, count=2) / measure.thread_start(count=50) for _ in range(3)
    )
    assert ratio > 3, f"a {method} process started only {ratio:.1f}x slower than a thread"


# ---------------------------------------------------------------------------------
# Part 2's connection ladder (measured alone: `python -m bench.run --only
# connection_ladder`), with its own date and machine.


def test_connection_ladder_is_well_formed(results: dict[str, Any]) -> None:
    entry = results["connection_ladder"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["generated"])
    assert entry["repeats"] >= 3 and entry["warmup"] >= 1
    assert set(entry["machine"]) == set(measure.Machine.__dataclass_fields__)
    keys = [rung["key"] for rung in entry["rungs"]]
    assert sorted(keys) == sorted(measure.CONNECTION_LABELS), keys
    for rung in entry["rungs"]:
        assert rung["label"] == measure.CONNECTION_LABELS[rung["key"]][0]
        assert 0 < rung["seconds"] < 1, rung


def test_committed_connection_ladder_says_what_the_page_says(results: dict[str, Any]) -> None:
    """HTTP and HTTPS: a TLS handshake costs far more than a TCP connect (about
    20x measured), a new connection per request more than keep-alive (4 to 7x),
    and an HTTP request more than a bare round trip. Wide margins."""
    seconds = {r["key"]: r["seconds"] for r in results["connection_ladder"]["rungs"]}
    assert seconds["tls_handshake"] > 3 * seconds["tcp_connect"]
    assert seconds["http_new_connection"] > 1.5 * seconds["http_keep_alive"]
    assert seconds["http_keep_alive"] > seconds["tcp_round_trip"]
    assert seconds["tls_handshake"] > seconds["http_new_connection"]


def test_quick_connection_ladder_has_every_rung_cheapest_first() -> None:
    import threading

    before = set(threading.enumerate())
    rungs = measure.connection_ladder(repeats=1, quick=True)
    assert {rung.key for rung in rungs} == set(measure.CONNECTION_LABELS)
    assert [r.seconds for r in rungs] == sorted(r.seconds for r in rungs)
    assert not new_threads_left(before)


@pytest.mark.timing
def test_a_tls_handshake_costs_more_than_a_tcp_connect_now() -> None:
    """The ratio on this machine, now: best of three, 2x leaves room."""
    tls = measure.snippet("part-2/http-and-https/tls_loopback_handshake.py")
    import statistics

    ratios = [
        statistics.median(tls.first_byte_seconds(True, 12)[2:])
        / statistics.median(tls.first_byte_seconds(False, 22)[2:])
        for _ in range(3)
    ]
    assert max(ratios) > 2, ratios


# ---------------------------------------------------------------------------------
# Part 3's storage latency table (measured alone: `python -m bench.run --only
# storage_latency`), with its own date, machine and file system.


def test_storage_latency_is_well_formed(results: dict[str, Any]) -> None:
    entry = results["storage_latency"]
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", entry["generated"])
    assert entry["repeats"] >= 3 and entry["warmup"] >= 1
    assert set(entry["machine"]) == set(measure.Machine.__dataclass_fields__)
    assert isinstance(entry["filesystem"], str) and entry["filesystem"]
    labels = measure.storage_labels()
    keys = [rung["key"] for rung in entry["rungs"]]
    optional = {"read_4k_device", "read_1mib_device"}  # direct I/O: Linux only
    assert len(keys) == len(set(keys)) and set(labels) - optional <= set(keys) <= set(labels)
    for rung in entry["rungs"]:
        assert rung["label"] == labels[rung["key"]]
        assert 0 < rung["seconds"] < 1, rung


def test_committed_storage_latency_says_what_the_page_says(results: dict[str, Any]) -> None:
    """Databases: an fsync costs far more than a page-cache read or write (hundreds
    of times measured; 10x here), a commit that syncs more than one that does not,
    and batching rows into one transaction beats a synced commit per row. Skipped
    where the table was measured on tmpfs, where fsync is free."""
    entry = results["storage_latency"]
    if entry["filesystem"] == "tmpfs":
        pytest.skip("measured on tmpfs: fsync costs nothing there")
    s = {r["key"]: r["seconds"] for r in entry["rungs"]}
    assert s["write_4k_fsync"] > 10 * s["read_4k_cached"]
    assert s["write_4k_fsync"] > 10 * s["write_4k"]
    assert s["sqlite_wal_full"] > 5 * s["sqlite_wal_normal"]
    assert s["sqlite_delete_full"] > 5 * s["sqlite_batched_row"]
    assert s["copy_1mib"] > 10 * s["dict_lookup"]
    assert s["read_1mib_cached"] > 5 * s["read_4k_cached"]
    if "read_4k_device" in s:  # a device read costs more than a page-cache read
        assert s["read_4k_device"] > 3 * s["read_4k_cached"]
        assert s["read_1mib_device"] > s["read_1mib_cached"]


def test_quick_storage_latency_has_every_rung_and_leaves_nothing(tmp_path: Path) -> None:
    rungs, filesystem = measure.storage_latency(repeats=1, quick=True, folder=tmp_path)
    optional = {"read_4k_device", "read_1mib_device"}  # direct I/O: Linux only
    assert set(measure.storage_labels()) - optional <= {rung.key for rung in rungs}
    assert [r.seconds for r in rungs] == sorted(r.seconds for r in rungs)
    assert filesystem and not list(tmp_path.iterdir())


@pytest.mark.timing
def test_an_fsync_costs_more_than_a_page_cache_read_now(tmp_path: Path) -> None:
    """The ratio on this machine, now: best of three, 3x leaves room (typically
    hundreds). Skipped on tmpfs, where fsync is free."""
    storage = measure.snippet(measure.STORAGE_SNIPPET)
    if storage.filesystem(str(tmp_path)) == "tmpfs":
        pytest.skip("tmp_path is on tmpfs: fsync costs nothing there")
    ratios = [
        storage.measure("write_4k_fsync", str(tmp_path), 3)
        / storage.measure("read_4k_cached", str(tmp_path), 3)
        for _ in range(3)
    ]
    assert max(ratios) > 3, ratios
