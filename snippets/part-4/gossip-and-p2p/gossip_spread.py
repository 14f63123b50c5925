"""Gossip: push, pull and push-pull spread a rumour in about log N rounds.

A seeded simulation of synchronous rounds. In every round each node calls
one peer chosen at random (never itself). With push, a node that knows the
rumour tells the peer it calls; with pull, a node that does not know it
asks the peer it calls; with push-pull, both happen on every call. The
program counts the rounds until all N nodes know, for N from 10 to 10,000,
and prints the median over several seeds next to log2 N + ln N (Pittel's
figure for push) and log3 N (the leading term for push-pull).
"""
# output: exact

import math
import random
import statistics

MODES = ("push", "pull", "push-pull")
SIZES = (10, 100, 1_000, 10_000)
SEEDS = range(5)


# --8<-- [start:idea]
def peer(rng: random.Random, me: int, n: int) -> int:
    """A node other than me, uniformly at random."""
    other = rng.randrange(n - 1)
    return other + 1 if other >= me else other


def spread(n: int, mode: str, seed: int) -> list[int]:
    """How many nodes know the rumour after each round (node 0 starts)."""
    rng = random.Random(seed)
    knows = [False] * n
    knows[0] = True
    history = [1]
    while history[-1] < n:
        before = knows[:]  # what every node knew when the round began
        for node in range(n):
            if mode == "push" and not before[node]:
                continue  # push: only nodes that know make calls
            if mode == "pull" and before[node]:
                continue  # pull: only nodes that do not know make calls
            other = peer(rng, node, n)
            if mode != "pull" and before[node]:
                knows[other] = True  # push the rumour to the callee
            if mode != "push" and before[other]:
                knows[node] = True  # pull it from the callee
        history.append(sum(knows))
    return history


def rounds(n: int, mode: str, seed: int) -> int:
    return len(spread(n, mode, seed)) - 1


# --8<-- [end:idea]


def main() -> None:
    print(f"rounds until all N nodes know; median of {len(SEEDS)} seeds")
    header = " ".join(f"{mode:>9}" for mode in MODES)
    print(f"{'N':>6} {header} {'log2N+lnN':>9} {'log3N':>6}")
    for n in SIZES:
        medians = [
            statistics.median(rounds(n, mode, seed) for seed in SEEDS)
            for mode in MODES
        ]
        cells = " ".join(f"{m:>9g}" for m in medians)
        pittel = math.log2(n) + math.log(n)
        print(f"{n:>6} {cells} {pittel:>9.1f} {math.log(n, 3):>6.1f}")
    print("one run of push-pull, N = 1000: nodes that know, round by round")
    print(" ".join(str(k) for k in spread(1_000, "push-pull", 0)))


if __name__ == "__main__":
    main()
