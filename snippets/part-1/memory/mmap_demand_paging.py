"""Demand paging: a big anonymous mmap costs address space, not RAM.

Mapping 256 MiB only reserves virtual addresses: VmSize jumps, VmRSS (the
part of the process really held in RAM) does not move. Each page gets a
physical frame on first touch, through a minor page fault the kernel
handles. Reading an untouched page maps one shared page of zeros, so even
that adds no RAM; only writing does. Unmapping gives everything back.
"""
# output: exact
# requires: linux

from __future__ import annotations

import mmap
import resource
from dataclasses import dataclass

MIB = 1 << 20
PAGE = mmap.PAGESIZE  # 4096 on x86-64 and most arm64 Linux systems
MAP_MIB = 256
TOUCH_MIB = 64  # written, then the next 64 MiB read; the rest never used


# --8<-- [start:idea]
def demand_paging(
    map_mib: int = MAP_MIB, touch_mib: int = TOUCH_MIB
) -> list[Step]:
    pages = touch_mib * MIB // PAGE
    steps = []

    before = snapshot()
    # MAP_PRIVATE | MAP_ANONYMOUS is what malloc uses for big blocks.
    # (Python's default for fileno -1 is MAP_SHARED: shared memory.)
    area = mmap.mmap(
        -1, map_mib * MIB, flags=mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS
    )
    no_huge_pages(area)  # so that one fault means one page
    steps.append(measure(f"map {map_mib} MiB", map_mib * MIB // PAGE, before))

    before = snapshot()
    for offset in range(0, touch_mib * MIB, PAGE):
        area[offset] = 1  # one byte per page is enough to fault it in
    steps.append(
        measure(f"write 1 byte/page of {touch_mib} MiB", pages, before)
    )

    before = snapshot()
    zeros = 0
    for offset in range(touch_mib * MIB, 2 * touch_mib * MIB, PAGE):
        zeros += area[offset]  # fresh anonymous memory always reads as 0
    assert zeros == 0
    steps.append(
        measure(f"read 1 byte/page of {touch_mib} MiB", pages, before)
    )

    before = snapshot()
    area.close()  # munmap: the frames go straight back to the kernel
    steps.append(
        measure(f"unmap {map_mib} MiB", map_mib * MIB // PAGE, before)
    )
    return steps
    # --8<-- [end:idea]


def main() -> None:
    print(f"page size: {PAGE} bytes")
    print(f"{'step':<30}{'VmSize':>10}{'VmRSS':>10}{'faults/page':>13}")
    for step in demand_paging():
        # Rounded: Python's own allocations move these by a few kB.
        size = round(step.vm_size / MIB)
        rss = round(step.vm_rss / MIB)
        per_page = step.minor_faults / step.pages
        print(f"{step.what:<30}{size:>+6} MiB{rss:>+6} MiB{per_page:>13.1f}")


# Plumbing: reading /proc/self/status and the fault counter.


@dataclass(frozen=True)
class Step:
    what: str
    pages: int  # pages this step touched (or mapped/unmapped)
    vm_size: int  # change in bytes of address space (VmSize)
    vm_rss: int  # change in bytes resident in RAM (VmRSS)
    minor_faults: int  # page faults served without any disk I/O


def memory_status() -> dict[str, int]:
    """VmSize and VmRSS of this process, in bytes, from /proc/self/status."""
    sizes = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, value = line.partition(":")
            if key in ("VmSize", "VmRSS"):
                sizes[key] = int(value.split()[0]) * 1024  # reported in kB
    return sizes


def minor_faults() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_minflt


def measure(what: str, pages: int, before: tuple[dict[str, int], int]) -> Step:
    status, faults = before
    now = memory_status()
    return Step(
        what,
        pages,
        now["VmSize"] - status["VmSize"],
        now["VmRSS"] - status["VmRSS"],
        minor_faults() - faults,
    )


def snapshot() -> tuple[dict[str, int], int]:
    return memory_status(), minor_faults()


def no_huge_pages(area: mmap.mmap) -> None:
    """Transparent huge pages would back 2 MiB per fault: ask for 4 KiB."""
    try:
        area.madvise(mmap.MADV_NOHUGEPAGE)
    except (AttributeError, OSError):
        pass  # kernel built without huge pages: nothing to turn off


if __name__ == "__main__":
    main()
