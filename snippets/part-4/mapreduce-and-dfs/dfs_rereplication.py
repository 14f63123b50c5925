"""A distributed file system restores its replication factor after a crash.

A name node keeps only metadata: where each block's replicas are. Data
nodes hold the bytes and send a heartbeat every tick. A file is cut into
blocks, and each block gets 3 replicas on 3 different nodes spread over at
least 2 racks (the rule HDFS uses by default). When a node falls silent for
longer than a timeout, the name node declares it dead, lists the blocks
that now have too few replicas, and has a surviving holder copy each one to
a node that does not hold it yet. A careless copier, which picks any other
live node, is run on the same crash as a control. The clock is a tick
counter, and every choice comes from one seeded random generator.
"""
# output: exact

import hashlib
import random
import zlib

RACKS = {f"n{i}": f"rack{i // 3}" for i in range(9)}  # 9 nodes, 3 racks
REPLICAS = 3
BLOCK = 1024  # bytes per block (HDFS: 128 MiB)
DEAD_AFTER = 3  # ticks of silence before a node is declared dead


class Cluster:
    def __init__(self, seed: int, careful: bool = True) -> None:
        self.rng = random.Random(seed)
        self.careful = careful
        self.disks: dict[str, dict[int, bytes]] = {n: {} for n in RACKS}
        self.where: dict[int, list[str]] = {}  # the name node's block map
        self.crc: dict[int, int] = {}  # checksum of each block
        self.heard = dict.fromkeys(RACKS, 0)  # last heartbeat, by tick
        self.up = set(RACKS)  # nodes actually running
        self.dead: set[str] = set()  # nodes the name node gave up on

    def least_loaded(self, candidates: list[str]) -> str:
        candidates = sorted(candidates)
        self.rng.shuffle(candidates)  # ties broken at random
        return min(candidates, key=lambda n: len(self.disks[n]))

    def write(self, data: bytes) -> int:
        """Place each block: two racks, three nodes (HDFS's default)."""
        blocks = [data[i : i + BLOCK] for i in range(0, len(data), BLOCK)]
        for number, block in enumerate(blocks):
            self.crc[number] = zlib.crc32(block)
            self.where[number] = []
            first = self.least_loaded(list(RACKS))
            second = self.least_loaded(
                [n for n in RACKS if RACKS[n] != RACKS[first]]
            )
            third = self.least_loaded(
                [n for n in RACKS if RACKS[n] == RACKS[second] and n != second]
            )
            for node in (first, second, third):
                self.store(node, number, block)
        return len(blocks)

    def store(self, node: str, number: int, block: bytes) -> None:
        assert zlib.crc32(block) == self.crc[number], "corrupt copy"
        self.disks[node][number] = block
        self.where[number].append(node)

    # --8<-- [start:rereplicate]
    def tick(self, now: int) -> list[str]:
        """One heartbeat interval, as the name node sees it."""
        for node in self.up:
            self.heard[node] = now
        events = []
        for node, last in sorted(self.heard.items()):
            if node not in self.dead and now - last > DEAD_AFTER:
                self.dead.add(node)
                for holders in self.where.values():
                    if node in holders:
                        holders.remove(node)  # that replica is gone
                events.append(f"tick {now}: {node} silent, declared dead")
        low = [b for b, held in self.where.items() if len(held) < REPLICAS]
        for number in low:
            self.rereplicate(number)
        if low:
            events.append(f"tick {now}: {len(low)} blocks copied again")
        return events

    def rereplicate(self, number: int) -> None:
        holders = self.where[number]
        source = holders[0]
        alive = sorted(set(RACKS) - self.dead)
        if self.careful:  # a node without the block; a second rack if needed
            free = [n for n in alive if n not in holders]
            racks = {RACKS[n] for n in holders}
            other = [n for n in free if RACKS[n] not in racks]
            target = self.least_loaded(other if len(racks) < 2 else free)
        else:  # the control: any live node but the source
            target = self.rng.choice([n for n in alive if n != source])
        self.store(target, number, self.disks[source][number])

    # --8<-- [end:rereplicate]

    def read(self, blocks: int) -> bytes:
        return b"".join(self.disks[self.where[b][0]][b] for b in range(blocks))

    def nodes_holding(self, number: int) -> set[str]:
        return {n for n in self.up if number in self.disks[n]}


def crash_and_recover(
    seed: int, careful: bool, log: bool = False
) -> tuple[Cluster, int, str]:
    """Write a file, crash the busiest node at tick 2, run 9 ticks."""
    data = random.Random(seed).randbytes(40 * BLOCK + 300)
    cluster = Cluster(seed, careful)
    blocks = cluster.write(data)
    busiest = max(sorted(RACKS), key=lambda n: len(cluster.disks[n]))
    for now in range(1, 10):
        if now == 2:
            cluster.up.discard(busiest)  # it crashes: no more heartbeats
        for event in cluster.tick(now):
            if log:
                print(" ", event)
    digest = hashlib.sha256(cluster.read(blocks)).hexdigest()
    assert digest == hashlib.sha256(data).hexdigest(), "file damaged"
    return cluster, blocks, busiest


def main() -> None:
    print(
        f"a file of 41 blocks, {REPLICAS} replicas each, on 9 nodes in 3 racks"
    )
    _, _, busiest = crash_and_recover(0, True, log=True)
    print(f"{busiest} crashed at tick 2; the file reads back intact")
    for careful in (True, False):
        cluster, blocks, _ = crash_and_recover(0, careful)
        nodes = [cluster.nodes_holding(b) for b in range(blocks)]
        short = sum(len(n) < REPLICAS for n in nodes)
        racks = min(len({RACKS[n] for n in held}) for held in nodes)
        label = "careful copier:" if careful else "any live node: "
        print(
            f"{label} blocks on fewer than {REPLICAS} distinct nodes:"
            f" {short}; fewest racks per block: {racks}"
        )


if __name__ == "__main__":
    main()
