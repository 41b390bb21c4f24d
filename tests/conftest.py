"""Test harness: one real database per run (SQLite file or a fresh PostgreSQL database),
built by the migrations; each test makes its own workspace, so tests never see each other."""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from tortoise import Tortoise

from crm.settings import Settings, override_settings

DB_KIND = os.environ.get("CRM_TEST_DB", "sqlite")
PG_ADMIN_URL = os.environ.get("CRM_TEST_PG", "postgres://postgres@127.0.0.1:5432/postgres")
IN_CI = os.environ.get("CI", "").lower() == "true"


async def _pg_available() -> bool:
    import asyncpg
    try:
        conn = await asyncpg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://"), timeout=5)
    except (OSError, asyncpg.PostgresError):
        return False
    await conn.close()
    return True


async def _pg_exec(sql: str) -> None:
    import asyncpg
    conn = await asyncpg.connect(PG_ADMIN_URL.replace("postgres://", "postgresql://"))
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@pytest.fixture(scope="session", autouse=True)
def audited_values_have_a_policy() -> Any:
    """Every audit write of the run is held to the field policy: a key that no field shows and
    no module's AUDIT_AS names fails the test that wrote it (in production the reading side,
    `history_field`, keeps such a value hidden from everyone)."""
    from crm.core import audit

    real = audit.record

    async def checked(actor: Any, object_type: str, object_id: Any, action: str,
                      changes: dict[str, Any] | None = None, **kwargs: Any) -> Any:
        table = actor.policy
        if changes and table.schema_fields and (
                unmapped := table.unmapped_audit_keys(object_type, changes)):
            raise AssertionError(f"{object_type} audits {unmapped} with no field policy: name "
                                 "the field that shows it in the module's AUDIT_AS")
        return await real(actor, object_type, object_id, action, changes, **kwargs)

    audit.record = checked  # type: ignore[assignment]
    yield
    audit.record = real  # type: ignore[assignment]


@pytest.fixture(scope="session")
async def database(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """A migrated database for the whole run; dropped at the end."""
    from crm.core.db import apply_migrations, close_db, init_db

    # Every test signs in from the same address, and the walks over every page send thousands
    # of requests a minute as one user: those limits have their own tests.
    settings = Settings(env="test", secret_key="test-secret-" + "x" * 32,
                        static_dir=Path("/nonexistent"), login_rate_per_address="100000/minute",
                        request_rate_per_caller="1000000/minute",
                        cost_budget_per_minute=1_000_000_000)
    override_settings(settings)
    dbname = None
    if DB_KIND == "postgres":
        if not await _pg_available():
            if IN_CI:
                pytest.fail(f"PostgreSQL is not reachable at {PG_ADMIN_URL} (CI=true needs it)")
            pytest.skip("PostgreSQL is not reachable")
        dbname = f"crm_test_{uuid.uuid4().hex[:10]}"
        await _pg_exec(f'CREATE DATABASE "{dbname}"')
        url = PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{dbname}"
    else:
        url = f"sqlite://{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    await apply_migrations(settings, url)
    await init_db(settings, url)
    try:
        yield url
    finally:
        await close_db()
        if dbname:
            await _pg_exec(f'DROP DATABASE IF EXISTS "{dbname}" WITH (FORCE)')


@pytest.fixture(scope="session")
async def app(database: str) -> Any:
    from crm.app import create_app
    return create_app(manage_db=False)


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test") as c:
        yield c


ROLES_BY_USER = {
    "admin": "admin", "manager": "sales_manager", "manager2": "sales_manager",
    "rep1": "sales_rep", "rep2": "sales_rep", "rep3": "sales_rep", "marketing": "marketing",
    "support": "support", "warehouse": "warehouse", "finance": "finance", "hr": "hr",
    "viewer": "viewer",
}
TEAMS_BY_USER = {"manager": "East", "rep1": "East", "rep2": "East", "manager2": "West",
                 "rep3": "West"}
PASSWORD = "correct-horse-battery"


@dataclass
class World:
    """A fresh workspace with one user per role, teams East and West, and their tokens."""

    workspace: Any
    users: dict[str, Any]
    teams: dict[str, Any]
    tokens: dict[str, str]
    client: httpx.AsyncClient
    stages: list[Any] = field(default_factory=list)

    async def actor(self, who: str) -> Any:
        from crm.auth.service import actor_for_user
        return await actor_for_user(self.users[who], request_id=f"test-{who}")

    async def gql(self, who: str | None, query: str, variables: dict[str, Any] | None = None,
                  *, expect_errors: bool = False) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self.tokens[who]}"} if who else {}
        resp = await self.client.post("/graphql", json={"query": query, "variables": variables or {}},
                                      headers=headers)
        assert resp.status_code == 200, resp.text
        body = resp.json()
        if not expect_errors:
            assert not body.get("errors"), body["errors"]
        return body


