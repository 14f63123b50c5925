"""A home router's NAT table (NAPT), simulated on an injected clock.

Inside hosts have private addresses; the router has one public address.
For each new outbound flow it picks a free public port and remembers the
mapping, so replies can be sent back to the right host. Inbound packets
that match no mapping, or come from a peer the host never contacted,
are dropped. A mapping that sees no outbound traffic for the idle
timeout (at least 2 minutes for UDP, RFC 4787) expires, and a late
reply is dropped too.
"""
# output: exact

from typing import NamedTuple

PUBLIC_IP = "203.0.113.5"  # a documentation address (RFC 5737)
UDP_IDLE_TIMEOUT = 120.0  # seconds


class Endpoint(NamedTuple):
    ip: str
    port: int


class Mapping(NamedTuple):
    inside: Endpoint
    peers: frozenset[Endpoint]  # who the inside host has sent to
    last_out: float  # time of the last outbound packet


# --8<-- [start:idea]
class Napt:
    def __init__(self, first_port: int = 40000) -> None:
        self.next_port = first_port
        self.by_inside: dict[Endpoint, int] = {}  # inside -> public port
        self.table: dict[int, Mapping] = {}  # public port -> mapping

    def expire(self, now: float) -> None:
        for port, m in list(self.table.items()):
            if now - m.last_out > UDP_IDLE_TIMEOUT:
                del self.table[port], self.by_inside[m.inside]

    def outbound(self, src: Endpoint, dst: Endpoint, now: float) -> Endpoint:
        """Rewrite the source of a packet leaving the home network."""
        self.expire(now)
        port = self.by_inside.get(src)
        if port is None:  # a new flow: allocate a public port
            port, self.next_port = self.next_port, self.next_port + 1
            self.by_inside[src] = port
            self.table[port] = Mapping(src, frozenset(), now)
        m = self.table[port]
        self.table[port] = Mapping(src, m.peers | {dst}, now)  # refresh
        return Endpoint(PUBLIC_IP, port)

    def inbound(self, src: Endpoint, port: int, now: float) -> Endpoint | None:
        """Rewrite the destination of a packet arriving; None drops it."""
        self.expire(now)
        m = self.table.get(port)
        if m is None or src not in m.peers:
            return None  # no mapping, or a peer nobody inside talked to
        return m.inside


# --8<-- [end:idea]


def main() -> None:
    nat = Napt()
    dns = Endpoint("198.51.100.7", 53)
    laptop = Endpoint("192.168.1.10", 5000)
    phone = Endpoint("192.168.1.11", 5000)  # same port: no problem

    def out(t: float, src: Endpoint) -> None:
        pub = nat.outbound(src, dns, t)
        print(f"t={t:>5.0f} out {src.ip}:{src.port} -> {pub.ip}:{pub.port}")

    def back(t: float, src: Endpoint, port: int) -> None:
        to = nat.inbound(src, port, t)
        where = f"{to.ip}:{to.port}" if to else "dropped"
        print(f"t={t:>5.0f} in  {src.ip}:{src.port} -> :{port} -> {where}")

    out(0, laptop)
    out(1, phone)
    back(2, dns, 40000)
    back(3, dns, 40001)
    back(4, Endpoint("198.51.100.99", 4444), 40000)  # unsolicited
    back(5, dns, 40999)  # no such mapping
    out(100, laptop)  # the laptop keeps its mapping alive
    back(200, dns, 40000)  # 100 s after its last packet: still there
    back(200, dns, 40001)  # phone silent for 199 s: expired
    print("mappings left:", {p: m.inside.ip for p, m in nat.table.items()})


if __name__ == "__main__":
    main()
