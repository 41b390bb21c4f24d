"""Two real API processes (`crm serve`) on one PostgreSQL database and one Redis: a subscriber
on process A receives what was written through process B's HTTP API, and still only what it
may read."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path
from typing import Any

import httpx
import pytest

from crm.settings import get_settings
from tests import factories as f
from tests.conftest import DB_KIND, World
from tests.platform.servers import clean_environment, running_server
from tests.platform.sockets import socket

pytestmark = pytest.mark.postgres_only

PIPELINE = "subscription { pipelineChanged { action opportunity { title } } }"
CREATE_OPP = """mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) {
    opportunity { id } errors { code } } }"""


@pytest.fixture
async def two_processes(database: str, shared_redis: Any, tmp_path: Path
                        ) -> AsyncIterator[tuple[str, str]]:
    if DB_KIND != "postgres":
        pytest.skip("two processes share one PostgreSQL database")
    env = clean_environment(DATABASE_URL=database, REDIS_URL=str(get_settings().redis_url),
                            SECRET_KEY=get_settings().secret_key,
                            CRM_STATIC_DIR=str(tmp_path / "no-spa"))
    async with AsyncExitStack() as stack:
        try:
            a = await stack.enter_async_context(running_server(env, tmp_path / "a.log"))
            b = await stack.enter_async_context(running_server(env, tmp_path / "b.log"))
            yield a, b
        finally:
            for name in ("a.log", "b.log"):
                if (tmp_path / name).exists():
                    print(name, (tmp_path / name).read_text()[-2000:])


async def write_on(base: str, world: World, who: str, customer: Any, title: str) -> None:
    async with httpx.AsyncClient(base_url=base, timeout=30) as http:
        resp = await http.post("/graphql", headers={"Authorization": f"Bearer {world.tokens[who]}"},
                               json={"query": CREATE_OPP, "variables": {"i": {
                                   "customerId": f.gid("Customer", customer), "title": title}}})
    assert resp.status_code == 200, resp.text
    assert resp.json()["data"]["createOpportunity"]["errors"] == [], resp.text


async def test_a_write_on_one_process_reaches_a_subscriber_on_the_other(
        two_processes: tuple[str, str], world: World):
    a, b = two_processes
    mine = await f.customer(world, "rep2")
    theirs = await f.customer(world, "rep1")
    ws_a = a.replace("http://", "ws://") + "/graphql"
    async with socket(ws_a, world.tokens["rep2"]) as s:
        op = await s.subscribe(PIPELINE)
        # Written on B: rep1's deal, which rep2 may not read, then rep2's own.
        await write_on(b, world, "rep1", theirs, "rep1 on B")
        await write_on(b, world, "rep2", mine, "rep2 on B")
        first = (await s.next_of(op))["pipelineChanged"]
    assert first == {"action": "create", "opportunity": {"title": "rep2 on B"}}
