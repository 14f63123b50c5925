"""Why every multiprocessing script needs `if __name__ == "__main__":`.

Under the spawn start method (the default on macOS and Windows) each
child is a fresh interpreter; under forkserver (the default on Linux from
Python 3.14) it is a fork of a clean server process. Either way the child
imports your script to find the function to run, so top-level code runs
again in the child; if it starts a process, the child refuses and dies.
This file writes two tiny scripts, with and without the guard, and runs
both.
"""
# output: exact

import subprocess
import sys
import tempfile
from pathlib import Path

# --8<-- [start:scripts]
WORKER = """
import multiprocessing

def work():
    print("child: hello")
"""

UNGUARDED = (
    WORKER
    + """
child = multiprocessing.get_context("spawn").Process(target=work)
child.start()
child.join(timeout=10)
print("parent: child exit code", child.exitcode)
"""
)

GUARDED = (
    WORKER
    + """
if __name__ == "__main__":
    child = multiprocessing.get_context("spawn").Process(target=work)
    child.start()
    child.join(timeout=10)
    print("parent: child exit code", child.exitcode)
"""
)
# --8<-- [end:scripts]


def run_script(source: str) -> subprocess.CompletedProcess[str]:
    # A real file: spawn re-imports the parent's main module from its path.
    with tempfile.TemporaryDirectory() as folder:
        script = Path(folder) / "script.py"
        script.write_text(source)
        return subprocess.run(
            [sys.executable, str(script)],
            capture_output=True,
            text=True,
            timeout=30,
        )


def main() -> None:
    scripts = {"without the guard": UNGUARDED, "with the guard": GUARDED}
    for name, source in scripts.items():
        result = run_script(source)
        print(f"{name}:")
        for line in result.stdout.splitlines():
            print("   ", line)
        if "RuntimeError:" in result.stderr:
            # The message's first paragraph, folded onto one line.
            message = result.stderr.rsplit("RuntimeError:", 1)[1]
            first_paragraph = message.strip().split("\n\n")[0]
            folded = " ".join(first_paragraph.split())
            print("    child died with RuntimeError:", folded)


if __name__ == "__main__":
    main()
