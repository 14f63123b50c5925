"""A learning switch, frame by frame: flood, learn, forward.

A switch starts knowing nothing. For every frame it receives it learns
"this source MAC address lives behind this port". It then forwards the
frame to the one port behind which the destination was learned, or, if
the destination is unknown or a broadcast, floods it out of every port
except the one it came in on. The first exchange below is ARP: host A
broadcasts "who has 10.0.0.2?", and B answers A directly.
"""
# output: exact

from typing import NamedTuple

BROADCAST = "ff:ff:ff:ff:ff:ff"
AGING = 300.0  # seconds a learned address stays (the IEEE 802.1D default)


class Frame(NamedTuple):
    src: str  # source MAC address
    dst: str  # destination MAC address
    what: str  # a label for the payload (ARP request, IPv4 packet, ...)


# --8<-- [start:idea]
class LearningSwitch:
    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.table: dict[str, tuple[int, float]] = {}  # MAC -> port, seen

    def receive(self, frame: Frame, port: int, now: float) -> list[int]:
        """The ports the frame goes out of; `now` is an injected clock."""
        self.table[frame.src] = (port, now)  # learn (or refresh) the sender
        entry = self.table.get(frame.dst)
        if entry is not None and now - entry[1] > AGING:
            del self.table[frame.dst]  # too old: forget it
            entry = None
        if frame.dst == BROADCAST or entry is None:
            return [p for p in self.ports if p != port]  # flood
        if entry[0] == port:
            return []  # destination is on the same side: filter
        return [entry[0]]  # forward to the one port that leads there


# --8<-- [end:idea]

A = "02:00:00:00:00:0a"  # locally administered addresses, as VMs use
B = "02:00:00:00:00:0b"
C = "02:00:00:00:00:0c"
PORT_OF = {A: 1, B: 2, C: 3}
NAME = {A: "A", B: "B", C: "C", BROADCAST: "all"}

# (time in seconds, frame)
SCRIPT = [
    (0.0, Frame(A, BROADCAST, "ARP: who has 10.0.0.2?")),
    (0.1, Frame(B, A, "ARP: 10.0.0.2 is at B")),
    (0.2, Frame(A, B, "IPv4 to 10.0.0.2")),
    (0.3, Frame(B, A, "IPv4 to 10.0.0.1")),
    (0.4, Frame(A, BROADCAST, "ARP: who has 10.0.0.3?")),
    (0.5, Frame(C, A, "ARP: 10.0.0.3 is at C")),
    (400.0, Frame(C, A, "IPv4 to 10.0.0.1")),
]


def run(script: list[tuple[float, Frame]]) -> list[list[int]]:
    switch = LearningSwitch(ports=[1, 2, 3, 4])
    outs = []
    for now, frame in script:
        out = switch.receive(frame, PORT_OF[frame.src], now)
        outs.append(out)
        how = "flood" if len(out) > 1 else "forward"
        print(
            f"t={now:>5.1f}  {NAME[frame.src]} -> {NAME[frame.dst]:<3}"
            f"  port {PORT_OF[frame.src]} -> {out!s:<9}  {how:<7}"
            f"  {frame.what}"
        )
    print("MAC table:", {NAME[m]: p for m, (p, _) in switch.table.items()})
    return outs


def main() -> None:
    run(SCRIPT)


if __name__ == "__main__":
    main()
