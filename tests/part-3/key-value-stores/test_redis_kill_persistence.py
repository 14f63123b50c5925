"""What redis_kill_persistence.py teaches: after SIGKILL, Redis without
persistence and with its default snapshot rules has lost every recent write; with
the append-only file (everysec or always) every acknowledged write is back."""

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from conftest import load_snippet

snippet = load_snippet("part-3/key-value-stores/redis_kill_persistence.py")

# After load_snippet, which skips this module where Redis is not available.
import redis  # noqa: E402


@pytest.fixture
def binary(redis_server: object) -> str:
    """redis_server applies the skip/fail rules for a missing Redis."""
    found = shutil.which("redis-server")
    assert found is not None
    return found


@pytest.mark.parametrize(
    ("setting", "kept"),
    [
        ("no persistence", 0),
        ("default snapshots", 0),
        ("AOF, fsync every second", snippet.KEYS),
        ("AOF, fsync always", snippet.KEYS),
    ],
)
def test_what_survives_a_kill(binary: str, setting: str, kept: int) -> None:
    assert snippet.keys_after_kill(binary, snippet.SETTINGS[setting]) == kept


def test_the_default_rules_are_redis_own_defaults(binary: str) -> None:
    """The snippet's "default snapshots" are what redis-server uses with no config."""
    folder = Path(tempfile.mkdtemp(prefix="rd-"))  # short: a socket path's limit
    sock = folder / "s.sock"
    proc = subprocess.Popen(
        [binary, "--port", "0", "--unixsocket", str(sock), "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
    )
    try:
        deadline = time.monotonic() + 10
        while not sock.exists() and time.monotonic() < deadline:
            time.sleep(0.01)
        with redis.Redis(unix_socket_path=str(sock), socket_timeout=5) as r:
            for _ in range(100):
                try:
                    default = r.config_get("save")["save"]
                    break
                except redis.ConnectionError:
                    time.sleep(0.02)
    finally:
        proc.kill()
        proc.wait(10)
        shutil.rmtree(folder, ignore_errors=True)
    assert snippet.SETTINGS["default snapshots"] == ["--save", default]
