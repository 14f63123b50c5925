"""What scheduling_simulator.py teaches: the textbook averages, exactly, and the
properties every correct single-CPU schedule has."""

from __future__ import annotations

import itertools
import random
from fractions import Fraction

import pytest

from conftest import load_snippet

sim = load_snippet("part-1/scheduling/scheduling_simulator.py")
P = sim.Process


def timeline(schedule) -> list[tuple[str, int, int]]:
    return [(s.name, s.start, s.end) for s in schedule.segments]


# Silberschatz et al., Operating System Concepts, section 5.3 (the facts notes).
@pytest.mark.parametrize(
    ("algorithm", "processes", "quantum", "average"),
    [
        ("fcfs", [P("P1", 24), P("P2", 3), P("P3", 3)], None, Fraction(17)),
        ("fcfs", [P("P2", 3), P("P3", 3), P("P1", 24)], None, Fraction(3)),
        ("sjf", [P("P1", 6), P("P2", 8), P("P3", 7), P("P4", 3)], None, Fraction(7)),
        (
            "srtf",
            [P("P1", 8, 0), P("P2", 4, 1), P("P3", 9, 2), P("P4", 5, 3)],
            None,
            Fraction(13, 2),
        ),
        ("rr", [P("P1", 24), P("P2", 3), P("P3", 3)], 4, Fraction(17, 3)),
        (
            "priority",
            [
                P("P1", 10, priority=3),
                P("P2", 1, priority=1),
                P("P3", 2, priority=4),
                P("P4", 1, priority=5),
                P("P5", 5, priority=2),
            ],
            None,
            Fraction(41, 5),
        ),
    ],
    ids=["fcfs-17", "fcfs-3", "sjf-7", "srtf-6.5", "rr-17/3", "priority-8.2"],
)
def test_reference_average_waiting_times_exactly(algorithm, processes, quantum, average) -> None:
    schedule = sim.simulate(algorithm, processes, quantum)
    assert schedule.average_waiting == average
    assert isinstance(schedule.average_waiting, Fraction)  # exact, not a float


def test_the_snippet_cases_are_the_book_cases() -> None:
    got = [sim.simulate(a, p, q).average_waiting for _, a, p, q in sim.CASES]
    assert got == [17, 3, 7, Fraction(13, 2), Fraction(17, 3), Fraction(41, 5)]


def test_srtf_timeline_matches_the_book_gantt_chart() -> None:
    schedule = sim.simulate("srtf", sim.BOOK_SRTF)
    assert timeline(schedule) == [
        ("P1", 0, 1),
        ("P2", 1, 5),
        ("P4", 5, 10),
        ("P1", 10, 17),
        ("P3", 17, 26),
    ]
    # Preemption: P1 is taken off the CPU at 1 when the shorter P2 arrives.
    assert schedule.stats["P1"].first_run == 0 and schedule.stats["P1"].completion == 17


def test_round_robin_timeline_and_no_switch_when_only_one_is_ready() -> None:
    schedule = sim.simulate("rr", sim.BOOK, 4)
    # The timer fires at 14, 18, 22, 26 too, but P1 is alone: it keeps the CPU.
    assert timeline(schedule) == [("P1", 0, 4), ("P2", 4, 7), ("P3", 7, 10), ("P1", 10, 30)]
    assert schedule.context_switches == 3


def test_priority_timeline_matches_the_book() -> None:
    schedule = sim.simulate("priority", sim.BOOK_PRIORITY)
    assert [s.name for s in schedule.segments] == ["P2", "P5", "P1", "P3", "P4"]


def test_sjf_and_srtf_with_arrivals_differ_as_in_the_book() -> None:
    # Silberschatz: non-preemptive SJF on the SRTF workload averages 7.75 ms.
    assert sim.simulate("sjf", sim.BOOK_SRTF).average_waiting == Fraction(31, 4)


def test_fcfs_convoy_effect_is_order_dependent() -> None:
    long_first = sim.simulate("fcfs", sim.BOOK).average_waiting
    long_last = sim.simulate("fcfs", [sim.BOOK[1], sim.BOOK[2], sim.BOOK[0]]).average_waiting
    assert long_first > 5 * long_last


def test_stats_definitions() -> None:
    stats = sim.simulate("srtf", sim.BOOK_SRTF).stats["P3"]
    assert (stats.turnaround, stats.waiting, stats.response) == (24, 15, 15)


def test_gantt_chart_text() -> None:
    chart = sim.gantt(sim.simulate("fcfs", [P("P2", 3), P("P3", 3), P("P1", 24)]), scale=1)
    # One character per millisecond, bars included; short bars widen to fit.
    assert chart.splitlines() == [
        "| P2 | P3 |" + "P1".center(23) + "|",
        "0    3    6" + " " * 23 + "30",
    ]


def test_gantt_times_sit_under_the_bars() -> None:
    for _, algorithm, processes, quantum in sim.CASES:
        schedule = sim.simulate(algorithm, processes, quantum)
        bars, times = sim.gantt(schedule).splitlines()
        positions = [i for i, ch in enumerate(bars) if ch == "|"]
        boundaries = [0] + [s.end for s in schedule.segments]
        assert [int(times[i:].split()[0]) for i in positions] == boundaries
        assert len(bars) <= 79


