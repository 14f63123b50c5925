"""Raft on a seeded, lossy, partitioning network, with a safety checker.

A discrete-event simulation: one seeded random generator, one simulated
clock in milliseconds, no threads and no real time, so a seed replays the
same run on every machine. Five nodes elect leaders with randomized
timeouts, replicate a log and commit entries while the network drops,
delays and reorders messages, splits into partitions and heals, and nodes
crash and restart with only their persistent state (currentTerm, votedFor,
log). The checker records every leader and every commit ever observed and
reports any breach of Raft's safety properties (Ongaro and Ousterhout,
USENIX ATC 2014, Figure 3).

Config switches turn individual rules off, so that the checker can be seen
to catch the bug each rule prevents. Two scripted runs cover what random
seeds rarely hit: the paper's Figure 8, and a voter that reboots.
"""
# output: exact

from __future__ import annotations

import functools
import heapq
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field, replace

Entry = tuple[int, str]  # (term, command)


@dataclass(frozen=True)
class Config:
    nodes: int = 5
    check_up_to_date: bool = True  # RequestVote: is the candidate's log ok?
    persist_voted_for: bool = True  # votedFor survives a reboot
    commit_old_terms: bool = False  # the Figure 8 bug when True
    loss: float = 0.1  # probability that a message is dropped
    delay: tuple[int, int] = (1, 5)  # ms, uniform: messages overtake
    heartbeat: int = 20  # ms between a leader's AppendEntries
    election: tuple[int, int] = (60, 120)  # ms, randomized per timer
    faults: bool = True  # random crashes and partitions


@dataclass(frozen=True)
class VoteRequest:
    term: int
    src: int
    last_index: int
    last_term: int


@dataclass(frozen=True)
class VoteReply:
    term: int
    src: int
    granted: bool


@dataclass(frozen=True)
class Append:
    term: int
    src: int
    prev_index: int
    prev_term: int
    entries: tuple[Entry, ...]
    commit: int


@dataclass(frozen=True)
class AppendReply:
    term: int
    src: int
    success: bool
    match: int


Message = VoteRequest | VoteReply | Append | AppendReply


class Checker:
    """Every leader and every commit ever observed, and what they break."""

    def __init__(self) -> None:
        self.leaders: dict[int, set[int]] = {}  # term -> nodes that led it
        self.committed: dict[int, tuple[Entry, int]] = {}  # index -> entry,
        self.violations: list[str] = []  # term of the leader that committed

    def leader(self, node: Node) -> None:
        won = self.leaders.setdefault(node.term, set())
        won.add(node.id)
        if len(won) > 1:
            self.violations.append(
                f"Election Safety: term {node.term} has leaders {sorted(won)}"
            )
        for index, (entry, term) in sorted(self.committed.items()):
            if term < node.term and node.entry(index) != entry:
                self.violations.append(
                    f"Leader Completeness: leader {node.id} of term "
                    f"{node.term} lacks committed entry {index} {entry}"
                )

    def commit(self, node: Node, index: int) -> None:
        entry = node.log[index - 1]
        first = self.committed.setdefault(index, (entry, node.term))
        if first[0] != entry:
            self.violations.append(
                f"State Machine Safety: node {node.id} commits {entry} at "
                f"index {index}, where {first[0]} was committed"
            )


