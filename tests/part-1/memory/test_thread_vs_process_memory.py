"""What thread_vs_process_memory.py teaches: a thread's write is seen by the
main thread; a child process's write is not (under every start method); memory
shared on purpose (multiprocessing.Value) is."""

import multiprocessing

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/memory/thread_vs_process_memory.py")
METHODS = multiprocessing.get_all_start_methods()


@pytest.fixture(autouse=True)
def reset_state() -> None:
    snippet.STATE["value"] = "set by main"


def test_a_thread_write_is_seen_by_the_main_thread() -> None:
    assert snippet.in_thread() == "changed by a thread"
    assert snippet.STATE["value"] == "changed by a thread"


@pytest.mark.parametrize("method", METHODS)
def test_a_child_process_write_stays_in_the_child(method: str) -> None:
    seen_by_child, seen_by_parent = snippet.in_process(method)
    assert seen_by_child == "changed by the child process"
    assert seen_by_parent == "set by main"
    assert snippet.STATE["value"] == "set by main"


@pytest.mark.parametrize("method", METHODS)
def test_shared_memory_set_up_on_purpose_is_shared(method: str) -> None:
    assert snippet.in_shared_memory(method) == 42
