"""Review: client mistakes that come back as masked INTERNAL errors instead of coded ones."""

from __future__ import annotations

import base64
import json

import pytest

from tests import factories as f
from tests.conftest import World

UPDATE = """mutation($input: UpdateCustomerInput!) {
  updateCustomer(input: $input) { customer { id name } errors { field code message } }
}"""


def _cursor(values: list) -> str:
    return base64.urlsafe_b64encode(json.dumps(values).encode()).decode()


def _codes(body: dict) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in body.get("errors") or []]


@pytest.mark.parametrize("field", ["name", "kind", "level", "lifecycleStage"])
async def test_null_for_a_required_field_on_update_is_a_500(world: World, field: str):
    """`name: null` (the input type allows null to mean "clear") reaches name_key(None) and
    raises TypeError; `kind: null` reaches a NOT NULL column. Both must be INVALID user errors."""
    c = await f.customer(world, "rep1")
    body = await world.gql("rep1", UPDATE, {"input": {"id": f.gid("Customer", c),
                                                      field: None}}, expect_errors=True)
    assert "INTERNAL" not in _codes(body), (field, body)
    payload = body["data"]["updateCustomer"]
    assert payload["errors"] and payload["errors"][0]["code"] == "INVALID", (field, body)


CURSOR_CASES = {
    "int_for_uuid": {"a": _cursor(["2024-01-01T00:00:00+00:00", 5])},
    "object_for_uuid": {"a": _cursor(["2024-01-01T00:00:00+00:00", {"x": 1}])},
}


@pytest.mark.parametrize("case", list(CURSOR_CASES))
async def test_malformed_cursor_is_a_500(world: World, case: str):
    """decode_cursor catches ValueError/TypeError/binascii.Error, but a cursor whose id value is
    not a string makes uuid.UUID(value) raise AttributeError, which escapes as INTERNAL."""
    await f.customer(world, "rep1")
    q = """query($a: String, $o: [CustomerOrder!]) {
      customers(first: 5, after: $a, orderBy: $o) { edges { node { id } } } }"""
    variables = CURSOR_CASES[case]
    body = await world.gql("rep1", q, variables, expect_errors=True)
    assert _codes(body) == ["INVALID"], (variables, body)


async def test_naive_occurred_at_is_a_500(world: World):
    """A DateTime without an offset is valid GraphQL input; log_interaction compares it with an
    aware `now` and raises TypeError (INTERNAL) instead of treating it as UTC or refusing it."""
    c = await f.customer(world, "rep1")
    body = await world.gql(
        "rep1", """mutation($i: LogInteractionInput!) {
          logInteraction(input: $i) { interaction { id } errors { field code } } }""",
        {"i": {"customerId": f.gid("Customer", c), "kind": "CALL", "summary": "hi",
               "occurredAt": "2024-03-01T10:00:00"}}, expect_errors=True)
    assert "INTERNAL" not in _codes(body), body
