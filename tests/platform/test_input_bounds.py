"""Bad input is a coded error with nothing written: dates and times out of 1900-2200 or without
a zone, text with NUL or longer than the limit, lenient decimals, numbers beyond the columns."""

from __future__ import annotations

import pytest

from tests import factories as f
from tests.conftest import DB_KIND, World
from tests.orders.helpers import gid, make_shop

UPDATE_CUSTOMER = """mutation($i: UpdateCustomerInput!) {
  updateCustomer(input: $i) { customer { id } errors { field code } } }"""
CUSTOMERS = "{ customers(first: 50) { totalCount edges { node { id nextFollowUpAt } } } }"


def codes(body: dict) -> list[str]:
    return [e.get("extensions", {}).get("code") for e in body.get("errors") or []]


@pytest.mark.parametrize("value", [
    "0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00", "1899-12-31T23:59:59+00:00",
    "2201-01-01T00:00:00Z", "2024-03-01T10:00:00",
])
async def test_a_time_out_of_range_or_without_zone_is_refused_and_the_list_keeps_working(
        world: World, value: str):
    c = await f.customer(world, "rep1")
    body = await world.gql("rep1", UPDATE_CUSTOMER, {"i": {"id": f.gid("Customer", c),
                                                           "nextFollowUpAt": value}},
                           expect_errors=True)
    assert codes(body) == ["INVALID"], body
    await c.refresh_from_db()
    assert c.next_follow_up_at is None
    for who in ("rep1", "admin"):
        listed = await world.gql(who, CUSTOMERS)
        assert listed["data"]["customers"]["totalCount"] >= 1


async def test_a_time_in_range_with_a_zone_is_stored_in_utc(world: World):
    c = await f.customer(world, "rep1")
    body = await world.gql("rep1", UPDATE_CUSTOMER, {"i": {"id": f.gid("Customer", c),
                                                           "nextFollowUpAt": "2030-05-01T08:00:00+08:00"}})
    assert body["data"]["updateCustomer"]["errors"] == []
    await c.refresh_from_db()
    assert c.next_follow_up_at.isoformat().startswith("2030-05-01T00:00:00")


async def test_a_filter_on_a_time_out_of_range_is_refused(world: World):
    await f.customer(world, "rep1")
    for value in ("0001-01-01T00:00:00+14:00", "9999-12-31T23:59:59-12:00"):
        body = await world.gql("rep1", "query($t: DateTime) { customers(filter: {createdAt: {gt: $t}}) { totalCount } }",
                               {"t": value}, expect_errors=True)
        assert codes(body) == ["INVALID"], body
        literal = '{ customers(filter: {createdAt: {gt: "VALUE"}}) { totalCount } }'.replace("VALUE", value)
        body = await world.gql("rep1", literal, expect_errors=True)
        assert codes(body) == ["INVALID"], body


async def test_a_date_out_of_range_is_refused(world: World):
    shop = await make_shop(world)
    body = await world.gql("rep1", """mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number } errors { code } } }""",
                           {"i": {"customerId": gid("Customer", shop.customer.id), "orderedOn": "0001-01-01",
                                  "lines": [{"productId": gid("Product", shop.widget.id), "quantity": 1}]}},
                           expect_errors=True)
    assert codes(body) == ["INVALID"], body
    from crm.orders.models import Order
    assert not await Order.filter(workspace_id=world.workspace.id).exists()


@pytest.mark.parametrize("where", ["variable", "literal"])
async def test_text_with_nul_is_refused_everywhere_even_at_login(world: World, where: str):
    if where == "variable":
        body = await world.gql(None, "mutation($e: String!) { login(input: {email: $e, password: \"x\"}) { accessToken errors { code } } }",
                               {"e": "admin\u0000@x.test"}, expect_errors=True)
    else:
        body = await world.gql(None, 'mutation { login(input: {email: "admin\\u0000@x.test", password: "x"}) { accessToken } }',
                               expect_errors=True)
    assert codes(body) == ["INVALID"], body
    body = await world.gql("admin", "mutation($i: CreateTagInput!) { createTag(input: $i) { errors { code } } }",
                           {"i": {"name": "bad\u0000tag"}}, expect_errors=True)
    assert codes(body) == ["INVALID"], body
    from crm.customers.models import Tag
    assert not await Tag.filter(workspace_id=world.workspace.id).exists()


