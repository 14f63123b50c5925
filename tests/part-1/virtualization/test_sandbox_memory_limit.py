"""What sandbox_memory_limit.py teaches: under RLIMIT_AS a small allocation
fits and a large one fails with MemoryError, inside the child only."""

import pytest

from conftest import load_snippet

pytestmark = pytest.mark.linux

snippet = load_snippet("part-1/virtualization/sandbox_memory_limit.py")


def test_the_cap_lies_between_the_two_allocations() -> None:
    assert snippet.SMALL < snippet.ADDRESS_SPACE < snippet.LARGE


def test_small_fits_and_large_fails_with_memory_error() -> None:
    outcome = snippet.run_limited()
    assert outcome.printed == [f"allocated {snippet.SMALL // snippet.MiB} MiB"]
    assert outcome.returncode == 1
    assert outcome.last_error == "MemoryError"
