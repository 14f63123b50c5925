"""A memory cap from an rlimit: past it, allocation fails in the child.

The child is this same file, run with an argument. It caps its own
address space (RLIMIT_AS) before doing anything else, then asks for a
small block, which fits, and a large one, which does not: the kernel
refuses the mapping and Python raises MemoryError.

Linux only: macOS does not enforce RLIMIT_AS (recent versions reject
setting it at all), and Windows has no resource module.
"""
# output: exact
# requires: linux

import subprocess
import sys
from dataclasses import dataclass

try:
    import resource
except ModuleNotFoundError:  # Windows: no rlimits (it has Job Objects)
    sys.exit("This needs Linux: Windows has no resource module.")

MiB = 1024 * 1024
ADDRESS_SPACE = 256 * MiB  # all mappings: code, libraries, heap, stacks
SMALL = 64 * MiB
LARGE = 512 * MiB


# --8<-- [start:idea]
def child() -> None:
    """Runs in the child: the cap first, then the allocations."""
    # soft == hard: the child can neither lift the cap nor raise it.
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    for size in (SMALL, LARGE):
        # The mapping counts against RLIMIT_AS whether it is touched or not.
        block = bytearray(size)
        print(f"allocated {len(block) // MiB} MiB", flush=True)
        del block


@dataclass
class Outcome:
    returncode: int
    printed: list[str]  # what the child wrote to stdout
    last_error: str  # the last line it wrote to stderr


def run_limited() -> Outcome:
    result = subprocess.run(
        [sys.executable, __file__, "child"],
        capture_output=True,
        text=True,
        timeout=30,
    )
    errors = result.stderr.strip().splitlines()
    return Outcome(
        result.returncode,
        result.stdout.splitlines(),
        errors[-1] if errors else "",
    )
    # --8<-- [end:idea]


def main() -> None:
    if sys.argv[1:] == ["child"]:  # this same file, run as the child
        child()
        return
    print(
        f"RLIMIT_AS {ADDRESS_SPACE // MiB} MiB; the child allocates "
        f"{SMALL // MiB} MiB, then {LARGE // MiB} MiB"
    )
    outcome = run_limited()
    for line in outcome.printed:
        print(f"  child: {line}")
    print(
        f"  child exited with status {outcome.returncode}: "
        f"{outcome.last_error}"
    )


if __name__ == "__main__":
    main()
