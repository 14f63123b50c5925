"""Cooperative against preemptive multitasking, with generators as tasks.

A task is a generator. It yields TICK after each unit of work (think of
a timer interrupt going off) and YIELD when it gives up the CPU on
purpose, as a task does when it blocks or calls yield. A cooperative
scheduler gets control back only at a YIELD. A preemptive one also
counts the ticks and takes the CPU back when a time slice runs out.
One greedy task that never yields starves the others under the first
and gets only its turn under the second.
"""
# output: exact

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

TICK, YIELD = "tick", "yield"
BUDGET = 24  # ticks we watch each run for; the greedy task never ends


# --8<-- [start:polite]
def polite(units: int) -> Iterator[str]:
    """Does `units` units of work, giving up the CPU after each one."""
    for _ in range(units):
        yield TICK
        yield YIELD


# --8<-- [end:polite]


def greedy(yield_every: int | None = None) -> Iterator[str]:
    """Computes forever; yields the CPU every `yield_every` ticks, or never."""
    done = 0
    while True:
        yield TICK
        done += 1
        if yield_every and done % yield_every == 0:
            yield YIELD


# --8<-- [start:idea]
def run(
    tasks: dict[str, Iterator[str]],
    quantum: int | None,
    budget: int = BUDGET,
) -> str:
    """Round robin over `tasks` for `budget` ticks; who ran at each tick.

    quantum=None is cooperative: a task keeps the CPU until it yields.
    Otherwise a task also loses the CPU after `quantum` ticks in a row.
    """
    timeline: list[str] = []
    ready = deque(tasks.items())
    while ready and len(timeline) < budget:
        name, task = ready.popleft()
        used = 0
        for event in task:  # resume the task where it stopped
            if event == YIELD:
                break  # it gave up the CPU itself
            timeline.append(name)
            used += 1
            if len(timeline) == budget or used == quantum:
                break  # our watch ends, or the timer preempts it
        else:
            continue  # the task returned: it is finished
        ready.append((name, task))
    return "".join(timeline)


# --8<-- [end:idea]


def report(timeline: str, units: dict[str, int]) -> list[str]:
    """For each polite task: the tick it finished at, or its progress."""
    lines = []
    for name, needed in units.items():
        if timeline.count(name) >= needed:
            last = [i for i, who in enumerate(timeline) if who == name]
            lines.append(f"{name} finished at tick {last[needed - 1] + 1}")
        else:
            lines.append(
                f"{name} did {timeline.count(name)} of {needed} units: starved"
            )
    return lines


def scenario(title: str, hog: Iterator[str], quantum: int | None) -> None:
    units = {"a": 4, "b": 4}
    tasks = {name: polite(n) for name, n in units.items()}
    tasks["H"] = hog  # H for hog: it wants the CPU all the time
    timeline = run(tasks, quantum)
    print(title)
    print(f"  CPU: {timeline}")
    print("  " + "; ".join(report(timeline, units)))


def main() -> None:
    print(f"tasks a and b need 4 units each; H never stops; {BUDGET} ticks")
    scenario("cooperative, H never yields:", greedy(), None)
    scenario("preemptive, 2-tick time slice, H never yields:", greedy(), 2)
    scenario("cooperative, H yields every 2 ticks:", greedy(2), None)


if __name__ == "__main__":
    main()
