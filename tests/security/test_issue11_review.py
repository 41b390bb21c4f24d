"""Attacks on what issue 11 added (OAuth, subscriptions, the change feed, webhooks, saved
views), each one a request an adversary can send: the answer must be a coded client error,
never an internal error, and never more than the caller may have."""

from __future__ import annotations

import asyncio
import base64
import dataclasses
import datetime as dt
import hashlib
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import httpx
import orjson
import pytest
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosed

from crm.auth import consent, oauth
from crm.core.errors import ErrorCode, ServiceError
from crm.core.policy import Actor
from crm.settings import get_settings, override_settings
from crm.webhooks import relay
from crm.webhooks import service as webhooks
from crm.webhooks.events import EventType
from crm.webhooks.models import WebhookDelivery, WebhookEndpoint
from tests import factories as f
from tests.conftest import PASSWORD, World
from tests.platform.sockets import PROTOCOL, Socket, serving, socket

FEED = "query($since: String) { changes(since: $since) { cursor hasMore } }"


def cursor_of(body: object) -> str:
    return base64.urlsafe_b64encode(orjson.dumps(body)).decode()


@pytest.mark.parametrize("forged", [
    {"t": "2026-01-01T00:00:00+00:00", "e": [1]},
    {"t": "2026-01-01T00:00:00+00:00", "e": {"a": 1}},
    {"t": "2026-01-01T00:00:00+00:00", "e": 12},
    {"t": "9999-12-31T23:59:59-14:00", "e": None},
    {"t": "0001-01-01T00:00:00+14:00", "e": None},
    {"t": ["2026"], "e": None},
])
async def test_a_forged_change_feed_cursor_is_a_coded_error(world: World, forged: object) -> None:
    body = await world.gql("rep1", FEED, {"since": cursor_of(forged)}, expect_errors=True)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["INVALID"], body
    assert body["errors"][0]["extensions"]["field"] == "since"


def oauth_actor(actor: Actor, scopes: set[str], *, service_account: bool = False) -> Actor:
    """The actor a third party's token resolves to: the admin's own (authorization code) or
    the client's admin service account (client credentials, no user)."""
    return dataclasses.replace(actor, client_id="crm_partner", scopes=frozenset(scopes),
                               user_id=None if service_account else actor.user_id)


@pytest.mark.parametrize("service_account", [False, True], ids=["user-token", "service-account"])
async def test_a_third_party_token_never_manages_webhooks(world: World,
                                                          service_account: bool) -> None:
    """A payload is the endpoint owner's reading (a service account's: nobody's, so it was the
    system's): a token with only webhooks scopes making or repointing an endpoint, or reading
    its log, would reach payroll and every customer field beyond its scopes."""
    admin = await world.actor("admin")
    endpoint, _ = await webhooks.create_endpoint(admin, "https://hooks.example.com/a",
                                                 [EventType.CUSTOMER_CREATED])
    token = oauth_actor(admin, {"webhooks:write"}, service_account=service_account)
    attempts: list[Callable[[], Awaitable[object]]] = [
        lambda: webhooks.create_endpoint(token, "https://evil.example.com/",
                                         [EventType.CUSTOMER_CREATED]),
        lambda: webhooks.update_endpoint(token, endpoint.id, {"url": "https://evil.example.com/"}),
        lambda: webhooks.rotate_secret(token, endpoint.id),
        lambda: webhooks.delete_endpoint(token, endpoint.id),
        lambda: webhooks.deliveries(token, endpoint.id),
        lambda: webhooks.test_endpoint(token, endpoint.id),
    ]
    for attempt in attempts:
        with pytest.raises(ServiceError) as refused:
            await attempt()
        assert refused.value.code is ErrorCode.FORBIDDEN
    row = await WebhookEndpoint.get(id=endpoint.id)
    assert row.url == "https://hooks.example.com/a" and row.deleted_at is None


