"""OAuth scopes narrow, never widen: generated from the policy table, for every role, every
scope and every Type.field, a scoped token's access is at most its role's, none where the scope
does not reach the type, and at most read where the scope only reads it. Then the same through
the graph (resolver path and compiled path, which ask the same Actor): a relation into a type
outside the token's scopes answers null with FORBIDDEN, and a write outside them is refused."""

from __future__ import annotations

import time
import uuid
from typing import Any

import pytest
from joserfc import jwt

from crm.auth.tokens import AUDIENCE, signing_key
from crm.core.policy import ROLES, Access, Actor, RowScope, load_policy, oauth_scopes
from crm.schema import get_schema
from tests import factories as f
from tests.conftest import World


def table_fields() -> list[tuple[str, str]]:
    get_schema()  # fills the policy's schema fields
    table = load_policy()
    return sorted({(t, name) for t in table.objects for name in table.schema_fields.get(t, [])})


def actor(role: str, scopes: frozenset[str] | None) -> Actor:
    me = uuid.uuid4()
    return Actor(workspace_id=uuid.uuid4(), user_id=me, role=role, team_member_ids=frozenset({me}),
                 client_id="c" if scopes is not None else None, scopes=scopes)


SCOPE_SETS = [frozenset(), *[frozenset({s}) for s in oauth_scopes()], frozenset(oauth_scopes())]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("scopes", SCOPE_SETS, ids=lambda s: "+".join(sorted(s)) or "none")
def test_a_scope_never_reaches_what_the_role_or_the_scope_denies(role: str,
                                                                  scopes: frozenset[str]) -> None:
    table = load_policy()
    plain, scoped = actor(role, None), actor(role, scopes)
    checked = 0
    for type_name, field_name in table_fields():
        family = table.scope_of[type_name]
        reads = f"{family}:read" in scopes or f"{family}:write" in scopes
        writes = f"{family}:write" in scopes
        role_access = plain.field_access(type_name, field_name)
        got = scoped.field_access(type_name, field_name)
        assert got.rank <= role_access.rank, (type_name, field_name)
        if not reads:
            assert got is Access.NONE, (type_name, field_name)
        elif not writes:
            assert got.rank <= Access.READ.rank, (type_name, field_name)
        else:
            assert got is role_access, (type_name, field_name)  # within scope: the role's own
        checked += 1
    for type_name in table.objects:
        family = table.scope_of[type_name]
        reads = f"{family}:read" in scopes or f"{family}:write" in scopes
        writes = f"{family}:write" in scopes
        assert scoped.row_scope(type_name) is (plain.row_scope(type_name) if reads
                                               else RowScope.NONE)
        assert scoped.write_scope(type_name) is (plain.write_scope(type_name) if writes
                                                 else RowScope.NONE)
        for action in table.objects[type_name].actions:
            assert scoped.may(type_name, action) == (writes and plain.may(type_name, action))
    assert checked > 100


def oauth_token(world: World, who: str, scopes: str) -> str:
    """An access token as the OAuth server issues it (RFC 9068 profile) for `who`."""
    user = world.users[who]
    now = int(time.time())
    return jwt.encode({"alg": "HS256", "typ": "at+jwt"}, {
        "iss": "http://test", "aud": AUDIENCE, "sub": str(user.id), "client_id": "crm_test",
        "scope": scopes, "jti": uuid.uuid4().hex, "iat": now, "exp": now + 300,
        "wid": str(world.workspace.id), "fid": uuid.uuid4().hex}, signing_key())


NESTED = "{ opportunities(first: 5) { edges { node { title customer { name } } } } }"


async def post(world: World, token: str, query: str, variables: dict[str, Any] | None = None,
               ) -> dict[str, Any]:
    resp = await world.client.post("/graphql", json={"query": query, "variables": variables or {}},
                                   headers={"Authorization": f"Bearer {token}"})
    return dict(resp.json())


async def test_a_relation_outside_the_scopes_is_null_and_forbidden(world: World) -> None:
    cust = await f.customer(world, "rep1", name="Scoped Customer")
    await f.opportunity(world, cust)
    for _ in range(2):  # the second answer comes from the kept statements: same verdict
        both = await post(world, oauth_token(world, "admin", "sales:read customers:read"), NESTED)
        assert not both.get("errors"), both
        assert both["data"]["opportunities"]["edges"][0]["node"]["customer"]["name"] == \
            "Scoped Customer"
        narrow = await post(world, oauth_token(world, "admin", "sales:read"), NESTED)
        node = narrow["data"]["opportunities"]["edges"][0]["node"]
        assert node["title"] and node["customer"] is None, narrow
        assert [e["extensions"]["code"] for e in narrow["errors"]] == ["FORBIDDEN"]
        assert narrow["errors"][0]["path"][-1] == "customer"


async def test_a_write_outside_the_scopes_is_refused(world: World) -> None:
    create = """mutation { createCustomer(input: {name: "Scoped Write", kind: COMPANY})
      { customer { id } errors { code } } }"""
    refused = await post(world, oauth_token(world, "rep1", "customers:read"), create)
    payload = (refused.get("data") or {}).get("createCustomer")
    assert payload is None or payload["customer"] is None, refused
    assert "FORBIDDEN" in [e["extensions"]["code"] for e in refused.get("errors") or []] + [
        e["code"] for e in (payload or {}).get("errors", [])]
    allowed = await post(world, oauth_token(world, "rep1", "customers:write"), create)
    assert allowed["data"]["createCustomer"]["customer"]["id"], allowed


async def test_request_limits_count_per_client_and_per_user_within_it(world: World) -> None:
    from crm.core import quotas
    from crm.settings import get_settings, override_settings

    before = get_settings()
    override_settings(before.model_copy(update={"request_rate_per_caller": "2/minute"}))
    await quotas.reset()
    try:
        ask = "{ customers(first: 1) { totalCount } }"
        rep1 = oauth_token(world, "rep1", "customers:read")
        for _ in range(2):
            assert not (await post(world, rep1, ask)).get("errors")
        over = await post(world, oauth_token(world, "rep1", "customers:read"), ask)
        assert [e["extensions"]["code"] for e in over["errors"]] == ["RATE_LIMITED"]
        # Another user of the same client, and the same user signed in to the app itself,
        # each have windows of their own.
        assert not (await post(world, oauth_token(world, "rep2", "customers:read"), ask)).get(
            "errors")
        assert not (await post(world, world.tokens["rep1"], ask)).get("errors")
    finally:
        override_settings(before)
        await quotas.reset()
