"""What a context switch costs, measured with a pipe ping-pong.

Two processes bounce a small message back and forth over two pipes.
Each waits for the other's answer, so every hop means: write, wake the
other process, switch to it, read. On Linux both are pinned to the same
CPU, so no hop can happen without a real context switch on that CPU.
The baseline makes the same writes and reads in one process, where
nobody waits and nothing switches: the difference is roughly the direct
cost of one switch.
"""
# output: normalise timings, ratios, machine

from __future__ import annotations

import multiprocessing
import os
import platform
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

ROUND_TRIPS = 1000  # per batch; a round trip is two hops
BATCHES = 5  # keep the fastest batch: load elsewhere only adds time
DEADLINE = 1.5  # seconds; a very busy machine gets fewer batches
STOP = b"stop"


@dataclass(frozen=True)
class Result:
    same_process: float  # seconds per hop with no switch
    two_processes: float  # seconds per hop with a switch
    pinned_cpu: int | None  # the CPU both ran on, if pinning was possible


def pin_to(cpu: int | None) -> None:
    """Restrict the calling process to one CPU, where the OS allows it."""
    if cpu is not None and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {cpu})


# --8<-- [start:echo]
def echo(inbox: Connection, outbox: Connection, cpu: int | None) -> None:
    """The child: send every message straight back, until STOP."""
    pin_to(cpu)
    # A blocking recv cannot hang us: if the parent dies, its end of the
    # pipe closes and recv raises EOFError.
    while (message := inbox.recv_bytes()) != STOP:
        outbox.send_bytes(message)
    inbox.close()
    outbox.close()


def per_hop(round_trip: Callable[[], None]) -> float:
    """Seconds per hop (half a round trip), timed over one batch."""
    start = time.perf_counter()
    for _ in range(ROUND_TRIPS):
        round_trip()
    return (time.perf_counter() - start) / ROUND_TRIPS / 2


# --8<-- [end:echo]


def measure(method: str | None = None) -> Result:
    """Time hops with and without a switch, in alternating batches."""
    cpu = None
    if hasattr(os, "sched_getaffinity"):
        original = os.sched_getaffinity(0)
        cpu = min(original)
    ctx = multiprocessing.get_context(method)
    # One-way pipes (a duplex Pipe would be a socket on POSIX).
    child_in, to_child = ctx.Pipe(duplex=False)
    from_child, child_out = ctx.Pipe(duplex=False)
    there_in, there = ctx.Pipe(duplex=False)  # for the baseline
    back_in, back = ctx.Pipe(duplex=False)
    pipes = (
        child_in,
        to_child,
        from_child,
        child_out,
        there_in,
        there,
        back_in,
        back,
    )
    child = ctx.Process(  # type: ignore[attr-defined]
        target=echo, args=(child_in, child_out, cpu)
    )

    # --8<-- [start:hops]
    def ping_pong() -> None:
        to_child.send_bytes(b"x")
        from_child.recv_bytes()  # the child runs in between

    def in_one_process() -> None:
        # The same two writes and two reads, but nobody has to wait.
        there.send_bytes(b"x")
        back.send_bytes(there_in.recv_bytes())
        back_in.recv_bytes()

    # --8<-- [end:hops]

    try:
        # Start the child first: under spawn and forkserver, the helper
        # processes multiprocessing starts now must not share our CPU.
        child.start()
        pin_to(cpu)  # the parent too, for the time of the measurement
        # Drop our copies of the child's ends: if it dies, we get EOFError.
        child_in.close()
        child_out.close()
        to_child.send_bytes(b"hello")  # wait until it runs, with a timeout
        if not from_child.poll(30):
            raise TimeoutError("the child did not answer")
        from_child.recv_bytes()
        # --8<-- [start:batches]
        # Alternate, so that load elsewhere hits both kinds of batch alike.
        switching = staying = float("inf")
        deadline = time.perf_counter() + DEADLINE
        for _ in range(BATCHES):
            switching = min(switching, per_hop(ping_pong))
            staying = min(staying, per_hop(in_one_process))
            if time.perf_counter() > deadline:
                break
        return Result(staying, switching, cpu)
        # --8<-- [end:batches]
    finally:
        if cpu is not None:
            os.sched_setaffinity(0, original)
        if child.is_alive():
            to_child.send_bytes(STOP)
            child.join(timeout=10)
        if child.is_alive():
            child.kill()
            child.join(timeout=10)
        for conn in pipes:
            conn.close()


def main() -> None:
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.python_implementation()}"
        f" {platform.python_version()}, {platform.system()}"
        f" {platform.machine()}"
    )
    result = measure()
    us = 1e6
    print(
        f"one hop in one process, no switch:  "
        f"{result.same_process * us:.1f} us"
    )
    print(
        f"one hop between two processes:      "
        f"{result.two_processes * us:.1f} us"
    )
    ratio = result.two_processes / result.same_process
    print(f"a hop with a switch costs {ratio:.1f}x a hop without")


if __name__ == "__main__":
    main()
