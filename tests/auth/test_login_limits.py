"""Sign-in under attack: access tokens end with their session, sign-ins are refused (not slowed)
past a limit per account and per address, hashing never blocks the event loop, and an email of
several workspaces is asked for its workspace."""

from __future__ import annotations

import threading
import uuid
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from crm.settings import get_settings, override_settings
from tests.conftest import PASSWORD, World

LOGIN = """mutation($e: String!, $p: String!, $w: String) { login(input: {email: $e, password: $p, workspace: $w}) {
  accessToken refreshToken errors { field code message } } }"""
REFRESH = "mutation($t: String!) { refreshToken(input: {refreshToken: $t}) { accessToken refreshToken errors { code } } }"
LOGOUT = "mutation($t: String!) { logout(input: {refreshToken: $t}) { ok } }"


async def sign_in(world: World, who: str = "rep1", password: str = PASSWORD, *,
                  client: httpx.AsyncClient | None = None, workspace: str | None = None) -> httpx.Response:
    return await (client or world.client).post("/graphql", json={"query": LOGIN, "variables": {
        "e": world.users[who].email, "p": password, "w": workspace}})


async def me_code(world: World, token: str) -> str | None:
    resp = await world.client.post("/graphql", json={"query": "{ me { role } }"},
                                   headers={"Authorization": f"Bearer {token}"})
    errors = resp.json().get("errors")
    return errors[0]["extensions"]["code"] if errors else None


@pytest.fixture
async def limits() -> AsyncIterator[None]:
    """Small limits for the test, then the suite's own settings back, counts forgotten."""
    from crm.auth import throttle
    before = get_settings()
    override_settings(before.model_copy(update={"login_rate_per_address": "8/minute",
                                                "login_failures_per_account": "3 per 15 minutes"}))
    await throttle.reset()
    yield
    await throttle.reset()
    override_settings(before)


async def test_an_access_token_stops_working_at_logout(world: World):
    session = (await sign_in(world)).json()["data"]["login"]
    assert await me_code(world, session["accessToken"]) is None
    await world.gql(None, LOGOUT, {"t": session["refreshToken"]})
    assert await me_code(world, session["accessToken"]) == "UNAUTHENTICATED"
    other = (await sign_in(world)).json()["data"]["login"]
    assert await me_code(world, other["accessToken"]) is None


async def test_reuse_of_a_refresh_token_ends_every_access_token_of_its_session(world: World):
    first = (await sign_in(world)).json()["data"]["login"]
    second = (await world.gql(None, REFRESH, {"t": first["refreshToken"]}))["data"]["refreshToken"]
    assert await me_code(world, second["accessToken"]) is None
    await world.gql(None, REFRESH, {"t": first["refreshToken"]})  # the thief replays the old one
    assert await me_code(world, first["accessToken"]) == "UNAUTHENTICATED"
    assert await me_code(world, second["accessToken"]) == "UNAUTHENTICATED"


async def test_checking_revocation_reads_no_table(world: World, sql_counter):
    session = (await sign_in(world)).json()["data"]["login"]
    with sql_counter:
        assert await me_code(world, session["accessToken"]) is None
    assert not [s for s in sql_counter.statements if "refresh_token" in s.lower()]


async def test_revocations_are_shared_through_redis_when_configured(world: World,
                                                                     shared_redis: Any):
    session = (await sign_in(world)).json()["data"]["login"]
    await world.gql(None, LOGOUT, {"t": session["refreshToken"]})
    keys = [k async for k in shared_redis.scan_iter("crm:revoked:*")]
    assert keys, "another API process reads revocations from Redis"
    assert 0 < await shared_redis.ttl(keys[0]) <= get_settings().access_token_ttl
    assert await me_code(world, session["accessToken"]) == "UNAUTHENTICATED"


