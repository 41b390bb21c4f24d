"""Benchmarks, reported as ratios measured in one run (never as timed tests).

    .venv/bin/python bench/run.py [--scale 10] [--seconds 5] [--database-url URL]

Seeds a throw-away database, then measures in the same process:
  resolver   the GraphQL path: customers(first: 50) with owner and tags (plus the auth lookup)
  sql_json   one SQL statement building the same page as JSON in the database (the target of
             DESIGN section 5's compiled read path)
and prints requests per second and the ratio sql_json / resolver. A falling ratio is progress.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

QUERY = """{ customers(first: 50) { edges { node { id name level owner { name } tags { name } } } } }"""

SQLITE_JSON = """
SELECT json_group_array(json_object('id', c.id, 'name', c.name, 'level', c.level,
  'owner', json_object('name', u.name),
  'tags', (SELECT json_group_array(json_object('name', t.name)) FROM customer_tag ct
           JOIN tag t ON t.id = ct.tag_id WHERE ct.workspace_id = c.workspace_id
           AND ct.customer_id = c.id AND t.deleted_at IS NULL)))
FROM (SELECT * FROM customer WHERE workspace_id = ? AND deleted_at IS NULL
      ORDER BY updated_at DESC, id DESC LIMIT 50) c LEFT JOIN app_user u ON u.id = c.owner_id
"""
PG_JSON = """
SELECT json_agg(json_build_object('id', c.id, 'name', c.name, 'level', c.level,
  'owner', json_build_object('name', u.name),
  'tags', (SELECT coalesce(json_agg(json_build_object('name', t.name)), '[]') FROM customer_tag ct
           JOIN tag t ON t.id = ct.tag_id WHERE ct.workspace_id = c.workspace_id
           AND ct.customer_id = c.id AND t.deleted_at IS NULL)))
FROM (SELECT * FROM customer WHERE workspace_id = $1 AND deleted_at IS NULL
      ORDER BY updated_at DESC, id DESC LIMIT 50) c LEFT JOIN app_user u ON u.id = c.owner_id
"""


async def rate(fn: Any, seconds: float) -> float:
    await fn()  # warm caches
    n = 0
    start = time.perf_counter()
    while time.perf_counter() - start < seconds:
        await fn()
        n += 1
    return n / (time.perf_counter() - start)


async def main(scale: int, seconds: float, url: str | None) -> None:
    import httpx
    from tortoise import Tortoise

    tmp = tempfile.mkdtemp(prefix="crm-bench-")
    url = url or f"sqlite://{Path(tmp) / 'bench.sqlite3'}"
    os.environ["DATABASE_URL"] = url
    # One load loop is one caller: its limits are not what is measured.
    os.environ["CRM_REQUEST_RATE_PER_CALLER"] = "10000000/minute"
    os.environ["CRM_COST_BUDGET_PER_MINUTE"] = "1000000000000"
    from crm.app import create_app
    from crm.auth.models import Workspace
    from crm.core.db import apply_migrations, close_db, init_db
    from crm.seed import seed_demo
    from crm.settings import get_settings

    await apply_migrations(url=url)
    await init_db(url=url)
    await seed_demo(scale=scale, echo=lambda _line: None)
    ws = await Workspace.get(slug="demo")
    app = create_app(manage_db=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b") as c:
        login = await c.post("/graphql", json={"query": """mutation($p: String!) {
            login(input: {email: "admin@demo.test", password: $p}) { accessToken } }""",
            "variables": {"p": get_settings().demo_password}})
        token = login.json()["data"]["login"]["accessToken"]
        headers = {"Authorization": f"Bearer {token}"}

        async def resolver() -> None:
            r = await c.post("/graphql", json={"query": QUERY}, headers=headers)
            assert not r.json().get("errors")

        conn = Tortoise.get_connection("default")
        postgres = url.startswith(("postgres://", "postgresql://"))

        async def sql_json() -> None:
            if postgres:
                await conn.execute_query(PG_JSON, [ws.id])
            else:
                await conn.execute_query(SQLITE_JSON, [str(ws.id)])

        r_rate = await rate(resolver, seconds)
        s_rate = await rate(sql_json, seconds)
    await close_db()
    print(f"database: {'postgres' if postgres else 'sqlite'}, scale {scale}")
    print(f"resolver  {r_rate:8.1f} req/s   customers(first: 50) with owner and tags, over HTTP/ASGI")
    print(f"sql_json  {s_rate:8.1f} req/s   one statement building the page as JSON")
    print(f"ratio sql_json/resolver = {s_rate / r_rate:.1f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=5.0)
    parser.add_argument("--database-url", default=None)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.scale, args.seconds, args.database_url)))
