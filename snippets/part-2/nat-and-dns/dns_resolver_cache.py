"""A recursive resolver walking root -> TLD -> authoritative, with a cache.

The servers are simulated (dicts), the clock is injected. A cold lookup
asks three servers: the root refers it to the .test servers, they refer
it to example.test's, which answer. Every answer and referral carries a
TTL, and the resolver caches each one for that long, so the next lookup
in the same zone asks one server, a repeat asks none, and after the TTL
the resolver asks again. A "no such name" is cached too (RFC 2308).
"""
# output: exact

from typing import NamedTuple


class Reply(NamedTuple):
    kind: str  # "answer", "referral" (ask that zone's servers) or "nxdomain"
    data: str  # the address, or the zone referred to
    ttl: float  # seconds a resolver may keep it


# Each server knows its zone only. TTLs: long for referrals, short for A.
SERVERS = {
    ".": {"test": Reply("referral", "test", 172800)},
    "test": {"example.test": Reply("referral", "example.test", 86400)},
    "example.test": {
        "api.example.test": Reply("answer", "192.0.2.10", 300),
        "www.example.test": Reply("answer", "192.0.2.20", 300),
    },
}
NEGATIVE_TTL = 60.0  # from the zone's SOA record, in real DNS


def ask(server: str, name: str) -> Reply:
    """One query to one authoritative server (simulated)."""
    for suffix, reply in SERVERS[server].items():
        if name == suffix or name.endswith("." + suffix):
            return reply
    return Reply("nxdomain", "", NEGATIVE_TTL)


# --8<-- [start:idea]
class Resolver:
    def __init__(self) -> None:
        self.cache: dict[str, tuple[Reply, float]] = {}  # key -> reply, expiry

    def cached(self, key: str, now: float) -> Reply | None:
        hit = self.cache.get(key)
        return hit[0] if hit and now < hit[1] else None

    def resolve(self, name: str, now: float) -> tuple[Reply, list[str]]:
        """The final reply, and the servers that had to be asked."""
        if (hit := self.cached(name, now)) is not None:
            return hit, []
        # Start at the closest zone whose servers we already know.
        labels = name.split(".")
        zones = [".".join(labels[i:]) for i in range(1, len(labels))]
        server = next((z for z in zones if self.cached("NS " + z, now)), ".")
        asked = []
        while True:
            reply = ask(server, name)
            asked.append(server)
            if reply.kind == "referral":
                self.cache["NS " + reply.data] = (reply, now + reply.ttl)
                server = reply.data  # one level down the tree
                continue
            self.cache[name] = (reply, now + reply.ttl)  # answer or NXDOMAIN
            return reply, asked


# --8<-- [end:idea]


def main() -> None:
    resolver = Resolver()
    for now, name in [
        (0, "api.example.test"),  # cold: root, then .test, then example.test
        (10, "www.example.test"),  # example.test's servers are cached
        (20, "api.example.test"),  # the answer itself is cached
        (400, "api.example.test"),  # its 300 s TTL ran out
        (410, "nope.example.test"),  # no such name...
        (420, "nope.example.test"),  # ...and that is cached too
    ]:
        reply, asked = resolver.resolve(name, now)
        got = reply.data if reply.kind == "answer" else "NXDOMAIN"
        path = " -> ".join(asked) if asked else "cache"
        print(f"t={now:>3}  {name:<18} {got:<11} asked: {path}")


if __name__ == "__main__":
    main()
