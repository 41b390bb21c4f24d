"""A real server on a PostgreSQL database of its own: /readyz says not ready while the database
refuses connections (and requests get a retryable 503), /livez stays up, and both recover when
the database is back."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import DB_KIND, _pg_exec
from tests.platform.databases import fresh_postgres
from tests.platform.servers import clean_environment, running_server, wait_for

pytestmark = pytest.mark.skipif(DB_KIND != "postgres", reason="needs PostgreSQL (CRM_TEST_DB=postgres)")


@pytest.fixture
async def server(tmp_path: Path) -> AsyncIterator[tuple[str, str]]:
    async with fresh_postgres("crm_ready") as url:
        dbname = url.rsplit("/", 1)[1]
        env = clean_environment(DATABASE_URL=url, CRM_STATIC_DIR=str(tmp_path / "no-spa"),
                                CRM_LOG_FORMAT="json")
        log_path = tmp_path / "server.log"
        try:
            async with running_server(env, log_path) as base:
                yield base, dbname
        finally:
            await _pg_exec(f'ALTER DATABASE "{dbname}" WITH ALLOW_CONNECTIONS true')
            if log_path.exists():
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
    assert (await wait_for(f"{base}/readyz", 200)).json()["checks"]["database"] == "ok"

    await _pg_exec(f'ALTER DATABASE "{dbname}" WITH ALLOW_CONNECTIONS false')
    await _pg_exec(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{dbname}'")
    down = await wait_for(f"{base}/readyz", 503)
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
    up = await wait_for(f"{base}/readyz", 200)
    assert up.json()["status"] == "ready"
