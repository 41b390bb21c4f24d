"""The acceptance walk-through, through the API: opportunity won -> order -> confirm -> partial
shipment -> payment -> return of one line -> refund, checking stock, totals, statuses, the
customer's timeline and the audit trail at each step."""

from __future__ import annotations

from crm.stock.service import ledger_mismatches
from tests.conftest import World
from tests.orders.helpers import gid, make_shop

ORDER_FIELDS = """
  id number status paymentStatus currency
  subtotal { amount currency } tax { amount } total { amount } paid { amount }
  returned { amount } balanceDue { amount }
  opportunity { title } customer { name } owner { name } warehouse { code }
  lines { id position quantity reservedQuantity shippedQuantity returnedQuantity
          unitPrice { amount } discount taxRate net { amount } tax { amount } total { amount }
          product { sku } }
  shipments { status lines { quantity orderLine { position } } trackingEvents { status } }
  payments { amount { amount } isRefund method }
  returns { status kind refund { amount } }
  history(first: 50) { edges { node { action } } }
"""

LEVELS = """query($p: ID!) { stockLevels(filter: {product: {eq: $p}}) {
  edges { node { onHand reserved available warehouse { code } } } } }"""


async def _level(world: World, product) -> tuple[int, int, int]:
    body = await world.gql("warehouse", LEVELS, {"p": gid("Product", product.id)})
    node = next(e["node"] for e in body["data"]["stockLevels"]["edges"]
                if e["node"]["warehouse"]["code"] == "SH")
    return node["onHand"], node["reserved"], node["available"]


async def _order(world: World, order_id: str, who: str = "admin") -> dict:
    query = f"query($id: ID!) {{ node(id: $id) {{ ... on Order {{ {ORDER_FIELDS} }} }} }}"
    body = await world.gql(who, query, {"id": order_id})
    return body["data"]["node"]


async def _timeline_actions(world: World, customer_id: str) -> list[tuple[str, str]]:
    body = await world.gql("rep1", """query($id: ID!) { node(id: $id) { ... on Customer {
        timeline(first: 100) { edges { node { kind auditEvent { objectType action } } } } } } }""",
                           {"id": customer_id})
    edges = body["data"]["node"]["timeline"]["edges"]
    return [(e["node"]["auditEvent"]["objectType"], e["node"]["auditEvent"]["action"])
            for e in edges if e["node"]["kind"] == "audit"]


def _mutate(name: str, payload: str, input_type: str | None = None) -> str:
    input_type = input_type or f"{name[0].upper() + name[1:]}Input"
    return (f"mutation($input: {input_type}!) {{ {name}(input: $input) "
            f"{{ {payload} errors {{ field code message }} }} }}")


