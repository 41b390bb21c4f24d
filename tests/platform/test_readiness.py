"""A real server on a PostgreSQL database of its own: /readyz says not ready while the database
refuses connections (and requests get a retryable 503), /livez stays up, and both recover when
the database is back."""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import DB_KIND, PG_ADMIN_URL, _pg_available, _pg_exec

BIN = Path(sys.executable).parent
ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(DB_KIND != "postgres", reason="needs PostgreSQL (CRM_TEST_DB=postgres)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


async def _wait_for(url: str, status: int, seconds: float = 30) -> httpx.Response:
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


@pytest.fixture
async def server(tmp_path: Path) -> AsyncIterator[tuple[str, str]]:
    if not await _pg_available():
        pytest.skip("PostgreSQL is not reachable")
    dbname = f"crm_ready_{uuid.uuid4().hex[:10]}"
    await _pg_exec(f'CREATE DATABASE "{dbname}"')
    env = {k: v for k, v in os.environ.items() if not k.startswith("CRM_") and k != "REDIS_URL"}
    env.update(DATABASE_URL=PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{dbname}", CRM_ENV="test",
               CRM_STATIC_DIR=str(tmp_path / "no-spa"), CRM_LOG_FORMAT="json")
    crm = str(BIN / "crm")
    done = await asyncio.to_thread(subprocess.run, [crm, "migrate"], env=env, cwd=ROOT,
                                   capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    port = _free_port()
    log_path = tmp_path / "server.log"
    with log_path.open("wb") as log:
        proc = subprocess.Popen([crm, "serve", "--port", str(port)], env=env, cwd=ROOT,  # noqa: ASYNC220
                                stdout=log, stderr=subprocess.STDOUT)
    try:
        await _wait_for(f"http://127.0.0.1:{port}/livez", 200)
        yield f"http://127.0.0.1:{port}", dbname
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        await _pg_exec(f'ALTER DATABASE "{dbname}" WITH ALLOW_CONNECTIONS true')
        await _pg_exec(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')
        print(log_path.read_text()[-3000:])


def _token_of_the_servers_key() -> str:
    """A well-formed token the server accepts as signed (it runs with the development key)."""
    from joserfc import jwt
    from joserfc.jwk import OctKey

    from crm.auth.tokens import ISSUER
    from crm.settings import DEFAULT_SECRET
    now = int(time.time())
    claims = {"iss": ISSUER, "sub": str(uuid.uuid4()), "wid": str(uuid.uuid4()), "role": "admin",
              "iat": now, "exp": now + 60, "jti": uuid.uuid4().hex}
    return jwt.encode({"alg": "HS256", "typ": "at+jwt"}, claims, OctKey.import_key(DEFAULT_SECRET))


async def test_readyz_fails_while_the_database_refuses_and_recovers(server: tuple[str, str]):
    base, dbname = server
    assert (await _wait_for(f"{base}/readyz", 200)).json()["checks"]["database"] == "ok"

    await _pg_exec(f'ALTER DATABASE "{dbname}" WITH ALLOW_CONNECTIONS false')
    await _pg_exec(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{dbname}'")
    down = await _wait_for(f"{base}/readyz", 503)
    assert down.json()["checks"]["database"].startswith("unavailable")
    assert int(down.headers["retry-after"]) > 0
    async with httpx.AsyncClient(timeout=10) as c:
        assert (await c.get(f"{base}/livez")).status_code == 200
        resp = await c.post(f"{base}/graphql", json={"query": 'mutation { login(input: {email: "a@b.test", password: "x"}) { accessToken } }'})
        assert resp.status_code == 503, resp.text
        assert resp.json()["errors"][0]["extensions"]["code"] == "UNAVAILABLE"
        assert resp.headers["retry-after"]
        # The token check itself (before any resolver) answers the same way.
        resp = await c.post(f"{base}/graphql", json={"query": "{ me { role } }"},
                            headers={"Authorization": f"Bearer {_token_of_the_servers_key()}"})
        assert resp.status_code == 503 and resp.headers["content-type"].startswith("application/json")
        assert resp.json()["errors"][0]["extensions"]["requestId"] == resp.headers["x-request-id"]

    await _pg_exec(f'ALTER DATABASE "{dbname}" WITH ALLOW_CONNECTIONS true')
    up = await _wait_for(f"{base}/readyz", 200)
    assert up.json()["status"] == "ready"
