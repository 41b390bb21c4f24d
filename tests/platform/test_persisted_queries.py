"""Automatic persisted queries: a mobile app sends the sha256 of a document it sent once, over
POST or GET, and gets the same answer as with the document; an unknown hash is refused with
PERSISTED_QUERY_NOT_FOUND before anything runs, a hash that is not the document's is refused and
stores nothing, and with Redis every API process finds what another stored."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import pytest

from crm.core import persisted
from tests import factories as f
from tests.conftest import World

LIST = "query PersistedList { customers(first: 5) { totalCount edges { node { name } } } }"
RENAME = """mutation PersistedRename($id: ID!) { updateCustomer(input: {id: $id, name: "Renamed"})
  { customer { name } errors { code } } }"""


def sha(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def ext(digest: str) -> dict[str, Any]:
    return {"persistedQuery": {"version": 1, "sha256Hash": digest}}


@pytest.fixture(autouse=True)
def fresh_map() -> None:
    persisted.forget_local()


async def post(world: World, body: Any, who: str = "rep1", **headers: str) -> Any:
    return await world.client.post("/graphql", json=body, headers={
        "Authorization": f"Bearer {world.tokens[who]}", **headers})


async def get(world: World, params: dict[str, str], who: str = "rep1") -> Any:
    return await world.client.get("/graphql", params=params, headers={
        "Authorization": f"Bearer {world.tokens[who]}", "Accept": "application/json"})


def codes(body: dict[str, Any]) -> list[str]:
    return [e["extensions"]["code"] for e in body.get("errors") or []]


async def test_the_round_trip_of_a_mobile_client(world: World) -> None:
    await f.customer(world, "rep1", name="Persisted Co")
    digest = sha(LIST)
    unknown = await post(world, {"extensions": ext(digest)})
    assert unknown.status_code == 200
    assert codes(unknown.json()) == ["PERSISTED_QUERY_NOT_FOUND"]
    assert unknown.json().get("data") is None
    stored = await post(world, {"query": LIST, "extensions": ext(digest)})
    assert not stored.json().get("errors")
    by_hash = await post(world, {"extensions": ext(digest)})
    assert by_hash.json()["data"] == stored.json()["data"]
    assert [e["node"]["name"] for e in by_hash.json()["data"]["customers"]["edges"]] == [
        "Persisted Co"]
    # Over GET the URL names the document by its hash; asked again it is a kept answer.
    params = {"extensions": json.dumps(ext(digest))}
    for _ in range(2):
        by_get = await get(world, params)
        assert by_get.status_code == 200 and by_get.json()["data"] == stored.json()["data"]
        assert by_get.headers["cache-control"] == "private"
        assert "Authorization" in by_get.headers["vary"]
    # Another reader of the same document reads only their own rows.
    theirs = await post(world, {"extensions": ext(digest)}, who="rep3")
    assert theirs.json()["data"]["customers"]["totalCount"] == 0


async def test_a_hash_that_is_not_the_documents_stores_nothing(world: World) -> None:
    wrong = sha(LIST + " ")
    refused = await post(world, {"query": LIST, "extensions": ext(wrong)})
    assert codes(refused.json()) == ["INVALID"]
    assert codes((await post(world, {"extensions": ext(wrong)})).json()) == [
        "PERSISTED_QUERY_NOT_FOUND"]


@pytest.mark.parametrize("extensions", [
    {"persistedQuery": {"version": 2, "sha256Hash": sha(LIST)}},
    {"persistedQuery": {"version": 1, "sha256Hash": "XYZ"}},
    {"persistedQuery": {"version": 1, "sha256Hash": "A" * 64}},
    {"persistedQuery": {"version": 1}},
    {"persistedQuery": "abc"},
    {"persistedQuery": [1]},
])
async def test_a_malformed_persisted_query_is_the_clients_error(world: World,
                                                               extensions: Any) -> None:
    resp = await post(world, {"query": LIST, "extensions": extensions})
    assert resp.status_code == 200
    assert codes(resp.json()) == ["INVALID"]
    assert "persistedQuery" in resp.json()["errors"][0]["message"]


async def test_the_refusal_is_worded_for_a_chinese_client(world: World) -> None:
    resp = await post(world, {"extensions": ext(sha("{ me { role } }"))},
                      **{"Accept-Language": "zh-CN"})
    assert resp.json()["errors"][0]["message"].startswith("未找到已登记的查询")


async def test_a_persisted_mutation_is_not_run_over_get(world: World) -> None:
    customer = await f.customer(world, "rep1", name="Stays")
    variables = {"id": f.gid("Customer", customer)}
    done = await post(world, {"query": RENAME, "variables": variables,
                              "extensions": ext(sha(RENAME))})
    assert done.json()["data"]["updateCustomer"]["customer"]["name"] == "Renamed"
    by_get = await get(world, {"extensions": json.dumps(ext(sha(RENAME))),
                               "variables": json.dumps(variables)})
    assert by_get.status_code == 405


async def test_documents_are_shared_between_processes_through_redis(world: World,
                                                                    shared_redis: Any) -> None:
    digest = sha(LIST)
    await post(world, {"query": LIST, "extensions": ext(digest)})
    assert await shared_redis.get(persisted.PREFIX + digest) == LIST.encode()
    assert 0 < await shared_redis.ttl(persisted.PREFIX + digest)
    persisted.forget_local()  # another process: only Redis knows the document
    assert not codes((await post(world, {"extensions": ext(digest)})).json())


async def test_an_unreachable_redis_costs_a_round_trip_not_the_request(world: World) -> None:
    from crm.settings import get_settings, override_settings
    before = get_settings()
    override_settings(before.model_copy(update={"redis_url": "redis://127.0.0.1:1/0"}))
    try:
        digest = sha(LIST)
        assert codes((await post(world, {"extensions": ext(digest)})).json()) == [
            "PERSISTED_QUERY_NOT_FOUND"]
        assert not codes((await post(world, {"query": LIST, "extensions": ext(digest)})).json())
    finally:
        override_settings(before)


async def test_only_a_document_that_ran_for_a_signed_in_caller_is_kept(
        world: World, shared_redis: Any) -> None:
    """Storing is for real clients' operations: a document sent without a valid token, or one
    that does not parse or validate, is answered (or refused) as usual but kept nowhere, so
    nobody can fill Redis for 30 days with text of their choosing."""
    junk = "this is not GraphQL " * 50
    invalid = "query NoSuchField { noSuchField }"
    for body, headers in [
        ({"query": LIST, "extensions": ext(sha(LIST))}, {}),
        ({"query": LIST, "extensions": ext(sha(LIST))}, {"Authorization": "Bearer not-a-token"}),
        ({"query": junk, "extensions": ext(sha(junk))},
         {"Authorization": f"Bearer {world.tokens['rep1']}"}),
        ({"query": invalid, "extensions": ext(sha(invalid))},
         {"Authorization": f"Bearer {world.tokens['rep1']}"}),
    ]:
        await world.client.post("/graphql", json=body, headers=headers)
    assert [k async for k in shared_redis.scan_iter(persisted.PREFIX + "*")] == []
    for text in (LIST, junk, invalid):
        assert codes((await post(world, {"extensions": ext(sha(text))})).json()) == [
            "PERSISTED_QUERY_NOT_FOUND"], text
    # The signed-in client's own round trip still keeps its document.
    assert not codes((await post(world, {"query": LIST, "extensions": ext(sha(LIST))})).json())
    assert await shared_redis.get(persisted.PREFIX + sha(LIST)) == LIST.encode()


async def test_a_document_over_64_kb_of_utf8_is_run_but_not_kept(world: World) -> None:
    """The bound on kept documents is 64 KB, the size of the text a client sends: a document
    under 64 K characters but over 64 KB (Chinese in a comment, three bytes a character) is
    answered and not kept."""
    text = LIST + "\n# " + "备注" * 11_000
    assert len(text) < persisted.MAX_STORED < len(text.encode())
    resp = await post(world, {"query": text, "extensions": ext(sha(text))})
    assert resp.status_code == 200 and not codes(resp.json())
    assert codes((await post(world, {"extensions": ext(sha(text))})).json()) == [
        "PERSISTED_QUERY_NOT_FOUND"]
