"""Concurrency without parallelism: five waits overlap on ONE thread.

Each coroutine starts a wait, then hands control back to the event loop at
`await`, so the loop can start the next one. Nothing runs at the same
instant: a single thread takes turns. Yet the five waits overlap, and the
whole batch takes about as long as one wait. The times are medians of three
back-to-back pairs after a warm-up.
"""
# output: normalise timings, ratios, machine

import asyncio
import os
import platform
import statistics
import threading
import time

COROUTINES = 5
WAIT_SECONDS = 0.02
REPEATS = 3


# --8<-- [start:idea]
async def fake_request(events: list[str], name: str, seconds: float) -> int:
    events.append(f"start {name}")
    # The await suspends this coroutine; the event loop runs another one.
    await asyncio.sleep(seconds)  # stands in for a network round trip
    events.append(f"end {name}")
    return threading.get_ident()  # which thread ran this coroutine?


async def overlapped(
    count: int, seconds: float
) -> tuple[float, list[int], list[str]]:
    events: list[str] = []
    start = time.perf_counter()
    # gather() schedules all of them at once: their waits overlap.
    idents = await asyncio.gather(
        *(fake_request(events, f"r{i}", seconds) for i in range(count))
    )
    return time.perf_counter() - start, list(idents), events


async def one_after_another(count: int, seconds: float) -> float:
    events: list[str] = []
    start = time.perf_counter()
    for i in range(count):
        # Awaiting each before starting the next: no overlap at all.
        await fake_request(events, f"r{i}", seconds)
    return time.perf_counter() - start


# --8<-- [end:idea]


def paired() -> tuple[float, float, float]:
    """Median seconds one after another, overlapped, and median speedup."""

    def pair() -> tuple[float, float]:
        serial = asyncio.run(one_after_another(COROUTINES, WAIT_SECONDS))
        together, _, _ = asyncio.run(overlapped(COROUTINES, WAIT_SECONDS))
        return serial, together

    pair()  # warm-up
    pairs = [pair() for _ in range(REPEATS)]
    return (
        statistics.median(one for one, _ in pairs),
        statistics.median(many for _, many in pairs),
        statistics.median(one / many for one, many in pairs),
    )


def main() -> None:
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.system()}"
        f" {platform.machine()}"
    )
    _, idents, events = asyncio.run(overlapped(COROUTINES, WAIT_SECONDS))
    serial, together, speedup = paired()
    first_end = next(i for i, e in enumerate(events) if e.startswith("end"))
    print(f"{COROUTINES} coroutines, each waiting {WAIT_SECONDS:.2f} s")
    print(
        f"threads they ran on: {len(set(idents))}"
        f" (the main thread: {set(idents) == {threading.get_ident()}})"
    )
    print(f"started before the first one finished: {first_end}")
    print(f"medians of {REPEATS} pairs after a warm-up:")
    print(f"one after another: {serial:.3f} s")
    print(f"overlapped:        {together:.3f} s, speedup {speedup:.1f}x")


if __name__ == "__main__":
    main()
