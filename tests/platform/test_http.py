"""The HTTP edge answers every request with a coded JSON error when it refuses it, never a
plain-text 500; it speaks GraphQL over HTTP, CORS, and sends security headers."""

from __future__ import annotations

import logging
from pathlib import Path

import httpx
import pytest

from tests import factories as f
from tests.conftest import World

ME = {"query": "{ me { role } }"}


def code_of(resp: httpx.Response) -> str:
    return resp.json()["errors"][0]["extensions"]["code"]


@pytest.mark.parametrize("body", [b"null", b'"x"', b"1", b"true"])
async def test_a_json_body_that_is_not_an_object_is_a_400(world: World, body: bytes):
    resp = await world.client.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert resp.status_code == 400 and code_of(resp) == "INVALID"


async def test_a_chunked_body_over_the_limit_is_a_413(world: World):
    async def chunks():
        for _ in range(20):
            yield b" " * 100_000

    resp = await world.client.post("/graphql", content=chunks(), headers={"content-type": "application/json"})
    assert resp.status_code == 413 and code_of(resp) == "LIMIT_REACHED"


async def test_a_client_that_leaves_mid_request_is_not_a_server_error(app, caplog):
    """A browser that navigates away while posting: the body never completes. Nobody waits
    for an answer and nothing failed here, so no ERROR and no traceback is logged."""
    messages = [{"type": "http.request", "body": b'{"query": "{ me', "more_body": True},
                {"type": "http.disconnect"}]
    sent: list[dict] = []

    async def receive() -> dict:
        return messages.pop(0) if messages else {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/graphql", "raw_path": b"/graphql", "query_string": b"",
             "root_path": "", "headers": [(b"content-type", b"application/json"),
                                          (b"host", b"testserver")],
             "client": ("127.0.0.1", 5555), "server": ("testserver", 80)}
    with caplog.at_level(logging.INFO):
        await app(scope, receive, send)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert not [m for m in sent if m.get("status", 200) >= 500], sent


@pytest.mark.parametrize("claims", [{"sub": "not-a-uuid"}, {"wid": None}, {"sub": 12}])
async def test_a_signed_token_of_the_wrong_shape_is_unauthenticated(world: World, claims: dict):
    import time

    from joserfc import jwt

    from crm.auth.tokens import ISSUER, _key
    base = {"iss": ISSUER, "sub": str(world.users["rep1"].id), "wid": str(world.workspace.id),
            "role": "admin", "iat": int(time.time()), "exp": int(time.time()) + 60, "jti": "x"}
    base.update(claims)
    base = {k: v for k, v in base.items() if v is not None}
    token = jwt.encode({"alg": "HS256", "typ": "at+jwt"}, base, _key())
    resp = await world.client.post("/graphql", json=ME, headers={"Authorization": f"Bearer {token}"})
    assert resp.status_code in (200, 401) and code_of(resp) == "UNAUTHENTICATED", resp.text


async def test_a_database_that_does_not_answer_is_a_retryable_503(world: World, monkeypatch):
    from crm.auth.models import User

    async def refused(*_a, **_k):
        raise ConnectionRefusedError(111, "Connect call failed")

    monkeypatch.setattr(User, "get_or_none", refused)
    resp = await world.client.post("/graphql", json=ME, headers={"Authorization": f"Bearer {world.tokens['rep1']}"})
    assert resp.status_code == 503
    assert int(resp.headers["retry-after"]) > 0
    err = resp.json()["errors"][0]
    assert err["extensions"]["code"] == "UNAVAILABLE"
    assert err["extensions"]["requestId"] == resp.headers["x-request-id"]


async def test_a_mutation_over_get_is_405(world: World):
    resp = await world.client.get("/graphql", params={"query": 'mutation { logout(input: {refreshToken: "x"}) { ok } }'})
    assert resp.status_code == 405 and "POST" in resp.headers["allow"]
    assert code_of(resp) == "INVALID"


async def test_graphql_response_json_is_answered_when_asked_for(world: World):
    accept = {"accept": "application/graphql-response+json, application/json;q=0.9",
              "Authorization": f"Bearer {world.tokens['rep1']}"}
    resp = await world.client.post("/graphql", json=ME, headers=accept)
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("application/graphql-response+json")
    resp = await world.client.post("/graphql", json={"query": "{ me { "}, headers=accept)
    assert resp.status_code == 400 and "data" not in resp.json()
    plain = await world.client.post("/graphql", json={"query": "{ me { "})
    assert plain.status_code == 200 and plain.headers["content-type"].startswith("application/json")


async def test_a_client_that_rules_out_graphql_response_json_gets_json(world: World):
    """q=0 in Accept means "not acceptable" (RFC 9110): such a client gets application/json and
    the 200 older clients expect, on the view's path and on a kept answer alike."""
    headers = {"accept": "application/graphql-response+json;q=0, application/json",
               "Authorization": f"Bearer {world.tokens['rep1']}"}
    for _ in range(2):
        resp = await world.client.post("/graphql", json={"query": "{ customers(first: 1) "
                                                                  "{ totalCount } }"},
                                       headers=headers)
        assert resp.headers["content-type"].startswith("application/json"), resp.headers
    broken = await world.client.post("/graphql", json={"query": "{ me { "}, headers=headers)
    assert broken.status_code == 200 and broken.headers["content-type"].startswith(
        "application/json")