async def test_an_endpoint_nobody_owns_carries_no_record_data(world: World) -> None:
    """Endpoints a service account made before it was refused have no owner: their payloads
    are read as nobody, not as the system (which reads everything)."""
    customer = await f.customer(world, "rep1", name="Owned Co")
    endpoint = await WebhookEndpoint.create(
        workspace_id=world.workspace.id, url="https://hooks.example.com/b", secret="whsec_x",
        event_types=["customer.created"], created_by_id=None)
    assert await relay.owner_actor(endpoint) is None
    delivery = WebhookDelivery(workspace_id=world.workspace.id, endpoint_id=endpoint.id,
                               event_id=uuid.uuid4(), event_type="customer.created",
                               object_type="Customer", object_id=customer.id,
                               created_at=dt.datetime.now(dt.UTC))
    assert (await relay.build_payload(delivery, endpoint))["data"] is None


@pytest.fixture(scope="module")
async def ws_url(app: Any) -> AsyncIterator[str]:
    async with serving(app) as url:
        yield url


@pytest.mark.parametrize("message", [
    {"id": "1", "type": "subscribe", "payload": None},
    {"id": "1", "type": "subscribe", "payload": {}},
    {"id": "1", "type": "subscribe", "payload": {"query": 12}},
    {"id": "1", "type": "subscribe", "payload": {"query": "subscription { myTasks { title } }",
                                                 "variables": [1]}},
    {"id": 1, "type": "subscribe", "payload": {"query": "subscription { myTasks { title } }"}},
], ids=["null-payload", "no-query", "query-number", "variables-list", "id-number"])
async def test_a_malformed_subscribe_message_closes_the_socket_with_4400(
        ws_url: str, world: World, message: dict[str, Any]) -> None:
    async with socket(ws_url, world.tokens["rep1"]) as s:
        await s.send(message)
        assert await s.closed_with() == 4400


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
async def test_a_subscription_that_does_not_parse_is_a_coded_error(ws_url: str, world: World,
                                                                   lang: str) -> None:
    async with connect(ws_url, subprotocols=[PROTOCOL],
                       additional_headers={"Accept-Language": lang}) as ws:
        s = Socket(ws)
        assert (await s.init(world.tokens["rep1"]))["type"] == "connection_ack"
        for broken in ("subscription { myTasks { title }", "subscription { myTasks { ti\x00 } }"):
            op = await s.subscribe(broken)
            message = await s.receive()
            assert message["id"] == op and message["type"] == "error", message
            assert message["payload"][0]["extensions"]["code"] == "INVALID"
            assert message["payload"][0]["message"].isascii() is (lang == "en")
        # The socket still serves a good subscription after them.
        good = await s.subscribe("subscription { myTasks { title } }")
        await s.send({"id": good, "type": "complete"})


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
@pytest.mark.parametrize("tampered", [
    {"redirect_uri": "https://app.example.com/cb\x00"},
    {"redirect_uri": "https://app.example.com/回调"},
    {"redirect_uri": 'https://app.example.com/cb"'},
    {"response_type": "代码"},
], ids=["nul", "unicode", "quote", "response-type"])
async def test_an_authorization_request_authlib_cannot_describe_is_a_400_page(
        world: World, client: httpx.AsyncClient, tampered: dict[str, str], lang: str) -> None:
    """Authlib quotes the redirect URI or response type in its error and refuses to build one
    holding characters RFC 6749 forbids there: that was a 500 from the consent page."""
    issued = await oauth.create_client(await world.actor("admin"), name="Partner",
                                       allowed_scopes=["customers:read"],
                                       redirect_uris=["https://app.example.com/cb"])
    params = {"response_type": "code", "client_id": issued.client.client_id,
              "redirect_uri": "https://app.example.com/cb", "scope": "customers:read",
              "state": "s", "code_challenge": "x" * 43, "code_challenge_method": "S256",
              **tampered}
    page = await client.get("/oauth/authorize", params=params,
                            headers={"Accept-Language": lang})
    assert page.status_code == 400, page.text
    assert f'<html lang="{lang}">' in page.text and 'class="error"' in page.text
    # The approval post of a signed-in user meets the same request: a 400 page, not a 500.
    nonce = "n" * 32
    posted = await client.post("/oauth/authorize", data={
        **params, "csrf": consent.csrf_for(nonce), "decision": "approve", "lang": lang},
        headers={"cookie": f"{consent.NONCE}={nonce}; {consent.SESSION}={world.tokens['rep1']}"})
    assert posted.status_code == 400, posted.text


