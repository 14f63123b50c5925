"""Failure detection by gossiped heartbeat counters, and its one knob.

Each node keeps a table: for every member, the highest heartbeat counter
it has seen and the tick (by its own clock) when that counter last rose.
Every tick a live node bumps its own counter and sends its whole table to
one random member; the receiver keeps the larger counter of each entry.
A member whose counter has not risen for `timeout` ticks is suspected.
The network is simulated and seeded, and loses 10% of messages. One node
crashes at tick 30; the same run is made with a long and a short timeout.
"""
# output: exact

import random
from dataclasses import dataclass, field

NODES = 8
CRASH = 7  # the node that crashes
CRASH_AT = 30
TICKS = 80
LOSS = 0.10


@dataclass
class Outcome:
    detected: dict[int, int] = field(default_factory=dict)  # who: tick
    false_alarms: list[tuple[int, int, int]] = field(default_factory=list)


# --8<-- [start:idea]
def simulate(timeout: int, seed: int, n: int = NODES) -> Outcome:
    rng = random.Random(seed)
    # table[me][member] = [heartbeat counter, my tick when it last rose]
    table = [[[0, 0] for _ in range(n)] for _ in range(n)]
    alive = set(range(n))
    out = Outcome()
    for now in range(1, TICKS + 1):
        if now == CRASH_AT:
            alive.discard(CRASH)  # it stops beating and stops gossiping
        for me in sorted(alive):
            table[me][me] = [table[me][me][0] + 1, now]
            to = rng.choice([m for m in range(n) if m != me])
            if to not in alive or rng.random() < LOSS:
                continue  # a crashed node hears nothing; a lost message
            for member, (beat, _) in enumerate(table[me]):
                if beat > table[to][member][0]:
                    table[to][member] = [beat, now]  # it rose: note when
        for me in sorted(alive):
            for member in range(n):
                silent = now - table[me][member][1]
                if member == me or silent <= timeout:
                    continue
                if member in alive:
                    out.false_alarms.append((now, me, member))
                else:
                    out.detected.setdefault(me, now)
    return out


# --8<-- [end:idea]


def report(timeout: int, seed: int) -> None:
    out = simulate(timeout, seed)
    ticks = sorted(out.detected.values())
    print(f"timeout {timeout} ticks:")
    print(
        f"  node {CRASH} suspected by {len(ticks)} of {NODES - 1} live"
        f" nodes, from tick {ticks[0]} to tick {ticks[-1]}"
    )
    pairs = {(me, member) for _, me, member in out.false_alarms}
    print(f"  (observer, live suspect) pairs wrongly raised: {len(pairs)}")
    for now, me, member in out.false_alarms[:2]:
        print(f"    e.g. tick {now}: node {me} suspects node {member}")


def main() -> None:
    print(
        f"{NODES} nodes, one gossip message per node per tick,"
        f" {LOSS:.0%} lost; node {CRASH} crashes at tick {CRASH_AT}"
    )
    for timeout in (16, 3):
        report(timeout, seed=1)


if __name__ == "__main__":
    main()