async def test_security_headers_are_on_every_response(world: World):
    for resp in (await world.client.post("/graphql", json=ME), await world.client.get("/livez")):
        assert resp.headers["x-content-type-options"] == "nosniff"
        assert resp.headers["x-frame-options"] == "DENY"
        assert "frame-ancestors 'none'" in resp.headers["content-security-policy"]
        assert "strict-transport-security" not in resp.headers
    secure = await world.client.get("https://test/livez")
    assert "max-age=" in secure.headers["strict-transport-security"]


async def test_the_server_keeps_its_own_request_id_and_records_the_clients_apart(world: World):
    from crm.core.models import AuditEvent
    sent = "client-id-1\n<script>" + "x" * 200
    resp = await world.client.post(
        "/graphql", headers={"Authorization": f"Bearer {world.tokens['admin']}", "x-request-id": sent},
        json={"query": 'mutation { createTag(input: {name: "audited"}) { tag { id } errors { code } } }'})
    assert resp.json()["data"]["createTag"]["errors"] == []
    server_id = resp.headers["x-request-id"]
    assert server_id != sent and len(server_id) == 32
    event = await AuditEvent.filter(workspace_id=world.workspace.id, object_type="Tag").first()
    assert event.request_id == server_id
    assert event.client_request_id.startswith("client-id-1")
    assert len(event.client_request_id) <= 64 and "<" not in event.client_request_id
    assert "\n" not in event.client_request_id


async def test_an_internal_error_is_logged_once_with_one_traceback(world: World, caplog, monkeypatch):
    import dataclasses

    from crm.core.graphql import NODE_TYPES

    async def broken(*_a, **_k):
        raise RuntimeError("boom")

    monkeypatch.setitem(NODE_TYPES, "Customer", dataclasses.replace(NODE_TYPES["Customer"],
                                                                   fetch=broken))
    c = await f.customer(world)
    with caplog.at_level(logging.DEBUG):
        resp = await world.client.post("/graphql", json={"query": "query($id: ID!) { node(id: $id) { id } }",
                                                         "variables": {"id": f.gid("Customer", c)}},
                                       headers={"Authorization": f"Bearer {world.tokens['rep1']}"})
    assert resp.json()["errors"][0]["extensions"]["requestId"] == resp.headers["x-request-id"]
    with_traceback = [r for r in caplog.records if r.exc_info]
    assert len(with_traceback) == 1, [r.name for r in with_traceback]


async def test_access_lines_carry_the_request_id_and_logs_are_json(world: World, caplog):
    import json

    from pythonjsonlogger.json import JsonFormatter

    from crm.core.logs import RequestIdFilter
    with caplog.at_level(logging.INFO, logger="crm.access"):
        resp = await world.client.post("/graphql", json={"query": "query Who { me { role } }"},
                                       headers={"Authorization": f"Bearer {world.tokens['rep1']}"})
    line = next(r for r in caplog.records if r.name == "crm.access")
    RequestIdFilter().filter(line)
    assert line.request_id == resp.headers["x-request-id"]
    assert (line.status, line.operation, line.path) == (200, "Who", "/graphql")
    out = json.loads(JsonFormatter("%(levelname)s %(name)s %(message)s %(request_id)s").format(line))
    assert out["request_id"] == resp.headers["x-request-id"] and out["status"] == 200


async def test_health_endpoints(world: World):
    for path in ("/livez", "/healthz", "/readyz"):
        resp = await world.client.get(path)
        assert resp.status_code == 200, path
    assert (await world.client.get("/readyz")).json()["checks"]["database"] == "ok"


async def test_metrics_scrape_with_bounded_labels(world: World):
    from crm.core import metrics
    for i in range(metrics.MAX_OPERATION_NAMES + 50):
        await world.client.post("/graphql", json={"query": f"query Op{i} {{ __typename }}"})
    await world.client.post("/graphql", json={"query": "{ nope }"})
    text = (await world.client.get("/metrics")).text
    assert "crm_http_requests_total" in text and "crm_http_request_duration_seconds_bucket" in text
    assert 'crm_graphql_errors_total{code="INVALID"}' in text
    names = {line.split('operation="')[1].split('"')[0] for line in text.splitlines()
             if line.startswith("crm_graphql_operations_total{")}
    assert len(names) <= metrics.MAX_OPERATION_NAMES + 3 and "other" in names


async def test_responses_are_compressed(world: World):
    resp = await world.client.post("/graphql", headers={"accept-encoding": "gzip"},
                                   json={"query": "{ __schema { types { name description } } }"})
    assert resp.headers.get("content-encoding") == "gzip"


