"""`make bench`: measure, then write bench/results.json and the tables pages include.

Every figure is the median of REPEATS runs after one warm-up run, measured with the
snippets' own functions. The machine is described beside the numbers, and each table
the pages include (bench/results/*.md) is generated from results.json by tables.py,
so a page shows what this run measured and nothing typed in by hand.

    python -m bench.run              # from the repository root, as `make bench` does
    python -m bench.run --repeats 9  # steadier medians, slower
    python -m bench.run --only connection_ladder  # one part; keeps the others
    python -m bench.run --only storage_latency    # Part 3's storage table alone

A part measured on its own (`--only`) carries its own date and machine, so the
other parts' figures keep theirs.
"""

from __future__ import annotations

import argparse
import datetime
import json
import time
from pathlib import Path

from bench import measure, tables

RESULTS = Path(__file__).resolve().parent / "results.json"
REPEATS = 5
SETTLE = 1.0  # seconds of rest between the parts
SCHEMA = 1

# CPU-bound: each worker burns this many iterations (tens of milliseconds of arithmetic).
CPU_WORK = 1_000_000
CPU_WORKERS = [1, 2, 3, 4]
# I/O-bound: each worker sleeps this long; sleeping needs no core, so go far past them.
IO_SECONDS = 0.02
IO_WORKERS = [1, 2, 4, 8, 16]


def measure_speedups(repeats: int) -> dict[str, object]:
    cpu = measure.snippet("part-1/processes-and-threads/cpu_bound_threads_vs_processes.py")
    io = measure.snippet("part-1/processes-and-threads/io_bound_threads.py")
    return {
        "cpu": {
            "work": CPU_WORK,
            "workers": CPU_WORKERS,
            "threads": measure.speedups(
                cpu.sequential, cpu.with_threads, CPU_WORKERS, CPU_WORK, repeats
            ),
            "processes": measure.speedups(
                cpu.sequential, cpu.with_processes, CPU_WORKERS, CPU_WORK, repeats
            ),
        },
        "io": {
            "seconds": IO_SECONDS,
            "workers": IO_WORKERS,
            "threads": measure.speedups(
                io.sequential, io.with_threads, IO_WORKERS, IO_SECONDS, repeats
            ),
        },
    }


def today() -> str:
    return datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d")


def measure_connections(repeats: int) -> dict[str, object]:
    """Part 2's connection ladder, with its own date and machine."""
    return {
        "generated": today(),
        "repeats": repeats,
        "warmup": 1,
        "machine": measure.machine_dict(),
        "rungs": [
            {"key": rung.key, "label": rung.label, "seconds": rung.seconds}
            for rung in measure.connection_ladder(repeats)
        ],
    }


def measure_storage(repeats: int) -> dict[str, object]:
    """Part 3's storage latency table, with its own date, machine and file system."""
    rungs, filesystem = measure.storage_latency(repeats)
    return {
        "generated": today(),
        "repeats": repeats,
        "warmup": 1,
        "machine": measure.machine_dict(),
        "filesystem": filesystem,
        "rungs": [
            {"key": rung.key, "label": rung.label, "seconds": rung.seconds} for rung in rungs
        ],
    }


# The parts `--only` can measure alone: each carries its own date and machine.
ALONE = {"connection_ladder": measure_connections, "storage_latency": measure_storage}


def run(repeats: int = REPEATS) -> dict[str, object]:
    started = time.perf_counter()
    results: dict[str, object] = {
        "schema": SCHEMA,
        "generated": today(),
        "command": "make bench",
        "repeats": repeats,
        "warmup": 1,
        "machine": measure.machine_dict(),
    }
    print(f"machine: {measure.machine().describe()}")
    print(f"median of {repeats} runs after a warm-up run, per figure")
    # Speedups first: right after the ladder's dozens of process starts and exits,
    # the main thread ran measurably slower for a moment on the 2-core VM this was
    # written on, which skewed the first pairs. A pause between the parts, too.
    results["speedups"] = measure_speedups(repeats)
    time.sleep(SETTLE)
    results["cost_ladder"] = [
        {"key": rung.key, "label": rung.label, "seconds": rung.seconds}
        for rung in measure.cost_ladder(repeats)
    ]
    time.sleep(SETTLE)
    results["connection_ladder"] = measure_connections(repeats)
    time.sleep(SETTLE)
    results["storage_latency"] = measure_storage(repeats)
    print(f"measured in {time.perf_counter() - started:.0f} s")
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--repeats",
        type=int,
        default=REPEATS,
        help=f"runs per figure after the warm-up (default {REPEATS})",
    )
    parser.add_argument(
        "--only",
        choices=sorted(ALONE),
        help="measure only this part and keep the others from bench/results.json",
    )
    args = parser.parse_args()
    if args.only:
        results = json.loads(RESULTS.read_text(encoding="utf-8"))
        print(f"machine: {measure.machine().describe()}")
        results[args.only] = ALONE[args.only](args.repeats)
    else:
        results = run(args.repeats)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {RESULTS.relative_to(measure.ROOT)}")
    for path in tables.write(results):
        print(f"wrote {path.relative_to(measure.ROOT)}")
    print()
    for name, text in tables.render(results).items():
        print(f"{name}:\n{text}")


if __name__ == "__main__":
    main()
