"""pytest fixtures for throwaway servers (tests/servers.py), usable from any test folder.

Registered site-wide by `pytest_plugins = ["server_fixtures"]` in tests/conftest.py.

    def test_something(postgres_db):        # a fresh database on a per-worker server
        with psycopg.connect(postgres_db.conninfo) as conn: ...
    def test_other(redis_url):              # an emptied Redis, as a redis-py URL
        r = redis.Redis.from_url(redis_url)
    def test_third(etcd_endpoints):         # an emptied 3-member etcd cluster
        os.environ["ETCD_ENDPOINTS"] = etcd_endpoints  # (or pass etcd_cluster.env())

`postgres_server`, `redis_server` and `etcd_cluster` are session-scoped: one server per
pytest process (each xdist worker starts its own, in its own temp folder). A test that
asks for one skips when the server is not installed (with the install command), fails
instead under CI=true, and always skips under HANDBOOK_SERVERS=skip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import pytest

import servers


def require_server(kind: str) -> None:
    """Skip or fail the calling test when `kind` cannot be started here."""
    verdict = servers.availability(kind)
    if verdict is None:
        return
    action, why = verdict
    if action == "fail":
        pytest.fail(why, pytrace=False)
    pytest.skip(why)


def first_pick_clashes(
    pick: Callable[[int], list[int]], taken: int
) -> tuple[Callable[[int], list[int]], list[list[int]]]:
    """A stand-in for a free-port picker whose first pick includes a port someone else
    holds (`taken`), as when another process grabs it between the pick and the start;
    later picks are the real ones. Returns the stand-in and the list of its picks."""
    calls: list[list[int]] = []

    def picker(count: int) -> list[int]:
        ports = pick(count)
        if not calls:
            ports[0] = taken
        calls.append(ports)
        return ports

    return picker, calls


@dataclass(frozen=True)
class Database:
    env: dict[str, str]  # PGHOST, PGPORT, PGUSER, PGDATABASE: what libpq reads
    conninfo: str  # the same, as a psycopg.connect() argument


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[servers.PostgresServer]:
    require_server("postgresql")
    with servers.postgres_server() as server:
        yield server


@pytest.fixture
def postgres_db(postgres_server: servers.PostgresServer) -> Iterator[Database]:
    """A fresh, empty database, dropped after the test."""
    with postgres_server.database() as env:
        yield Database(env, postgres_server.conninfo(env["PGDATABASE"]))


@pytest.fixture(scope="session")
def redis_server() -> Iterator[servers.RedisServer]:
    require_server("redis")
    with servers.redis_server() as server:
        yield server


@pytest.fixture
def redis_url(redis_server: servers.RedisServer) -> str:
    """The server's URL, with every key of every database removed first."""
    reply = redis_server.command("FLUSHALL")
    assert reply.startswith(b"+OK"), reply
    return redis_server.url


@pytest.fixture(scope="session")
def etcd_cluster() -> Iterator[servers.EtcdCluster]:
    """Three etcd members on 127.0.0.1. Tests that kill a member start their own
    (servers.etcd_cluster), so that this one stays whole for the others."""
    require_server("etcd")
    with servers.etcd_cluster(n=3) as cluster:
        yield cluster


@pytest.fixture
def etcd_endpoints(etcd_cluster: servers.EtcdCluster) -> str:
    """The members' client URLs (comma-separated), with every key deleted first."""
    everything = {"key": "AA==", "range_end": "AA=="}  # base64 of "\0": all keys
    etcd_cluster.call("/v3/kv/deleterange", everything)
    return etcd_cluster.endpoints
