"""Bad requests get clear errors with codes, never a 500 or a stack; limits hold."""

from __future__ import annotations

import logging

from tests import factories as f
from tests.conftest import World


async def post(world: World, who: str, payload: object, **kw) -> tuple[int, dict]:
    resp = await world.client.post("/graphql", json=payload,
                                   headers={"Authorization": f"Bearer {world.tokens[who]}"}, **kw)
    return resp.status_code, (resp.json() if resp.headers.get("content-type", "").startswith("application/json") else {"text": resp.text})


async def test_malformed_json_is_a_400(world: World):
    resp = await world.client.post("/graphql", content=b"{not json",
                                   headers={"content-type": "application/json",
                                            "Authorization": f"Bearer {world.tokens['rep1']}"})
    assert resp.status_code == 400


async def test_unknown_fields_and_wrong_types(world: World):
    status, body = await post(world, "rep1", {"query": "{ customers { edges { node { nope } } } }"})
    assert status == 200 and body["errors"][0]["extensions"]["code"] == "INVALID"
    status, body = await post(world, "rep1", {"query": "{ customers(first: \"ten\") { totalCount } }"})
    assert body["errors"][0]["extensions"]["code"] == "INVALID"
    status, body = await post(world, "rep1", {"query": "mutation($i: CreateCustomerInput!) { createCustomer(input: $i) { errors { code } } }",
                                              "variables": {"i": {"name": "x", "bogus": 1}}})
    assert body["errors"][0]["extensions"]["code"] == "INVALID"
    assert "stack" not in str(body).lower()


async def test_depth_alias_and_token_limits(world: World):
    deep = "{ customers { edges { node { owner { team { manager { team { manager { team { manager { team { manager { team { name } } } } } } } } } } } } } }"
    _, body = await post(world, "rep1", {"query": deep})
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_REACHED"
    aliases = "{ " + " ".join(f"a{i}: me {{ role }}" for i in range(40)) + " }"
    _, body = await post(world, "rep1", {"query": aliases})
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_REACHED"
    tokens = "{ me { " + " ".join(["role"] * 5000) + " } }"
    _, body = await post(world, "rep1", {"query": tokens})
    assert body["errors"][0]["extensions"]["code"] == "LIMIT_REACHED"


async def test_get_serves_queries_never_mutations(world: World):
    headers = {"Authorization": f"Bearer {world.tokens['rep1']}"}
    resp = await world.client.get("/graphql", params={"query": "{ me { role } }"}, headers=headers)
    assert resp.status_code == 200 and resp.json()["data"]["me"]["role"] == "sales_rep"
    resp = await world.client.get("/graphql", params={"query": 'mutation { createTag(input: {name: "via get"}) { errors { code } } }'}, headers=headers)
    assert resp.status_code in (400, 405)
    from crm.customers.models import Tag
    assert not await Tag.filter(workspace_id=world.workspace.id, name="via get").exists()


async def test_oversize_body_is_refused(world: World):
    resp = await world.client.post("/graphql", content=b"{" + b" " * 2_000_000 + b"}",
                                   headers={"content-type": "application/json"})
    assert resp.status_code == 413


async def test_server_errors_are_masked_and_logged_with_request_id(world: World, caplog, monkeypatch):
    import dataclasses

    from crm.core.graphql import NODE_TYPES

    async def broken(*_a, **_k):
        raise RuntimeError("SELECT secret FROM internals")

    monkeypatch.setitem(NODE_TYPES, "Customer", dataclasses.replace(NODE_TYPES["Customer"],
                                                                   fetch=broken))
    c = await f.customer(world)
    with caplog.at_level(logging.ERROR, logger="crm.errors"):
        resp = await world.client.post("/graphql", json={"query": "query($id: ID!) { node(id: $id) { id } }", "variables": {"id": f.gid("Customer", c)}},
                                       headers={"Authorization": f"Bearer {world.tokens['rep1']}", "x-request-id": "req-123"})
    body = resp.json()
    err = body["errors"][0]
    assert err["message"] == "Internal server error"
    # The id is the server's own (the one its logs carry), never the one the client sent.
    server_id = resp.headers["x-request-id"]
    assert server_id != "req-123"
    assert err["extensions"] == {"code": "INTERNAL", "requestId": server_id}
    assert "secret" not in resp.text
    assert any(server_id in r.getMessage() for r in caplog.records)


async def test_bad_token_says_so(world: World):
    resp = await world.client.post("/graphql", json={"query": "{ me { role } }"},
                                   headers={"Authorization": "Bearer not.a.token"})
    err = resp.json()["errors"][0]
    assert err["extensions"]["code"] == "UNAUTHENTICATED"
    assert "invalid or expired" in err["message"]


async def test_identical_queries_are_validated_once_and_the_limits_still_hold(world: World):
    from strawberry.extensions.validation_cache import _get_validate_cache
    cache = _get_validate_cache(256)
    query = {"query": "{ me { role user { id name } } }"}
    await post(world, "rep1", query)
    before = cache.cache_info()
    for _ in range(5):
        status, body = await post(world, "rep1", query)
        assert status == 200 and body["data"]["me"]["role"] == "sales_rep"
    after = cache.cache_info()
    assert after.hits - before.hits == 5 and after.misses == before.misses
    # the cached rules are the limiters: refusals are cached with the document, and repeat
    aliases = {"query": "{ " + " ".join(f"a{i}: me {{ role }}" for i in range(40)) + " }"}
    for _ in range(2):
        _, body = await post(world, "rep1", aliases)
        assert body["errors"][0]["extensions"]["code"] == "LIMIT_REACHED"
