"""A leader, two lagging replicas, and what readers see.

The leader applies each write at once and ships it to the replicas, which
apply it, in order, after a random delay (asynchronous replication). The
same seeded schedule of writes and reads runs under four ways of picking
the node that answers a read, and every read is checked for three
anomalies: a stale read, a read that misses the reader's own write, and a
read older than one the same reader saw before.
"""
# output: exact

import random
from dataclasses import dataclass, field

REPLICAS = ("r1", "r2")


@dataclass
class Cluster:
    """Writes go to the leader; replica r applies write i at arrival[r][i]."""

    seed: int
    max_lag: int = 25  # milliseconds, at most, in this model
    pause: tuple[int, int] | None = None  # r2 cut off from the leader
    commits: list[int] = field(default_factory=list)  # commit times
    arrival: dict[str, list[int]] = field(
        default_factory=lambda: {r: [] for r in REPLICAS}
    )

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)

    def write(self, now: int) -> int:
        """Commit on the leader at `now`; return the write's log index."""
        self.commits.append(now)
        for r in REPLICAS:
            previous = self.arrival[r][-1] if self.arrival[r] else 0
            at = max(previous, now + self.rng.randint(1, self.max_lag))
            if (
                r == "r2"
                and self.pause
                and self.pause[0] <= at < self.pause[1]
            ):
                at = self.pause[1]  # held back until the link heals
            self.arrival[r].append(at)
        return len(self.commits)

    def applied(self, node: str, now: int) -> int:
        """How many writes `node` has applied by `now`: the version it
        serves. Version n holds the value of write n (0: nothing yet)."""
        times = self.commits if node == "leader" else self.arrival[node]
        return sum(1 for t in times if t <= now)


# --8<-- [start:policies]
class AnyReplica:
    """A balancer sends each read to the next replica, round robin."""

    def __init__(self) -> None:
        self.turn = 0

    def node(self, cluster: Cluster, client: str, now: int, token: int) -> str:
        self.turn += 1
        return REPLICAS[self.turn % 2]


class Leader(AnyReplica):
    def node(self, cluster: Cluster, client: str, now: int, token: int) -> str:
        return "leader"


class Sticky(AnyReplica):
    """Each client always reads from the same replica."""

    def node(self, cluster: Cluster, client: str, now: int, token: int) -> str:
        return "r1" if client == "alice" else "r2"


class VersionToken(AnyReplica):
    """The client sends the newest version it has written or seen; a
    replica that has not applied it yet passes the read to the leader."""

    def node(self, cluster: Cluster, client: str, now: int, token: int) -> str:
        replica = super().node(cluster, client, now, token)
        return replica if cluster.applied(replica, now) >= token else "leader"
        # --8<-- [end:policies]


# --8<-- [start:run]
def run(policy: AnyReplica, seed: int = 7, steps: int = 40) -> dict[str, int]:
    """Alice writes every 10 ms and reads 1 ms later; Bob reads 3 and 6 ms
    after each write. Count each anomaly; remember the first of each."""
    cluster = Cluster(seed)
    counts = dict.fromkeys(
        ("reads", "stale", "missed own write", "went back", "on leader"), 0
    )
    wrote = {"alice": 0, "bob": 0}  # version of each client's last write
    seen = {"alice": 0, "bob": 0}  # newest version each client has read
    for step in range(steps):
        t = 10 * step
        wrote["alice"] = cluster.write(t)
        for client, now in (("alice", t + 1), ("bob", t + 3), ("bob", t + 6)):
            token = max(wrote[client], seen[client])
            node = policy.node(cluster, client, now, token)
            version = cluster.applied(node, now)
            counts["reads"] += 1
            counts["on leader"] += node == "leader"
            if version < cluster.applied("leader", now):
                counts["stale"] += 1
            if version < wrote[client]:
                counts["missed own write"] += 1
            if version < seen[client]:
                counts["went back"] += 1
            seen[client] = max(seen[client], version)
    return counts
    # --8<-- [end:run]


def first_anomalies(seed: int = 7) -> list[str]:
    """The first read of each kind that went wrong under AnyReplica."""
    cluster, policy, lines = Cluster(seed), AnyReplica(), []
    seen = {"alice": 0, "bob": 0}
    kinds: set[str] = set()
    for step in range(40):
        t = 10 * step
        own = cluster.write(t)
        for client, now in (("alice", t + 1), ("bob", t + 3), ("bob", t + 6)):
            node = policy.node(cluster, client, now, 0)
            version = cluster.applied(node, now)
            latest = cluster.applied("leader", now)
            said = f"t={now} ms: {client} read version {version} from {node}"
            if client == "alice" and version < own and "own" not in kinds:
                kinds.add("own")
                lines.append(f"{said}, 1 ms after writing version {own}")
            elif version < seen[client] and "back" not in kinds:
                kinds.add("back")
                lines.append(f"{said}, after reading {seen[client]}")
            elif client == "bob" and version < latest and "stale" not in kinds:
                kinds.add("stale")
                lines.append(f"{said}, the leader had {latest}")
            seen[client] = max(seen[client], version)
    return lines


def converged_at(cluster: Cluster) -> int:
    """When the last replica applied the last write."""
    return max(times[-1] for times in cluster.arrival.values())


def main() -> None:
    print("first anomalies, reading from any replica (seed 7):")
    for line in first_anomalies():
        print(" ", line)
    print(
        f"{'policy':<14}{'reads':>6}{'stale':>7}{'missed own':>12}"
        f"{'went back':>11}{'on leader':>11}"
    )
    for policy in (AnyReplica(), Sticky(), VersionToken(), Leader()):
        c = run(policy)
        print(
            f"{type(policy).__name__:<14}{c['reads']:>6}{c['stale']:>7}"
            f"{c['missed own write']:>12}{c['went back']:>11}"
            f"{c['on leader']:>11}"
        )
    # Eventual consistency: writes stop, replicas catch up. When? No bound.
    for pause in (None, (100, 5_000)):
        cluster = Cluster(seed=7, pause=pause)
        for step in range(40):
            cluster.write(10 * step)
        print(
            f"last write at t=390 ms, r2 cut off {pause}:"
            f" all replicas agree from t={converged_at(cluster)} ms"
        )


if __name__ == "__main__":
    main()
