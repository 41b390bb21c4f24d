"""Does the validation cache hit? Times N identical small queries through the ASGI app.

    .venv/bin/python bench/validation_cache.py [-n 1000] [--query '{ me { role } }']

Prints the wall time of the N requests, requests per second, and the hits and misses of
Strawberry's shared validation LRU cache over the run. With limiters whose rule classes are
built per request every request is a miss (the rules tuple is part of the cache key).
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import tempfile
import time
from pathlib import Path

QUERY = "{ me { role user { id name } } }"


async def main(n: int, query: str) -> None:
    import httpx

    tmp = tempfile.mkdtemp(prefix="crm-bench-")
    url = f"sqlite://{Path(tmp) / 'bench.sqlite3'}"
    os.environ["DATABASE_URL"] = url
    from strawberry.extensions.validation_cache import _get_validate_cache

    from crm.app import create_app
    from crm.auth.models import User
    from crm.auth.passwords import hash_password
    from crm.auth.service import create_workspace
    from crm.auth.tokens import issue_access_token
    from crm.core.db import apply_migrations, close_db, init_db

    await apply_migrations(url=url)
    await init_db(url=url)
    ws = await create_workspace("Bench", "bench", {})
    user = await User.create(workspace_id=ws.id, email="a@bench.test", name="A", role="admin",
                             password_hash=hash_password("bench-pass-123"))
    token = issue_access_token(user.id, ws.id, user.role)[0]
    app = create_app(manage_db=False)
    cache = _get_validate_cache(256)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://b") as c:
        headers = {"Authorization": f"Bearer {token}"}
        for _ in range(20):  # warm up imports, caches and the connection
            await c.post("/graphql", json={"query": query}, headers=headers)
        before = cache.cache_info()
        start = time.perf_counter()
        for _ in range(n):
            r = await c.post("/graphql", json={"query": query}, headers=headers)
            assert not r.json().get("errors"), r.text
        elapsed = time.perf_counter() - start
        after = cache.cache_info()
    await close_db()
    print(f"{n} x {query!r}: {elapsed:.2f} s, {n / elapsed:.0f} req/s, "
          f"{elapsed / n * 1000:.2f} ms/request")
    print(f"validation cache: {after.hits - before.hits} hits, "
          f"{after.misses - before.misses} misses")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=1000)
    parser.add_argument("--query", default=QUERY)
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.n, args.query)))
