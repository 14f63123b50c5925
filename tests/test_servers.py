"""The throwaway servers (tests/servers.py) and the harness's server support, tested.

Good input: each server starts in its own folder, answers, opens no TCP port, and
leaves nothing behind. Bad input: a broken configuration fails with the server's own
log; a missing server skips with the install command, or fails under CI=true; a
snippet that leaves a server, a socket or a database file behind fails naming it.
"""

from __future__ import annotations

import contextlib
import os
import socket
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import psutil
import pytest

import server_fixtures
import servers
import snippet_harness as harness

posix_only = pytest.mark.skipif(os.name != "posix", reason="Unix sockets and sessions")


def _gone(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() == psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return True


def _server_pids(folder: Path) -> list[int]:
    """Processes whose command line names the folder (the server and its children)."""
    pids = []
    for proc in psutil.process_iter(["cmdline"]):
        if str(folder) in " ".join(proc.info["cmdline"] or ()):
            pids.append(proc.pid)
    return pids


# ---------------------------------------------------------------------------------
# Good input


def test_postgres_answers_on_a_unix_socket_only(
    postgres_server: servers.PostgresServer, postgres_db: server_fixtures.Database
) -> None:
    psycopg = pytest.importorskip("psycopg")
    with psycopg.connect(postgres_db.conninfo) as conn:
        assert conn.execute("SHOW listen_addresses").fetchone() == ("",)
        assert conn.execute("SELECT current_database()").fetchone() == (
            postgres_db.env["PGDATABASE"],
        )
    assert postgres_db.env["PGHOST"] == str(postgres_server.folder)
    assert (postgres_server.folder / f".s.PGSQL.{postgres_server.port}").exists()


def test_each_test_gets_a_fresh_database(postgres_db: server_fixtures.Database) -> None:
    psycopg = pytest.importorskip("psycopg")
    with psycopg.connect(postgres_db.conninfo) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"
        ).fetchone()
    assert tables == (0,)


def test_redis_answers_on_a_unix_socket_only(
    redis_server: servers.RedisServer, redis_url: str
) -> None:
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(redis_url)
    try:
        assert client.ping()
        assert client.config_get("port") == {"port": "0"}
        assert client.config_get("save") == {"save": ""}
        assert client.dbsize() == 0  # redis_url empties the server first
    finally:
        client.close()


@posix_only
@pytest.mark.parametrize("kind", servers.KINDS)
def test_a_stopped_server_leaves_no_process_and_no_folder(kind: str) -> None:
    server_fixtures.require_server(kind)
    starters: dict[str, Callable[[], contextlib.AbstractContextManager[Any]]] = {
        "postgresql": servers.postgres_server,
        "redis": servers.redis_server,
        "etcd": servers.etcd_server,
    }
    start = starters[kind]
    with start() as server:
        folder = server.folder
        pids = _server_pids(folder)
        assert pids, f"no {kind} process names {folder}"
    assert not folder.exists()
    assert all(_gone(pid) for pid in pids)


def test_etcd_members_listen_on_loopback_and_elect_a_leader(
    etcd_cluster: servers.EtcdCluster, etcd_endpoints: str
) -> None:
    urls = etcd_endpoints.split(",")
    assert len(urls) == 3 and all(u.startswith("http://127.0.0.1:") for u in urls)
    assert etcd_cluster.env() == {"ETCD_ENDPOINTS": etcd_endpoints}
    assert etcd_cluster.leader() in etcd_cluster.members
    empty = etcd_cluster.call("/v3/kv/range", {"key": "AA==", "range_end": "AA=="})
    assert "kvs" not in empty  # etcd_endpoints deleted every key first


@posix_only
def test_killing_etcd_s_raft_leader_elects_another() -> None:
    server_fixtures.require_server("etcd")
    with servers.etcd_cluster(n=3) as cluster:
        old = cluster.leader()
        cluster.kill(old)
        new = cluster.leader(timeout=20)
        assert new is not old and old.client_url not in cluster.endpoints
        put = cluster.call("/v3/kv/put", {"key": "YQ==", "value": "Yg=="})
        assert int(put["header"]["raft_term"]) >= 3  # a later term than the first


# ---------------------------------------------------------------------------------
# Bad input: a server that does not start fails with its own log


@posix_only
def test_a_broken_postgres_config_fails_with_the_servers_log() -> None:
    server_fixtures.require_server("postgresql")
    with (
        pytest.raises(servers.ServerNotReady) as caught,
        servers.postgres_server(options=["-c", "no_such_setting=1"]),
    ):
        pass  # pragma: no cover
    message = str(caught.value)
    assert "exited with status" in message
    assert 'unrecognized configuration parameter "no_such_setting"' in message


