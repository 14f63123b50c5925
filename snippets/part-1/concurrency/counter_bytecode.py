"""`counter += 1` is one line of Python but several bytecode instructions.

The interpreter executes bytecode, not lines. The read of the counter,
the addition and the write back are separate instructions, so another
thread may run between them (on a free-threaded build, at the very same
moment). That gap is where updates are lost. CPython 3.10 and later only
switch threads at a few places, such as the loop's jump back, so this
loop never switches inside the gap; the gap is still there.
Instruction names change between CPython versions; the three steps don't.
"""
# output: property

import dis

# --8<-- [start:loop]
counter = 0


def add_many(n: int) -> None:
    global counter
    for _ in range(n):
        counter += 1


# --8<-- [end:loop]


# What each step does, in words.
MEANING = {
    "LOAD_GLOBAL": "read the shared value onto this thread's stack",
    "LOAD_CONST": "push the constant 1",
    "LOAD_SMALL_INT": "push the constant 1",
    "BINARY_OP": "add them on the stack; the shared value is unchanged",
    "STORE_GLOBAL": "write the sum back, over whatever is there now",
    "JUMP_BACKWARD": "to the loop's top: 3.10+ may switch threads here",
}


# --8<-- [start:listing]
def line_instructions() -> list[dis.Instruction]:
    """The instructions that the `counter += 1` line compiles to."""
    line = add_many.__code__.co_firstlineno + 3
    return [
        ins
        for ins in dis.get_instructions(add_many)
        if ins.positions and ins.positions.lineno == line
    ]


def main() -> None:
    steps = line_instructions()
    print(f"counter += 1, inside a for loop: {len(steps)} instructions")
    for ins in steps:
        # A jump's target offset differs between versions: leave it out.
        arg = "" if ins.opname.startswith("JUMP") else ins.argrepr
        print(f"  {ins.opname:<13} {arg:<8} {MEANING.get(ins.opname, '')}")


# --8<-- [end:listing]


if __name__ == "__main__":
    main()
