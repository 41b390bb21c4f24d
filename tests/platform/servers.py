"""A real `crm serve` in a subprocess, for the tests that need the process itself (its
readiness while the database stops, the traces it sends as it exits)."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def clean_environment(**settings: str) -> dict[str, str]:
    """This process's environment without our settings (the test's own win), plus `settings`."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("CRM_", "OTEL_")) and k not in ("REDIS_URL", "DATABASE_URL")}
    # A server on the test's own database runs no background jobs unless the test asks: on
    # SQLite its periodic jobs would write while the test writes ("database is locked").
    return {**env, "CRM_ENV": "test", "CRM_JOBS_IN_SERVER": "false", **settings}


async def wait_for(url: str, status: int, seconds: float = 30) -> httpx.Response:
    deadline = time.monotonic() + seconds
    async with httpx.AsyncClient(timeout=5) as c:
        while True:
            try:
                resp = await c.get(url)
                if resp.status_code == status:
                    return resp
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"{url} did not answer {status} in {seconds}s"
            await asyncio.sleep(0.2)


@asynccontextmanager
async def running_server(env: dict[str, str], log_path: Path) -> AsyncIterator[str]:
    """Migrate, serve, and yield the base URL once /livez answers; the server is stopped (and
    so flushes what it buffers) when the block ends."""
    crm = str(BIN / "crm")
    done = await asyncio.to_thread(subprocess.run, [crm, "migrate"], env=env, cwd=ROOT,
                                   capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    port = free_port()
    with log_path.open("wb") as log:
        proc = subprocess.Popen([crm, "serve", "--port", str(port)], env=env, cwd=ROOT,  # noqa: ASYNC220
                                stdout=log, stderr=subprocess.STDOUT)
    try:
        await wait_for(f"http://127.0.0.1:{port}/livez", 200)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()
        await asyncio.to_thread(proc.wait, 15)