class Node:
    def __init__(
        self,
        node_id: int,
        config: Config,
        send: Callable[[int, Message], None],
        checker: Checker,
    ) -> None:
        self.id, self.config, self.send = node_id, config, send
        self.checker = checker
        self.peers = [n for n in range(config.nodes) if n != node_id]
        # Persistent state: on disk before any reply (Figure 2).
        self.term = 0
        self.voted_for: int | None = None
        self.log: list[Entry] = []
        self.up = True
        self.heard = False  # from a leader, or voted: restart the timer
        self.reset()

    def reset(self) -> None:
        """Volatile state, as after a (re)start."""
        self.role = "follower"
        self.commit_index = 0
        self.votes: set[int] = set()
        self.next_index: dict[int, int] = {}
        self.match_index: dict[int, int] = {}

    def crash(self) -> None:
        self.up = False

    def restart(self) -> None:
        self.up = True
        self.reset()
        if not self.config.persist_voted_for:
            self.voted_for = None  # the bug: a vote forgotten on reboot

    def entry(self, index: int) -> Entry | None:
        return self.log[index - 1] if 0 < index <= len(self.log) else None

    def term_at(self, index: int) -> int:
        return self.log[index - 1][0] if 0 < index <= len(self.log) else 0

    def last(self) -> tuple[int, int]:
        return len(self.log), self.term_at(len(self.log))

    def see_term(self, term: int) -> None:
        if term > self.term:
            self.term, self.voted_for, self.role = term, None, "follower"

    # --8<-- [start:election]
    def start_election(self) -> None:
        """The election timer fired: stand for the next term."""
        self.term += 1
        self.role, self.voted_for, self.votes = "candidate", self.id, {self.id}
        last_index, last_term = self.last()
        for peer in self.peers:
            self.send(
                peer, VoteRequest(self.term, self.id, last_index, last_term)
            )
        self.count_votes()

    def count_votes(self) -> None:
        if (
            self.role == "candidate"
            and 2 * len(self.votes) > len(self.peers) + 1
        ):
            self.role = "leader"
            self.next_index = {p: len(self.log) + 1 for p in self.peers}
            self.match_index = dict.fromkeys(self.peers, 0)
            self.checker.leader(self)
            self.replicate()

    # --8<-- [end:election]

    def receive(self, msg: Message) -> None:
        if not self.up:
            return
        self.see_term(msg.term)
        if isinstance(msg, VoteRequest):
            self.on_vote_request(msg)
        elif isinstance(msg, VoteReply):
            if msg.term == self.term and msg.granted:
                self.votes.add(msg.src)
                self.count_votes()
        elif isinstance(msg, Append):
            self.on_append(msg)
        else:
            self.on_append_reply(msg)

    # --8<-- [start:vote]
    def on_vote_request(self, msg: VoteRequest) -> None:
        last_index, last_term = self.last()
        up_to_date = (msg.last_term, msg.last_index) >= (last_term, last_index)
        grant = (
            msg.term == self.term
            and self.voted_for in (None, msg.src)
            and (up_to_date or not self.config.check_up_to_date)
        )
        if grant:
            self.voted_for = msg.src  # persisted before the reply leaves
            self.heard = True
        self.send(msg.src, VoteReply(self.term, self.id, grant))

    # --8<-- [end:vote]

    # --8<-- [start:append]
    def on_append(self, msg: Append) -> None:
        if msg.term < self.term:  # a deposed leader: tell it the new term
            self.send(msg.src, AppendReply(self.term, self.id, False, 0))
            return
        self.role, self.heard = "follower", True  # a leader of this term
        if msg.prev_index > len(self.log) or (
            self.term_at(msg.prev_index) != msg.prev_term
        ):  # Log Matching: the logs must agree up to prev_index
            self.send(msg.src, AppendReply(self.term, self.id, False, 0))
            return
        for offset, entry in enumerate(msg.entries):
            index = msg.prev_index + 1 + offset
            if self.term_at(index) != entry[0]:  # conflict or missing:
                del self.log[index - 1 :]  # drop it and all that follow
                self.log.extend(msg.entries[offset:])
                break
        match = msg.prev_index + len(msg.entries)
        self.advance_commit(min(msg.commit, match))
        self.send(msg.src, AppendReply(self.term, self.id, True, match))

    # --8<-- [end:append]

    def on_append_reply(self, msg: AppendReply) -> None:
        if self.role != "leader" or msg.term != self.term:
            return
        if msg.success:
            self.match_index[msg.src] = max(
                self.match_index[msg.src], msg.match
            )
            self.next_index[msg.src] = self.match_index[msg.src] + 1
            self.leader_commit()
        else:  # back up one entry and try again at the next heartbeat
            self.next_index[msg.src] = max(1, self.next_index[msg.src] - 1)

    # --8<-- [start:commit]
    def leader_commit(self) -> None:
        """Commit the highest index stored on a majority, but only if its
        entry is from this leader's own term (the paper's Figure 8)."""
        for index in range(len(self.log), self.commit_index, -1):
            stored = 1 + sum(m >= index for m in self.match_index.values())
            if 2 * stored <= self.config.nodes:
                continue
            if (
                self.term_at(index) == self.term
                or self.config.commit_old_terms
            ):
                self.advance_commit(index)  # and every entry before it
                return

    # --8<-- [end:commit]

    def advance_commit(self, index: int) -> None:
        for i in range(self.commit_index + 1, index + 1):
            self.checker.commit(self, i)
        self.commit_index = max(self.commit_index, index)

    def replicate(self) -> None:
        """AppendEntries to every follower (a heartbeat when none is new)."""
        for peer in self.peers:
            prev = self.next_index[peer] - 1
            entries = tuple(self.log[prev : prev + 50])
            self.send(
                peer,
                Append(
                    self.term,
                    self.id,
                    prev,
                    self.term_at(prev),
                    entries,
                    self.commit_index,
                ),
            )

    def submit(self, command: str) -> bool:
        if not self.up or self.role != "leader":
            return False
        self.log.append((self.term, command))
        self.leader_commit()  # a one-node cluster commits at once
        return True


