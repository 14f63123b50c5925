"""Throwaway servers for lessons that need a real one (PostgreSQL, Redis, etcd).

Each server lives in a fresh temporary folder: its data, its Unix socket and its log.
No TCP port is opened (PostgreSQL `listen_addresses=''`, Redis `--port 0`), so nothing
collides with a contributor's own server, another test worker or another checkout.
Start-up waits for readiness with a timeout; a server that is not ready in time (or
exits) raises ServerNotReady with the server's own log. Stopping is in `finally`: the
process group is stopped (then killed if it lingers), the folder removed.

    with postgres_server() as pg:      # pg.env(): PGHOST, PGPORT, PGUSER, PGDATABASE
        with pg.database() as env:     # a fresh, empty database, dropped afterwards
            ...
    with redis_server() as rd:         # rd.url: unix:///.../redis.sock?db=0
        ...
    with etcd_cluster(n=3) as etcd:    # etcd.env(): ETCD_ENDPOINTS (its client URLs)
        ...

etcd has no Unix-socket-only mode and does not take port 0: each member listens on
127.0.0.1, on ports picked at run time (bound to port 0 first, then handed over; a
rare collision with another process is retried with fresh ports).

Whether a missing server skips or fails is `availability()` (CI=true: fail; otherwise
skip with the install command; HANDBOOK_SERVERS=skip: always skip). Only the standard
library is needed to start and stop; `PostgresServer.database()` needs psycopg.

PostgreSQL refuses to run as root (initdb: "cannot be run as root"), and CI runs as
root: then initdb and postgres run as the `postgres` user (Debian's package creates it;
`nobody` otherwise), and the folder is handed to that user. A contributor who is not
root runs them as themselves.
"""

from __future__ import annotations

import contextlib
import functools
import itertools
import json
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from glob import glob
from pathlib import Path

INSTALL = {
    "postgresql": "apt-get install postgresql  (macOS: brew install postgresql)",
    "redis": "apt-get install redis-server  (macOS: brew install redis)",
    "etcd": "apt-get install etcd-server  (macOS: brew install etcd)",
}
KINDS = tuple(INSTALL)


class ServerMissing(RuntimeError):
    """The server's binaries are not installed here."""


class ServerNotReady(RuntimeError):
    """The server did not answer within its timeout; the message ends with its log."""


# ---------------------------------------------------------------------------------
# Finding the binaries, and what to do when they are missing


def _version_key(path: str) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", path))


def postgres_bindir() -> Path | None:
    """Where initdb and postgres live: Debian's newest /usr/lib/postgresql/<ver>/bin,
    else `pg_config --bindir`, else the folder of `initdb` on PATH (Homebrew)."""
    debian = sorted(glob("/usr/lib/postgresql/*/bin/postgres"), key=_version_key)
    candidates = [Path(debian[-1]).parent] if debian else []
    if pg_config := shutil.which("pg_config"):
        with contextlib.suppress(OSError, subprocess.SubprocessError):
            out = subprocess.run(
                [pg_config, "--bindir"], capture_output=True, text=True, timeout=10
            )
            candidates.append(Path(out.stdout.strip()))
    if initdb := shutil.which("initdb"):
        candidates.append(Path(initdb).resolve().parent)
    for folder in candidates:
        if (folder / "initdb").is_file() and (folder / "postgres").is_file():
            return folder
    return None


def redis_binary() -> Path | None:
    found = shutil.which("redis-server")
    return Path(found) if found else None


def etcd_binary() -> Path | None:
    found = shutil.which("etcd")
    return Path(found) if found else None


def find(kind: str) -> Path | None:
    """The binary (Redis, etcd) or bin folder (PostgreSQL) for a kind of server, or None."""
    if kind == "postgresql":
        return postgres_bindir()
    if kind == "redis":
        return redis_binary()
    if kind == "etcd":
        return etcd_binary()
    raise ValueError(f"unknown server kind {kind!r}; known: {KINDS}")


