"""Filter inputs are bounded in depth and width: a refusal is one LIMIT_REACHED error with
HTTP 200 and nothing run, never a RecursionError, a database error or a dropped connection."""

from __future__ import annotations

import uuid

import orjson
import pytest

from tests import factories as f
from tests.conftest import SQLCounter, World

QUERY = "query($f: CustomerFilter) { customers(filter: $f) { totalCount edges { node { name } } } }"


def leaf(i: int = 0) -> str:
    return f'{{"name": {{"eq": "n{i}"}}}}'


def wide(op: str, n: int) -> str:
    return f'{{"{op}": [' + ", ".join(leaf(i) for i in range(n)) + "]}"


def nested_not(n: int) -> str:
    # Built as text: 1,000 nested filters are 2,000 JSON levels, more than json.dumps recurses.
    return '{"not": ' * n + leaf() + "}" * n


async def post_raw(world: World, who: str, query: str, variables_json: str | None = None,
                   ) -> tuple[int, dict]:
    body = b'{"query": ' + orjson.dumps(query)
    if variables_json is not None:
        body += b', "variables": {"f": ' + variables_json.encode() + b"}"
    body += b"}"
    resp = await world.client.post("/graphql", content=body, headers={
        "Authorization": f"Bearer {world.tokens[who]}", "content-type": "application/json"})
    return resp.status_code, resp.json()


async def auth_only_statements(world: World) -> int:
    """What authenticating costs once the user is signed in (nothing: their facts are
    remembered), so that anything counted beyond it is the operation's own."""
    await world.gql("rep1", "{ nope }", expect_errors=True)
    with SQLCounter() as counter:
        await world.gql("rep1", "{ nope }", expect_errors=True)
    return counter.count


def refused(status: int, body: dict) -> dict:
    assert status == 200, body
    assert body["data"] is None, body
    [error] = body["errors"]
    assert error["extensions"]["code"] == "LIMIT_REACHED", error
    assert "cost" in body["extensions"]
    return error


@pytest.mark.parametrize("shape", ["or", "and", "not"])
async def test_a_thousand_filters_in_a_variable_are_refused_before_anything_runs(world: World, shape: str):
    await f.customer(world)
    value = nested_not(1000) if shape == "not" else wide(shape, 1000)
    baseline = await auth_only_statements(world)
    with SQLCounter() as counter:
        status, body = await post_raw(world, "rep1", QUERY, value)
    refused(status, body)
    assert counter.count == baseline, counter.statements


@pytest.mark.parametrize("shape", ["or", "and", "not"])
async def test_a_thousand_filters_in_a_literal_are_refused(world: World, shape: str):
    if shape == "not":
        literal = "{not: " * 1000 + '{name: {eq: "x"}}' + "}" * 1000
    else:
        literal = f"{{{shape}: [" + " ".join(f'{{name: {{eq: "n{i}"}}}}' for i in range(1000)) + "]}"
    baseline = await auth_only_statements(world)
    with SQLCounter() as counter:
        status, body = await post_raw(world, "rep1", f"{{ customers(filter: {literal}) {{ totalCount }} }}")
    refused(status, body)
    assert counter.count == baseline


async def test_depth_is_bounded_at_ten_levels(world: World):
    # {name: {eq}} is 2 levels; each `not` adds one.
    error = refused(*await post_raw(world, "rep1", QUERY, nested_not(9)))
    assert error["extensions"]["maxDepth"] == 10
    assert error["extensions"]["inputPath"].startswith("$f.not.not")
    await world.gql("rep1", QUERY, {"f": orjson.loads(nested_not(8))})
    literal = "{not: " * 9 + '{name: {eq: "x"}}' + "}" * 9
    error = refused(*await post_raw(world, "rep1", f"{{ customers(filter: {literal}) {{ totalCount }} }}"))
    assert error["locations"]
    literal = "{not: " * 8 + '{name: {eq: "x"}}' + "}" * 8
    await world.gql("rep1", f"{{ customers(filter: {literal}) {{ totalCount }} }}")


async def test_width_is_bounded_at_fifty_items_per_list(world: World):
    for op in ("or", "and"):
        error = refused(*await post_raw(world, "rep1", QUERY, wide(op, 51)))
        assert error["extensions"]["maxWidth"] == 50 and error["extensions"]["inputPath"] == f"$f.{op}"
        await world.gql("rep1", QUERY, {"f": orjson.loads(wide(op, 50))})
    names = ", ".join(f'"n{i}"' for i in range(51))
    refused(*await post_raw(world, "rep1", f"{{ customers(filter: {{name: {{in: [{names}]}}}}) {{ totalCount }} }}"))


async def test_the_whole_filter_is_bounded_in_conditions(world: World):
    # 45 alternatives of 5 names each: every list within the width, 316 conditions in all.
    alternatives = [{"name": {"in": [f"n{i}-{j}" for j in range(5)]}} for i in range(45)]
    error = refused(*await post_raw(world, "rep1", QUERY, orjson.dumps({"or": alternatives}).decode()))
    assert error["extensions"]["maxNodes"] == 200


async def test_the_largest_filters_allowed_still_answer(world: World):
    c = await f.customer(world, name="Needle")
    # two levels of 48 alternatives and a deeper one: 196 input objects (200 allowed)
    value: dict = {"name": {"eq": "Needle"}}
    for level in range(2):
        value = {"or": [{"name": {"eq": f"hay{level}-{i}"}} for i in range(48)] + [value]}
    body = await world.gql("rep1", QUERY, {"f": value})
    assert body["data"]["customers"]["totalCount"] == 1
    value = {"and": [{"name": {"startsWith": "Nee"}} for _ in range(49)] + [{"name": {"eq": "Needle"}}]}
    body = await world.gql("rep1", QUERY, {"f": value})
    assert [e["node"]["name"] for e in body["data"]["customers"]["edges"]] == [c.name]
    # ten levels: eight `not`s around a condition (an even number, so it still matches)
    value = {"name": {"eq": "Needle"}}
    for _ in range(8):
        value = {"not": value}
    body = await world.gql("rep1", QUERY, {"f": value})
    assert [e["node"]["name"] for e in body["data"]["customers"]["edges"]] == [c.name]


async def test_lists_outside_filters_keep_their_own_caps(world: World):
    # Bulk operations take up to 1,000 ids; the filter width does not apply to them.
    ids = [f.gid("Customer", type("Row", (), {"id": uuid.uuid4()})) for _ in range(200)]
    tag = await f.tag(world, "bulk")
    body = await world.gql("admin", """mutation($i: TagCustomersInput!) {
        addTags(input: $i) { failed errors { code } } }""",
                           {"i": {"customerIds": ids, "tagIds": [f.gid("Tag", tag)]}})
    assert body["data"]["addTags"]["failed"] == 200


async def test_a_variable_default_is_bounded_too(world: World):
    literal = "{not: " * 9 + '{name: {eq: "x"}}' + "}" * 9
    query = f"query($f: CustomerFilter = {literal}) {{ customers(filter: $f) {{ totalCount }} }}"
    refused(*await post_raw(world, "rep1", query))


async def test_a_body_nested_beyond_the_json_decoder_is_answered_not_dropped(world: World):
    status, body = await post_raw(world, "rep1", QUERY, nested_not(5000))
    error = refused(status, body)
    assert body["extensions"]["cost"] == 0
    assert "nest" in error["message"]