def log_matching(nodes: list[Node]) -> list[str]:
    """If two logs hold an entry with the same index and term, the logs
    are identical up to that index."""
    found = []
    for a, b in itertools.combinations(nodes, 2):
        for index in range(min(len(a.log), len(b.log)), 0, -1):
            if a.term_at(index) == b.term_at(index):
                if a.log[:index] != b.log[:index]:
                    found.append(
                        f"Log Matching: nodes {a.id} and {b.id} agree on the "
                        f"term at index {index} but not before it"
                    )
                break
    return found


class Cluster:
    """Nodes and a checker; `send` decides what the network does."""

    def __init__(
        self, config: Config, send: Callable[[int, int, Message], None]
    ) -> None:
        self.config, self.checker = config, Checker()
        self.nodes = [
            Node(i, config, self._sender(i, send), self.checker)
            for i in range(config.nodes)
        ]

    @staticmethod
    def _sender(
        src: int, send: Callable[[int, int, Message], None]
    ) -> Callable[[int, Message], None]:
        return lambda dst, msg: send(src, dst, msg)

    def violations(self) -> list[str]:
        return self.checker.violations + log_matching(self.nodes)


@dataclass
class Result:
    seed: int
    violations: list[str]
    terms: int
    committed: int
    history: list[tuple[int, int, int, str]] = field(default_factory=list)
    commits: list[tuple[int, int]] = field(default_factory=list)


