"""A deadlock from two locks taken in opposite orders, and its cure.

Two transfers run at once: A to B, and B to A. Each locks its source
account, then its target. A Barrier makes both hold their first lock
before either asks for the second, so each waits for a lock the other
holds: a cycle, every time. Timeouts on the second acquire detect it and
let both back out, so the program ends instead of hanging.

The cure breaks the cycle: every transfer takes the locks in one global
order (by account name here), whatever the direction of the money.
"""
# output: exact

import threading

WAIT = 0.2  # seconds before a thread decides it is stuck
TRANSFERS = 1000


class Account:
    def __init__(self, name: str, balance: int) -> None:
        self.name = name
        self.balance = balance
        self.lock = threading.Lock()


# --8<-- [start:idea]
def transfer_in_given_order(
    source: Account, target: Account, amount: int, meet: threading.Barrier
) -> str:
    """Lock source, then target: the order depends on the direction."""
    if not source.lock.acquire(timeout=WAIT):
        return f"timed out waiting for {source.name}"
    try:
        meet.wait(timeout=5)  # the demo: both now hold their first lock
        if not target.lock.acquire(timeout=WAIT):
            # Report before backing out, so both threads see the cycle.
            meet.wait(timeout=5)
            return f"holds {source.name}, timed out waiting for {target.name}"
        try:
            source.balance -= amount
            target.balance += amount
            return "done"
        finally:
            target.lock.release()
    finally:
        source.lock.release()  # backing out releases what it held


def transfer_in_global_order(
    source: Account, target: Account, amount: int
) -> bool:
    """Lock the account whose name sorts first, then the other."""
    first, second = sorted((source, target), key=lambda a: a.name)
    if not first.lock.acquire(timeout=WAIT):
        return False
    try:
        if not second.lock.acquire(timeout=WAIT):
            return False
        try:
            source.balance -= amount
            target.balance += amount
            return True
        finally:
            second.lock.release()
    finally:
        first.lock.release()


# --8<-- [end:idea]


def opposite_orders() -> list[str]:
    a, b = Account("A", 100), Account("B", 100)
    meet = threading.Barrier(2)
    results: dict[str, str] = {}

    def move(name: str, source: Account, target: Account) -> None:
        results[name] = transfer_in_given_order(source, target, 10, meet)

    threads = [
        threading.Thread(target=move, args=("A->B", a, b)),
        threading.Thread(target=move, args=("B->A", b, a)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    return [f"transfer {name}: {results[name]}" for name in sorted(results)]


def global_order(transfers: int = TRANSFERS) -> tuple[int, int, int]:
    """Returns (transfers done, timeouts, total money)."""
    a, b = Account("A", 100), Account("B", 100)
    outcomes: list[bool] = []

    def move(source: Account, target: Account) -> None:
        for _ in range(transfers):
            outcomes.append(transfer_in_global_order(source, target, 1))

    threads = [
        threading.Thread(target=move, args=(a, b)),
        threading.Thread(target=move, args=(b, a)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=10)
    return outcomes.count(True), outcomes.count(False), a.balance + b.balance


def main() -> None:
    print("locks taken in opposite orders (source, then target):")
    for line in opposite_orders():
        print("  " + line)
    done, timeouts, money = global_order()
    print("locks taken in one global order (A before B):")
    print(
        f"  {done} transfers done, {timeouts} timeouts,"
        f" total money still {money}"
    )


if __name__ == "__main__":
    main()