@pytest.fixture
async def login_limits() -> AsyncIterator[None]:
    from crm.auth import throttle
    before = get_settings()
    override_settings(before.model_copy(update={"login_rate_per_address": "100/minute",
                                                "login_failures_per_account": "3 per 15 minutes"}))
    await throttle.reset()
    yield
    await throttle.reset()
    override_settings(before)


async def consent_sign_in(world: World, client: httpx.AsyncClient, lang: str,
                          **fields: str) -> httpx.Response:
    issued = await oauth.create_client(await world.actor("admin"), name="Partner",
                                       allowed_scopes=["customers:read"],
                                       redirect_uris=["https://app.example.com/cb"])
    nonce = "n" * 32
    return await client.post("/oauth/authorize/sign-in", data={
        "response_type": "code", "client_id": issued.client.client_id,
        "redirect_uri": "https://app.example.com/cb", "code_challenge": "x" * 43,
        "code_challenge_method": "S256", "csrf": consent.csrf_for(nonce), "lang": lang,
        "workspace": world.workspace.slug, **fields}, headers={"cookie": f"{consent.NONCE}={nonce}"})


@pytest.mark.parametrize("lang", ["zh-CN", "en"])
async def test_the_consent_sign_in_past_its_limit_is_a_429_page(
        world: World, client: httpx.AsyncClient, login_limits: None, lang: str) -> None:
    """The consent page signs in through the same throttle as `login`; past it the page said
    500 instead of asking to wait."""
    email = world.users["rep1"].email
    for _ in range(3):
        wrong = await consent_sign_in(world, client, lang, email=email, password="wrong-pass")
        assert wrong.status_code == 401
    refused = await consent_sign_in(world, client, lang, email=email, password=PASSWORD)
    assert refused.status_code == 429, refused.text
    assert int(refused.headers["retry-after"]) > 0
    alert = refused.text.split('role="alert">')[1].split("<")[0]
    assert alert.isascii() is (lang == "en") and alert, refused.text
    assert f'<html lang="{lang}">' in refused.text and 'name="csrf"' in refused.text


async def test_an_email_longer_than_any_account_is_wrong_credentials(
        world: World, client: httpx.AsyncClient, login_limits: None) -> None:
    """No account has a 300-character email: it is a failed sign-in, not a database error."""
    long = "a" * 300 + "@example.com"
    page = await consent_sign_in(world, client, "en", email=long, password="whatever-pass")
    assert page.status_code == 401, page.text
    body = await world.gql(None, """mutation($e: String!) { login(input: {email: $e,
        password: "whatever-pass"}) { accessToken errors { code } } }""", {"e": long},
        expect_errors=True)
    assert body["data"]["login"]["errors"] == [{"code": "INVALID_CREDENTIALS"}], body


@pytest.mark.parametrize("state", ["{size: 123456789012345678901234567890}",
                                   "{q: -123456789012345678901234567890}",
                                   "{filters: {stage: [1, 99999999999999999999999]}}"])
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
async def test_a_saved_view_state_with_a_huge_integer_is_a_coded_error(
        world: World, client: httpx.AsyncClient, state: str, lang: str) -> None:
    """A GraphQL literal integer has no size limit, and orjson refuses one past 64 bits."""
    resp = await client.post("/graphql", json={"query": f"""mutation {{ createSavedView(
        input: {{list: CUSTOMERS, name: "big", state: {state}}}) {{
        savedView {{ id }} errors {{ code field message }} }} }}"""}, headers={
        "Authorization": f"Bearer {world.tokens['rep1']}", "Accept-Language": lang})
    body = resp.json()
    assert not body.get("errors"), body
    errors = body["data"]["createSavedView"]["errors"]
    assert [(e["code"], e["field"]) for e in errors] == [("INVALID", "state")], errors
    assert errors[0]["message"].isascii() is (lang == "en")


