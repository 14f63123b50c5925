"""A pytest plugin that makes this interpreter look like Windows to the snippet suite.

Loaded with `-p simulate_windows` by tests/test_platforms.py: POSIX-only modules
cannot be imported, POSIX-only functions and signals are gone, and snippets that
declare `# requires: posix` or `# requires: linux` count as unsupported. Collecting
the suite this way shows, on Linux, what collecting it on Windows would break.
"""

from __future__ import annotations

import os
import signal
import sys

import snippet_harness

for name in ("resource", "fcntl", "termios", "pwd", "grp"):
    sys.modules[name] = None  # type: ignore[assignment]  # `import name` now fails
POSIX_ONLY = "fork forkpty getsid setsid killpg getpgid sched_getaffinity sched_setaffinity"
for attr in (POSIX_ONLY + " posix_spawn posix_spawnp WNOHANG unshare").split():
    if hasattr(os, attr):
        delattr(os, attr)
for attr in ("SIGKILL", "SIGXCPU", "SIGXFSZ", "SIGALRM", "SIGCHLD", "SIGHUP", "SIGQUIT"):
    if hasattr(signal, attr):
        delattr(signal, attr)


def _unsupported_on_windows(self: snippet_harness.Snippet) -> str | None:
    return f"{self.rel} needs {self.requires}" if self.requires else None


snippet_harness.Snippet.unsupported_here = _unsupported_on_windows  # type: ignore[method-assign]
