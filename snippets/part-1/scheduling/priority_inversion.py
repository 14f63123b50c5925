"""Priority inversion, and priority inheritance as its fix.

One CPU, a strict preemptive priority scheduler (a lower number is more
urgent), ticks of one millisecond, and three tasks:

- L, low priority, takes a lock and works inside it for 3 ticks;
- H, high priority, arrives at 1 and needs the same lock;
- M, medium priority, arrives at 2, computes for 5 ticks, no lock.

H blocks on L's lock, and M, which outranks L, takes the CPU from L: so M
delays H, a more urgent task it has nothing to do with. With priority
inheritance, a task holding a lock runs at the priority of the most
urgent task waiting for it, so M cannot preempt L inside the lock.
"""
# output: exact

from dataclasses import dataclass

# A task's program: ("acquire", 0), ("run", ticks) or ("release", 0).
Op = tuple[str, int]


@dataclass
class Task:
    name: str
    priority: int  # lower is more urgent
    arrival: int
    ops: list[Op]
    done: int = -1  # the tick at which it finished
    blocked: bool = False  # waiting for the lock


def workload() -> list[Task]:
    lock_3 = [("acquire", 0), ("run", 3), ("release", 0), ("run", 1)]
    return [
        Task("L", 3, 0, lock_3),
        Task("H", 1, 1, [("acquire", 0), ("run", 2), ("release", 0)]),
        Task("M", 2, 2, [("run", 5)]),
    ]


# --8<-- [start:idea]
def effective(
    task: Task, holder: Task | None, tasks: list[Task], inherit: bool
) -> int:
    """The priority the scheduler uses for `task`."""
    if inherit and task is holder:
        waiting = [t.priority for t in tasks if t.blocked]
        return min([task.priority, *waiting])  # borrows the most urgent
    return task.priority


def simulate(inherit: bool) -> tuple[str, dict[str, int]]:
    """The timeline, one letter per tick, and when each task finished."""
    tasks, holder, timeline = workload(), None, ""
    for tick in range(100):
        for task in tasks:
            if task.arrival <= tick:
                holder = lock_ops(task, holder, tick)
        ready = [t for t in tasks if t.arrival <= tick and t.ops]
        ready = [t for t in ready if not t.blocked]
        if not ready:
            break
        # Strict priority, preemptive: the most urgent ready task runs.
        task = min(ready, key=lambda t: effective(t, holder, tasks, inherit))
        timeline += task.name
        task.ops[0] = ("run", task.ops[0][1] - 1)  # one tick of work
        if task.ops[0][1] == 0:
            task.ops.pop(0)
    return timeline, {t.name: t.done for t in tasks}


# --8<-- [end:idea]


def lock_ops(task: Task, holder: Task | None, tick: int) -> Task | None:
    """Take or give back the lock (instantly); returns the new holder."""
    while task.ops and task.ops[0][0] != "run":
        if task.ops[0][0] == "release":
            holder = None
        elif holder is not None and holder is not task:
            task.blocked = True  # someone else holds it: wait
            return holder
        else:
            holder, task.blocked = task, False
        task.ops.pop(0)
    if not task.ops and task.done < 0:
        task.done = tick
    return holder


def main() -> None:
    print("L holds the lock H needs; M, in between, needs no lock")
    print(f"{'tick:':<22} {''.join(str(i % 10) for i in range(11))}")
    for label, inherit in (
        ("no inheritance:", False),
        ("priority inheritance:", True),
    ):
        timeline, done = simulate(inherit)
        order = ", ".join(f"{n} at {t}" for n, t in done.items())
        print(f"{label:<22} {timeline}  finished: {order}")


if __name__ == "__main__":
    main()
