"""A response lists at most `max_errors` errors, then one that says how many were left out;
the log gets no line for a client's errors either."""

from __future__ import annotations

import logging

from tests.conftest import World
from tests.orders.helpers import make_shop


def _denied_everywhere(aliases: int) -> str:
    # viewer may read products but not their cost price or margin: FORBIDDEN per row and field
    one = "products(first: 100) { edges { node { sku costPrice { amount } margin { amount } } } }"
    return "{ " + " ".join(f"p{i}: {one}" for i in range(aliases)) + " }"


async def test_errors_beyond_the_cap_are_summed_up_in_one(world: World, caplog):
    await make_shop(world)  # three products
    with caplog.at_level(logging.DEBUG):
        body = await world.gql("viewer", _denied_everywhere(30), expect_errors=True)
    errors = body["errors"]
    assert len(errors) == 101  # 30 aliases x 3 products x 2 fields = 180
    assert {e["extensions"]["code"] for e in errors[:100]} == {"FORBIDDEN"}
    summary = errors[100]
    assert summary["extensions"] == {"code": "LIMIT_REACHED", "dropped": 80, "maxErrors": 100}
    assert "80 more errors" in summary["message"]
    # the rows still answer, with the denied fields null
    assert body["data"]["p29"]["edges"][0]["node"]["sku"]
    assert body["data"]["p29"]["edges"][0]["node"]["costPrice"] is None
    # client errors are the client's: the 180 write one summary line, not a line each
    error_records = [r for r in caplog.records if r.name in ("strawberry.execution", "crm.errors")]
    assert len(error_records) == 1 and "had 180 errors" in error_records[0].getMessage(), [
        r.getMessage() for r in error_records]


async def test_the_cap_is_a_setting_and_short_lists_are_untouched(world: World, limits):
    await make_shop(world)
    body = await world.gql("viewer", _denied_everywhere(1), expect_errors=True)
    assert len(body["errors"]) == 6 and all(e["extensions"]["code"] == "FORBIDDEN" for e in body["errors"])
    limits(max_errors=4)
    body = await world.gql("viewer", _denied_everywhere(1), expect_errors=True)
    assert [e["extensions"]["code"] for e in body["errors"]] == ["FORBIDDEN"] * 4 + ["LIMIT_REACHED"]
    assert body["errors"][4]["extensions"]["dropped"] == 2