WEBHOOK = """mutation($u: String!) { createWebhookEndpoint(input: {url: $u,
  eventTypes: [CUSTOMER_CREATED]}) { endpoint { id } errors { code field message } } }"""
BAD_URLS = ["http://[zz]/", "http://[::1/", "https://hooks.example.com:99999/",
            "https://hooks.example.com:abc/", "https://hooks.example.com:0/",
            "https://" + "a" * 70 + ".example.com/", "https://hooks..example.com/"]


@pytest.mark.parametrize("url", BAD_URLS)
@pytest.mark.parametrize("lang", ["zh-CN", "en"])
async def test_a_webhook_url_no_sender_could_call_is_invalid(
        world: World, client: httpx.AsyncClient, url: str, lang: str) -> None:
    resp = await client.post("/graphql", json={"query": WEBHOOK, "variables": {"u": url}},
                             headers={"Authorization": f"Bearer {world.tokens['admin']}",
                                      "Accept-Language": lang})
    body = resp.json()
    assert not body.get("errors"), body
    errors = body["data"]["createWebhookEndpoint"]["errors"]
    assert [(e["code"], e["field"]) for e in errors] == [("INVALID", "url")], errors
    assert errors[0]["message"].isascii() is (lang == "en")


@pytest.mark.parametrize("allow_private", [True, False], ids=["sent", "resolved"])
@pytest.mark.parametrize("url", ["https://hooks.example.com:abc/",
                                 "https://" + "a" * 70 + ".example.com/"])
async def test_a_stored_url_no_sender_could_call_fails_its_delivery(
        world: World, url: str, allow_private: bool) -> None:
    """A URL stored before its checks were this strict fails its delivery (recorded on it),
    instead of an exception out of the relay (httpx.InvalidURL is no HTTPError)."""
    before = get_settings()
    override_settings(before.model_copy(update={"webhooks_allow_private": allow_private}))
    try:
        endpoint = await WebhookEndpoint.create(
            workspace_id=world.workspace.id, url=url, secret="whsec_x",
            event_types=["customer.created"], created_by_id=world.users["admin"].id)
        delivery = await webhooks.test_endpoint(await world.actor("admin"), endpoint.id)
    finally:
        override_settings(before)
    assert delivery.last_error and delivery.last_response_code is None
    stored = await WebhookDelivery.get(id=delivery.id)
    assert stored.last_error == delivery.last_error


async def test_an_idempotency_key_is_not_shared_by_two_clients_service_accounts(
        world: World) -> None:
    """Service accounts have no user: keyed by the user alone, one client's retry key (and
    input) handed back another client's result, whatever that client's role may read."""
    from crm.core.idempotency import idempotent
    admin = await world.actor("admin")
    first = dataclasses.replace(admin, user_id=None, client_id="crm_one", scopes=None)
    other = dataclasses.replace(admin, user_id=None, client_id="crm_two", scopes=None)
    made = await f.customer(world, "rep1", name="First client's")

    async def work() -> object:
        return made

    assert (await idempotent(first, "retry-1", "createOrder", {"x": 1}, work)).id == made.id
    # The same client's retry gets its first result back ...
    assert (await idempotent(first, "retry-1", "createOrder", {"x": 1}, work)).id == made.id
    # ... another client's request with that key is a conflict, not the first one's result.
    with pytest.raises(ServiceError) as refused:
        await idempotent(other, "retry-1", "createOrder", {"x": 1}, work)
    assert refused.value.code is ErrorCode.CONFLICT