async def test_walk_through_from_won_opportunity_to_refund(world: World):
    shop = await make_shop(world)
    customer_id = gid("Customer", shop.customer.id)
    assert await _level(world, shop.widget) == (100, 0, 100)

    # 1. The rep wins an opportunity.
    body = await world.gql("rep1", _mutate("createOpportunity", "opportunity { id }"), {"input": {
        "customerId": customer_id, "title": "年度采购 Annual deal",
        "amount": {"amount": "710.17", "currency": "CNY"}}})
    opp_id = body["data"]["createOpportunity"]["opportunity"]["id"]
    won = next(s for s in world.stages if s.is_won)
    body = await world.gql("rep1", _mutate("moveOpportunity", "opportunity { isOpen }"), {
        "input": {"id": opp_id, "stageId": gid("PipelineStage", won.id),
                  "wonReason": "best price and delivery"}})
    assert body["data"]["moveOpportunity"]["errors"] == []

    # 2. A draft order from it: totals computed on the server.
    create = {"opportunityId": opp_id, "idempotencyKey": "walk-1", "terms": "30 days net",
              "contractSignedOn": "2026-11-20", "lines": [
                  {"productId": gid("Product", shop.widget.id), "quantity": 3, "discount": "10"},
                  {"productId": gid("Product", shop.gadget.id), "quantity": 2}]}
    body = await world.gql("rep1", _mutate("createOrder", f"order {{ {ORDER_FIELDS} }}"),
                           {"input": create})
    payload = body["data"]["createOrder"]
    assert payload["errors"] == []
    order = payload["order"]
    assert order["status"] == "DRAFT" and order["paymentStatus"] == "UNPAID"
    assert order["number"].startswith("SO-")
    assert order["opportunity"]["title"] == "年度采购 Annual deal"
    assert order["owner"]["name"] == "Rep1"
    assert order["subtotal"] == {"amount": "639.97", "currency": "CNY"}
    assert order["tax"]["amount"] == "70.20" and order["total"]["amount"] == "710.17"
    assert [(ln["net"]["amount"], ln["tax"]["amount"], ln["total"]["amount"], ln["discount"],
             ln["taxRate"]) for ln in order["lines"]] == [
        ("539.97", "70.20", "610.17", "10.00", "13.00"),
        ("100.00", "0.00", "100.00", "0.00", "0.00")]
    order_id = order["id"]
    # The retry of the same request returns the same order.
    again = await world.gql("rep1", _mutate("createOrder", "order { id }"), {"input": create})
    assert again["data"]["createOrder"]["order"]["id"] == order_id
    assert await _level(world, shop.widget) == (100, 0, 100)

    # 3. Confirm: stock reserved.
    body = await world.gql("rep1", _mutate("confirmOrder", "order { status warehouse { code } }"),
                           {"input": {"id": order_id}})
    assert body["data"]["confirmOrder"]["order"] == {"status": "CONFIRMED",
                                                     "warehouse": {"code": "SH"}}
    assert await _level(world, shop.widget) == (100, 3, 97)
    assert await _level(world, shop.gadget) == (20, 2, 18)

    # 4. Warehouse ships two widgets: a partial shipment.
    widget_line = order["lines"][0]["id"]
    body = await world.gql("warehouse", _mutate("createShipment", "shipment { id status }"), {
        "input": {"orderId": order_id, "carrier": "顺丰 SF Express", "trackingNumber": "SF123",
                  "lines": [{"orderLineId": widget_line, "quantity": 2}]}})
    shipment = body["data"]["createShipment"]["shipment"]
    assert shipment["status"] == "PENDING"
    status = _mutate("updateShipmentStatus", "shipment { status shippedAt }")
    body = await world.gql("warehouse", status,
                           {"input": {"id": shipment["id"], "status": "IN_TRANSIT",
                                      "location": "上海"}})
    assert body["data"]["updateShipmentStatus"]["shipment"]["status"] == "IN_TRANSIT"
    order = await _order(world, order_id)
    assert order["status"] == "PARTIALLY_SHIPPED"
    assert order["lines"][0]["shippedQuantity"] == 2 and order["lines"][0]["reservedQuantity"] == 1
    assert [e["status"] for e in order["shipments"][0]["trackingEvents"]] == ["PENDING",
                                                                               "IN_TRANSIT"]
    assert await _level(world, shop.widget) == (98, 1, 97)

    # 5. Finance records the payment in full.
    body = await world.gql("finance", _mutate("recordPayment", "payment { amount { amount } }"), {
        "input": {"orderId": order_id, "amount": {"amount": "710.17", "currency": "CNY"},
                  "method": "ALIPAY", "reference": "2026112522001", "idempotencyKey": "pay-walk"}})
    assert body["data"]["recordPayment"]["errors"] == []
    order = await _order(world, order_id)
    assert order["paymentStatus"] == "PAID" and order["balanceDue"]["amount"] == "0.00"

    # 6. The customer returns one widget: requested, approved, received (restocked).
    body = await world.gql("rep1", _mutate("createReturnRequest", "returnRequest { id status }"), {
        "input": {"orderId": order_id, "reason": "外观破损 Damaged", "kind": "RETURN",
                  "lines": [{"orderLineId": widget_line, "quantity": 1}]}})
    ret = body["data"]["createReturnRequest"]["returnRequest"]
    assert ret["status"] == "REQUESTED"
    approve = _mutate("approveReturn", "returnRequest { status }", "IdInput")
    body = await world.gql("manager", approve,
                           {"input": {"id": ret["id"]}})
    assert body["data"]["approveReturn"]["returnRequest"]["status"] == "APPROVED"
    receive = _mutate("receiveReturn", "returnRequest { status }", "IdInput")
    body = await world.gql("warehouse", receive,
                           {"input": {"id": ret["id"]}})
    assert body["data"]["receiveReturn"]["returnRequest"]["status"] == "RECEIVED"
    assert await _level(world, shop.widget) == (99, 1, 98)

    # 7. Finance refunds it: a negative payment linked to the return.
    refund = _mutate("refundReturn", "returnRequest { status refund { amount } }")
    body = await world.gql("finance", refund,
                           {"input": {"id": ret["id"]}})
    assert body["data"]["refundReturn"]["returnRequest"] == {"status": "REFUNDED",
                                                             "refund": {"amount": "203.39"}}
    order = await _order(world, order_id)
    assert [(p["amount"]["amount"], p["isRefund"]) for p in order["payments"]] == [
        ("710.17", False), ("-203.39", True)]
    assert order["paid"]["amount"] == "506.78" and order["returned"]["amount"] == "203.39"
    assert order["paymentStatus"] == "PAID" and order["balanceDue"]["amount"] == "0.00"
    assert order["lines"][0]["returnedQuantity"] == 1
    assert order["status"] == "PARTIALLY_SHIPPED"

    # The customer's aggregates, its timeline, and the order's own history.
    body = await world.gql("rep1", """query($id: ID!) { node(id: $id) { ... on Customer {
        orders { edges { node { number } } } lifetimeValue { amount currency } lastOrderAt } } }""",
                           {"id": customer_id})
    cust = body["data"]["node"]
    assert [e["node"]["number"] for e in cust["orders"]["edges"]] == [order["number"]]
    assert cust["lifetimeValue"] == [{"amount": "506.78", "currency": "CNY"}]
    assert cust["lastOrderAt"] is not None
    actions = await _timeline_actions(world, customer_id)
    for expected in [("Order", "create"), ("Order", "confirm"), ("Order", "ship"),
                     ("Shipment", "update"), ("Order", "payment"), ("ReturnRequest", "create"),
                     ("ReturnRequest", "approve"), ("ReturnRequest", "receive"),
                     ("Order", "refund"), ("ReturnRequest", "refund")]:
        assert expected in actions, expected
    history = [e["node"]["action"] for e in order["history"]["edges"]]
    assert history == ["refund", "payment", "ship", "confirm", "create"]
    assert await ledger_mismatches(world.workspace.id) == []