@posix_only
def test_a_broken_redis_config_fails_with_the_servers_log() -> None:
    server_fixtures.require_server("redis")
    with (
        pytest.raises(servers.ServerNotReady) as caught,
        servers.redis_server(args=["--no-such-directive", "1"]),
    ):
        pass  # pragma: no cover
    message = str(caught.value)
    assert "server.log" in message and "no-such-directive" in message


@posix_only
def test_an_etcd_port_taken_meanwhile_is_retried_with_fresh_ports(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """etcd cannot be given port 0: ports are picked first, then handed over, and
    another process can take one in between. That start is retried, not failed."""
    server_fixtures.require_server("etcd")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        picker, calls = server_fixtures.first_pick_clashes(
            servers._free_ports, taken.getsockname()[1]
        )
        monkeypatch.setattr(servers, "_free_ports", picker)
        with servers.etcd_server() as cluster:
            assert len(calls) == 2
            assert cluster.endpoints == f"http://127.0.0.1:{calls[1][0]}"


@posix_only
def test_a_broken_etcd_flag_fails_with_the_servers_log() -> None:
    server_fixtures.require_server("etcd")
    with (
        pytest.raises(servers.ServerNotReady) as caught,
        servers.etcd_server(args=["--no-such-flag"]),
    ):
        pass  # pragma: no cover
    message = str(caught.value)
    assert "exited with status" in message and "m0.log" in message
    assert "flag provided but not defined: -no-such-flag" in message


def record_folders(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The temporary folders the servers module makes, as it makes them."""
    folders: list[Path] = []
    make_folder = servers._make_folder

    def recorded(prefix: str, owner: str | None) -> Path:
        folders.append(make_folder(prefix, owner))
        return folders[-1]

    monkeypatch.setattr(servers, "_make_folder", recorded)
    return folders


@posix_only
def test_an_etcd_never_ready_fails_at_its_timeout_with_its_log_and_is_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server_fixtures.require_server("etcd")
    monkeypatch.setattr(servers, "_etcd_healthy", lambda url: False)
    folders = record_folders(monkeypatch)
    with (
        pytest.raises(servers.ServerNotReady, match=r"not ready after 2 s") as caught,
        servers.etcd_server(timeout=2.0),
    ):
        pass  # pragma: no cover
    assert "m0.log" in str(caught.value) and '"level":' in str(caught.value)  # its log
    (folder,) = folders
    assert not folder.exists()
    assert not [pid for pid in _server_pids(folder) if not _gone(pid)]


@posix_only
def test_a_server_never_ready_fails_at_its_timeout_and_is_stopped(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server_fixtures.require_server("redis")
    monkeypatch.setattr(servers, "_redis_ready", lambda path: False)
    folders = record_folders(monkeypatch)
    with (
        pytest.raises(servers.ServerNotReady, match=r"not ready after 1 s") as caught,
        servers.redis_server(timeout=1.0),
    ):
        pass  # pragma: no cover
    assert "ready to accept connections" in str(caught.value)  # its own log
    (folder,) = folders
    assert not folder.exists()
    assert not [pid for pid in _server_pids(folder) if not _gone(pid)]


# ---------------------------------------------------------------------------------
# Bad input: no server installed


@pytest.fixture
def nothing_installed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(servers, "find", lambda kind: None)
    monkeypatch.delenv("HANDBOOK_SERVERS", raising=False)


@pytest.mark.parametrize("kind", servers.KINDS)
def test_a_missing_server_skips_with_the_install_command(
    kind: str, nothing_installed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install"):
        server_fixtures.require_server(kind)


@pytest.mark.parametrize("kind", servers.KINDS)
def test_a_missing_server_fails_in_ci(
    kind: str, nothing_installed: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true"):
        server_fixtures.require_server(kind)


def test_handbook_servers_skip_wins_over_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("HANDBOOK_SERVERS", "skip")
    for kind in servers.KINDS:
        with pytest.raises(pytest.skip.Exception, match="HANDBOOK_SERVERS=skip"):
            server_fixtures.require_server(kind)


def test_postgres_binaries_are_found_by_version_not_by_a_fixed_path() -> None:
    found = servers.postgres_bindir()
    if found is None:
        pytest.skip("PostgreSQL is not installed")
    assert (found / "initdb").is_file() and (found / "postgres").is_file()
    assert servers._version_key("/usr/lib/postgresql/9/bin") < servers._version_key(
        "/usr/lib/postgresql/15/bin"
    )


# ---------------------------------------------------------------------------------
# The harness: `# requires: redis` / `postgresql`, and what a snippet leaves behind


def _snippet(folder: Path, body: str, requires: str = "") -> harness.Snippet:
    path = folder / "server_mistake.py"
    header = "# output: property\n" + (f"# requires: {requires}\n" if requires else "")
    path.write_text(header + textwrap.dedent(body), encoding="utf-8")
    path.with_suffix(".out").write_text("", encoding="utf-8")
    return harness.load(path)


def test_requires_lines_name_platforms_and_servers(tmp_path: Path) -> None:
    snippet = _snippet(tmp_path, "pass\n", requires="posix, postgresql")
    assert snippet.requires == "posix" and snippet.servers == ("postgresql",)
    with pytest.raises(harness.SnippetError, match="mysql"):
        _snippet(tmp_path, "pass\n", requires="mysql")


def test_the_callers_own_server_settings_never_reach_a_snippet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REDIS_URL", "redis://their-laptop:6379/0")
    monkeypatch.setenv("PGHOST", "their-laptop")
    monkeypatch.setenv("ETCD_ENDPOINTS", "http://their-laptop:2379")
    body = (
        "import os\nprint(os.environ.get('REDIS_URL'), os.environ.get('PGHOST'),"
        " os.environ.get('ETCD_ENDPOINTS'))\n"
    )
    snippet = _snippet(tmp_path, body)
    assert harness.run(snippet).stdout == "None None None\n"
    given = {"REDIS_URL": "unix:///x.sock?db=0"}
    assert harness.run(snippet, server_env=given).stdout == "unix:///x.sock?db=0 None None\n"


@posix_only
def test_a_daemonised_server_left_running_fails_naming_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`redis-server --daemonize yes` leaves the snippet's session (and overwrites
    its inherited environment with its process title): its working directory, in the
    snippet's TMPDIR, still gives it away."""
    binary = servers.redis_binary()
    if binary is None:
        pytest.skip("redis-server is not installed")
    body = f"""\
        import subprocess, tempfile
        folder = tempfile.mkdtemp()
        subprocess.run([{str(binary)!r}, "--port", "0", "--daemonize", "yes",
            "--unixsocket", folder + "/leak.sock", "--dir", folder,
            "--save", "", "--logfile", ""], check=True, timeout=10)
        print(folder, flush=True)
    """
    monkeypatch.setattr(harness, "LEFTOVER_GRACE", 0.5)
    snippet = _snippet(tmp_path, body)
    with pytest.raises(harness.SnippetError, match=r"left 1 process\(es\).*redis-server"):
        harness.run(snippet)
    leftover = [
        p
        for p in psutil.process_iter(["cmdline"])
        if "redis-server" in " ".join(p.info["cmdline"] or ())
        and "leak.sock" in " ".join(p.info["cmdline"] or ())
    ]
    assert not [p for p in leftover if not _gone(p.pid)], "the harness did not stop it"


@posix_only
def test_a_left_over_socket_or_database_file_fails_naming_it(tmp_path: Path) -> None:
    body = """\
        import socket, sqlite3
        s = socket.socket(socket.AF_UNIX)
        s.bind("left.sock")
        s.close()
        sqlite3.connect("left.db").execute("CREATE TABLE t (x)").connection.close()
    """
    with pytest.raises(harness.SnippetError, match=r"left files behind") as caught:
        harness.run(_snippet(tmp_path, body))
    assert "left.sock" in str(caught.value) and "left.db" in str(caught.value)


def test_a_redis_snippet_runs_against_the_throwaway_server(tmp_path: Path, redis_url: str) -> None:
    pytest.importorskip("redis")
    body = """\
        import os, redis
        r = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
        print(r.incr("hits"), r.incr("hits"))
        r.close()
    """
    snippet = _snippet(tmp_path, body, requires="redis")
    assert harness.run(snippet, server_env={"REDIS_URL": redis_url}).stdout == "1 2\n"


def test_an_etcd_snippet_runs_against_the_throwaway_cluster(
    tmp_path: Path, etcd_endpoints: str
) -> None:
    body = """\
        import base64, json, os, urllib.request
        url = os.environ.get("ETCD_ENDPOINTS", "http://127.0.0.1:2379").split(",")[0]
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        key = base64.b64encode(b"k").decode()
        request = urllib.request.Request(url + "/v3/kv/put",
            data=json.dumps({"key": key, "value": key}).encode())
        print("revision" in json.load(opener.open(request, timeout=5))["header"])
    """
    snippet = _snippet(tmp_path, body, requires="etcd")
    assert snippet.servers == ("etcd",)
    result = harness.run(snippet, server_env={"ETCD_ENDPOINTS": etcd_endpoints})
    assert result.stdout == "True\n"


def test_a_postgres_snippet_runs_against_the_throwaway_server(
    tmp_path: Path, postgres_db: server_fixtures.Database
) -> None:
    pytest.importorskip("psycopg")
    body = """\
        import os, psycopg
        with psycopg.connect(os.environ.get("DATABASE_URL", "")) as conn:
            print(conn.execute("SELECT current_database()").fetchone()[0])
    """
    snippet = _snippet(tmp_path, body, requires="postgresql")
    result = harness.run(snippet, server_env=postgres_db.env)
    assert result.stdout == postgres_db.env["PGDATABASE"] + "\n"