async def test_a_trusted_documents_client_subscribes_only_to_what_it_registered(
        world: World, client: httpx.AsyncClient, ws_url: str) -> None:
    """Over HTTP such a client runs only its registered operations; the socket took any
    subscription document as text."""
    issued = await oauth.create_client(await world.actor("admin"), name="Kiosk",
                                       allowed_scopes=["users:read", "sales:read"],
                                       service_role="admin", trusted_documents=True)
    registered = "subscription { pipelineChanged { action } }"
    digest = hashlib.sha256(registered.encode()).hexdigest()
    await oauth.register_operations(issued.client.client_id, {digest: registered})
    assert issued.secret is not None
    token = (await client.post("/oauth/token", data={"grant_type": "client_credentials"},
                               auth=(issued.client.client_id, issued.secret))).json()
    async with socket(ws_url, token["access_token"]) as s:
        for text in (registered, "subscription { myTasks { title } }"):
            op = await s.subscribe(text)
            refused = await s.receive()
            assert refused["id"] == op and refused["type"] == "error", refused
            assert refused["payload"][0]["extensions"]["code"] == "PERSISTED_QUERY_NOT_ALLOWED"
        await s.send({"id": "named", "type": "subscribe", "payload": {
            "query": "", "extensions": {"persistedQuery": {"version": 1, "sha256Hash": digest}}}})
        await s.send({"id": "named", "type": "complete"})
        # Still open and serving: the registered one ran (a refusal would have come first).
        await s.send({"type": "ping"})
        assert (await s.ws.recv()) == '{"type":"pong"}'


async def test_one_caller_holds_a_bounded_number_of_sockets(ws_url: str, world: World) -> None:
    """Each socket holds listeners until its token expires and costs only one request of the
    rate limit: one token could pile up sockets without end."""
    before = get_settings()
    override_settings(before.model_copy(update={"max_sockets_per_caller": 2}))
    try:
        async with socket(ws_url, world.tokens["rep1"]), socket(ws_url, world.tokens["rep1"]):
            async with socket(ws_url, init=False) as third:
                await third.send({"type": "connection_init",
                                  "payload": {"authorization": f"Bearer {world.tokens['rep1']}"}})
                assert await third.closed_with() == 4429
            # Another caller is not counted with rep1.
            async with socket(ws_url, world.tokens["rep2"]) as other:
                await other.send({"type": "ping"})
                assert (await other.receive())["type"] == "pong"
        # Closed sockets are no longer counted: rep1 may open two again, once the server has
        # seen the earlier ones end (it learns of that after the client does).
        for _ in range(100):
            async with socket(ws_url, init=False) as again:
                try:
                    if (await again.init(world.tokens["rep1"]))["type"] == "connection_ack":
                        break
                except ConnectionClosed as closed:
                    assert closed.rcvd is not None and closed.rcvd.code == 4429
            await asyncio.sleep(0.05)
        else:
            raise AssertionError("closed sockets stayed counted")
    finally:
        override_settings(before)


@pytest.mark.parametrize("changes", [
    {"redirect_uris": ["https://[zz]/cb"]}, {"redirect_uris": ["https://[::1/cb"]},
    {"redirect_uris": ["https://app.example.com:99999/cb"]},
    {"request_rate": "0/minute"}, {"request_rate": "1 per 99999999999999999999 years"},
    {"request_rate": "99999999999999999999999/minute"},
    {"request_rate": "6000/minute;0/hour"},
], ids=lambda c: f"{next(iter(c))}={next(iter(c.values()))}")
async def test_an_oauth_client_no_server_could_serve_is_invalid(world: World,
                                                                changes: dict[str, Any]) -> None:
    """A redirect URI urlsplit cannot read was a 500; a rate of zero, or with a window Redis
    cannot expire, was saved and then refused (or failed) every request of the client."""
    admin = await world.actor("admin")
    values = {"redirect_uris": ["https://app.example.com/cb"], **changes}
    with pytest.raises(ServiceError) as refused:
        await oauth.create_client(admin, name="Partner", allowed_scopes=["customers:read"],
                                  **values)
    assert refused.value.code is ErrorCode.INVALID
    assert refused.value.field in ("redirectUris", "requestRate")
    made = await oauth.create_client(admin, name="Partner", allowed_scopes=["customers:read"],
                                     redirect_uris=["https://app.example.com/cb"],
                                     request_rate="6000/minute;100000/day")
    with pytest.raises(ServiceError) as also:
        await oauth.update_client(admin, made.client.id, **changes)
    assert also.value.code is ErrorCode.INVALID
