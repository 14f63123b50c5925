"""Rendezvous (highest random weight) hashing: no ring at all.

For each key, score every node with a hash of (node, key) and pick the
node with the highest score. Every client that knows the node list agrees
on the winner. Adding a node moves only the keys it now wins; removing a
node moves only the keys it had, each to its runner-up.
"""
# output: exact

import hashlib


# --8<-- [start:idea]
def score(node: str, key: str) -> int:
    text = f"{node}|{key}".encode()
    digest = hashlib.md5(text, usedforsecurity=False).digest()
    return int.from_bytes(digest[:8], "big")


def owner(key: str, nodes: list[str]) -> str:
    return max(nodes, key=lambda node: score(node, key))  # O(N) per key


# --8<-- [end:idea]


def changes(
    keys: list[str], before: list[str], after: list[str]
) -> dict[str, tuple[str, str]]:
    """The keys whose owner changed: key -> (old owner, new owner)."""
    moves = {}
    for key in keys:
        old, new = owner(key, before), owner(key, after)
        if old != new:
            moves[key] = (old, new)
    return moves


def main() -> None:
    keys = [f"user:{i}" for i in range(20_000)]
    four = [f"node{i}" for i in range(4)]
    five = [*four, "node4"]
    added = changes(keys, four, five)
    print(f"{len(keys)} keys")
    print(
        f"add node4:    {len(added) / len(keys):.1%} moved,"
        f" all to {sorted({new for _, new in added.values()})}"
    )
    removed = changes(keys, five, [n for n in five if n != "node1"])
    print(
        f"remove node1: {len(removed) / len(keys):.1%} moved,"
        f" all from {sorted({old for old, _ in removed.values()})}"
    )


if __name__ == "__main__":
    main()
