"""Inheritance couples a subclass to its parent's internals; composition
does not.

We want an inventory that counts how many items were ever added. The
subclass overrides both ways of adding. But the parent's add_all()
happens to call self.add() for each item, an internal detail nobody
promised, so the subclass counts every item twice. The wrapper holds an
inventory and forwards to it: the parent's internals cannot call back
into the wrapper, so it counts right, and it works around any inventory.
(The example is Joshua Bloch's, from "Effective Java", item 18.)
"""
# output: exact


# --8<-- [start:idea]
class Inventory:
    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, item: str) -> None:
        self.items.append(item)

    def add_all(self, items: list[str]) -> None:
        for item in items:
            self.add(item)  # self may be a subclass: it calls ITS add()


class CountingInventory(Inventory):
    """Inheritance: IS an inventory, shares its internals."""

    def __init__(self) -> None:
        super().__init__()
        self.added = 0

    def add(self, item: str) -> None:
        self.added += 1
        super().add(item)

    def add_all(self, items: list[str]) -> None:
        self.added += len(items)
        super().add_all(items)  # ...which calls self.add() again


class CountedInventory:
    """Composition: HAS an inventory, and only uses its public methods."""

    def __init__(self, inner: Inventory) -> None:
        self.inner = inner
        self.added = 0

    def add(self, item: str) -> None:
        self.added += 1
        self.inner.add(item)

    def add_all(self, items: list[str]) -> None:
        self.added += len(items)
        self.inner.add_all(items)  # inner.add() is Inventory's own

    # --8<-- [end:idea]

    @property
    def items(self) -> list[str]:
        return self.inner.items


def main() -> None:
    stock = ["bolt", "nut", "washer"]
    subclass = CountingInventory()
    subclass.add_all(stock)
    print(
        f"inheritance: holds {len(subclass.items)} items,"
        f" counted {subclass.added}"
    )
    wrapper = CountedInventory(Inventory())
    wrapper.add_all(stock)
    print(
        f"composition: holds {len(wrapper.items)} items,"
        f" counted {wrapper.added}"
    )


if __name__ == "__main__":
    main()
