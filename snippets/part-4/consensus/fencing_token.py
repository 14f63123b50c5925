"""Split brain under a lease, and the fencing token that stops it.

A lock service hands out leases of 10 s, each with a token one higher
than the last. Client 1 takes the lock, checks that its lease is still
valid, and is then paused for 15 s (a garbage-collection pause, a
swapped-out process, a stalled VM) just before it writes. Its lease
expires during the pause, client 2 takes the lock and writes, and client
1 wakes up still believing it holds the lock. The same schedule runs
twice, on a simulated clock: once against storage that checks the token,
once against storage that does not.
"""
# output: exact

from dataclasses import dataclass, field

LEASE = 10.0  # seconds


@dataclass
class Clock:
    now: float = 0.0


# --8<-- [start:fence]
@dataclass
class LockService:
    clock: Clock
    holder: str | None = None
    expires: float = 0.0
    last_token: int = 32

    def acquire(self, client: str) -> int | None:
        """A lease for LEASE seconds, and a token higher than any before."""
        if self.holder is not None and self.clock.now < self.expires:
            return None  # held by someone else, lease still running
        self.holder, self.expires = client, self.clock.now + LEASE
        self.last_token += 1
        return self.last_token


@dataclass
class Storage:
    check_tokens: bool
    data: list[str] = field(default_factory=list)
    highest: int = 0

    def write(self, value: str, token: int) -> bool:
        if self.check_tokens and token < self.highest:
            return False  # a newer holder has written: this one is stale
        self.highest = max(self.highest, token)
        self.data.append(value)
        return True


# --8<-- [end:fence]


def verdict(ok: bool) -> str:
    return "accepted" if ok else "rejected"


def run(check_tokens: bool) -> tuple[list[str], Storage]:
    clock = Clock()
    lock, storage = LockService(clock), Storage(check_tokens)
    log: list[str] = []

    def say(text: str) -> None:
        log.append(f"t={clock.now:4.0f} s  {text}")

    token1 = lock.acquire("client 1")
    assert token1 is not None
    say(f"client 1 gets the lock, token {token1}, lease to t={LEASE:.0f}")
    clock.now = 1
    say(f"client 1 checks its lease: valid ({clock.now < lock.expires})")
    say("client 1 pauses (GC) for 15 s, about to write")
    clock.now = 11
    token2 = lock.acquire("client 2")
    assert token2 is not None
    say(f"lease expired; client 2 gets the lock, token {token2}")
    ok = storage.write("written by client 2", token2)
    say(f"client 2 writes with token {token2}: {verdict(ok)}")
    clock.now = 16
    ok = storage.write("written by client 1", token1)
    say(f"client 1 wakes, writes with token {token1}: {verdict(ok)}")
    say(f"storage holds: {storage.data[-1]!r}")
    return log, storage


def main() -> None:
    for check in (False, True):
        print(f"Storage {'checks' if check else 'ignores'} fencing tokens:")
        log, _ = run(check)
        for line in log:
            print("  " + line)


if __name__ == "__main__":
    main()