class Simulation:
    """Random faults and timers on a seeded clock (milliseconds)."""

    def __init__(
        self,
        seed: int,
        config: Config,
        partitions: tuple[tuple[int, int, frozenset[int]], ...] = (),
    ) -> None:
        self.rng, self.config, self.seed = random.Random(seed), config, seed
        self.now = 0
        self.events: list[tuple[int, int, Callable[[], None]]] = []
        self.order = itertools.count()
        self.cluster = Cluster(config, self.send)
        self.group = dict.fromkeys(range(config.nodes), 0)  # partition side
        self.timers = dict.fromkeys(range(config.nodes), 0)  # generation
        self.history: list[tuple[int, int, int, str]] = []
        self.commits: list[tuple[int, int]] = []
        for start, end, side in partitions:
            self.at(start, functools.partial(self.split, side))
            self.at(end, self.heal)

    def at(self, time: int, action: Callable[[], None]) -> None:
        heapq.heappush(self.events, (time, next(self.order), action))

    def send(self, src: int, dst: int, msg: Message) -> None:
        if self.group[src] != self.group[dst]:
            return  # partitioned apart
        if self.rng.random() < self.config.loss:
            return
        node = self.cluster.nodes[dst]
        delay = self.rng.randint(*self.config.delay)
        self.at(self.now + delay, lambda: node.receive(msg))

    def split(self, side: frozenset[int]) -> None:
        self.group = {n: int(n in side) for n in self.group}

    def heal(self) -> None:
        self.group = dict.fromkeys(self.group, 0)

    def arm(self, n: int) -> None:
        """(Re)start node n's election timer with a random timeout."""
        self.timers[n] += 1
        generation = self.timers[n]
        timeout = self.rng.randint(*self.config.election)
        self.at(self.now + timeout, lambda: self.expire(n, generation))

    def expire(self, n: int, generation: int) -> None:
        node = self.cluster.nodes[n]
        if generation == self.timers[n] and node.up and node.role != "leader":
            node.start_election()
            self.arm(n)

    def tick(self) -> None:
        """Leaders send heartbeats; followers that heard one re-arm."""
        for node in self.cluster.nodes:
            if node.up and node.role == "leader":
                node.replicate()
        self.at(self.now + self.config.heartbeat, self.tick)

    def fault(self) -> None:
        victim = self.rng.randrange(self.config.nodes)
        node = self.cluster.nodes[victim]
        if self.rng.random() < 0.5 and node.up:
            node.crash()
            self.at(
                self.now + self.rng.randint(20, 200), lambda: self.up(node)
            )
        elif self.group == dict.fromkeys(self.group, 0):
            size = self.rng.randint(1, self.config.nodes // 2)
            side = frozenset(self.rng.sample(range(self.config.nodes), size))
            self.split(side)
            self.at(self.now + self.rng.randint(30, 300), self.heal)
        self.at(self.now + self.rng.randint(50, 150), self.fault)

    def up(self, node: Node) -> None:
        node.restart()
        self.arm(node.id)

    def client(self) -> None:
        leaders = [
            n for n in self.cluster.nodes if n.role == "leader" and n.up
        ]
        if leaders:
            self.rng.choice(leaders).submit(f"x{self.now}")
        self.at(self.now + 5, self.client)

    def run(self, duration: int) -> Result:
        for n in range(self.config.nodes):
            self.arm(n)
        self.at(0, self.tick)
        self.at(1, self.client)
        if self.config.faults:
            self.at(self.rng.randint(50, 150), self.fault)
        seen = [(0, "follower")] * self.config.nodes
        committed = 0
        while self.events and self.events[0][0] <= duration:
            self.now, _, action = heapq.heappop(self.events)
            action()
            for node in self.cluster.nodes:
                if node.heard:
                    node.heard = False
                    self.arm(node.id)
                now = (node.term, node.role if node.up else "down")
                if now != seen[node.id]:
                    seen[node.id] = now
                    self.history.append((self.now, node.id, *now))
            if len(self.cluster.checker.committed) != committed:
                committed = len(self.cluster.checker.committed)
                self.commits.append((self.now, committed))
        return Result(
            self.seed,
            self.cluster.violations(),
            max(n.term for n in self.cluster.nodes),
            len(self.cluster.checker.committed),
            self.history,
            self.commits,
        )


DURATION = 600  # simulated milliseconds per seed


def simulate(
    seed: int,
    config: Config = Config(),
    duration: int = DURATION,
    partitions: tuple[tuple[int, int, frozenset[int]], ...] = (),
) -> Result:
    """One seeded run; `partitions` adds (start, end, side) splits."""
    return Simulation(seed, config, partitions).run(duration)


class Script:
    """A network that delivers only what the script says, for scenarios
    that random seeds rarely produce."""

    def __init__(self, config: Config) -> None:
        self.pending: list[tuple[int, int, Message]] = []
        self.cluster = Cluster(config, self.send)
        self.nodes = self.cluster.nodes

    def send(self, src: int, dst: int, msg: Message) -> None:
        self.pending.append((src, dst, msg))

    def settle(self, among: set[int]) -> None:
        """Deliver messages between the nodes in `among` until none is
        left; every other message is lost."""
        while self.pending:
            batch, self.pending = self.pending, []
            for src, dst, msg in batch:
                if src in among and dst in among:
                    self.nodes[dst].receive(msg)

    def elect(self, n: int, among: set[int]) -> bool:
        self.nodes[n].start_election()
        self.settle(among)
        return self.nodes[n].role == "leader"


# --8<-- [start:figure8]
def figure_8_c(config: Config) -> Script:
    """The paper's Figure 8 up to (c), nodes S1..S5 as 0..4."""
    s = Script(replace(config, nodes=5))
    everyone = {0, 1, 2, 3, 4}
    s.elect(0, everyone)  # term 1: entry 1 reaches every node
    s.nodes[0].submit("a")
    s.nodes[0].replicate()
    s.settle(everyone)
    s.elect(0, everyone)  # (a) S1 leads term 2, entry 2 reaches S2 only
    s.nodes[0].submit("b")
    s.nodes[0].replicate()
    s.settle({0, 1})
    s.nodes[0].crash()  # (b) S5 wins term 3 with S3, S4; its entry 2
    s.elect(4, {2, 3, 4})  # (term 3) stays on S5 alone
    s.nodes[4].submit("c")
    s.nodes[4].crash()  # (c) S1 restarts and leads term 4 with S2, S3
    s.nodes[0].restart()
    s.elect(0, {0, 1, 2, 3})  # term 3: S3 and S4 already voted for S5
    s.elect(0, {0, 1, 2, 3})  # term 4: S1 wins
    for _ in range(2):  # entry 2 (term 2) now on S1, S2, S3:
        s.nodes[0].replicate()  # a majority, but not of term 4
        s.settle({0, 1, 2})
    return s


def figure_8(config: Config) -> Script:
    """(d): S1 crashes, S5 is elected and overwrites entry 2."""
    s = figure_8_c(config)
    s.nodes[0].submit("d")  # entry 3 (term 4) on S1 only
    s.nodes[0].crash()
    s.nodes[4].restart()
    s.elect(4, {1, 2, 3, 4})  # term 4: S2, S3, S4 already voted for S1
    s.elect(4, {1, 2, 3, 4})  # term 5: S5's last term 3 beats their 2
    for _ in range(3):  # and S5 overwrites entry 2 everywhere
        s.nodes[4].replicate()
        s.settle({1, 2, 3, 4})
    return s


# --8<-- [end:figure8]


# --8<-- [start:reboot]
def reboot_and_vote(config: Config) -> Script:
    """S2 votes for S1 in term 1, reboots, and is asked again by S3."""
    s = Script(replace(config, nodes=3))
    s.elect(0, {0, 1})  # S1 wins term 1 with S2's vote; S3 hears nothing
    s.nodes[1].crash()
    s.nodes[1].restart()  # same term; votedFor kept only if persisted
    s.elect(2, {1, 2})  # S3 stands for term 1 too, and asks S2
    return s


# --8<-- [end:reboot]


def broken_runs(config: Config, seeds: range) -> list[Result]:
    """The runs of `seeds` that broke a safety property."""
    runs = (simulate(seed, config) for seed in seeds)
    return [run for run in runs if run.violations]


def main() -> None:
    seeds = range(20)
    print(f"Seeds 0-19: 5 nodes, {DURATION} simulated ms each")
    runs = [simulate(seed) for seed in seeds]
    print(
        f"  Raft as specified: {sum(r.terms for r in runs)} terms, "
        f"{sum(r.committed for r in runs)} entries committed, "
        f"{sum(len(r.violations) for r in runs)} violations"
    )
    for name, config in BUGS.items():
        bad = broken_runs(config, seeds)
        flipped = f"{name}={getattr(config, name)}"
        print(f"  {flipped}: {len(bad)} of {len(seeds)} seeds break safety")
        if bad:
            print(f"    seed {bad[0].seed}: {bad[0].violations[0]}")
    scenarios = [
        ("the paper's Figure 8", figure_8, "commit_old_terms"),
        ("a voter reboots", reboot_and_vote, "persist_voted_for"),
    ]
    for title, scenario, switch in scenarios:
        print(f"Scripted: {title}")
        fixed = scenario(Config()).cluster.violations()
        print(f"  Raft as specified: {len(fixed)} violations")
        bug = BUGS[switch]
        print(f"  {switch}={getattr(bug, switch)}:")
        for violation in scenario(bug).cluster.violations():
            print(f"    {violation}")


BUGS = {
    "check_up_to_date": Config(check_up_to_date=False),
    "persist_voted_for": Config(persist_voted_for=False),
    "commit_old_terms": Config(commit_old_terms=True),
}
if __name__ == "__main__":
    main()
