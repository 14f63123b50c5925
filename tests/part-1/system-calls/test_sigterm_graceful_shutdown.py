"""What sigterm_graceful_shutdown.py teaches: SIGTERM's default action kills a
worker in the middle of its work; a handler that only sets a flag lets it finish
the unit in hand and exit 0. Both runs are forced to the same point."""

import os
import signal

import psutil
import pytest

from conftest import load_snippet

snippet = load_snippet("part-1/system-calls/sigterm_graceful_shutdown.py")
pytestmark = pytest.mark.posix

BEFORE_SIGTERM = [
    "unit 1 started",
    "unit 1 done",
    "unit 2 started",
    "(the parent sends SIGTERM)",
]


def test_with_the_handler_the_unit_in_hand_finishes_and_the_exit_is_clean() -> None:
    lines, code = snippet.stop_in_mid_unit(graceful=True)
    assert lines == [
        *BEFORE_SIGTERM,
        "unit 2 done",
        "SIGTERM noted: stopping cleanly after unit 2",
    ]
    assert code == 0


def test_control_without_the_handler_the_worker_dies_in_mid_unit() -> None:
    lines, code = snippet.stop_in_mid_unit(graceful=False)
    assert lines == BEFORE_SIGTERM  # unit 2 never finished
    assert code == -signal.SIGTERM


def test_no_worker_is_left_running() -> None:
    # Only what this test started: other tests in this process (a worker's
    # multiprocessing helpers, say) may have children of their own.
    before = {child.pid for child in psutil.Process().children(recursive=True)}
    for graceful in (True, False):
        snippet.stop_in_mid_unit(graceful)
    after = {child.pid for child in psutil.Process().children(recursive=True)}
    assert not after - before


def test_read_line_gives_up_at_its_deadline() -> None:
    read_end, write_end = os.pipe()
    try:
        with os.fdopen(read_end, "rb", buffering=0) as pipe, pytest.raises(TimeoutError):
            snippet.read_line(pipe, timeout=0.05)
    finally:
        os.close(write_end)
