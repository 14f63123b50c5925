"""What failover loses: asynchronous against semi-synchronous replication.

A leader and two followers on a seeded simulated network: each message
takes 1 to 4 ticks. A client writes once per tick. With asynchronous
replication the leader acknowledges a write at once; with semi-synchronous
replication ("any 1 of 2", as PostgreSQL's synchronous_standby_names =
'ANY 1 (f1, f2)') it waits until one follower confirms it. At tick 30 the
leader dies, and what it had not yet delivered dies with it. The follower
with the longest log is promoted. Deterministic for a given seed.
"""
# output: exact

import random
import statistics
from dataclasses import dataclass, field


@dataclass
class Outcome:
    acked: int  # writes the client was told are safe
    lost: int  # of those, missing on the promoted follower
    promoted_has: int  # the promoted follower's log length
    median_wait: float  # ticks from a write to its acknowledgement


@dataclass
class Node:
    log: list[str] = field(default_factory=list)
    pending: dict[int, str] = field(default_factory=dict)  # out of order

    def receive(self, position: int, value: str) -> int:
        """Store an entry; return how far the log is complete."""
        self.pending[position] = value
        while len(self.log) + 1 in self.pending:
            self.log.append(self.pending.pop(len(self.log) + 1))
        return len(self.log)


# --8<-- [start:idea]
def run(mode: str, seed: int, crash_at: int = 30, down: int = -1) -> Outcome:
    """Replicate one write per tick until the leader crashes, then fail over.

    mode: "async" (ack at once), "any1" (ack when 1 follower has it) or
    "all" (ack when both have it). down: a follower that never answers.
    """
    rng = random.Random(seed)  # the seeded network: delays of 1-4 ticks
    leader, followers = Node(), [Node(), Node()]
    confirmed = [0, 0]  # how far each follower has confirmed, to the leader
    in_flight: list[tuple[int, str, int, int]] = []  # (due, kind, who, n)
    written: dict[int, int] = {}  # log position -> tick the client wrote it
    acked: dict[int, int] = {}  # log position -> tick the client got its ack
    for now in range(crash_at):
        position = len(leader.log) + 1
        leader.log.append(f"w{position}")
        written[position] = now
        for who in (0, 1):
            in_flight.append((now + rng.randint(1, 4), "entry", who, position))
        for due, kind, who, n in sorted(in_flight):
            if due > now or who == down:
                continue
            in_flight.remove((due, kind, who, n))
            if kind == "entry":  # a follower stores it and confirms
                upto = followers[who].receive(n, f"w{n}")
                in_flight.append((now + rng.randint(1, 4), "ok", who, upto))
            else:
                confirmed[who] = max(confirmed[who], n)
        need = {"async": 0, "any1": 1, "all": 2}[mode]
        for p in written:
            if p not in acked and sum(c >= p for c in confirmed) >= need:
                acked[p] = now
    # The leader dies: everything still in flight is lost with it.
    promoted = max(followers, key=lambda node: len(node.log))
    lost = [p for p in acked if p > len(promoted.log)]
    waits = [acked[p] - written[p] for p in acked] or [crash_at]
    median = statistics.median(waits)
    return Outcome(len(acked), len(lost), len(promoted.log), median)


# --8<-- [end:idea]


def main() -> None:
    seed = 7
    print(f"seed {seed}: one write per tick, messages take 1-4 ticks,")
    print("the leader dies at tick 30 (acks and waits in ticks)")
    for mode in ("async", "any1", "all"):
        r = run(mode, seed)
        print(
            f"{mode:>5}: {r.acked} acked, new leader has {r.promoted_has},"
            f" acked but lost {r.lost}, median ack wait {r.median_wait:g}"
        )
    lost_async = [run("async", s).lost for s in range(100)]
    lost_any1 = [run("any1", s).lost for s in range(100)]
    print("over seeds 0-99, acknowledged writes lost:")
    print(f"  async: {min(lost_async)} to {max(lost_async)}", end="")
    print(f" (mean {statistics.mean(lost_async):.1f})")
    print(f"  any1:  {min(lost_any1)} to {max(lost_any1)}")
    print("follower 1 down from the start:")
    for mode in ("any1", "all"):
        r = run(mode, seed, down=1)
        print(f"  {mode:>4}: {r.acked:2} of 30 writes acknowledged")


if __name__ == "__main__":
    main()
