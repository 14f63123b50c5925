"""Replication lag, and reading your own writes with a log position.

A leader appends every write to its log; each follower copies the log at
its own pace, so a read from a follower can return an old value. The
client below remembers the log position (LSN) of the last write it made
or saw, and reads from a follower only if that follower has applied at
least that far; otherwise it reads from the leader. One token fixes
read-your-writes and monotonic reads. Deterministic: followers move only
when step() is called.
"""
# output: exact

from dataclasses import dataclass, field


# --8<-- [start:idea]
@dataclass
class Leader:
    log: list[tuple[str, str]] = field(default_factory=list)
    data: dict[str, str] = field(default_factory=dict)

    def write(self, key: str, value: str) -> int:
        self.log.append((key, value))
        self.data[key] = value
        return len(self.log)  # this write's log position (LSN)


@dataclass
class Follower:
    leader: Leader
    per_step: int  # log entries it applies per step: its speed
    applied: int = 0  # how far into the leader's log it has applied
    data: dict[str, str] = field(default_factory=dict)

    def step(self) -> None:
        end = min(len(self.leader.log), self.applied + self.per_step)
        for key, value in self.leader.log[self.applied : end]:
            self.data[key] = value
        self.applied = end


@dataclass
class Client:
    leader: Leader
    seen: int = 0  # the highest LSN this client wrote or read

    def write(self, key: str, value: str) -> None:
        self.seen = max(self.seen, self.leader.write(key, value))

    def read(self, key: str, replica: Follower) -> tuple[str, str | None]:
        if replica.applied >= self.seen:  # fresh enough for this client
            self.seen = replica.applied
            return "follower", replica.data.get(key)
        self.seen = len(self.leader.log)
        return "leader", self.leader.data.get(key)


# --8<-- [end:idea]


def naive_read(key: str, replica: Follower) -> str | None:
    """The usual read from a replica: whatever it has applied so far."""
    return replica.data.get(key)


def main() -> None:
    leader = Leader()
    fast, slow = Follower(leader, per_step=3), Follower(leader, per_step=1)
    alice = Client(leader)
    alice.write("avatar:alice", "old.png")
    for _ in range(2):
        fast.step()
        slow.step()
    for i in range(4):  # other users keep the leader busy
        leader.write(f"post:{i}", "hello")
    alice.write("avatar:alice", "new.png")
    fast.step()
    slow.step()
    print(f"leader: {len(leader.log)} entries; alice wrote LSN {alice.seen}")
    print(f"fast follower applied {fast.applied}, slow applied {slow.applied}")
    print("naive reads (any follower):")
    print(f"  fast -> {naive_read('avatar:alice', fast)}")
    print(f"  slow -> {naive_read('avatar:alice', slow)}")
    print("reads with alice's LSN:")
    for name, replica in (("fast", fast), ("slow", slow)):
        where, value = alice.read("avatar:alice", replica)
        print(f"  {name} -> {value} (served by the {where})")
    fast.step()
    slow.step()
    print(f"one step later: fast applied {fast.applied}, slow {slow.applied}")
    print("bob reads fast, then slow (naive):")
    print(f"  {naive_read('avatar:alice', fast)}, then", end=" ")
    print(f"{naive_read('avatar:alice', slow)}")
    bob = Client(leader)
    print("bob reads fast, then slow (with his LSN):")
    for name, replica in (("fast", fast), ("slow", slow)):
        where, value = bob.read("avatar:alice", replica)
        print(f"  {name} -> {value} (served by the {where})")


if __name__ == "__main__":
    main()
