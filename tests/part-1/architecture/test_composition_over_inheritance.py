"""What composition_over_inheritance.py teaches: a subclass depends on how its
parent is implemented; a wrapper depends only on what the parent promises."""

from collections.abc import Iterator

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/architecture/composition_over_inheritance.py")

STOCK = ["bolt", "nut", "washer"]


def test_single_adds_are_counted_right_both_ways() -> None:
    subclass = snippet.CountingInventory()
    wrapper = snippet.CountedInventory(snippet.Inventory())
    for inventory in (subclass, wrapper):
        inventory.add("bolt")
        inventory.add("nut")
        assert inventory.added == 2 and inventory.items == ["bolt", "nut"]


def test_subclass_double_counts_through_the_parents_internals() -> None:
    subclass = snippet.CountingInventory()
    subclass.add_all(STOCK)
    assert subclass.items == STOCK
    assert subclass.added == 2 * len(STOCK)  # counted once in add_all, once in add


def test_wrapper_counts_each_item_once() -> None:
    wrapper = snippet.CountedInventory(snippet.Inventory())
    wrapper.add_all(STOCK)
    assert wrapper.items == STOCK
    assert wrapper.added == len(STOCK)


@pytest.fixture
def add_all_without_add(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """The parent's author 'optimises' add_all; its public behaviour is unchanged."""

    def add_all(self: object, items: list[str]) -> None:
        self.items.extend(items)  # type: ignore[attr-defined]

    monkeypatch.setattr(snippet.Inventory, "add_all", add_all)
    yield


def test_a_harmless_change_in_the_parent_changes_the_subclass(add_all_without_add: None) -> None:
    subclass = snippet.CountingInventory()
    subclass.add_all(STOCK)
    assert subclass.added == len(STOCK)  # the count depended on the parent's code
    wrapper = snippet.CountedInventory(snippet.Inventory())
    wrapper.add_all(STOCK)
    assert wrapper.added == len(STOCK)  # the wrapper did not notice


def test_wrapper_can_wrap_an_existing_inventory_and_share_it() -> None:
    shared = snippet.Inventory()
    shared.add("gear")
    wrapper = snippet.CountedInventory(shared)
    wrapper.add_all(STOCK)
    assert shared.items == ["gear", *STOCK] and wrapper.items is shared.items
    assert wrapper.added == len(STOCK)  # counts only what passed through it


def test_main_output(capsys: pytest.CaptureFixture[str]) -> None:
    snippet.main()
    assert capsys.readouterr().out.splitlines() == [
        "inheritance: holds 3 items, counted 6",
        "composition: holds 3 items, counted 3",
    ]
