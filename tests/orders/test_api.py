"""The orders API: statement counts of a page, who sees what, filters and the dashboard summary."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from crm.core.policy import Access
from crm.orders import policy, service
from crm.orders.service import LineInput, QuantityInput
from tests.conftest import ROLES_BY_USER, World
from tests.orders.helpers import gid, make_shop

PAGE = """query($n: Int!) { orders(first: $n) { edges { node {
  number status customer { name }
  lines { quantity product { sku } total { amount } }
  payments { amount { amount } }
  shipments { status lines { quantity orderLine { position } } }
} } } }"""


async def _fulfilled_orders(world: World, shop, n: int, who: str = "rep1") -> list:
    rep = await world.actor(who)
    warehouse = await world.actor("warehouse")
    finance = await world.actor("finance")
    customer = shop.customer if who == "rep1" else shop.other_customer
    orders = []
    for i in range(n):
        order = await service.create_order(rep, customer_id=customer.id, lines=[
            LineInput(shop.widget.id, 1), LineInput(shop.service.id, 1)])
        if i % 3 != 2:
            order = await service.confirm_order(rep, order.id)
            line = (await service.order_lines(order.id))[0]
            await service.create_shipment(warehouse, order.id, [QuantityInput(line.id, 1)])
            await service.record_payment(finance, order.id, Decimal("10"), "CNY")
        orders.append(order)
    return orders


async def test_a_page_of_orders_costs_the_same_statements_for_5_and_50(world: World, sql_counter):
    shop = await make_shop(world)
    await _fulfilled_orders(world, shop, 50)
    counted = {}
    await world.gql("admin", "{ __typename }")  # signed in: what is counted is the page's own
    for n in (5, 50):
        with sql_counter:
            start = sql_counter.count
            body = await world.gql("admin", PAGE, {"n": n})
            counted[n] = sql_counter.count - start
        edges = body["data"]["orders"]["edges"]
        assert len(edges) == n
        assert all(e["node"]["customer"]["name"] == shop.customer.name for e in edges)
        assert any(e["node"]["payments"] and e["node"]["shipments"] for e in edges)
    assert counted[5] == counted[50], counted
    assert counted[50] <= 12, counted
    print(f"orders(first: 5) -> {counted[5]} statements, orders(first: 50) -> {counted[50]}")


async def test_reps_see_their_orders_warehouse_sees_no_money(world: World):
    shop = await make_shop(world)
    mine = (await _fulfilled_orders(world, shop, 1))[0]
    theirs = (await _fulfilled_orders(world, shop, 1, who="rep3"))[0]
    q = "{ orders(first: 20) { edges { node { number } } } }"
    numbers = lambda body: {e["node"]["number"] for e in body["data"]["orders"]["edges"]}  # noqa: E731
    assert numbers(await world.gql("rep1", q)) == {mine.number}
    assert numbers(await world.gql("rep3", q)) == {theirs.number}
    assert numbers(await world.gql("manager", q)) == {mine.number}
    assert numbers(await world.gql("warehouse", q)) == {mine.number, theirs.number}
    assert numbers(await world.gql("hr", q)) == set()

    # Warehouse: fulfilment yes, money no.
    body = await world.gql("warehouse", """{ orders(first: 5) { edges { node {
        number status
        lines { quantity shippedQuantity unitPrice { amount } product { sku listPrice { amount } } }
        total { amount } shipments { status } } } } }""", expect_errors=True)
    node = body["data"]["orders"]["edges"][0]["node"]
    assert node["status"] and node["shipments"] and node["lines"][0]["quantity"] == 1
    assert node["total"] is None and node["lines"][0]["unitPrice"] is None
    assert node["lines"][0]["product"]["listPrice"] is None
    assert {e["extensions"]["code"] for e in body["errors"]} == {"FORBIDDEN"}
    forbidden = {e["path"][-1] for e in body["errors"]}
    assert forbidden == {"total", "unitPrice", "listPrice"}
    body = await world.gql("warehouse", '{ orders(filter: {total: {gt: "1"}}) { totalCount } }',
                           expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"

    # Cost and margin: finance, admins and managers; not reps.
    cost_q = """query($id: ID!) { node(id: $id) { ... on Product {
        costPrice { amount } margin { amount } } } }"""
    for who, allowed in [("finance", True), ("admin", True), ("manager", True), ("rep1", False),
                         ("warehouse", False), ("viewer", False)]:
        body = await world.gql(who, cost_q, {"id": gid("Product", shop.widget.id)},
                               expect_errors=not allowed)
        node = body["data"]["node"]
        if allowed:
            assert node == {"costPrice": {"amount": "120.00"}, "margin": {"amount": "79.99"}}
        else:
            assert node == {"costPrice": None, "margin": None}, who


SCALAR_FIELDS = {"paymentStatus", "discount", "taxRate"}
SUB_SELECTION = {"payments": "{ id }"}


def _selection(type_name: str) -> list[str]:
    # The money rules; the delivery details (shown masked, not hidden) are held to their facts
    # by the access matrix.
    return [k.split(".")[1] for k, rule in policy.FIELDS.items()
            if k.split(".")[0] == type_name and rule.default is not Access.MASKED]


def _select(fields: list[str]) -> str:
    return " ".join(f if f in SCALAR_FIELDS else f"{f} {SUB_SELECTION.get(f, '{ amount }')}"
                    for f in fields)


@pytest.mark.parametrize("who", list(ROLES_BY_USER))
async def test_permission_matrix_of_order_fields(world: World, who: str):
    """Every rule of the orders policy on Order, OrderLine and Product, for every role, through
    `node` and the nested paths order -> lines -> product."""
    shop = await make_shop(world)
    order = (await _fulfilled_orders(world, shop, 1))[0]
    actor = await world.actor(who)
    visible = actor.can_read_row("Order", order)
    per_type = {t: _selection(t) for t in ("Order", "OrderLine", "Product")}
    query = (f"query($id: ID!) {{ node(id: $id) {{ ... on Order {{ number "
             f"{_select(per_type['Order'])} lines {{ quantity {_select(per_type['OrderLine'])} "
             f"product {{ sku {_select(per_type['Product'])} }} }} }} }} }}")
    body = await world.gql(who, query, {"id": gid("Order", order.id)}, expect_errors=True)
    node = body["data"]["node"]
    if not visible:
        assert node is None
        return
    denied: dict[str, set[str]] = {"Order": set(), "OrderLine": set(), "Product": set()}
    for e in body.get("errors") or []:
        path = [p for p in e["path"] if not isinstance(p, int)]
        owner = {1: "Order", 2: "OrderLine", 3: "Product"}[len(path) - 1]
        denied[owner].add(path[-1])
    values = {"Order": node, "OrderLine": node["lines"][0],
              "Product": node["lines"][0]["product"]}
    for type_name, fields in per_type.items():
        for f in fields:
            may = policy.FIELDS[f"{type_name}.{f}"].for_role(actor.role).rank >= Access.READ.rank
            assert (f not in denied[type_name]) == may, (who, type_name, f)
            assert (values[type_name][f] is not None) == may, (who, type_name, f)


async def test_filters_sorts_and_customer_fields(world: World):
    shop = await make_shop(world)
    orders = await _fulfilled_orders(world, shop, 6)
    body = await world.gql("rep1", """query($c: ID!, $p: ID!) {
      drafts: orders(filter: {status: {eq: DRAFT}}) { totalCount }
      paid: orders(filter: {paymentStatus: {in: [PARTIALLY_PAID]}, customer: {eq: $c}}) {
        totalCount }
      withWidget: orders(filter: {product: {eq: $p}}) { totalCount }
      big: orders(filter: {total: {gte: "1000"}}, orderBy: [{field: TOTAL, direction: DESC}]) {
        totalCount edges { node { total { amount } } } }
    }""", {"c": gid("Customer", shop.customer.id), "p": gid("Product", shop.widget.id)})
    data = body["data"]
    assert data["drafts"]["totalCount"] == 2
    assert data["paid"]["totalCount"] == 4
    assert data["withWidget"]["totalCount"] == 6
    assert data["big"]["totalCount"] == 6
    assert len(orders) == 6


async def test_sales_summary_and_payroll_feeds(world: World):
    shop = await make_shop(world)
    await _fulfilled_orders(world, shop, 3)
    await _fulfilled_orders(world, shop, 3, who="rep3")
    today = dt.date.today()
    start, end = today.replace(day=1), today + dt.timedelta(days=1)
    booked = await service.booked_revenue(world.workspace.id, start, end)
    # 2 of each 3 are confirmed: widget 199.99 + 13% tax = 225.99, service 1000.00
    assert booked[world.users["rep1"].id] == [(122599, "CNY"), (122599, "CNY")]
    assert len(booked[world.users["rep3"].id]) == 2
    collected = await service.collected_payments(world.workspace.id, start, end)
    assert len(collected) == 4
    assert {c.owner_id for c in collected} == {world.users["rep1"].id, world.users["rep3"].id}
    assert all(c.amount_minor == 1000 and c.order_number.startswith("SO-") for c in collected)
    assert await service.collected_payments(world.workspace.id, end, end + dt.timedelta(1)) == []

    q = """query($s: Date!, $e: Date!, $by: SalesBreakdown!) {
      salesSummary(period: {start: $s, end: $e}, groupBy: MONTH, by: $by) {
        periodStart orders booked { amount currency } collected { amount }
        owner { name } productLine { name } } }"""
    body = await world.gql("manager", q, {"s": start.isoformat(), "e": end.isoformat(),
                                          "by": "OWNER"})
    rows = body["data"]["salesSummary"]
    assert [(r["owner"]["name"], r["orders"], r["booked"][0]["amount"], r["collected"][0]["amount"])
            for r in rows] == [("Rep1", 2, "2451.98", "20.00")]
    body = await world.gql("finance", q, {"s": start.isoformat(), "e": end.isoformat(),
                                          "by": "PRODUCT_LINE"})
    rows = body["data"]["salesSummary"]
    by_line = {(r["productLine"] or {}).get("name"): r["booked"][0]["amount"] for r in rows}
    assert by_line == {"Hardware": "903.96", None: "4000.00"}
    body = await world.gql("warehouse", q, {"s": start.isoformat(), "e": end.isoformat(),
                                            "by": "NONE"}, expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_shortfall_through_the_api_names_each_line(world: World):
    shop = await make_shop(world, widgets=1, gadgets=5)
    rep = await world.actor("rep1")
    order = await service.create_order(rep, customer_id=shop.customer.id, lines=[
        LineInput(shop.gadget.id, 2), LineInput(shop.widget.id, 4), LineInput(shop.service.id, 1)])
    body = await world.gql("rep1", """mutation($id: ID!) { confirmOrder(input: {id: $id}) {
        order { status } errors { field code message } } }""", {"id": gid("Order", order.id)})
    payload = body["data"]["confirmOrder"]
    assert payload["order"] is None
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("lines.1.quantity", "INSUFFICIENT_STOCK")]
    assert "W-1: 4 wanted, 1 available" in payload["errors"][0]["message"]


async def test_order_history_hides_money_from_the_warehouse(world: World):
    shop = await make_shop(world)
    order = (await _fulfilled_orders(world, shop, 1))[0]
    q = """query($id: ID!) { node(id: $id) { ... on Order {
        history(first: 20) { edges { node { action changes { field new } } } } } } }"""
    fields = {}
    for who in ("warehouse", "finance"):
        body = await world.gql(who, q, {"id": gid("Order", order.id)})
        fields[who] = {c["field"] for e in body["data"]["node"]["history"]["edges"]
                       for c in e["node"]["changes"]}
    assert {"paid", "total", "paymentStatus"} <= fields["finance"], fields
    assert "status" in fields["warehouse"]
    assert not fields["warehouse"] & {"paid", "total", "paymentStatus", "paidMinor"}


async def test_other_workspaces_never_see_or_touch_orders(world: World):
    import uuid as _uuid

    from crm.auth.models import User
    from crm.auth.service import actor_for_user, create_workspace
    from crm.auth.tokens import issue_access_token
    from crm.core.errors import ErrorCode, ServiceError

    shop = await make_shop(world)
    order = (await _fulfilled_orders(world, shop, 1))[0]
    slug = f"x{_uuid.uuid4().hex[:12]}"
    other = await create_workspace(f"Other {slug}", slug, {})
    intruder = await User.create(workspace_id=other.id, email=f"admin@{slug}.test", name="Intruder",
                                 role="admin", password_hash="x")
    world.tokens["intruder"] = issue_access_token(intruder.id, other.id, "admin")[0]
    body = await world.gql("intruder", """query($id: ID!, $p: ID!) { node(id: $id) { id }
        product: node(id: $p) { id } orders(first: 5) { totalCount } lowStock { suggestedQuantity }
        stockLevels(first: 5) { totalCount } }""",
                           {"id": gid("Order", order.id), "p": gid("Product", shop.widget.id)})
    data = body["data"]
    assert data["node"] is None and data["product"] is None
    assert data["orders"]["totalCount"] == 0 and data["stockLevels"]["totalCount"] == 0
    actor = await actor_for_user(intruder)
    for call in (service.confirm_order(actor, order.id),
                 service.record_payment(actor, order.id, Decimal(1), "CNY"),
                 service.create_order(actor, customer_id=shop.customer.id,
                                      lines=[LineInput(shop.widget.id, 1)])):
        with pytest.raises(ServiceError) as err:
            await call
        assert err.value.code is ErrorCode.NOT_FOUND


async def test_editing_products_and_draft_orders(world: World):
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    order = await service.create_order(rep, customer_id=shop.customer.id,
                                       lines=[LineInput(shop.widget.id, 1)])
    m = """mutation($input: ReplaceOrderLinesInput!) { replaceOrderLines(input: $input) {
        order { version total { amount } lines { product { sku } quantity } }
        errors { field code } } }"""
    body = await world.gql("rep1", m, {"input": {"id": gid("Order", order.id),
                                                 "expectedVersion": 1, "lines": [
        {"productId": gid("Product", shop.gadget.id), "quantity": 3, "discount": "10"}]}})
    payload = body["data"]["replaceOrderLines"]
    assert payload["errors"] == []
    assert payload["order"]["total"] == {"amount": "135.00"}
    assert payload["order"]["lines"] == [{"product": {"sku": "G-1"}, "quantity": 3}]
    stale = await world.gql("rep1", m, {"input": {"id": gid("Order", order.id),
                                                  "expectedVersion": 1, "lines": [
        {"productId": gid("Product", shop.gadget.id), "quantity": 1}]}})
    assert stale["data"]["replaceOrderLines"]["errors"] == [
        {"field": "expectedVersion", "code": "CONFLICT"}]
    update = """mutation($input: UpdateOrderInput!) { updateOrder(input: $input) {
        order { terms contractStart contractEnd } errors { field code } } }"""
    body = await world.gql("rep1", update, {"input": {
        "id": gid("Order", order.id), "terms": "预付30% 30% upfront",
        "contractStart": "2026-12-01", "contractEnd": "2027-11-30"}})
    assert body["data"]["updateOrder"]["order"]["terms"] == "预付30% 30% upfront"
    await service.confirm_order(rep, order.id)
    body = await world.gql("rep1", m, {"input": {"id": gid("Order", order.id), "lines": [
        {"productId": gid("Product", shop.gadget.id), "quantity": 1}]}})
    assert body["data"]["replaceOrderLines"]["errors"] == [
        {"field": "orderId", "code": "INVALID_STATE"}]

    pm = """mutation($input: UpdateProductInput!) { updateProduct(input: $input) {
        product { name listPrice { amount } } errors { field code } } }"""
    body = await world.gql("manager", pm, {"input": {
        "id": gid("Product", shop.widget.id), "name": "Widget Pro",
        "listPrice": {"amount": "219.00", "currency": "CNY"}}})
    assert body["data"]["updateProduct"]["product"] == {"name": "Widget Pro",
                                                        "listPrice": {"amount": "219.00"}}
    body = await world.gql("manager", pm, {"input": {
        "id": gid("Product", shop.widget.id), "costPrice": {"amount": "1", "currency": "CNY"}}})
    assert body["data"]["updateProduct"]["errors"] == [{"field": "costPrice", "code": "FORBIDDEN"}]
    body = await world.gql("rep1", pm, {"input": {"id": gid("Product", shop.widget.id),
                                                  "name": "Mine"}})
    assert body["data"]["updateProduct"]["errors"][0]["code"] == "FORBIDDEN"


async def test_bad_input_through_the_api_returns_codes_and_writes_nothing(world: World):
    from tests.orders.helpers import counts
    shop = await make_shop(world)
    m = """mutation($input: CreateOrderInput!) { createOrder(input: $input) {
        order { id } errors { field code message } } }"""
    c, w = gid("Customer", shop.customer.id), gid("Product", shop.widget.id)
    before = await counts(world)
    cases = [
        ({"customerId": c, "lines": [{"productId": w, "quantity": 1,
                                      "unitPrice": {"amount": "9.999", "currency": "CNY"}}]},
         [("lines.0.unitPrice.amount", "INVALID")]),
        ({"customerId": c, "currency": "cny", "lines": [{"productId": w, "quantity": 1}]},
         [("currency", "INVALID")]),
        ({"customerId": c, "lines": [{"productId": w, "quantity": 0},
                                     {"productId": w, "quantity": -1}]},
         [("lines.0.quantity", "INVALID"), ("lines.1.quantity", "INVALID")]),
        ({"customerId": c, "lines": [{"productId": w, "quantity": 1, "discount": "12.345"}]},
         [("lines.0.discount", "INVALID")]),
    ]
    for inp, expected in cases:
        body = await world.gql("rep1", m, {"input": inp})
        payload = body["data"]["createOrder"]
        assert payload["order"] is None
        assert [(e["field"], e["code"]) for e in payload["errors"]] == expected, inp
    body = await world.gql("rep1", m, {"input": {"customerId": c, "lines": [
        {"productId": w, "quantity": 1, "unitPrice": {"amount": "NaN", "currency": "CNY"}}]}},
        expect_errors=True)
    assert body["errors"]
    assert await counts(world) == before


@pytest.mark.parametrize("link", [
    "javascript:alert(document.cookie)", "JaVaScRiPt:alert(1)", "data:text/html,<b>x</b>",
    "file:///etc/passwd", "//evil.example/x", "http://", "https://[::1", "http://a b.example/",
])
async def test_an_attachment_link_must_be_a_web_address(world: World, link: str):
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    order = await service.create_order(rep, customer_id=shop.customer.id,
                                       lines=[LineInput(shop.widget.id, 1)])
    m = """mutation($input: UpdateOrderInput!) { updateOrder(input: $input) {
        order { attachmentUrl } errors { field code message } } }"""
    body = await world.gql("rep1", m, {"input": {"id": gid("Order", order.id),
                                                 "attachmentUrl": link}})
    assert [(e["field"], e["code"]) for e in body["data"]["updateOrder"]["errors"]] == [
        ("attachmentUrl", "INVALID")], body
    await order.refresh_from_db()
    assert order.attachment_url is None
    created = await world.gql("rep1", """mutation($input: CreateOrderInput!) {
        createOrder(input: $input) { order { id } errors { field code } } }""", {"input": {
        "customerId": gid("Customer", shop.customer.id), "attachmentUrl": link,
        "lines": [{"productId": gid("Product", shop.widget.id), "quantity": 1}]}})
    assert created["data"]["createOrder"]["errors"] == [
        {"field": "attachmentUrl", "code": "INVALID"}], created


async def test_a_web_link_is_kept_as_given(world: World):
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    order = await service.create_order(rep, customer_id=shop.customer.id,
                                       lines=[LineInput(shop.widget.id, 1)])
    link = "https://docs.example.cn/合同/2026-001.pdf?v=2"
    body = await world.gql("rep1", """mutation($input: UpdateOrderInput!) {
        updateOrder(input: $input) { order { attachmentUrl } errors { code } } }""",
                           {"input": {"id": gid("Order", order.id), "attachmentUrl": link}})
    assert body["data"]["updateOrder"] == {"order": {"attachmentUrl": link}, "errors": []}


async def test_a_shortfall_carries_its_figures_for_clients_to_word_it(world: World):
    shop = await make_shop(world, widgets=1, gadgets=5)
    rep = await world.actor("rep1")
    order = await service.create_order(rep, customer_id=shop.customer.id, lines=[
        LineInput(shop.widget.id, 4)])
    body = await world.gql("rep1", """mutation($id: ID!) { confirmOrder(input: {id: $id}) {
        errors { field code params } } }""", {"id": gid("Order", order.id)})
    assert body["data"]["confirmOrder"]["errors"] == [{
        "field": "lines.0.quantity", "code": "INSUFFICIENT_STOCK",
        "params": {"product": "W-1", "wanted": 4, "available": 1}}]
    adjust = await world.gql("warehouse", """mutation($i: AdjustStockInput!) { adjustStock(input: $i) {
        errors { field code params } } }""", {"i": {
        "productId": gid("Product", shop.gadget.id), "warehouseId": gid("Warehouse", shop.main.id),
        "delta": -9, "reason": "stocktake"}})
    assert adjust["data"]["adjustStock"]["errors"] == [{
        "field": "delta", "code": "INSUFFICIENT_STOCK", "params": {"product": "G-1", "available": 5}}]
    # An error made of no figures says so.
    await service.cancel_order(rep, order.id)
    plain = await world.gql("rep1", """mutation($id: ID!) { cancelOrder(input: {id: $id}) {
        errors { code params } } }""", {"id": gid("Order", order.id)})
    assert plain["data"]["cancelOrder"]["errors"] == [{"code": "INVALID_STATE", "params": None}]


async def test_the_goods_go_to_the_customer_unless_told_and_the_warehouse_can_read_where(
        world: World):
    from crm.customers.service import update_customer
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    await update_customer(rep, shop.customer.id, {"phone": "13912345678",
                                                  "address": "上海市浦东新区张江路 88 号"})
    order = await service.create_order(rep, customer_id=shop.customer.id,
                                       lines=[LineInput(shop.widget.id, 1)])
    q = """query($id: ID!) { node(id: $id) { ... on Order {
        shipToName shipToPhone shipToAddress customer { name } } } }"""
    seen = {}
    for who in ("warehouse", "finance"):
        body = await world.gql(who, q, {"id": gid("Order", order.id)}, expect_errors=True)
        seen[who] = body["data"]["node"]
    # The warehouse may not read the customer, but it reads where to ship, in clear.
    assert seen["warehouse"]["customer"] is None
    assert (seen["warehouse"]["shipToName"], seen["warehouse"]["shipToPhone"],
            seen["warehouse"]["shipToAddress"]) == (shop.customer.name, "13912345678",
                                                    "上海市浦东新区张江路 88 号")
    assert seen["finance"]["shipToPhone"] == "139****5678"
    changed = await world.gql("rep1", """mutation($i: UpdateOrderInput!) { updateOrder(input: $i) {
        order { shipToName shipToAddress } errors { field code } } }""", {"i": {
        "id": gid("Order", order.id), "shipToName": "王仓管", "shipToAddress": "苏州工业园区仓库 3 号门"}})
    assert changed["data"]["updateOrder"] == {"order": {
        "shipToName": "王仓管", "shipToAddress": "苏州工业园区仓库 3 号门"}, "errors": []}


SHIPMENTS = """query($f: ShipmentFilter, $s: [ShipmentSort!]) { shipments(filter: $f, orderBy: $s) {
  totalCount edges { node { status carrier order { number shipToName shipToAddress } } } } }"""


async def _shipped(world: World, shop, customer, carrier: str) -> tuple:
    """A confirmed order of one widget for `customer`, shipped with `carrier`: (order, shipment)."""
    rep = await world.actor("rep1" if customer is shop.customer else "rep3")
    order = await service.confirm_order(rep, (await service.create_order(
        rep, customer_id=customer.id, lines=[LineInput(shop.widget.id, 1)])).id)
    line = (await service.order_lines(order.id))[0]
    shipment = await service.create_shipment(await world.actor("warehouse"), order.id,
                                             [QuantityInput(line.id, 1)], carrier=carrier)
    return order, shipment


async def test_the_warehouse_queue_lists_shipments_by_where_they_are_oldest_first(world: World):
    from crm.orders.models import ShipmentStatus
    shop = await make_shop(world)
    first, _ = await _shipped(world, shop, shop.customer, "顺丰速运")
    second, moving = await _shipped(world, shop, shop.other_customer, "中通快递")
    third, _ = await _shipped(world, shop, shop.customer, "京东物流")
    await service.update_shipment_status(await world.actor("warehouse"), moving.id,
                                         ShipmentStatus.IN_TRANSIT)
    pending = await world.gql("warehouse", SHIPMENTS, {"f": {"status": {"eq": "PENDING"}}})
    rows = [e["node"] for e in pending["data"]["shipments"]["edges"]]
    # what waits for the carrier, the first packed first, with where each goes
    assert [(r["carrier"], r["order"]["number"]) for r in rows] == [
        ("顺丰速运", first.number), ("京东物流", third.number)]
    assert rows[0]["order"]["shipToName"] == shop.customer.name
    moving_rows = await world.gql("warehouse", SHIPMENTS, {"f": {"status": {"eq": "IN_TRANSIT"}}})
    assert [e["node"]["order"]["number"] for e in moving_rows["data"]["shipments"]["edges"]] == [
        second.number]
    newest = await world.gql("warehouse", SHIPMENTS, {"s": [{"field": "CREATED_AT", "direction": "DESC"}]})
    assert [e["node"]["order"]["number"] for e in newest["data"]["shipments"]["edges"]] == [
        third.number, second.number, first.number]
    by_carrier = await world.gql("warehouse", SHIPMENTS, {"f": {"carrier": {"contains": "中通"}}})
    assert by_carrier["data"]["shipments"]["totalCount"] == 1
    by_number = await world.gql("warehouse", SHIPMENTS, {"f": {"orderNumber": {"eq": third.number}}})
    assert [e["node"]["carrier"] for e in by_number["data"]["shipments"]["edges"]] == ["京东物流"]


async def test_who_reads_the_shipment_queue_follows_who_reads_the_orders(world: World):
    shop = await make_shop(world)
    await _shipped(world, shop, shop.customer, "顺丰速运")       # rep1's customer, East team
    await _shipped(world, shop, shop.other_customer, "中通快递")  # rep3's customer, West team
    seen = {}
    for who in ("warehouse", "admin", "manager", "rep1", "rep3", "finance", "support", "hr"):
        body = await world.gql(who, SHIPMENTS)
        seen[who] = sorted(e["node"]["carrier"] for e in body["data"]["shipments"]["edges"])
    assert seen == {
        "warehouse": ["中通快递", "顺丰速运"], "admin": ["中通快递", "顺丰速运"],
        "finance": ["中通快递", "顺丰速运"], "support": ["中通快递", "顺丰速运"],
        "manager": ["顺丰速运"],   # the East manager: their team's orders only
        "rep1": ["顺丰速运"], "rep3": ["中通快递"],   # reps: their own orders'
        "hr": [],                  # hr deals with no orders
    }


async def test_a_bad_shipment_filter_or_sort_is_a_coded_error(world: World):
    for variables in ({"f": {"status": {"eq": "LOST"}}}, {"s": [{"field": "TOTAL"}]},
                      {"f": {"order": {"eq": "not-an-id"}}}):
        body = await world.gql("warehouse", SHIPMENTS, variables, expect_errors=True)
        assert body["errors"][0]["extensions"]["code"] == "INVALID", variables
        assert body.get("data") is None or body["data"].get("shipments") is None
