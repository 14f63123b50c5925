"""Threads share one address space; processes each get their own.

A thread that changes a global changes it for the whole process. A child
process changes only its own copy: the parent never sees it, whichever
start method made the child (fork copies the memory; spawn and forkserver
children import this file afresh). Processes share memory only when it is
set up on purpose, as with multiprocessing.Value.
"""
# output: exact

import multiprocessing
import threading
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from multiprocessing.sharedctypes import Synchronized

TIMEOUT = 30.0  # generous: spawn starts a whole new interpreter

# --8<-- [start:idea]
# A module global: it lives in the memory of the process that imported it.
STATE = {"value": "set by main"}


def change(who: str) -> str:
    STATE["value"] = f"changed by {who}"
    return STATE["value"]


def in_thread() -> str:
    """Change STATE from a thread; return what the main thread then sees."""
    worker = threading.Thread(target=change, args=("a thread",))
    worker.start()
    worker.join(timeout=TIMEOUT)
    return STATE["value"]


def in_process(method: str | None = None) -> tuple[str, str]:
    """Change STATE from a child; return (child's view, parent's view)."""
    context = multiprocessing.get_context(method)
    results = context.Queue()
    child = context.Process(  # type: ignore[attr-defined]
        target=change_and_report, args=(results,)
    )
    child.start()
    try:
        seen_by_child = results.get(timeout=TIMEOUT)
    finally:
        finish(child)
    return seen_by_child, STATE["value"]


def in_shared_memory(method: str | None = None) -> int:
    """A child writes a multiprocessing.Value; return what the parent reads."""
    context = multiprocessing.get_context(method)
    number = context.Value("i", 0)  # one int, mapped into both processes
    child = context.Process(  # type: ignore[attr-defined]
        target=store_in_shared, args=(number,)
    )
    child.start()
    finish(child)
    return int(number.value)
    # --8<-- [end:idea]


# What the children run: top-level functions, so every start method can
# find them by name.


def change_and_report(results: "Queue[str]") -> None:
    results.put(change("the child process"))


def store_in_shared(number: "Synchronized[int]") -> None:
    number.value = 42


def main() -> None:
    print(f"thread: main thread now sees {in_thread()!r}")

    STATE["value"] = "set by main"  # undo the thread's change
    seen_by_child, seen_by_parent = in_process()
    print(f"process: the child sees {seen_by_child!r},")
    print(f"         the parent still sees {seen_by_parent!r}")

    print(f"multiprocessing.Value: the parent reads {in_shared_memory()}")


# Plumbing: wait for a child with a deadline.


def finish(child: BaseProcess) -> None:
    child.join(timeout=TIMEOUT)
    if child.is_alive():  # never leave a child behind
        child.terminate()
        child.join(timeout=TIMEOUT)


if __name__ == "__main__":
    main()