def availability(kind: str) -> tuple[str, str] | None:
    """None when the server can be started here; else ("skip" | "fail", why).

    HANDBOOK_SERVERS=skip skips every server test (the snippet matrix on macOS and
    Windows, which installs only pytest). Otherwise a missing server fails under
    CI=true and skips elsewhere, naming the install command.
    """
    if os.environ.get("HANDBOOK_SERVERS", "").lower() == "skip":
        return "skip", f"needs {kind}; HANDBOOK_SERVERS=skip is set"
    if os.name != "posix" or not hasattr(os, "killpg"):
        # Unix sockets, process groups, privilege drop: the fixtures are POSIX only.
        return "skip", f"needs {kind}; throwaway servers run on POSIX systems only"
    if find(kind) is not None:
        return None
    why = f"needs a {kind} server, which is not installed: {INSTALL[kind]}"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        return "fail", why + " (CI=true: a missing server is a failure)"
    return "skip", why


# ---------------------------------------------------------------------------------
# Shared plumbing: a private folder, a process started and always stopped


def _run_as() -> str | None:
    """The user to run PostgreSQL as: None (ourselves) unless we are root."""
    if os.name != "posix" or os.geteuid() != 0:
        return None
    import pwd

    for name in ("postgres", "nobody"):
        with contextlib.suppress(KeyError):
            pwd.getpwnam(name)
            return name
    raise ServerMissing("running as root, and there is no `postgres` or `nobody` user")


def _reachable_tempdir() -> str:
    """A temp root every user can traverse (pytest's own temp root is 0700)."""
    base = tempfile.gettempdir()
    for parent in [Path(base), *Path(base).parents]:
        if not os.stat(parent).st_mode & stat.S_IXOTH:
            return "/tmp"
    return base


def _make_folder(prefix: str, owner: str | None) -> Path:
    # Short paths: a Unix socket path is limited to about 107 bytes (104 on macOS).
    folder = Path(tempfile.mkdtemp(prefix=prefix, dir=_reachable_tempdir()))
    if owner is not None:
        import pwd

        entry = pwd.getpwnam(owner)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    return folder


def _log_tail(log: Path, lines: int = 30) -> str:
    try:
        text = log.read_text(encoding="utf-8", errors="replace").rstrip()
    except OSError:
        return "\n(no log was written)"
    kept = text.splitlines()[-lines:]
    return f"\n--- {log.name} (last {len(kept)} lines) ---\n" + "\n".join(kept)


def _popen(args: Sequence[str], log: Path, user: str | None) -> subprocess.Popen[bytes]:
    with open(log, "ab") as out:
        return subprocess.Popen(
            list(args),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=os.name == "posix",
            user=user,
            group=_group_of(user),
            extra_groups=[] if user else None,
        )


def _group_of(user: str | None) -> int | None:
    if user is None:
        return None
    import pwd

    return pwd.getpwnam(user).pw_gid


def _stop(proc: subprocess.Popen[bytes], polite: int, grace: float = 10.0) -> None:
    """Ask the server to stop (`polite` signal), wait, then kill its process group."""
    if proc.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            proc.send_signal(polite)
        try:
            proc.wait(timeout=grace)
        except subprocess.TimeoutExpired:
            pass
    if os.name == "posix":
        # Whatever is left of the group (backends, forks) goes too.
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)
    else:
        proc.kill()
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=grace)


def _wait_ready(
    ready: Callable[[], bool],
    proc: subprocess.Popen[bytes],
    log: Path,
    what: str,
    timeout: float,
) -> None:
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            raise ServerNotReady(
                f"{what} exited with status {proc.returncode} before it was ready" + _log_tail(log)
            )
        if ready():
            return
        if time.monotonic() > deadline:
            raise ServerNotReady(f"{what} was not ready after {timeout:.0f} s" + _log_tail(log))
        time.sleep(0.02)


# ---------------------------------------------------------------------------------
# PostgreSQL


