"""A CPU scheduling simulator: FCFS, SJF, SRTF, round robin, priority.

It replays the examples of Silberschatz et al., Operating System
Concepts, section 5.3, draws each schedule as a text Gantt chart and
computes the averages exactly, with fractions instead of floats.

Each process is one CPU burst: it arrives, needs the CPU for `burst`
milliseconds, and leaves. Import the module to try your own workloads:

    from scheduling_simulator import Process, gantt, simulate
    schedule = simulate("rr", [Process("A", 5), Process("B", 2)], 2)
    print(gantt(schedule))
    print(schedule.average_waiting)
"""
# output: exact

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from fractions import Fraction

ALGORITHMS = ("fcfs", "sjf", "srtf", "rr", "priority")
IDLE = "idle"  # the name of the gaps when no process is ready


@dataclass(frozen=True)
class Process:
    """One CPU burst: when it arrives and how long it needs the CPU."""

    name: str
    burst: int
    arrival: int = 0
    priority: int = 0  # a lower number is more urgent, as in the book


@dataclass(frozen=True)
class Segment:
    """The CPU ran `name` from `start` to `end` without switching."""

    name: str
    start: int
    end: int


@dataclass(frozen=True)
class Stats:
    """What one process experienced, in milliseconds."""

    name: str
    arrival: int
    burst: int
    first_run: int
    completion: int

    @property
    def turnaround(self) -> int:
        """From arrival to completion."""
        return self.completion - self.arrival

    @property
    def waiting(self) -> int:
        """Time spent ready but not running."""
        return self.turnaround - self.burst

    @property
    def response(self) -> int:
        """From arrival to the first time on the CPU."""
        return self.first_run - self.arrival


@dataclass(frozen=True)
class Schedule:
    """The result of a simulation: a timeline and per-process stats."""

    algorithm: str
    segments: tuple[Segment, ...]
    stats: dict[str, Stats]

    def average(self, metric: str) -> Fraction:
        """Exact average of "waiting", "turnaround" or "response"."""
        values = [getattr(s, metric) for s in self.stats.values()]
        return Fraction(sum(values), len(values))

    @property
    def average_waiting(self) -> Fraction:
        return self.average("waiting")

    @property
    def average_turnaround(self) -> Fraction:
        return self.average("turnaround")

    @property
    def context_switches(self) -> int:
        """How often the CPU was handed to a different process."""
        busy = [s for s in self.segments if s.name != IDLE]
        return max(len(busy) - 1, 0)


def simulate(
    algorithm: str, processes: Sequence[Process], quantum: int | None = None
) -> Schedule:
    """Run `processes` on one CPU under `algorithm` (see ALGORITHMS).

    Ties go to the earlier arrival, then to the earlier in the list.
    `quantum` is the time slice, required by (and only used by) "rr".
    """
    _check(algorithm, processes, quantum)
    procs = list(processes)
    if algorithm == "fcfs":
        slices = _non_preemptive(procs, lambda p: p.arrival)
    elif algorithm == "sjf":
        slices = _non_preemptive(procs, lambda p: p.burst)
    elif algorithm == "priority":
        slices = _non_preemptive(procs, lambda p: p.priority)
    elif algorithm == "srtf":
        slices = _shortest_remaining_first(procs)
    else:
        assert quantum is not None
        slices = _round_robin(procs, quantum)
    segments = _merge(slices)
    stats = {}
    for p in procs:
        mine = [s for s in segments if s.name == p.name]
        stats[p.name] = Stats(
            p.name, p.arrival, p.burst, mine[0].start, mine[-1].end
        )
    return Schedule(algorithm, tuple(segments), stats)


def _check(
    algorithm: str, processes: Sequence[Process], quantum: int | None
) -> None:
    if algorithm not in ALGORITHMS:
        raise ValueError(f"unknown algorithm {algorithm!r}: {ALGORITHMS}")
    if algorithm == "rr" and (quantum is None or quantum <= 0):
        raise ValueError("round robin needs a positive quantum")
    names = [p.name for p in processes]
    if not names or len(set(names)) != len(names) or IDLE in names:
        raise ValueError(f"need unique process names, not {IDLE!r}")
    if any(p.burst <= 0 or p.arrival < 0 for p in processes):
        raise ValueError("bursts must be positive, arrivals not negative")


def _non_preemptive(
    procs: list[Process], key: Callable[[Process], int]
) -> list[Segment]:
    """Pick the best ready process by `key`; it keeps the CPU to the end.

    (A real task would also give up the CPU when it blocks or yields;
    here every process is a single burst, so that end is its exit.)
    """
    time, slices, left = 0, [], list(procs)
    while left:
        ready = [p for p in left if p.arrival <= time]
        if not ready:  # nothing to run: the CPU idles until an arrival
            time = min(p.arrival for p in left)
            continue
        # min() keeps the first of equals: the order of `procs`.
        chosen = min(ready, key=lambda p: (key(p), p.arrival))
        slices.append(Segment(chosen.name, time, time + chosen.burst))
        time += chosen.burst
        left.remove(chosen)
    return slices


# --8<-- [start:policies]
def _shortest_remaining_first(procs: list[Process]) -> list[Segment]:
    """Preemptive SJF: every arrival may take the CPU away."""
    remaining = {p.name: p.burst for p in procs}
    time, slices = 0, []
    while any(remaining.values()):
        ready = [p for p in procs if p.arrival <= time and remaining[p.name]]
        if not ready:
            time = min(p.arrival for p in procs if remaining[p.name])
            continue
        chosen = min(ready, key=lambda p: (remaining[p.name], p.arrival))
        # Run until it finishes or the next arrival, which may preempt it.
        later = [p.arrival for p in procs if p.arrival > time]
        end = min([time + remaining[chosen.name], *later])
        slices.append(Segment(chosen.name, time, end))
        remaining[chosen.name] -= end - time
        time = end
    return slices