async def test_text_longer_than_the_limit_is_refused_even_in_a_filter(world: World):
    from crm.settings import get_settings
    await f.customer(world, "rep1")
    limit = get_settings().max_string_length
    body = await world.gql("rep1", "query($s: String) { customers(filter: {name: {contains: $s}}) { totalCount } }",
                           {"s": "x" * 50_000}, expect_errors=True)
    assert codes(body) == ["INVALID"], body
    literal = '{ customers(filter: {name: {contains: "VALUE"}}) { totalCount } }'.replace("VALUE", "字" * (limit + 1))
    body = await world.gql("rep1", literal, expect_errors=True)
    assert codes(body) == ["INVALID"], body
    # The longest allowed text, in the widest script, still filters without a server error.
    body = await world.gql("rep1", "query($s: String) { customers(filter: {name: {contains: $s}}) { totalCount } }",
                           {"s": "字" * limit})
    assert body["data"]["customers"]["totalCount"] == 0


@pytest.mark.parametrize("amount", ["1_000", " 1 000", "1,000", "0x10"])
async def test_lenient_decimals_are_refused(world: World, amount: str):
    shop = await make_shop(world)
    body = await world.gql("rep1", """mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number } errors { code } } }""",
                           {"i": {"customerId": gid("Customer", shop.customer.id),
                                  "lines": [{"productId": gid("Product", shop.widget.id), "quantity": 1,
                                             "unitPrice": {"amount": amount, "currency": "CNY"}}]}},
                           expect_errors=True)
    assert codes(body) == ["INVALID"], body


async def test_stock_beyond_what_the_column_holds_is_refused_with_nothing_written(world: World):
    shop = await make_shop(world, widgets=0, gadgets=0)
    q = """mutation($i: ReceiveStockInput!) { receiveStock(input: $i) { errors { code } } }"""
    i = {"productId": gid("Product", shop.widget.id), "warehouseId": gid("Warehouse", shop.main.id),
         "quantity": 10**9}
    for _ in range(2):
        body = await world.gql("warehouse", q, {"i": i})
    body = await world.gql("warehouse", q, {"i": i}, expect_errors=True)
    assert "INTERNAL" not in codes(body), body
    from crm.stock.models import StockLevel
    level = await StockLevel.get(workspace_id=world.workspace.id, product_id=shop.widget.id)
    if DB_KIND == "postgres":
        assert codes(body) == ["INVALID"] and level.on_hand == 2 * 10**9, body


async def test_an_order_whose_total_overflows_is_refused_with_nothing_written(world: World):
    shop = await make_shop(world)
    body = await world.gql("rep1", """mutation($i: CreateOrderInput!) { createOrder(input: $i) { order { number } errors { code } } }""",
                           {"i": {"customerId": gid("Customer", shop.customer.id),
                                  "lines": [{"productId": gid("Product", shop.service.id), "quantity": 10**7,
                                             "unitPrice": {"amount": "9999999999999.99", "currency": "CNY"}}]}},
                           expect_errors=True)
    payload_codes = [e["code"] for e in (body.get("data") or {}).get("createOrder", {}).get("errors") or []] \
        if body.get("data") and body["data"].get("createOrder") else []
    assert "INTERNAL" not in codes(body), body
    assert (codes(body) or payload_codes) and set(codes(body) + payload_codes) <= {"INVALID"}, body
    from crm.orders.models import Order
    assert not await Order.filter(workspace_id=world.workspace.id).exists()
