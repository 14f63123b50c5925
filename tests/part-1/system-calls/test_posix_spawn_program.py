"""What posix_spawn_program.py teaches: posix_spawn starts a new program as our
child in one call, and reports a failed exec to the caller."""

import os
import sys

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/system-calls/posix_spawn_program.py")
pytestmark = pytest.mark.posix


def test_it_returns_the_pid_of_a_new_child_process() -> None:
    run = snippet.spawn(snippet.PRINT_PIDS)
    child_pid, child_parent = (int(n) for n in run.output.split())
    assert run.pid == child_pid != os.getpid()
    assert child_parent == os.getpid()
    assert run.exit_code == 0


def test_file_actions_redirect_the_childs_stdout() -> None:
    run = snippet.spawn([sys.executable, "-c", "print('through the pipe')"])
    assert run.output == "through the pipe"


def test_the_child_is_reaped() -> None:
    run = snippet.spawn(snippet.PRINT_PIDS)
    with pytest.raises(ChildProcessError):
        os.waitpid(run.pid, os.WNOHANG)


@pytest.mark.skipif(
    sys.platform not in ("linux", "darwin"),
    reason="POSIX lets other systems report it as exit code 127",
)
def test_a_missing_program_fails_in_the_caller() -> None:
    with pytest.raises(FileNotFoundError):
        snippet.spawn(["/no/such/program"])