def _round_robin(procs: list[Process], quantum: int) -> list[Segment]:
    """A FIFO ready queue; a running process gets at most `quantum`."""
    arriving = deque(sorted(procs, key=lambda p: p.arrival))
    remaining = {p.name: p.burst for p in procs}
    queue: deque[Process] = deque()
    time, slices = 0, []
    while arriving or queue:
        while arriving and arriving[0].arrival <= time:
            queue.append(arriving.popleft())
        if not queue:
            time = arriving[0].arrival
            continue
        current = queue.popleft()
        run = min(quantum, remaining[current.name])
        slices.append(Segment(current.name, time, time + run))
        time += run
        remaining[current.name] -= run
        # Arrivals during the slice queue up before the preempted process.
        while arriving and arriving[0].arrival <= time:
            queue.append(arriving.popleft())
        if remaining[current.name]:
            queue.append(current)  # the timer fired: back of the queue
    return slices


# --8<-- [end:policies]


def _merge(slices: list[Segment]) -> list[Segment]:
    """Join back-to-back slices of one process; fill gaps with idle."""
    merged: list[Segment] = []
    time = 0
    for s in slices:
        if s.start > time:
            merged.append(Segment(IDLE, time, s.start))
        if merged and merged[-1].name == s.name and merged[-1].end == s.start:
            merged[-1] = Segment(s.name, merged[-1].start, s.end)
        else:
            merged.append(s)
        time = s.end
    return merged


def gantt(schedule: Schedule, scale: int | None = None) -> str:
    """A two-line text Gantt chart: the bars, then the times under them.

    `scale` is characters per millisecond; by default the chart is about
    60 characters wide. Short bars are widened to fit their labels.
    """
    segments = schedule.segments
    if scale is None:
        scale = max(1, 60 // segments[-1].end)
    bars, times = "|", "0"
    for s in segments:
        width = max(
            (s.end - s.start) * scale - 1,
            len(s.name) + 2,
            len(str(s.start)) + 1,
        )
        bars += s.name.center(width) + "|"
        # Each time sits under the bar that ends at it.
        times = times.ljust(len(bars) - 1) + str(s.end)
    return bars + "\n" + times


def ms(value: Fraction) -> str:
    """17 -> '17 ms', 13/2 -> '6.5 ms', 17/3 -> '17/3 ms (about 5.67)'."""
    if 100 % value.denominator == 0:  # at most two decimals: exact
        return f"{float(value):g} ms"
    return f"{value} ms (about {float(value):.2f})"


# Silberschatz et al., Operating System Concepts, section 5.3.
BOOK = [Process("P1", 24), Process("P2", 3), Process("P3", 3)]
BOOK_SJF = [
    Process("P1", 6),
    Process("P2", 8),
    Process("P3", 7),
    Process("P4", 3),
]
BOOK_SRTF = [
    Process("P1", 8, 0),
    Process("P2", 4, 1),
    Process("P3", 9, 2),
    Process("P4", 5, 3),
]
BOOK_PRIORITY = [
    Process("P1", 10, priority=3),
    Process("P2", 1, priority=1),
    Process("P3", 2, priority=4),
    Process("P4", 1, priority=5),
    Process("P5", 5, priority=2),
]
CASES = [
    (
        "FCFS, bursts 24, 3, 3, arriving in the order P1, P2, P3",
        "fcfs",
        BOOK,
        None,
    ),
    (
        "FCFS, the same bursts arriving in the order P2, P3, P1",
        "fcfs",
        [BOOK[1], BOOK[2], BOOK[0]],
        None,
    ),
    ("SJF, bursts 6, 8, 7, 3, all arriving at 0", "sjf", BOOK_SJF, None),
    (
        "SRTF, bursts 8, 4, 9, 5 arriving at 0, 1, 2, 3",
        "srtf",
        BOOK_SRTF,
        None,
    ),
    ("Round robin, quantum 4, bursts 24, 3, 3", "rr", BOOK, 4),
    (
        "Priority, bursts 10, 1, 2, 1, 5, priorities 3, 1, 4, 5, 2",
        "priority",
        BOOK_PRIORITY,
        None,
    ),
]


def main() -> None:
    for title, algorithm, processes, quantum in CASES:
        schedule = simulate(algorithm, processes, quantum)
        print(title)
        print(gantt(schedule))
        waits = ", ".join(
            f"{s.name} {s.waiting}" for s in schedule.stats.values()
        )
        print(f"waiting: {waits}")
        print(f"average waiting: {ms(schedule.average_waiting)}\n")

    print("Every algorithm on the SRTF workload (arrivals 0, 1, 2, 3):")
    print("algorithm  avg waiting  avg turnaround  avg response  switches")
    for algorithm, quantum in (
        ("fcfs", None),
        ("sjf", None),
        ("srtf", None),
        ("rr", 4),
        ("rr", 1),
    ):
        s = simulate(algorithm, BOOK_SRTF, quantum)
        label = f"rr q={quantum}" if quantum else algorithm
        print(
            f"{label:<10} {ms(s.average_waiting):>11}"
            f" {ms(s.average_turnaround):>15}"
            f" {ms(s.average('response')):>13} {s.context_switches:>9}"
        )


if __name__ == "__main__":
    main()
