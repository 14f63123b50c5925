"""What sandbox_cpu_and_file_size.py teaches: a child that lowered its own
rlimits is stopped by the kernel: SIGXCPU for CPU time, EFBIG for file size."""

import errno
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from conftest import load_snippet

pytestmark = pytest.mark.posix

# Where the snippet cannot run (it declares `# requires: posix`), this skips the
# module before the import below: Windows has no resource module.
snippet = load_snippet("part-1/virtualization/sandbox_cpu_and_file_size.py")


def test_a_cpu_hog_is_killed_by_sigxcpu_at_the_soft_limit() -> None:
    outcome = snippet.run_limited("cpu")
    assert outcome.returncode == -signal.SIGXCPU
    # Stopped at the soft limit: before the hard limit's SIGKILL. rusage
    # under-reports a little on a busy VM, hence the wide lower bound.
    limit = snippet.CPU_SECONDS
    assert 0.5 * limit <= outcome.cpu_seconds < limit + 1


def test_a_file_stops_growing_at_the_size_limit(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    outcome = snippet.run_limited("fsize", str(path))
    assert outcome.returncode == 1
    assert outcome.last_error.startswith(f"OSError: [Errno {errno.EFBIG}]")
    assert path.stat().st_size == snippet.FILE_LIMIT


def test_without_the_limit_the_same_write_completes(tmp_path: Path) -> None:
    path = tmp_path / "big.bin"
    snippet.fill(str(path), 2 * snippet.FILE_LIMIT)
    assert path.stat().st_size == 2 * snippet.FILE_LIMIT


def test_spin_is_bounded_even_without_a_limit() -> None:
    # It returns, having burnt the CPU time it was asked for. (Process CPU time, user
    # and system, as spin() counts it: in a test worker, other threads add to it, so
    # user time alone can stand still while spin() ends.)
    before = time.process_time()
    snippet.spin(0.05)
    assert time.process_time() - before >= 0.05


def test_describe_names_the_signal_or_the_status() -> None:
    assert snippet.describe(-signal.SIGXCPU) == "killed by SIGXCPU"
    assert snippet.describe(1) == "exited with status 1"


def may_raise_hard_limits() -> bool:
    """Raising a hard limit needs CAP_SYS_RESOURCE (capability 24) on Linux,
    root elsewhere. Root in a container often lacks the capability."""
    if sys.platform.startswith("linux"):
        status = Path("/proc/self/status").read_text()
        found = re.search(r"^CapEff:\s*([0-9a-f]+)", status, re.MULTILINE)
        return bool(found and int(found[1], 16) >> 24 & 1)
    return os.geteuid() == 0


def test_a_lowered_hard_limit_cannot_be_raised_without_privilege() -> None:
    code = textwrap.dedent("""
        import resource
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
        try:
            resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 4096))
        except ValueError:
            print("refused")
        else:
            print("raised")
    """)
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=30
    )
    # Only a privileged process may raise it: sandboxes drop privilege first.
    expected = "raised" if may_raise_hard_limits() else "refused"
    assert result.stdout.strip() == expected, result.stderr
