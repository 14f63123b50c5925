"""Two leaders, one key: last-writer-wins loses a write; a version vector
sees the conflict.

Leaders A and B accept writes to the same document at about the same time,
then exchange them. Last-writer-wins (LWW) keeps the write with the larger
timestamp, taken from each leader's own clock, and B's clock runs one
second slow: B's later write is dropped on both leaders, with no error. A
version vector counts the writes each leader has seen; neither vector
covers the other, so the two writes are concurrent and both are kept for
the application to merge. Deterministic: the clocks are injected numbers.
"""
# output: exact

from dataclasses import dataclass

Vector = dict[str, int]


@dataclass(frozen=True)
class Version:
    value: str
    stamp: float  # the writing leader's wall clock, for LWW
    vector: tuple[tuple[str, int], ...]  # writes seen, per leader


# --8<-- [start:lww]
def last_writer_wins(a: Version, b: Version) -> Version:
    return a if a.stamp >= b.stamp else b  # the other one silently vanishes


# --8<-- [end:lww]


# --8<-- [start:vv]
def compare(a: Vector, b: Vector) -> str:
    """How write a relates to write b, from the writes each had seen."""
    leaders = a.keys() | b.keys()
    a_le_b = all(a.get(n, 0) <= b.get(n, 0) for n in leaders)
    b_le_a = all(b.get(n, 0) <= a.get(n, 0) for n in leaders)
    if a_le_b and b_le_a:
        return "equal"
    if a_le_b:
        return "before"  # b had seen a: b may overwrite it
    if b_le_a:
        return "after"
    return "concurrent"  # neither saw the other: a conflict


def write(leader: str, value: str, stamp: float, seen: Vector) -> Version:
    vector = dict(seen)
    vector[leader] = vector.get(leader, 0) + 1
    return Version(value, stamp, tuple(sorted(vector.items())))


# --8<-- [end:vv]


def main() -> None:
    clock_a = 10.0  # real time 10.0 s on A's clock
    clock_b = 10.5 - 1.0  # real time 10.5 s, but B's clock is 1 s slow
    first = write("A", "title: Draft", 1.0, {})
    on_a = write("A", "title: Plan A", clock_a, dict(first.vector))
    on_b = write("B", "title: Plan B", clock_b, dict(first.vector))
    print(f"A writes {on_a.value!r} at real 10.0 s, stamped {on_a.stamp}")
    print(f"B writes {on_b.value!r} at real 10.5 s, stamped {on_b.stamp}")
    kept = last_writer_wins(on_a, on_b)
    print(f"LWW on both leaders keeps {kept.value!r}: the later write is lost")
    va, vb = dict(on_a.vector), dict(on_b.vector)
    print(f"version vectors {va} and {vb}: {compare(va, vb)}")
    siblings = [on_a, on_b]
    print("kept as siblings:", [v.value for v in siblings])
    seen: Vector = {}
    for v in siblings:
        for name, count in v.vector:
            seen[name] = max(seen.get(name, 0), count)
    merged = write("B", "title: Plan A + B", 11.0, seen)
    vm = dict(merged.vector)
    print(f"the merge {merged.value!r} has seen both: {vm}")
    print(f"  A's write is {compare(va, vm)} it, B's is {compare(vb, vm)} it")


if __name__ == "__main__":
    main()
