"""Reads from DATABASE_REPLICA_URL, shown without a cluster: two SQLite files, the "replica" a
copy of the primary taken before the writes below, so a row the replica shows or lacks says
which database answered. (tests/infra/test_cluster.py does it with a streaming replica.)"""

from __future__ import annotations

import asyncio
import sqlite3
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from crm.settings import Settings, get_settings, override_settings
from tests.platform.databases import fresh_sqlite

CREATE = """mutation($input: CreateCustomerInput!) {
  createCustomer(input: $input) { customer { id } errors { code message } } }"""
LIST = "{ customers(first: 100) { edges { node { name } } } }"


@pytest.fixture
async def primary_and_replica(database: str, tmp_path: Path) -> AsyncIterator[dict[str, str]]:
    """Two admins in a workspace on a primary, a copy of it as the replica, and the ORM opened
    as the server opens it; the session's database is given back afterwards."""
    from crm.auth.models import User
    from crm.auth.passwords import hash_password
    from crm.auth.service import create_workspace
    from crm.auth.tokens import issue_access_token
    from crm.core.db import close_db, init_db

    original = get_settings()
    primary, replica = tmp_path / "primary.sqlite3", tmp_path / "replica.sqlite3"
    settings = original.model_copy(update={
        "database_url": f"sqlite://{primary}", "database_replica_url": f"sqlite://{replica}",
        "read_your_writes": 1})
    await close_db()
    override_settings(settings)
    try:
        await asyncio.to_thread(fresh_sqlite, primary)
        await init_db(settings)
        ws = await create_workspace("Replica", f"r{uuid.uuid4().hex[:8]}")
        tokens = {}
        for who in ("writer", "reader"):
            user = await User.create(workspace_id=ws.id, email=f"{who}@replica.test", name=who,
                                     role="admin", password_hash=hash_password("x" * 12))
            tokens[who] = issue_access_token(user.id, ws.id, user.role)[0]
        await close_db()
        with sqlite3.connect(primary) as src, sqlite3.connect(replica) as dst:
            src.backup(dst)
        await init_db(settings, replica=True)
        yield tokens
    finally:
        await close_db()
        override_settings(original)
        await init_db(original, database)


async def names(client: httpx.AsyncClient, token: str) -> list[str]:
    resp = await client.post("/graphql", json={"query": LIST},
                             headers={"Authorization": f"Bearer {token}"})
    body = resp.json()
    assert not body.get("errors"), body
    return [e["node"]["name"] for e in body["data"]["customers"]["edges"]]


async def test_queries_read_the_replica_and_a_writer_reads_the_primary_for_a_while(
        client: httpx.AsyncClient, primary_and_replica: dict[str, str]) -> None:
    writer, reader = primary_and_replica["writer"], primary_and_replica["reader"]
    resp = await client.post("/graphql", json={"query": CREATE, "variables": {
        "input": {"name": "Fresh Ltd"}}}, headers={"Authorization": f"Bearer {writer}"})
    assert resp.json()["data"]["createCustomer"]["errors"] == [], resp.text

    # The writer reads their own write (the primary); anyone else reads the replica, which
    # has not got it.
    assert await names(client, writer) == ["Fresh Ltd"]
    assert await names(client, reader) == []
    # Past the read-your-writes window the writer is back on the replica.
    await asyncio.sleep(1.2)
    assert await names(client, writer) == []


async def test_reads_inside_a_transaction_stay_on_the_primary(
        primary_and_replica: dict[str, str]) -> None:
    from tortoise.transactions import in_transaction

    from crm.auth.models import User
    from crm.core.replicas import replica_reads

    with replica_reads():
        async with in_transaction("default"):
            await User.filter(email="reader@replica.test").update(name="renamed")
            inside = await User.get(email="reader@replica.test")
        outside = await User.get(email="reader@replica.test")
    assert inside.name == "renamed"  # the transaction's own write
    assert outside.name == "reader"  # the replica's copy, which has not got it


def test_pgbouncer_turns_the_statement_cache_off() -> None:
    on = Settings(database_url="postgresql://crm@db:6432/crm", pgbouncer=True,
                  database_replica_url="postgres://crm@replica/crm?ssl=true")
    conns = on.tortoise_config(replica=True)["connections"]
    assert conns["default"]["credentials"]["statement_cache_size"] == 0
    assert conns["default"]["credentials"]["port"] == 6432
    assert conns["replica"]["credentials"]["statement_cache_size"] == 0
    assert conns["replica"]["credentials"]["ssl"] is True
    off = Settings(database_url="postgres://crm@db/crm")
    assert "statement_cache_size" not in off.tortoise_config()["connections"]["default"][
        "credentials"]
    # Commands (and migrations) use the primary alone.
    assert set(on.tortoise_config()["connections"]) == {"default"}


def test_every_transaction_names_the_primary() -> None:
    """With a replica Tortoise holds two connections and `in_transaction()` without a name
    refuses to guess: every transaction is the primary's, said where it is opened."""
    import crm

    root = Path(crm.__file__).parent
    bare = [str(p.relative_to(root)) for p in root.rglob("*.py")
            if "in_transaction()" in p.read_text(encoding="utf-8")]
    assert not bare, f"in_transaction() without 'default' in {bare}"


async def test_a_statement_costs_one_round_trip_not_two(database: str) -> None:
    """asyncpg resets a pooled connection when it goes back (one more statement after every
    statement Tortoise sends); the pool's connections skip it."""
    from tortoise import Tortoise

    from tests.conftest import DB_KIND
    if DB_KIND != "postgres":
        pytest.skip("asyncpg's pool is PostgreSQL's")
    conn = Tortoise.get_connection("default")
    async with conn.acquire_connection() as raw:
        assert raw.get_reset_query() == ""
    await conn.execute_query("SELECT 1")