_HASH: str | None = None


@pytest.fixture
async def world(client: httpx.AsyncClient) -> World:
    from crm.auth.models import Team, User
    from crm.auth.passwords import hash_password
    from crm.auth.service import create_workspace
    from crm.auth.tokens import issue_access_token
    from crm.sales.service import ensure_default_stages

    global _HASH
    if _HASH is None:
        _HASH = hash_password(PASSWORD)
    slug = f"t{uuid.uuid4().hex[:12]}"
    ws = await create_workspace(f"Test {slug}", slug, {"pool_limit_per_rep": 50})
    teams = {name: await Team.create(workspace_id=ws.id, name=name) for name in ("East", "West")}
    users = {}
    for who, role in ROLES_BY_USER.items():
        team = TEAMS_BY_USER.get(who)
        users[who] = await User.create(
            workspace_id=ws.id, email=f"{who}@{slug}.test", name=who.title(), role=role,
            team_id=teams[team].id if team else None, password_hash=_HASH)
    teams["East"].manager_id = users["manager"].id
    teams["West"].manager_id = users["manager2"].id
    await teams["East"].save()
    await teams["West"].save()
    tokens = {who: issue_access_token(u.id, ws.id, u.role)[0] for who, u in users.items()}
    stages = await ensure_default_stages(ws.id)
    return World(workspace=ws, users=users, teams=teams, tokens=tokens, client=client,
                 stages=stages)


@pytest.fixture
async def shared_redis() -> AsyncIterator[Any]:
    """The real Redis (database 15, or CRM_TEST_REDIS_URL) as the server's REDIS_URL for one
    test, emptied after: what the API processes share. Skipped where no Redis runs."""
    import redis.asyncio as redis
    from redis.exceptions import RedisError

    from crm.settings import get_settings
    # Each pass of `make test` has a database of its own, so the two passes can run at once.
    url = os.environ.get("CRM_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
    client = redis.from_url(url)
    try:
        await client.ping()
    except (RedisError, OSError):
        await client.aclose()
        pytest.skip("Redis is not reachable")
    before = get_settings()
    override_settings(before.model_copy(update={"redis_url": url}))
    try:
        yield client
    finally:
        override_settings(before)
        await client.flushdb()
        await client.aclose()


class SQLCounter:
    """Counts SQL statements sent to the database (through Tortoise's client logger)."""

    def __init__(self) -> None:
        self.statements: list[str] = []

    def __enter__(self) -> SQLCounter:
        import logging
        self._logger = logging.getLogger("tortoise.db_client")
        self._level = self._logger.level
        self._handler = _ListHandler(self.statements)
        self._logger.addHandler(self._handler)
        self._logger.setLevel(logging.DEBUG)
        return self

    def __exit__(self, *exc: Any) -> None:
        self._logger.removeHandler(self._handler)
        self._logger.setLevel(self._level)

    @property
    def count(self) -> int:
        return len(self.statements)


class _ListHandler:
    def __init__(self, sink: list[str]) -> None:
        import logging
        self.sink = sink
        self.level = logging.DEBUG
        self.filters: list[Any] = []
        self.lock = None

    def handle(self, record: Any) -> bool:
        msg = record.getMessage()
        if any(word in msg.upper() for word in ("SELECT", "INSERT", "UPDATE", "DELETE")):
            self.sink.append(msg)
        return True

    def setLevel(self, level: int) -> None:
        self.level = level


@pytest.fixture
def sql_counter() -> SQLCounter:
    return SQLCounter()


def pytest_report_header(config: Any) -> str:
    return f"database: {DB_KIND}"


_ = Tortoise
