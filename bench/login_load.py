"""Health-check latency while clients sign in: does password hashing stall the event loop?

    python bench/login_load.py http://127.0.0.1:8000 --clients 8 --seconds 10

Run against a server seeded with the demo workspace (`crm migrate && crm seed --demo`). Start it
with CRM_LOGIN_RATE_PER_ADDRESS and CRM_LOGIN_FAILURES_PER_ACCOUNT raised (e.g. 100000/minute),
or the limits refuse most sign-ins before they are hashed and the load is not what it measures.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import time

import httpx

LOGIN = "mutation($i: LoginInput!) { login(input: $i) { accessToken errors { code } } }"


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=10)
    args = parser.parse_args()
    password = os.environ.get("CRM_DEMO_PASSWORD", "demo-pass-123")
    stop = time.monotonic() + args.seconds
    logins = 0
    health: list[float] = []

    async def sign_in(c: httpx.AsyncClient) -> None:
        nonlocal logins
        while time.monotonic() < stop:
            await c.post("/graphql", json={"query": LOGIN, "variables": {
                "i": {"email": "rep1@demo.test", "password": password}}})
            logins += 1

    async def probe(c: httpx.AsyncClient) -> None:
        while time.monotonic() < stop:
            started = time.perf_counter()
            await c.get("/healthz")
            health.append((time.perf_counter() - started) * 1000)
            await asyncio.sleep(0.05)

    async with httpx.AsyncClient(base_url=args.base, timeout=60) as c:
        idle = []
        for _ in range(20):
            started = time.perf_counter()
            await c.get("/healthz")
            idle.append((time.perf_counter() - started) * 1000)
        await asyncio.gather(probe(c), *(sign_in(c) for _ in range(args.clients)))
    print(f"idle health check: median {statistics.median(idle):.1f} ms")
    print(f"{args.clients} clients, {logins} sign-ins in {args.seconds:.0f} s; health check: median "
          f"{statistics.median(health):.1f} ms, p95 {statistics.quantiles(health, n=20)[-1]:.1f} ms, "
          f"max {max(health):.1f} ms ({len(health)} probes)")


if __name__ == "__main__":
    asyncio.run(main())
