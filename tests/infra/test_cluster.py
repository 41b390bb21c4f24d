"""The production shape, started for real (infra/local-cluster): a write through one API
process is read through the other at once (read-your-writes, shared through Redis), and a
later list is answered by the streaming replica, shown by pausing the replica's replay so
the new row is missing there until replay resumes.

Runs in the PostgreSQL pass of `make test` (CRM_TEST_DB=postgres), which installs pgbouncer
first (infra/ensure-pgbouncer.sh). Outside CI a missing part skips it; under CI=true it fails.
"""

from __future__ import annotations

import asyncio
import importlib.util
import json
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.conftest import DB_KIND, IN_CI

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "infra" / "local_cluster.py"
WINDOW = 2  # CRM_READ_YOUR_WRITES of the cluster's API processes, in seconds

pytestmark = pytest.mark.slow

LOGIN = """mutation($e: String!, $p: String!) { login(input: {email: $e, password: $p}) {
  accessToken errors { code message } } }"""
CREATE = """mutation($input: CreateCustomerInput!) {
  createCustomer(input: $input) { customer { id name } errors { code message } } }"""
FIND = """query($name: String!) { customers(filter: {name: {contains: $name}}) {
  edges { node { name } } } }"""


def _local_cluster() -> Any:
    spec = importlib.util.spec_from_file_location("local_cluster", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def cluster() -> Iterator[dict[str, Any]]:
    if DB_KIND != "postgres":
        pytest.skip("the cluster test runs in the PostgreSQL pass (make test-postgres)")
    missing = _local_cluster().missing_parts()
    if missing:
        message = "cannot start the local cluster, missing: " + ", ".join(missing)
        if IN_CI:
            pytest.fail(message + " (CI=true needs every part)")
        pytest.skip(message)
    started = time.monotonic()
    up = subprocess.run([sys.executable, str(SCRIPT), "up", "--json",
                         "--read-your-writes", str(WINDOW)],
                        capture_output=True, text=True, timeout=120)
    if up.returncode != 0:  # `up` has stopped what it started
        pytest.fail(f"the local cluster did not start:\n{up.stderr[-3000:]}")
    state = json.loads(up.stdout)
    print(f"cluster up in {time.monotonic() - started:.1f}s")
    try:
        yield state
    finally:
        subprocess.run([sys.executable, str(SCRIPT), "down", state["dir"]], timeout=60,
                       capture_output=True)
        assert not Path(state["dir"]).exists()


async def gql(client: httpx.AsyncClient, url: str, query: str, token: str | None = None,
              **variables: Any) -> dict[str, Any]:
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    resp = await client.post(f"{url}/graphql", json={"query": query, "variables": variables},
                             headers=headers)
    assert resp.status_code == 200, resp.text
    body = resp.json()
    assert not body.get("errors"), body
    return body["data"]


async def names(client: httpx.AsyncClient, url: str, token: str, name: str) -> list[str]:
    data = await gql(client, url, FIND, token, name=name)
    return [e["node"]["name"] for e in data["customers"]["edges"]]


async def test_write_through_one_process_read_through_the_other_and_the_replica(
        cluster: dict[str, Any]) -> None:
    import asyncpg

    replica = await asyncpg.connect(cluster["replica_admin_url"].replace("postgres://",
                                                                         "postgresql://"))
    async with httpx.AsyncClient(timeout=10) as client:
        try:
            # Sign-in goes through the proxy, then pgbouncer (transaction mode) to the primary.
            login = (await gql(client, cluster["url"], LOGIN, e="admin@demo.test",
                               p="demo-pass-123"))["login"]
            assert login["errors"] == [], login
            token = login["accessToken"]
            a, b = cluster["api_a_url"], cluster["api_b_url"]

            # The replica stops replaying: what is written from here on is on the primary only.
            await replica.execute("SELECT pg_wal_replay_pause()")
            for _ in range(50):
                if await replica.fetchval("SELECT pg_get_wal_replay_pause_state()") == "paused":
                    break
                await asyncio.sleep(0.1)
            name = f"Cluster {uuid.uuid4().hex[:8]} Ltd"
            created = (await gql(client, a, CREATE, token, input={"name": name}))["createCustomer"]
            assert created["errors"] == [], created

            # Right after the write, the other process reads it: the user's reads are the
            # primary's for the window, and process B knows of the write through Redis.
            assert await names(client, b, token, name) == [name]

            # After the window the list is the replica's, which has not replayed the write.
            await asyncio.sleep(WINDOW + 0.5)
            assert await names(client, b, token, name) == []
            assert await names(client, cluster["url"], token, name) == []

            # Replay resumes and the replica (so the list) catches up.
            await replica.execute("SELECT pg_wal_replay_resume()")
            deadline = time.monotonic() + 15
            while await names(client, b, token, name) != [name]:
                assert time.monotonic() < deadline, "the replica did not catch up"
                await asyncio.sleep(0.2)
        finally:
            await replica.close()


async def test_pgbouncer_pools_by_transaction_so_the_statement_cache_must_be_off(
        cluster: dict[str, Any]) -> None:
    """Why the API processes run with CRM_PGBOUNCER=true: through this pgbouncer, clients
    with asyncpg's statement cache on meet each other's prepared statements (or miss their
    own); with it off (what CRM_PGBOUNCER sets) the same load runs."""
    import asyncpg

    url = cluster["pgbouncer_url"].replace("postgres://", "postgresql://")

    async def client(i: int, cache: int) -> None:
        conn = await asyncpg.connect(url, statement_cache_size=cache)
        try:
            for j in range(20):
                await conn.fetchval(f"SELECT $1::int + {j % 3}", i)
                await asyncio.sleep(0)
        finally:
            await conn.close()

    cached = await asyncio.gather(*(client(i, 100) for i in range(4)), return_exceptions=True)
    assert any(isinstance(r, (asyncpg.InvalidSQLStatementNameError,
                              asyncpg.DuplicatePreparedStatementError)) for r in cached), cached
    assert await asyncio.gather(*(client(i, 0) for i in range(4))) == [None] * 4
