"""Admins register OAuth clients through the graph: the secret is shown once and works at the
token endpoint, rotation ends the old one, other roles and third-party tokens are refused,
bad scopes and redirect URIs are coded errors, and every change is audited."""

from __future__ import annotations

from typing import Any

from crm.auth.models import OAuthClient
from crm.core.models import AuditEvent
from tests.conftest import World

CREATE = """mutation($input: CreateOAuthClientInput!) { createOAuthClient(input: $input) {
  client { id clientId name confidential allowedScopes serviceRole redirectUris version }
  clientSecret errors { field code } } }"""
ROTATE = """mutation($id: ID!) { rotateOAuthClientSecret(input: {id: $id}) {
  client { version } clientSecret errors { code } } }"""
UPDATE = """mutation($input: UpdateOAuthClientInput!) { updateOAuthClient(input: $input) {
  client { name allowedScopes version } errors { field code } } }"""
LIST = "{ oauthClients { clientId name disabled } }"


async def token(world: World, client_id: str, secret: str) -> Any:
    return await world.client.post("/oauth/token", data={"grant_type": "client_credentials"},
                                   auth=(client_id, secret))


async def test_the_life_of_a_client(world: World) -> None:
    made = (await world.gql("admin", CREATE, {"input": {
        "name": "ERP sync", "allowedScopes": ["orders:read", "customers:read"],
        "serviceRole": "finance"}}))["data"]["createOAuthClient"]
    assert made["errors"] == [] and made["clientSecret"]
    client = made["client"]
    row = await OAuthClient.get(client_id=client["clientId"])
    assert row.secret_hash != made["clientSecret"] and made["clientSecret"] not in str(
        await AuditEvent.filter(object_id=row.id).values_list("changes", flat=True))
    ok = await token(world, client["clientId"], made["clientSecret"])
    assert ok.status_code == 200 and ok.json()["scope"] == "orders:read customers:read", ok.text
    listed = (await world.gql("admin", LIST))["data"]["oauthClients"]
    assert {"clientId": client["clientId"], "name": "ERP sync", "disabled": False} in listed

    rotated = (await world.gql("admin", ROTATE, {"id": client["id"]}))["data"][
        "rotateOAuthClientSecret"]
    assert rotated["clientSecret"] and rotated["clientSecret"] != made["clientSecret"]
    assert (await token(world, client["clientId"], made["clientSecret"])).status_code == 401
    assert (await token(world, client["clientId"], rotated["clientSecret"])).status_code == 200

    changed = (await world.gql("admin", UPDATE, {"input": {
        "id": client["id"], "name": "ERP", "allowedScopes": ["orders:read"],
        "expectedVersion": rotated["client"]["version"]}}))["data"]["updateOAuthClient"]
    assert changed["errors"] == [] and changed["client"]["allowedScopes"] == ["orders:read"]
    stale = (await world.gql("admin", UPDATE, {"input": {
        "id": client["id"], "name": "Stale", "expectedVersion": 1}}))["data"]["updateOAuthClient"]
    assert [e["code"] for e in stale["errors"]] == ["CONFLICT"]
    actions = await AuditEvent.filter(object_id=row.id).order_by("created_at").values_list(
        "action", flat=True)
    assert actions == ["create", "rotate_secret", "update"]


async def test_only_admins_register_and_inputs_are_checked(world: World) -> None:
    denied = (await world.gql("manager", CREATE, {"input": {
        "name": "Nope", "allowedScopes": ["customers:read"]}}))["data"]["createOAuthClient"]
    assert [e["code"] for e in denied["errors"]] == ["FORBIDDEN"]
    listed = await world.gql("rep1", LIST, expect_errors=True)
    assert [e["extensions"]["code"] for e in listed["errors"]] == ["FORBIDDEN"]
    for bad, field in [({"allowedScopes": ["everything:write"]}, "allowedScopes"),
                       ({"allowedScopes": []}, "allowedScopes"),
                       ({"redirectUris": ["http://evil.example/cb"]}, "redirectUris"),
                       ({"serviceRole": "root"}, "serviceRole"),
                       ({"confidential": False, "serviceRole": "admin"}, "serviceRole")]:
        out = (await world.gql("admin", CREATE, {"input": {
            "name": "Bad", "allowedScopes": ["customers:read"], **bad}}))["data"][
            "createOAuthClient"]
        assert [(e["field"], e["code"]) for e in out["errors"]] == [(field, "INVALID")], bad
    public = (await world.gql("admin", CREATE, {"input": {
        "name": "Mobile", "confidential": False, "allowedScopes": ["customers:read"],
        "redirectUris": ["http://localhost:5173/cb"]}}))["data"]["createOAuthClient"]
    assert public["errors"] == [] and public["clientSecret"] is None


async def test_a_client_may_have_request_limits_of_its_own(world: World) -> None:
    from crm.core import quotas
    await quotas.reset()
    made = (await world.gql("admin", CREATE, {"input": {
        "name": "Chatty", "allowedScopes": ["customers:read"], "serviceRole": "admin",
        "requestRate": "3/minute"}}))["data"]["createOAuthClient"]
    assert made["errors"] == []
    bad = (await world.gql("admin", CREATE, {"input": {
        "name": "Bad rate", "allowedScopes": ["customers:read"], "requestRate": "often"}}))[
        "data"]["createOAuthClient"]
    assert [(e["field"], e["code"]) for e in bad["errors"]] == [("requestRate", "INVALID")]
    access = (await token(world, made["client"]["clientId"], made["clientSecret"])).json()[
        "access_token"]
    answers = []
    for _ in range(4):
        resp = await world.client.post("/graphql", json={"query": "{ customers(first: 1) "
                                                         "{ totalCount } }"},
                                       headers={"Authorization": f"Bearer {access}"})
        answers.append(resp.status_code)
    # The server's default here is a million a minute: the fourth is refused by the client's own.
    assert answers == [200, 200, 200, 429]
    await quotas.reset()


async def test_the_consent_page_refuses_a_forged_form_and_leaves_no_session_behind(
        world: World) -> None:
    import re

    from crm.auth.models import RefreshToken
    made = (await world.gql("admin", CREATE, {"input": {
        "name": "Web app", "confidential": False, "allowedScopes": ["customers:read"],
        "redirectUris": ["http://localhost:5173/cb"]}}))["data"]["createOAuthClient"]
    params = {"response_type": "code", "client_id": made["client"]["clientId"],
              "redirect_uri": "http://localhost:5173/cb", "scope": "customers:read",
              "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
              "code_challenge_method": "S256"}
    page = await world.client.get("/oauth/authorize", params={**params, "lang": "zh-CN"})
    assert page.status_code == 200 and "授权第三方应用" in page.text
    assert page.headers["x-frame-options"] == "DENY"
    csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
    assert csrf
    before = await RefreshToken.filter(user_id=world.users["rep1"].id).count()
    forged = await world.client.post("/oauth/authorize/sign-in", data={
        **params, "csrf": "0" * 64, "email": world.users["rep1"].email, "password": "x"})
    assert forged.status_code == 403
    signed = await world.client.post("/oauth/authorize/sign-in", data={
        **params, "csrf": csrf.group(1), "email": world.users["rep1"].email,
        "password": "correct-horse-battery", "workspace": world.workspace.slug})
    assert signed.status_code == 303, signed.text
    assert await RefreshToken.filter(user_id=world.users["rep1"].id).count() == before
    # Signed in now, but an approval without the page's token is refused.
    approve = await world.client.post("/oauth/authorize", data={**params, "decision": "approve"})
    assert approve.status_code == 403 and "location" not in approve.headers