async def test_cors_preflight_from_an_allowed_origin(database):
    from crm.app import create_app
    from crm.settings import get_settings
    app = create_app(get_settings().model_copy(update={"cors_origins": ["https://crm.example.com"]}),
                     manage_db=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
        pre = {"origin": "https://crm.example.com", "access-control-request-method": "POST",
               "access-control-request-headers": "authorization, content-type"}
        resp = await c.options("/graphql", headers=pre)
        assert resp.status_code == 200
        assert resp.headers["access-control-allow-origin"] == "https://crm.example.com"
        other = await c.options("/graphql", headers={**pre, "origin": "https://evil.example"})
        assert "access-control-allow-origin" not in other.headers


async def test_production_hides_the_schema_and_suggestions(database):
    from crm.app import create_app
    from crm.settings import get_settings
    prod = get_settings().model_copy(update={"env": "production"})
    app = create_app(prod, manage_db=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="https://test") as c:
        body = (await c.post("/graphql", json={"query": "{ __schema { types { name } } }"})).json()
        assert body["errors"] and not body.get("data")
        body = (await c.post("/graphql", json={"query": "{ customerz { totalCount } }"})).json()
        assert "Did you mean" not in body["errors"][0]["message"]
        assert (await c.get("/graphql", headers={"accept": "text/html"})).status_code == 404
    allowed = create_app(prod.model_copy(update={"allow_introspection": True}), manage_db=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=allowed), base_url="https://test") as c:
        body = (await c.post("/graphql", json={"query": "{ __schema { queryType { name } } }"})).json()
        assert body["data"]["__schema"]["queryType"]["name"] == "Query"


@pytest.fixture
def built_spa(tmp_path: Path) -> Path:
    (tmp_path / "assets").mkdir()
    (tmp_path / "index.html").write_text("<!doctype html><div id=root></div>")
    (tmp_path / "assets" / "index-abc123.js").write_text("console.log(1)" * 200)
    return tmp_path


async def test_the_spa_caches_hashed_assets_and_never_serves_html_for_a_missing_one(database, built_spa):
    from crm.app import create_app
    from crm.settings import get_settings
    app = create_app(get_settings().model_copy(update={"static_dir": built_spa}), manage_db=False)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as c:
        asset = await c.get("/assets/index-abc123.js", headers={"accept-encoding": "gzip"})
        assert asset.status_code == 200
        assert asset.headers["cache-control"] == "public, max-age=31536000, immutable"
        assert asset.headers["content-encoding"] == "gzip"
        missing = await c.get("/assets/gone-999.js")
        assert missing.status_code == 404 and "<div id=root>" not in missing.text
        for path in ("/", "/customers/123"):
            page = await c.get(path)
            assert page.status_code == 200 and "<div id=root>" in page.text
            assert page.headers["cache-control"] == "no-cache"


async def test_without_a_built_spa_the_root_says_how_to_build_it(world: World):
    resp = await world.client.get("/")
    assert resp.status_code == 404 and "frontend-build" in resp.text


async def test_other_clients_get_messages_in_the_language_they_ask_for(world: World):
    """A client of its own (a partner's system, a mobile app) asks in Chinese: business errors
    and request errors come worded in Chinese, with the same codes, fields and figures."""
    bad = {"query": 'mutation { createCustomer(input: {name: "X", phone: "abc"}) '
                    "{ errors { field code message } } }"}
    zh = {"Authorization": f"Bearer {world.tokens['rep1']}",
          "Accept-Language": "zh-CN,zh;q=0.9,en;q=0.8"}
    body = (await world.client.post("/graphql", json=bad, headers=zh)).json()
    assert body["data"]["createCustomer"]["errors"] == [
        {"field": "phone", "code": "INVALID", "message": "不是有效的电话号码"}]
    en = {**zh, "Accept-Language": "en-GB,en;q=0.9"}
    body = (await world.client.post("/graphql", json=bad, headers=en)).json()
    assert body["data"]["createCustomer"]["errors"][0]["message"] == "'abc' is not a valid phone number"
    anonymous = (await world.client.post("/graphql", json=ME, headers={"Accept-Language": "zh"})).json()
    assert anonymous["errors"][0]["extensions"]["code"] == "UNAUTHENTICATED"
    assert anonymous["errors"][0]["message"] == "请先登录，或登录已过期"
    # No preference, or one we do not speak: English.
    for header in ({}, {"Accept-Language": "fr-FR,de;q=0.5"}):
        plain = (await world.client.post("/graphql", json=ME, headers=header)).json()
        assert not any("\u4e00" <= ch <= "\u9fff" for ch in plain["errors"][0]["message"])


def test_the_preferred_supported_language_wins():
    from crm.core.i18n import negotiate
    assert negotiate("en;q=0.5, zh-Hans;q=0.8") == "zh-CN"
    assert negotiate("zh-TW;q=0.3, en-US") == "en"
    assert negotiate("de, *;q=0.1") == "en"
    assert negotiate("zh-CN;q=bogus, en") == "en"
    assert negotiate(None) == "en"
