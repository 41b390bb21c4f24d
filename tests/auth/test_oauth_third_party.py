"""A third party's view of the OAuth2 server: a real `crm serve` process, driven with Authlib's
own client the way an integration would. Client credentials and authorization code + S256
PKCE (the consent page driven over plain HTTP here, in a browser by the Playwright spec), the
token reaching exactly what its scopes allow, refresh rotation with reuse detection,
revocation, introspection, server metadata, the client recorded on audit events, and a
trusted-documents client refused any document it did not register."""

from __future__ import annotations

import asyncio
import hashlib
import json
import re
import secrets
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest
from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.httpx_client import AsyncOAuth2Client

from crm.auth import oauth
from crm.core.models import AuditEvent
from tests import factories as f
from tests.conftest import PASSWORD, World
from tests.platform.servers import BIN, clean_environment, running_server

REDIRECT = "http://127.0.0.1:9/callback"
CUSTOMERS = "{ customers(first: 5) { totalCount edges { node { name } } } }"
OPPORTUNITIES = "{ opportunities(first: 5) { totalCount } }"
CREATE = """mutation($name: String!) { createCustomer(input: {name: $name, kind: COMPANY})
  { customer { id name } errors { code } } }"""


@pytest.fixture(scope="module")
async def api(database: str, tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[str]:
    """A server process on the test's own database: what the test writes, it serves."""
    tmp = tmp_path_factory.mktemp("oauth-api")
    env = clean_environment(DATABASE_URL=database, CRM_STATIC_DIR=str(tmp / "no-spa"),
                            CRM_SECRET_KEY="oauth-test-" + "k" * 32,
                            CRM_REQUEST_RATE_PER_CALLER="100000/minute")
    async with running_server(env, tmp / "server.log") as base:
        yield base


async def gql(base: str, token: str, query: str, variables: dict[str, Any] | None = None,
              **extra: Any) -> dict[str, Any]:
    async with httpx.AsyncClient(timeout=20) as c:
        resp = await c.post(f"{base}/graphql", json={"query": query, "variables": variables or {},
                                                     **extra},
                            headers={"Authorization": f"Bearer {token}"} if token else {})
    return dict(resp.json())


def codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors") or []]


async def admin_token(api: str, world: World) -> str:
    """The admin's own sign-in token, issued by the server process (whose key it is)."""
    body = await gql(api, "", "mutation($e: String!, $p: String!, $w: String) { login("
                     "input: {email: $e, password: $p, workspace: $w}) { accessToken } }",
                     {"e": world.users["admin"].email, "p": PASSWORD, "w": world.workspace.slug})
    return str(body["data"]["login"]["accessToken"])


async def register(world: World, **values: Any) -> oauth.IssuedSecret:
    values.setdefault("name", "Partner " + secrets.token_hex(3))
    return await oauth.create_client(await world.actor("admin"), **values)


async def consent(base: str, world: World, url: str, who: str = "rep1",
                  decision: str = "approve") -> httpx.Response:
    """What a user does in the browser: open the page, sign in, approve (or deny)."""
    async with httpx.AsyncClient(timeout=20) as browser:
        page = await browser.get(url)
        assert page.status_code == 200, page.text
        csrf = re.search(r'name="csrf" value="([^"]+)"', page.text)
        assert csrf, page.text
        fields = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', page.text))
        signed = await browser.post(f"{base}/oauth/authorize/sign-in", data={
            **fields, "email": world.users[who].email, "password": PASSWORD,
            "workspace": world.workspace.slug})
        assert signed.status_code == 303, signed.text
        page = await browser.get(base + signed.headers["location"])
        assert page.status_code == 200 and 'id="scopes"' in page.text, page.text
        fields = dict(re.findall(r'type="hidden" name="([^"]+)" value="([^"]*)"', page.text))
        return await browser.post(f"{base}/oauth/authorize", data={**fields, "decision": decision})


async def test_client_credentials_reach_exactly_their_scopes(api: str, world: World) -> None:
    cust = await f.customer(world, "rep1", name="Scoped Co")
    await f.opportunity(world, cust)
    # An admin service account: its scopes alone narrow what it reaches.
    issued = await register(world, allowed_scopes=["customers:read", "sales:read"],
                            service_role="admin")
    async with AsyncOAuth2Client(issued.client.client_id, issued.secret,
                                 scope="customers:read orders:read") as client:
        token = await client.fetch_token(f"{api}/oauth/token", grant_type="client_credentials")
    # orders:read is beyond the client: left out, never granted.
    assert token["scope"] == "customers:read"
    assert token["token_type"].lower() == "bearer" and "refresh_token" not in token
    access = token["access_token"]

    body = await gql(api, access, CUSTOMERS)
    assert not body.get("errors"), body
    assert "Scoped Co" in [e["node"]["name"] for e in body["data"]["customers"]["edges"]]
    # The role reads opportunities; the token's scopes do not: no row reaches it (as for a
    # role whose row scope is none), and a field of the type answers null with FORBIDDEN.
    refused = await gql(api, access, OPPORTUNITIES)
    assert refused["data"]["opportunities"]["totalCount"] == 0, refused
    admin_sees = await gql(api, await admin_token(api, world), OPPORTUNITIES)
    assert admin_sees["data"]["opportunities"]["totalCount"] == 1, admin_sees
    # A write is outside a read scope, whatever the role may do.
    wrote = await gql(api, access, CREATE, {"name": "Not Written"})
    payload = (wrote.get("data") or {}).get("createCustomer")
    assert "FORBIDDEN" in codes(wrote) or [e["code"] for e in payload["errors"]] == ["FORBIDDEN"]

    # A wrong secret gets nothing.
    async with AsyncOAuth2Client(issued.client.client_id, "wrong") as client:
        with pytest.raises(OAuthError):
            await client.fetch_token(f"{api}/oauth/token", grant_type="client_credentials")


async def test_authorization_code_with_pkce_refresh_rotation_and_reuse(api: str,
                                                                       world: World) -> None:
    issued = await register(world, confidential=False, redirect_uris=[REDIRECT],
                            allowed_scopes=["customers:read", "customers:write"])
    client_id = issued.client.client_id
    verifier = secrets.token_urlsafe(48)
    async with AsyncOAuth2Client(client_id, redirect_uri=REDIRECT, code_challenge_method="S256",
                                 scope="customers:read customers:write",
                                 token_endpoint_auth_method="none") as client:
        url, state = client.create_authorization_url(f"{api}/oauth/authorize",
                                                     code_verifier=verifier)
        done = await consent(api, world, url)
        assert done.status_code == 302, done.text
        callback = done.headers["location"]
        assert callback.startswith(REDIRECT) and parse_qs(urlsplit(callback).query)["state"] == [state]
        token = await client.fetch_token(f"{api}/oauth/token", authorization_response=callback,
                                         code_verifier=verifier)
        assert set(token["scope"].split()) == {"customers:read", "customers:write"}

        # The token acts as rep1, with the client on every write's audit event.
        made = await gql(api, token["access_token"], CREATE, {"name": "Via OAuth"})
        assert not made.get("errors") and not made["data"]["createCustomer"]["errors"], made
        event = await AuditEvent.filter(workspace_id=world.workspace.id, action="create",
                                        object_type="Customer").order_by("-created_at").first()
        assert event is not None and event.client_id == client_id
        assert event.actor_user_id == world.users["rep1"].id

        first_refresh = token["refresh_token"]
        rotated = await client.refresh_token(f"{api}/oauth/token", refresh_token=first_refresh)
        assert rotated["refresh_token"] != first_refresh
        assert not (await gql(api, rotated["access_token"], CUSTOMERS)).get("errors")
        # The spent refresh token again: refused, and the whole grant ends with it.
        with pytest.raises(OAuthError):
            await client.refresh_token(f"{api}/oauth/token", refresh_token=first_refresh)
        with pytest.raises(OAuthError):
            await client.refresh_token(f"{api}/oauth/token",
                                       refresh_token=rotated["refresh_token"])
        assert codes(await gql(api, rotated["access_token"], CUSTOMERS)) == ["UNAUTHENTICATED"]
        # The code works once.
        with pytest.raises(OAuthError):
            await client.fetch_token(f"{api}/oauth/token", authorization_response=callback,
                                     code_verifier=verifier)


@pytest.mark.parametrize("method", ["plain", None])
async def test_pkce_other_than_s256_is_refused(api: str, world: World, method: str | None) -> None:
    issued = await register(world, confidential=False, redirect_uris=[REDIRECT],
                            allowed_scopes=["customers:read"])
    params: dict[str, str] = {"response_type": "code", "client_id": issued.client.client_id,
                              "redirect_uri": REDIRECT, "scope": "customers:read"}
    if method is not None:
        params.update(code_challenge="x" * 43, code_challenge_method=method)
    async with httpx.AsyncClient() as c:
        page = await c.get(f"{api}/oauth/authorize", params=params)
    # The client is known: the refusal goes back to its redirect URI, never to a code.
    assert page.status_code == 302, page.text
    back = parse_qs(urlsplit(page.headers["location"]).query)
    assert page.headers["location"].startswith(REDIRECT)
    assert back["error"] == ["invalid_request"] and "S256" in back["error_description"][0]
    assert "code" not in back
    # An unknown redirect URI is never redirected to: the page says what is wrong.
    async with httpx.AsyncClient() as c:
        page = await c.get(f"{api}/oauth/authorize",
                           params={**params, "redirect_uri": "https://evil.example/cb"})
    assert page.status_code == 400 and "location" not in page.headers


async def test_revocation_and_introspection(api: str, world: World) -> None:
    worker = await register(world, allowed_scopes=["customers:read"], service_role="viewer")
    checker = await register(world, allowed_scopes=["customers:read"])
    stranger_ws = f"{world.workspace.slug}"
    assert stranger_ws
    async with AsyncOAuth2Client(worker.client.client_id, worker.secret) as client:
        token = await client.fetch_token(f"{api}/oauth/token", grant_type="client_credentials")
    access = token["access_token"]
    async with AsyncOAuth2Client(checker.client.client_id, checker.secret) as rs:
        seen = (await rs.introspect_token(f"{api}/oauth/introspect", token=access)).json()
        assert seen["active"] is True and seen["client_id"] == worker.client.client_id
        assert seen["scope"] == "customers:read"
        async with AsyncOAuth2Client(worker.client.client_id, worker.secret) as client:
            revoked = await client.revoke_token(f"{api}/oauth/revoke", access,
                                                token_type_hint="access_token")
            assert revoked.status_code == 200
        assert (await rs.introspect_token(f"{api}/oauth/introspect", token=access)).json() == {
            "active": False}
        assert codes(await gql(api, access, CUSTOMERS)) == ["UNAUTHENTICATED"]
    # Disabling a client ends its tokens at once and issues none after.
    async with AsyncOAuth2Client(worker.client.client_id, worker.secret) as client:
        token = await client.fetch_token(f"{api}/oauth/token", grant_type="client_credentials")
    # The server process keeps its own revocation list without Redis: disable through it.
    admin = await admin_token(api, world)
    from crm.core.ids import to_global_id
    off = await gql(api, admin, "mutation($id: ID!) { disableOAuthClient(input: {id: $id}) "
                    "{ client { disabled } errors { code } } }",
                    {"id": to_global_id("OAuthClient", worker.client.id)})
    assert not off.get("errors"), off
    assert off["data"]["disableOAuthClient"]["client"]["disabled"] is True, off
    assert codes(await gql(api, token["access_token"], CUSTOMERS)) == ["UNAUTHENTICATED"]
    async with AsyncOAuth2Client(worker.client.client_id, worker.secret) as client:
        with pytest.raises(OAuthError):
            await client.fetch_token(f"{api}/oauth/token", grant_type="client_credentials")


async def test_metadata(api: str) -> None:
    async with httpx.AsyncClient() as c:
        meta = (await c.get(f"{api}/.well-known/oauth-authorization-server")).json()
    assert meta["issuer"] == api
    assert meta["token_endpoint"] == f"{api}/oauth/token"
    assert meta["code_challenge_methods_supported"] == ["S256"]
    assert "customers:read" in meta["scopes_supported"]
    assert set(meta["grant_types_supported"]) == {"authorization_code", "client_credentials",
                                                  "refresh_token"}


async def test_trusted_documents_client_runs_only_its_operations(api: str, world: World,
                                                                  database: str,
                                                                  tmp_path: Path) -> None:
    issued = await register(world, allowed_scopes=["customers:read"], service_role="admin",
                            trusted_documents=True)
    digest = hashlib.sha256(CUSTOMERS.encode()).hexdigest()
    # Registered as a mobile build's pipeline would: the CLI, with the codegen's map.
    ops = tmp_path / "operations.json"
    ops.write_text(json.dumps({digest: CUSTOMERS}))
    crm = str(BIN / "crm")
    env = clean_environment(DATABASE_URL=database)
    done = await asyncio.to_thread(subprocess.run, [crm, "register-operations", "--client",
                                                    issued.client.client_id, str(ops)],
                                   env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "1 new of 1" in done.stdout, done.stderr
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"0" * 64: CUSTOMERS}))
    refused = await asyncio.to_thread(subprocess.run, [crm, "register-operations", "--client",
                                                       issued.client.client_id, str(wrong)],
                                      env=env, capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "not the sha256" in refused.stderr
    async with AsyncOAuth2Client(issued.client.client_id, issued.secret) as client:
        token = (await client.fetch_token(f"{api}/oauth/token",
                                          grant_type="client_credentials"))["access_token"]
    ext = {"persistedQuery": {"version": 1, "sha256Hash": digest}}
    ran = await gql(api, token, None, extensions=ext)  # type: ignore[arg-type]
    assert not ran.get("errors") and "customers" in ran["data"], ran
    # The very same document sent as text, or any other: refused before it runs.
    assert codes(await gql(api, token, CUSTOMERS)) == ["PERSISTED_QUERY_NOT_ALLOWED"]
    assert codes(await gql(api, token, OPPORTUNITIES)) == ["PERSISTED_QUERY_NOT_ALLOWED"]