@dataclass
class PostgresServer:
    folder: Path  # data in folder/data, the socket .s.PGSQL.<port> in folder
    port: int  # names the socket file only: no TCP listener
    user: str = "postgres"
    log: Path = field(default_factory=Path)
    _names: Iterator[int] = field(default_factory=itertools.count, repr=False)

    def env(self, dbname: str = "postgres") -> dict[str, str]:
        """The libpq variables a snippet's `psycopg.connect("")` reads."""
        return {
            "PGHOST": str(self.folder),
            "PGPORT": str(self.port),
            "PGUSER": self.user,
            "PGDATABASE": dbname,
        }

    def conninfo(self, dbname: str = "postgres") -> str:
        return f"host={self.folder} port={self.port} user={self.user} dbname={dbname}"

    @contextlib.contextmanager
    def database(self) -> Iterator[dict[str, str]]:
        """A fresh, empty database for one test or snippet run; dropped afterwards.
        Yields its env() (needs psycopg)."""
        import psycopg

        name = f"t{os.getpid()}_{next(self._names)}"
        with psycopg.connect(self.conninfo(), autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        try:
            yield self.env(name)
        finally:
            with psycopg.connect(self.conninfo(), autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _postgres_ready(folder: Path) -> bool:
    """What `pg_ctl -w` checks: postmaster.pid's status line says "ready"."""
    pid_file = folder / "data" / "postmaster.pid"
    try:
        lines = pid_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return False
    return len(lines) >= 8 and lines[7].strip() == "ready"


@contextlib.contextmanager
def postgres_server(
    timeout: float = 60.0, options: Sequence[str] = (), port: int = 5432
) -> Iterator[PostgresServer]:
    """initdb + postgres in a temp folder, Unix socket only; always stopped and removed.

    `options` are extra `-c name=value` settings (as ["-c", "work_mem=64MB"]).
    """
    bindir = postgres_bindir()
    if bindir is None:
        raise ServerMissing(f"PostgreSQL is not installed: {INSTALL['postgresql']}")
    user = _run_as()
    folder = _make_folder("pg-", user)
    log = folder / "server.log"
    proc: subprocess.Popen[bytes] | None = None
    try:
        initdb = subprocess.run(
            [
                str(bindir / "initdb"),
                "--pgdata",
                str(folder / "data"),
                "--auth=trust",
                "--username=postgres",
                "--encoding=UTF8",
                "--locale=C",
                "--no-sync",
            ],
            capture_output=True,
            text=True,
            timeout=timeout,
            user=user,
            group=_group_of(user),
            extra_groups=[] if user else None,
        )
        if initdb.returncode != 0:
            raise ServerNotReady(
                f"initdb failed with status {initdb.returncode}:\n{initdb.stdout}{initdb.stderr}"
            )
        log.touch()
        if user is not None:
            shutil.chown(log, user)
        proc = _popen(
            [
                str(bindir / "postgres"),
                "-D",
                str(folder / "data"),
                "-k",
                str(folder),
                "-p",
                str(port),
                "-c",
                "listen_addresses=",
                "-c",
                "fsync=off",
                "-c",
                "full_page_writes=off",
                *options,
            ],
            log,
            user,
        )
        _wait_ready(lambda: _postgres_ready(folder), proc, log, "PostgreSQL", timeout)
        yield PostgresServer(folder, port, log=log)
    finally:
        if proc is not None:
            _stop(proc, signal.SIGINT)  # SIGINT: "fast" shutdown
        shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------------------
# Redis


@dataclass
class RedisServer:
    folder: Path
    socket: Path
    log: Path

    @property
    def url(self) -> str:
        return f"unix://{self.socket}?db=0"

    def env(self) -> dict[str, str]:
        """REDIS_URL, which a snippet passes to `redis.Redis.from_url`."""
        return {"REDIS_URL": self.url}

    def command(self, *words: str, timeout: float = 5.0) -> bytes:
        """Send one command with the standard library; returns the raw reply."""
        return _redis_command(self.socket, words, timeout)


def _redis_command(path: Path, words: Sequence[str], timeout: float) -> bytes:
    request = f"*{len(words)}\r\n".encode() + b"".join(
        f"${len(w.encode())}\r\n{w}\r\n".encode() for w in words
    )
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
        conn.settimeout(timeout)
        conn.connect(str(path))
        conn.sendall(request)
        return conn.recv(65536)


def _redis_ready(path: Path) -> bool:
    try:
        return _redis_command(path, ["PING"], 1.0).startswith(b"+PONG")
    except OSError:
        return False


@contextlib.contextmanager
def redis_server(
    timeout: float = 30.0, args: Sequence[str] = (), folder: Path | None = None
) -> Iterator[RedisServer]:
    """redis-server on a Unix socket in a temp folder, no TCP, no persistence.

    `args` override or add settings (as ["--appendonly", "yes"]); `folder` reuses a
    folder (to restart on the same data) and is then left in place for the caller.
    """
    binary = redis_binary()
    if binary is None:
        raise ServerMissing(f"Redis is not installed: {INSTALL['redis']}")
    own = folder is None
    folder = _make_folder("redis-", None) if folder is None else folder
    sock, log = folder / "redis.sock", folder / "server.log"
    proc: subprocess.Popen[bytes] | None = None
    try:
        proc = _popen(
            [
                str(binary),
                "--port",
                "0",
                "--unixsocket",
                str(sock),
                "--unixsocketperm",
                "700",
                "--dir",
                str(folder),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                *args,
            ],
            log,
            None,
        )
        _wait_ready(lambda: _redis_ready(sock), proc, log, "redis-server", timeout)
        yield RedisServer(folder, sock, log)
    finally:
        if proc is not None:
            _stop(proc, signal.SIGTERM)
        if own:
            shutil.rmtree(folder, ignore_errors=True)
        else:
            with contextlib.suppress(FileNotFoundError):
                sock.unlink()


# ---------------------------------------------------------------------------------
# etcd


@dataclass
class EtcdMember:
    name: str
    client_url: str  # http://127.0.0.1:<port>
    proc: subprocess.Popen[bytes]
    log: Path


@dataclass
class EtcdCluster:
    folder: Path
    members: list[EtcdMember]

    @property
    def endpoints(self) -> str:
        """The client URLs, comma-separated, of the members still running."""
        return ",".join(m.client_url for m in self.members if m.proc.poll() is None)

    def env(self) -> dict[str, str]:
        """ETCD_ENDPOINTS, which a snippet reads (as `etcdctl --endpoints` takes it)."""
        return {"ETCD_ENDPOINTS": self.endpoints}

    def call(self, path: str, body: Mapping[str, object], timeout: float = 5.0) -> dict:
        """One request to etcd's v3 JSON gateway, on the first member that answers."""
        error: OSError | None = None
        for url in self.endpoints.split(","):
            try:
                return _etcd_call(url, path, body, timeout)
            except OSError as exc:  # URLError, refused, timed out: try the next one
                error = exc
        raise ServerNotReady(f"no etcd member answered {path}: {error}")

    def leader(self, timeout: float = 10.0) -> EtcdMember:
        """The member that is etcd's Raft leader (asked of the members themselves)."""
        deadline = time.monotonic() + timeout
        while True:
            for member in self.members:
                if member.proc.poll() is not None:
                    continue
                with contextlib.suppress(OSError, ValueError):
                    status = _etcd_call(member.client_url, "/v3/maintenance/status", {}, 1.0)
                    # No leader yet: the field is absent (proto3 JSON omits zeros).
                    if status.get("leader") == status["header"]["member_id"]:
                        return member
            if time.monotonic() > deadline:
                raise ServerNotReady(f"etcd elected no leader within {timeout:.0f} s")
            time.sleep(0.02)

    def kill(self, member: EtcdMember) -> None:
        """SIGKILL one member (a crash: no leadership hand-over)."""
        member.proc.kill()
        member.proc.wait(timeout=10)


_ETCD_OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def _etcd_call(url: str, path: str, body: Mapping[str, object], timeout: float) -> dict:
    request = urllib.request.Request(
        url + path, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
    )
    with _ETCD_OPENER.open(request, timeout=timeout) as reply:
        return json.load(reply)


def _etcd_healthy(url: str) -> bool:
    """/health says true once the member's cluster has a leader."""
    try:
        with _ETCD_OPENER.open(url + "/health", timeout=1.0) as reply:
            return json.load(reply).get("health") == "true"
    except (OSError, ValueError):
        return False


def _etcd_ready(members: list[EtcdMember]) -> bool:
    """Every member healthy; a member that exited fails at once, with its own log."""
    for m in members:
        if m.proc.poll() is not None:
            raise ServerNotReady(
                f"etcd member {m.name} exited with status {m.proc.returncode} before it "
                "was ready" + _log_tail(m.log)
            )
    return all(_etcd_healthy(m.client_url) for m in members)


def _free_ports(count: int) -> list[int]:
    """Ports that were free a moment ago: etcd cannot be given port 0."""
    with contextlib.ExitStack() as stack:
        socks = [stack.enter_context(socket.socket()) for _ in range(count)]
        for sock in socks:
            sock.bind(("127.0.0.1", 0))
        return [sock.getsockname()[1] for sock in socks]


@contextlib.contextmanager
def etcd_cluster(
    n: int = 3, timeout: float = 30.0, args: Sequence[str] = (), attempts: int = 3
) -> Iterator[EtcdCluster]:
    """n etcd members on 127.0.0.1 in a temp folder; always stopped and removed.

    Heartbeat 50 ms and election timeout 500 ms (etcd's defaults are 100 ms and
    1 s), so that a lost leader is replaced quickly; `args` add or override flags.
    A port taken between picking and binding ("address already in use") is retried
    with fresh ports, up to `attempts` times.
    """
    binary = etcd_binary()
    if binary is None:
        raise ServerMissing(f"etcd is not installed: {INSTALL['etcd']}")
    for attempt in range(attempts):
        folder = _make_folder("etcd-", None)
        members: list[EtcdMember] = []
        try:
            ports = _free_ports(2 * n)
            peers = [f"http://127.0.0.1:{p}" for p in ports[n:]]
            initial = ",".join(f"m{i}={url}" for i, url in enumerate(peers))
            token = uuid.uuid4().hex  # one per cluster: never joins another's
            for i in range(n):
                client, log = f"http://127.0.0.1:{ports[i]}", folder / f"m{i}.log"
                proc = _popen(
                    [
                        str(binary),
                        f"--name=m{i}",
                        f"--data-dir={folder / f'm{i}'}",
                        f"--listen-client-urls={client}",
                        f"--advertise-client-urls={client}",
                        f"--listen-peer-urls={peers[i]}",
                        f"--initial-advertise-peer-urls={peers[i]}",
                        f"--initial-cluster={initial}",
                        "--initial-cluster-state=new",
                        f"--initial-cluster-token={token}",
                        "--heartbeat-interval=50",
                        "--election-timeout=500",
                        "--logger=zap",
                        "--log-outputs=stderr",
                        *args,
                    ],
                    log,
                    None,
                )
                members.append(EtcdMember(f"m{i}", client, proc, log))
            try:
                ready = functools.partial(_etcd_ready, members)
                _wait_ready(ready, members[0].proc, members[0].log, "etcd", timeout)
            except ServerNotReady as exc:
                if "address already in use" in str(exc) and attempt + 1 < attempts:
                    continue  # another process took a port: try again with new ones
                raise
            yield EtcdCluster(folder, members)
            return
        finally:
            for m in members:
                _stop(m.proc, signal.SIGKILL)  # throwaway data: no graceful shutdown
            shutil.rmtree(folder, ignore_errors=True)


def etcd_server(
    timeout: float = 30.0, args: Sequence[str] = ()
) -> contextlib.AbstractContextManager[EtcdCluster]:
    """A single etcd member (a cluster of one)."""
    return etcd_cluster(1, timeout, args)
