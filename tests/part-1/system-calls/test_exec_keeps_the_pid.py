"""What exec_keeps_the_pid.py teaches: exec replaces the program in a process,
keeps its PID and open files, and returns only when it fails."""

import os
import sys

import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/system-calls/exec_keeps_the_pid.py")
pytestmark = pytest.mark.posix


def test_the_new_program_runs_under_the_pid_fork_returned() -> None:
    run = snippet.fork_and_exec(snippet.PRINT_MY_PID)
    assert run.output == str(run.pid_from_fork)
    assert run.pid_from_fork != os.getpid()
    assert run.exit_code == 0


def test_the_exit_code_is_the_new_programs_not_the_childs_fallback() -> None:
    # Had execv returned, the child would have exited with 127.
    run = snippet.fork_and_exec([sys.executable, "-c", "raise SystemExit(5)"])
    assert run.exit_code == 5


def test_the_new_program_inherits_the_open_pipe_on_stdout() -> None:
    run = snippet.fork_and_exec([sys.executable, "-c", "import sys; sys.stdout.write('via fd 1')"])
    assert run.output == "via fd 1"


def test_exec_returns_only_on_failure() -> None:
    run = snippet.fork_and_exec(["/no/such/program"])
    assert run.output == "FileNotFoundError"
    assert run.exit_code == 127


def test_the_child_is_reaped() -> None:
    run = snippet.fork_and_exec(snippet.PRINT_MY_PID)
    with pytest.raises(ChildProcessError):
        os.waitpid(run.pid_from_fork, os.WNOHANG)
