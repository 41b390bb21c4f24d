"""The floor of `bench/compare.py`: the same page built by PostgreSQL in one statement and sent
as it comes, behind a bare Starlette route (no GraphQL, no policy, no authentication)."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import asyncpg
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

sys.path.insert(0, str(Path(__file__).resolve().parent))
from compare import FLOOR

URL = os.environ["DATABASE_URL"].replace("postgres://", "postgresql://")
pool: asyncpg.Pool | None = None


@contextlib.asynccontextmanager
async def lifespan(_app: Starlette) -> AsyncIterator[None]:
    global pool
    pool = await asyncpg.create_pool(URL, min_size=8, max_size=8)
    yield
    await pool.close()


async def query(request: Request) -> Response:
    body = await request.json()
    assert pool is not None
    args = [body["workspace"]]
    if body["name"] == "page200":
        args += body["after"]
    text = await pool.fetchval(FLOOR[body["name"]], *args)
    return Response(text, media_type="application/json")


async def workspace(_request: Request) -> Response:
    assert pool is not None
    return JSONResponse({"id": str(await pool.fetchval("SELECT id FROM workspace WHERE slug = 'demo'"))})


async def row(request: Request) -> Response:
    """(updated_at, id) of the customer at an offset of the list's order: page 200's keyset."""
    body = await request.json()
    assert pool is not None
    found = await pool.fetchrow(
        "SELECT updated_at::text AS at, id::text AS id FROM customer WHERE workspace_id = $1 "
        "AND deleted_at IS NULL ORDER BY updated_at DESC, id DESC OFFSET $2 LIMIT 1",
        body["workspace"], body["offset"])
    return JSONResponse({"row": [found["at"], found["id"]]})


app = Starlette(routes=[Route("/q", query, methods=["POST"]), Route("/row", row, methods=["POST"]),
                        Route("/workspace", workspace, methods=["POST"])], lifespan=lifespan)

if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning",
                access_log=False)