def test_gantt_shows_idle_gaps() -> None:
    schedule = sim.simulate("fcfs", [P("A", 2, 0), P("B", 2, 5)])
    assert timeline(schedule) == [("A", 0, 2), (sim.IDLE, 2, 5), ("B", 5, 7)]
    assert "idle" in sim.gantt(schedule)
    assert schedule.context_switches == 1


def test_exact_formatting() -> None:
    assert sim.ms(Fraction(17)) == "17 ms"
    assert sim.ms(Fraction(13, 2)) == "6.5 ms"
    assert sim.ms(Fraction(17, 3)) == "17/3 ms (about 5.67)"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("lottery", [P("A", 1)]), "unknown algorithm"),
        (("rr", [P("A", 1)]), "quantum"),
        (("rr", [P("A", 1)], 0), "quantum"),
        (("fcfs", [P("A", 1), P("A", 2)]), "unique"),
        (("fcfs", []), "unique"),
        (("fcfs", [P("A", 0)]), "positive"),
        (("fcfs", [P("A", 1, -1)]), "negative"),
    ],
)
def test_bad_input_is_refused(args, message) -> None:
    with pytest.raises(ValueError, match=message):
        sim.simulate(*args)


# Properties, checked on many seeded random workloads.


def workloads(count: int = 300, seed: int = 42):
    rng = random.Random(seed)
    for _ in range(count):
        n = rng.randint(1, 7)
        yield [
            P(f"T{i}", rng.randint(1, 12), rng.randint(0, 20), rng.randint(0, 4)) for i in range(n)
        ]


ALL = [
    ("fcfs", None),
    ("sjf", None),
    ("srtf", None),
    ("priority", None),
    ("rr", 1),
    ("rr", 3),
    ("rr", 100),
]


@pytest.mark.parametrize(("algorithm", "quantum"), ALL)
def test_every_schedule_is_a_valid_single_cpu_timeline(algorithm, quantum) -> None:
    for procs in workloads():
        schedule = sim.simulate(algorithm, procs, quantum)
        segments = schedule.segments
        # One CPU: segments are back to back from 0, never overlapping, never empty.
        assert segments[0].start == 0
        assert all(a.end == b.start for a, b in itertools.pairwise(segments))
        assert all(s.end > s.start for s in segments)
        by_name = {p.name: p for p in procs}
        for p in procs:
            ran = [s for s in segments if s.name == p.name]
            # All work done, none of it before the process arrived.
            assert sum(s.end - s.start for s in ran) == p.burst
            assert ran[0].start >= p.arrival
            stats = schedule.stats[p.name]
            assert stats.waiting == stats.turnaround - p.burst >= 0
        # Work-conserving: the CPU idles only while nothing has arrived and is unfinished.
        for s in segments:
            if s.name == sim.IDLE:
                assert all(
                    by_name[n].arrival >= s.end or schedule.stats[n].completion <= s.start
                    for n in by_name
                )
        if algorithm in ("fcfs", "sjf", "priority"):
            # Non-preemptive: every process runs in one piece.
            assert len([s for s in segments if s.name != sim.IDLE]) == len(procs)


def test_srtf_is_never_worse_than_any_other_algorithm() -> None:
    # Shortest remaining time first minimizes average waiting on one CPU (Schrage 1968).
    for procs in workloads():
        srtf = sim.simulate("srtf", procs).average_waiting
        for algorithm, quantum in ALL:
            assert srtf <= sim.simulate(algorithm, procs, quantum).average_waiting


def test_sjf_is_optimal_when_everyone_arrives_together() -> None:
    rng = random.Random(42)
    for _ in range(100):
        procs = [P(f"T{i}", rng.randint(1, 12)) for i in range(rng.randint(1, 5))]
        best = min(
            sim.simulate("fcfs", list(order)).average_waiting
            for order in itertools.permutations(procs)
        )
        assert sim.simulate("sjf", procs).average_waiting == best


def test_round_robin_with_a_huge_quantum_is_fcfs() -> None:
    for procs in workloads():
        assert timeline(sim.simulate("rr", procs, 1000)) == timeline(sim.simulate("fcfs", procs))


def test_priority_with_equal_priorities_is_fcfs() -> None:
    for procs in workloads():
        same = [P(p.name, p.burst, p.arrival) for p in procs]
        assert timeline(sim.simulate("priority", same)) == timeline(sim.simulate("fcfs", same))


def test_smaller_quantum_better_response_more_switches_on_the_book_set() -> None:
    q1, q4 = (sim.simulate("rr", sim.BOOK_SRTF, q) for q in (1, 4))
    assert q1.average("response") < q4.average("response")
    assert q1.context_switches > q4.context_switches


def test_main_prints_every_reference_average(capsys) -> None:
    sim.main()
    out = capsys.readouterr().out
    for text in (
        "average waiting: 17 ms",
        "average waiting: 3 ms",
        "average waiting: 7 ms",
        "average waiting: 6.5 ms",
        "average waiting: 17/3 ms (about 5.67)",
        "average waiting: 8.2 ms",
    ):
        assert text in out
