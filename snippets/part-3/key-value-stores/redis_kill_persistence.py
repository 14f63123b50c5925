"""What a Redis killed with SIGKILL keeps, under four persistence settings.

The program starts its own redis-server in a temporary folder (a Unix
socket, no TCP port), writes 100 keys, kills the server without warning
(SIGKILL: no shutdown, no final save), starts it again on the same
folder and counts the keys. Redis's default snapshot rules only save
after enough writes and seconds have passed, so a crash soon after a
burst of writes loses all of them. The append-only file (AOF) keeps
them. A killed process is not a power cut: what Redis handed to the
kernel survives it even without fsync, which is why "everysec" keeps
everything here and can still lose about a second on power loss.
"""
# output: exact
# requires: posix, redis

import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import redis

KEYS = 100
# --8<-- [start:settings]
SETTINGS = {
    "no persistence": ["--save", "", "--appendonly", "no"],
    "default snapshots": ["--save", "3600 1 300 100 60 10000"],
    "AOF, fsync every second": [
        "--appendonly",
        "yes",
        "--appendfsync",
        "everysec",
    ],
    "AOF, fsync always": ["--appendonly", "yes", "--appendfsync", "always"],
}
# --8<-- [end:settings]


def start(
    binary: str, folder: Path, args: list[str]
) -> subprocess.Popen[bytes]:
    sock = folder / "redis.sock"
    proc = subprocess.Popen(
        [
            binary,
            "--port",
            "0",
            "--unixsocket",
            str(sock),
            "--dir",
            str(folder),
            "--logfile",
            str(folder / "log"),
            *args,
        ],
        stdin=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 10
    while True:  # ready when it answers PING
        try:
            with redis.Redis(
                unix_socket_path=str(sock), socket_timeout=1
            ) as r:
                if r.ping():
                    return proc
        except (redis.ConnectionError, redis.TimeoutError):
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            proc.wait(10)
            raise RuntimeError((folder / "log").read_text())
        time.sleep(0.01)


# --8<-- [start:crash]
def keys_after_kill(binary: str, args: list[str]) -> int:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        sock = str(folder / "redis.sock")
        server = start(binary, folder, args)
        try:
            with redis.Redis(unix_socket_path=sock, socket_timeout=5) as r:
                for i in range(KEYS):
                    r.set(f"key:{i}", i)  # each SET was acknowledged
        finally:
            server.kill()  # SIGKILL: no shutdown, no final save
            server.wait(10)
        server = start(binary, folder, args)  # same folder, same settings
        try:
            with redis.Redis(unix_socket_path=sock, socket_timeout=5) as r:
                return int(r.dbsize())
        finally:
            server.kill()
            server.wait(10)


# --8<-- [end:crash]


def main() -> None:
    binary = shutil.which("redis-server")
    if binary is None:
        raise SystemExit("redis-server is not installed")
    for name, args in SETTINGS.items():
        kept = keys_after_kill(binary, args)
        print(f"{name}: {kept} of {KEYS} keys after kill -9")


if __name__ == "__main__":
    main()