async def test_the_memory_denylist_stays_bounded_and_forgets_expired_entries():
    from crm.auth.revocation import MemoryDenylist
    deny = MemoryDenylist(limit=100)
    for i in range(1000):
        await deny.revoke(f"jti:{i}", 600)
    assert len(deny) <= 100
    await deny.revoke("jti:short", 0)
    assert not await deny.any_revoked(["jti:short"])
    assert await deny.any_revoked(["jti:999"])


async def test_failures_for_one_account_are_refused_with_a_time_to_retry(world: World, limits):
    for _ in range(3):
        body = (await sign_in(world, password="wrong-password")).json()
        assert body["data"]["login"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
    # Even the right password waits now: the account is under attack.
    resp = await sign_in(world)
    err = resp.json()["errors"][0]
    assert err["extensions"]["code"] == "RATE_LIMITED"
    assert 0 < err["extensions"]["retryAfter"] <= 15 * 60
    assert int(resp.headers["retry-after"]) == err["extensions"]["retryAfter"]
    # Another account is not affected.
    assert (await sign_in(world, "rep2")).json()["data"]["login"]["accessToken"]


async def test_a_right_password_clears_earlier_failures(world: World, limits):
    for _ in range(2):
        await sign_in(world, "rep3", password="wrong-password")
    assert (await sign_in(world, "rep3")).json()["data"]["login"]["accessToken"]
    for _ in range(2):
        await sign_in(world, "rep3", password="wrong-password")
    assert (await sign_in(world, "rep3")).json()["data"]["login"]["accessToken"]


async def test_attempts_from_one_address_are_refused_past_the_limit(world: World, app, limits):
    attacker = httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=(f"198.51.100.{uuid.uuid4().int % 250}", 1)),
                                 base_url="http://test")
    elsewhere = httpx.AsyncClient(transport=httpx.ASGITransport(app=app, client=("203.0.113.7", 1)),
                                  base_url="http://test")
    async with attacker, elsewhere:
        for who in ("rep1", "rep2", "rep3", "manager", "manager2", "viewer", "marketing", "support"):
            body = (await sign_in(world, who, "wrong-password", client=attacker)).json()
            assert body["data"]["login"]["errors"][0]["code"] == "INVALID_CREDENTIALS"
        resp = await sign_in(world, "admin", "wrong-password", client=attacker)
        assert resp.json()["errors"][0]["extensions"]["code"] == "RATE_LIMITED"
        assert int(resp.headers["retry-after"]) > 0
        ok = (await sign_in(world, "admin", client=elsewhere)).json()
        assert ok["data"]["login"]["accessToken"]


async def test_password_hashing_never_runs_on_the_event_loop_thread(world: World, monkeypatch):
    from argon2 import PasswordHasher
    threads: list[str] = []
    verify = PasswordHasher.verify

    def recording(*args, **kwargs):
        threads.append(threading.current_thread().name)
        return verify(*args, **kwargs)

    monkeypatch.setattr(PasswordHasher, "verify", recording)
    await sign_in(world)
    await sign_in(world, password="wrong-password")
    loop_thread = threading.current_thread().name
    assert threads and loop_thread not in threads


async def test_an_email_in_two_workspaces_is_asked_for_its_workspace(world: World):
    from crm.auth.models import User, Workspace
    from crm.auth.passwords import hash_password
    slug = f"t{uuid.uuid4().hex[:12]}"
    other = await Workspace.create(name="Other", slug=slug, settings={})
    await User.create(workspace_id=other.id, email=world.users["rep1"].email, name="Rep elsewhere",
                      role="sales_rep", password_hash=hash_password(PASSWORD))
    err = (await sign_in(world)).json()["data"]["login"]["errors"][0]
    assert (err["code"], err["field"]) == ("INVALID", "workspace") and "workspace" in err["message"]
    wrong = (await sign_in(world, password="wrong-password")).json()["data"]["login"]["errors"][0]
    assert wrong["code"] == "INVALID_CREDENTIALS"
    chosen = (await sign_in(world, workspace=world.workspace.slug)).json()["data"]["login"]
    assert chosen["accessToken"] and chosen["errors"] == []
