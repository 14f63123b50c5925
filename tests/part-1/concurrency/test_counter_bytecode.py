"""What counter_bytecode.py teaches: `counter += 1` is a separate read, add and
write, with the loop's jump back (a thread-switch point) after the write."""

import sys

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/concurrency/counter_bytecode.py")


def opnames() -> list[str]:
    return [ins.opname for ins in snippet.line_instructions()]


def test_read_add_and_write_are_separate_instructions() -> None:
    names = opnames()
    read, add, write = (names.index(n) for n in ("LOAD_GLOBAL", "BINARY_OP", "STORE_GLOBAL"))
    assert read < add < write


def test_the_switch_point_comes_after_the_write() -> None:
    names = opnames()
    assert names[-1].startswith("JUMP_BACKWARD")
    assert names.index("STORE_GLOBAL") < len(names) - 1


@pytest.mark.skipif(
    not (3, 11) <= sys.version_info[:2] <= (3, 13),
    reason="the captured output is for CPython 3.11-3.13",
)
def test_the_listing_is_the_one_on_the_page() -> None:
    assert opnames() == ["LOAD_GLOBAL", "LOAD_CONST", "BINARY_OP", "STORE_GLOBAL", "JUMP_BACKWARD"]
    assert all(name in snippet.MEANING for name in opnames())


def test_the_function_really_adds() -> None:
    snippet.counter = 0
    snippet.add_many(10)
    assert snippet.counter == 10
