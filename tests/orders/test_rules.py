"""Order rules through the services: amounts, the status machine, and bad input refused with a
code and nothing written."""

from __future__ import annotations

from decimal import Decimal

import pytest

from crm.core.errors import ErrorCode, ServiceError
from crm.orders import service
from crm.orders.models import OrderStatus, PaymentStatus, ReturnKind
from crm.orders.service import LineInput, QuantityInput, line_amounts
from tests import factories as f
from tests.conftest import World
from tests.orders.helpers import (
    assert_ledger,
    counts,
    gid,
    level,
    make_shop,
    paid_shipped_order,
    refunded_return,
)


def test_line_amounts_round_half_up_per_line():
    # 3 x 199.99 = 599.97; 10% off = 539.973 -> 539.97; 13% tax = 70.1961 -> 70.20
    a = line_amounts(3, 19999, 1000, 1300)
    assert (a.net_minor, a.tax_minor, a.total_minor) == (53997, 7020, 61017)
    # exactly half a fen rounds up: 1 x 0.05 at 50% off = 0.025 -> 0.03
    assert line_amounts(1, 5, 5000, 0).net_minor == 3
    # yen have no minor unit: the same rule on whole yen
    assert line_amounts(1, 101, 5000, 1000).net_minor == 51
    assert line_amounts(1, 101, 5000, 1000).tax_minor == 5


async def _draft(world: World, shop, lines=None, who="rep1", **kw):
    actor = await world.actor(who)
    return await service.create_order(actor, customer_id=shop.customer.id, lines=lines or [
        LineInput(shop.widget.id, 3, discount=Decimal("10")),
        LineInput(shop.gadget.id, 2),
        LineInput(shop.service.id, 1),
    ], **kw)


async def test_order_totals_are_sums_of_lines(world: World):
    shop = await make_shop(world)
    order = await _draft(world, shop)
    assert order.number.startswith("SO-") and len(order.number) == len("SO-2026-000001")
    assert order.status is OrderStatus.DRAFT
    assert order.owner_id == world.users["rep1"].id
    assert order.subtotal_minor == 53997 + 10000 + 100000
    assert order.tax_minor == 7020
    assert order.total_minor == order.subtotal_minor + order.tax_minor
    second = await _draft(world, shop)
    assert int(second.number[-6:]) == int(order.number[-6:]) + 1


async def test_confirm_reserves_and_cancel_releases(world: World):
    shop = await make_shop(world)
    order = await _draft(world, shop)
    rep = await world.actor("rep1")
    order = await service.confirm_order(rep, order.id)
    assert order.status is OrderStatus.CONFIRMED and order.warehouse_id == shop.main.id
    assert await level(None, shop.widget, shop.main) == (100, 3)
    assert await level(None, shop.gadget, shop.main) == (20, 2)
    order = await service.cancel_order(rep, order.id, "customer changed their mind")
    assert order.status is OrderStatus.CANCELLED
    assert await level(None, shop.widget, shop.main) == (100, 0)
    await assert_ledger(world)
    with pytest.raises(ServiceError) as err:
        await service.confirm_order(rep, order.id)
    assert err.value.code is ErrorCode.INVALID_STATE


async def test_shortfall_names_each_line_and_reserves_nothing(world: World):
    shop = await make_shop(world, widgets=2, gadgets=1)
    order = await _draft(world, shop)
    before = await counts(world)
    with pytest.raises(ServiceError) as err:
        await service.confirm_order(await world.actor("rep1"), order.id)
    assert err.value.code is ErrorCode.INSUFFICIENT_STOCK
    errors = err.value.as_user_errors()
    assert [(e.field, e.code) for e in errors] == [
        ("lines.0.quantity", ErrorCode.INSUFFICIENT_STOCK),
        ("lines.1.quantity", ErrorCode.INSUFFICIENT_STOCK)]
    assert "W-1: 3 wanted, 2 available" in errors[0].message
    assert "G-1: 2 wanted, 1 available" in errors[1].message
    assert await counts(world) == before
    assert await level(None, shop.widget, shop.main) == (2, 0)
    await assert_ledger(world)


BAD_LINES = [
    ("zero quantity", lambda s: [LineInput(s.widget.id, 0)], "lines.0.quantity", ErrorCode.INVALID),
    ("negative quantity", lambda s: [LineInput(s.widget.id, -2)], "lines.0.quantity",
     ErrorCode.INVALID),
    ("too many places", lambda s: [LineInput(s.widget.id, 1, unit_price=Decimal("1.005"))],
     "lines.0.unitPrice.amount", ErrorCode.INVALID),
    ("negative price", lambda s: [LineInput(s.widget.id, 1, unit_price=Decimal("-1"))],
     "lines.0.unitPrice.amount", ErrorCode.INVALID),
    ("currency mismatch", lambda s: [LineInput(s.widget.id, 1, unit_price=Decimal("10"),
                                               unit_price_currency="USD")],
     "lines.0.unitPrice.currency", ErrorCode.INVALID),
    ("discount over 100", lambda s: [LineInput(s.widget.id, 1, discount=Decimal("101"))],
     "lines.0.discount", ErrorCode.INVALID),
    ("no lines", lambda s: [], "lines", ErrorCode.INVALID),
]


@pytest.mark.parametrize(("case", "lines", "field", "code"), BAD_LINES,
                         ids=[b[0] for b in BAD_LINES])
async def test_bad_order_input_is_refused_and_nothing_written(world: World, case, lines, field,
                                                              code):
    shop = await make_shop(world)
    before = await counts(world)
    with pytest.raises(ServiceError) as err:
        await service.create_order(await world.actor("rep1"), customer_id=shop.customer.id,
                                   lines=lines(shop))
    first = err.value.as_user_errors()[0]
    assert (first.field, first.code) == (field, code)
    assert await counts(world) == before


async def test_inactive_product_and_foreign_currency_product(world: World):
    shop = await make_shop(world)
    admin = await world.actor("admin")
    from crm.catalogue.service import set_product_active
    await set_product_active(admin, shop.gadget.id, False)
    before = await counts(world)
    with pytest.raises(ServiceError) as err:
        await service.create_order(await world.actor("rep1"), customer_id=shop.customer.id,
                                   lines=[LineInput(shop.widget.id, 1),
                                          LineInput(shop.gadget.id, 1)])
    assert [(e.field, e.code) for e in err.value.as_user_errors()] == [
        ("lines.1.productId", ErrorCode.INVALID)]
    with pytest.raises(ServiceError) as err:
        await service.create_order(await world.actor("rep1"), customer_id=shop.customer.id,
                                   currency="USD", lines=[LineInput(shop.widget.id, 1)])
    assert err.value.as_user_errors()[0].field == "lines.0.unitPrice"
    assert await counts(world) == before


async def test_paying_a_draft_shipping_a_cancelled_order_and_overpaying(world: World):
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    finance = await world.actor("finance")
    warehouse = await world.actor("warehouse")
    order = await _draft(world, shop)
    before = await counts(world)
    with pytest.raises(ServiceError) as err:
        await service.record_payment(finance, order.id, Decimal("10"), "CNY")
    assert err.value.code is ErrorCode.INVALID_STATE
    await service.cancel_order(rep, order.id)
    lines = await service.order_lines(order.id)
    after_cancel = await counts(world)
    assert after_cancel["Order"] == before["Order"]
    with pytest.raises(ServiceError) as err:
        await service.create_shipment(warehouse, order.id, [QuantityInput(lines[0].id, 1)])
    assert err.value.code is ErrorCode.INVALID_STATE
    assert await counts(world) == after_cancel

    order = await service.confirm_order(rep, (await _draft(world, shop)).id)
    total = Decimal(order.total_minor) / 100
    snapshot = await counts(world)
    for amount, currency, field in [(total + Decimal("0.01"), "CNY", "amount.amount"),
                                    (Decimal("1"), "USD", "amount.currency"),
                                    (Decimal("0.001"), "CNY", "amount.amount"),
                                    (Decimal("0"), "CNY", "amount.amount"),
                                    (Decimal("-5"), "CNY", "amount.amount")]:
        with pytest.raises(ServiceError) as err:
            await service.record_payment(finance, order.id, amount, currency)
        assert err.value.field == field, (amount, currency)
        assert err.value.code is ErrorCode.INVALID
    assert await counts(world) == snapshot
    p = await service.record_payment(finance, order.id, Decimal("100"), "CNY")
    assert p.amount_minor == 10000
    order = await service.record_payment(finance, order.id, total - 100, "CNY")
    from crm.orders.models import Order
    order = await Order.get(id=p.order_id)
    assert order.payment_status is PaymentStatus.PAID
    with pytest.raises(ServiceError):
        await service.cancel_order(rep, order.id)


async def test_shipping_and_returning_more_than_allowed(world: World):
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    warehouse = await world.actor("warehouse")
    order = await service.confirm_order(rep, (await _draft(world, shop)).id)
    widget_line, gadget_line, _service_line = await service.order_lines(order.id)
    before = await counts(world)
    with pytest.raises(ServiceError) as err:
        await service.create_shipment(warehouse, order.id, [QuantityInput(widget_line.id, 4)])
    assert err.value.as_user_errors()[0].field == "lines.0.quantity"
    with pytest.raises(ServiceError) as err:
        await service.create_shipment(warehouse, order.id, [QuantityInput(widget_line.id, 2),
                                                             QuantityInput(widget_line.id, 2)])
    assert err.value.as_user_errors()[0].field == "lines.1.quantity"
    assert await counts(world) == before
    await service.create_shipment(warehouse, order.id, [QuantityInput(widget_line.id, 2)])
    assert await level(None, shop.widget, shop.main) == (98, 1)
    with pytest.raises(ServiceError) as err:
        await service.create_return_request(rep, order.id, ReturnKind.RETURN, "broken",
                                            [QuantityInput(widget_line.id, 3)])
    assert err.value.code is ErrorCode.INVALID
    with pytest.raises(ServiceError) as err:
        await service.create_return_request(rep, order.id, ReturnKind.RETURN, "broken",
                                            [QuantityInput(gadget_line.id, 1)])
    assert err.value.as_user_errors()[0].field == "lines.0.quantity"
    mid = await counts(world)
    await service.create_return_request(rep, order.id, ReturnKind.RETURN, "broken",
                                        [QuantityInput(widget_line.id, 2)])
    with pytest.raises(ServiceError):  # both shipped units are already claimed
        await service.create_return_request(rep, order.id, ReturnKind.RETURN, "again",
                                            [QuantityInput(widget_line.id, 1)])
    assert (await counts(world))["ReturnRequest"] == mid["ReturnRequest"] + 1
    await assert_ledger(world)


async def test_exchange_restocks_and_ships_a_replacement(world: World):
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    warehouse = await world.actor("warehouse")
    order = await service.confirm_order(rep, (await _draft(world, shop)).id)
    widget_line = (await service.order_lines(order.id))[0]
    await service.create_shipment(warehouse, order.id, [QuantityInput(widget_line.id, 3)])
    ret = await service.create_return_request(rep, order.id, ReturnKind.EXCHANGE, "wrong colour",
                                              [QuantityInput(widget_line.id, 1)])
    await service.approve_return(await world.actor("manager"), ret.id)
    ret = await service.receive_return(warehouse, ret.id)
    assert ret.status.value == "replaced"
    from crm.orders.models import Shipment
    replacement = await Shipment.get(return_request_id=ret.id)
    assert replacement.order_id == order.id
    # 100 - 3 shipped + 1 returned - 1 replacement
    assert await level(None, shop.widget, shop.main) == (97, 0)
    await assert_ledger(world)


async def test_reps_cannot_touch_orders_of_others(world: World):
    shop = await make_shop(world)
    order = await _draft(world, shop)
    with pytest.raises(ServiceError) as err:
        await service.confirm_order(await world.actor("rep3"), order.id)
    assert err.value.code is ErrorCode.NOT_FOUND
    with pytest.raises(ServiceError) as err:
        await service.create_order(await world.actor("rep1"), customer_id=shop.other_customer.id,
                                   lines=[LineInput(shop.widget.id, 1)])
    assert err.value.code is ErrorCode.NOT_FOUND
    with pytest.raises(ServiceError) as err:
        await service.confirm_order(await world.actor("viewer"), order.id)
    assert err.value.code is ErrorCode.FORBIDDEN
    with pytest.raises(ServiceError) as err:
        await service.record_payment(await world.actor("warehouse"), order.id, Decimal(1), "CNY")
    assert err.value.code is ErrorCode.FORBIDDEN


async def test_delivery_completion_and_rejected_returns(world: World):
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    warehouse = await world.actor("warehouse")
    order = await service.confirm_order(rep, (await _draft(world, shop)).id)
    lines = await service.order_lines(order.id)
    first = await service.create_shipment(warehouse, order.id, [QuantityInput(lines[0].id, 3)])
    second = await service.create_shipment(warehouse, order.id,
                                           [QuantityInput(lines[1].id, 2),
                                            QuantityInput(lines[2].id, 1)])
    from crm.orders.models import Order, OrderLine, ShipmentStatus
    assert (await Order.get(id=order.id)).status is OrderStatus.SHIPPED
    with pytest.raises(ServiceError) as err:
        await service.complete_order(rep, order.id)
    assert err.value.code is ErrorCode.INVALID_STATE
    await service.update_shipment_status(warehouse, first.id, ShipmentStatus.DELIVERED)
    assert (await Order.get(id=order.id)).status is OrderStatus.SHIPPED
    with pytest.raises(ServiceError) as err:  # delivered is final
        await service.update_shipment_status(warehouse, first.id, ShipmentStatus.IN_TRANSIT)
    assert err.value.code is ErrorCode.INVALID_STATE
    await service.update_shipment_status(warehouse, second.id, ShipmentStatus.IN_TRANSIT)
    await service.update_shipment_status(warehouse, second.id, ShipmentStatus.DELIVERED)
    assert (await Order.get(id=order.id)).status is OrderStatus.DELIVERED
    assert (await service.complete_order(rep, order.id)).status is OrderStatus.COMPLETED

    ret = await service.create_return_request(rep, order.id, ReturnKind.RETURN, "no longer needed",
                                              [QuantityInput(lines[1].id, 2)])
    with pytest.raises(ServiceError) as err:  # not approved yet
        await service.receive_return(warehouse, ret.id)
    assert err.value.code is ErrorCode.INVALID_STATE
    with pytest.raises(ServiceError) as err:  # only refunds need finance; reps cannot refund
        await service.refund_return(rep, ret.id)
    assert err.value.code is ErrorCode.FORBIDDEN
    ret = await service.reject_return(await world.actor("manager"), ret.id, "past the window")
    assert ret.status.value == "rejected"
    assert (await OrderLine.get(id=lines[1].id)).returned_quantity == 0
    # Nothing was received: the gadget stock is unchanged by the rejected return.
    assert await level(None, shop.gadget, shop.main) == (18, 0)
    await assert_ledger(world)


async def test_orders_follow_a_merged_customer(world: World):
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    order = await _draft(world, shop)
    from crm.customers.service import create_customer
    into = await create_customer(rep, {"name": "Acme Holdings"})
    assert await service.move_customer_orders(rep, shop.customer.id, into.id) == {"orders": 1}
    from crm.orders.models import Order
    assert (await Order.get(id=order.id)).customer_id == into.id


async def test_warehouse_confirms_but_cannot_otherwise_change_orders(world):
    from crm.core.errors import ServiceError
    from crm.orders import service as orders_service
    from crm.orders.service import LineInput
    from tests.orders.helpers import make_shop

    shop = await make_shop(world)
    order = await orders_service.create_order(await world.actor("rep1"), customer_id=shop.customer.id,
                                              lines=[LineInput(shop.widget.id, 2)])
    warehouse = await world.actor("warehouse")
    confirmed = await orders_service.confirm_order(warehouse, order.id)
    assert confirmed.status.value == "confirmed"
    try:
        await orders_service.cancel_order(warehouse, order.id)
    except ServiceError as exc:
        assert exc.code.value == "FORBIDDEN"
    else:
        raise AssertionError("the warehouse must not cancel orders")
    try:
        await orders_service.confirm_order(await world.actor("viewer"), order.id)
    except ServiceError as exc:
        assert exc.code.value in ("FORBIDDEN", "INVALID_STATE")
    else:
        raise AssertionError("a viewer must not confirm orders")


async def test_money_is_recorded_once_it_has_moved_not_ahead_of_time(world: World):
    import datetime as dt

    shop = await make_shop(world)
    rep = await world.actor("rep1")
    finance = await world.actor("finance")
    order = await service.confirm_order(rep, (await _draft(world, shop)).id)
    snapshot = await counts(world)
    today = dt.datetime.now(dt.UTC).date()
    for ahead in (dt.timedelta(days=2), dt.timedelta(days=3650)):
        with pytest.raises(ServiceError) as err:
            await service.record_payment(finance, order.id, Decimal("10"), "CNY",
                                         received_on=today + ahead)
        assert (err.value.code, err.value.field) == (ErrorCode.INVALID, "receivedOn")
    assert await counts(world) == snapshot
    # Tomorrow is today somewhere east of UTC (Beijing is 8 hours ahead): accepted.
    p = await service.record_payment(finance, order.id, Decimal("10"), "CNY",
                                     received_on=today + dt.timedelta(days=1))
    assert p.received_on == today + dt.timedelta(days=1)
    earlier = await service.record_payment(finance, order.id, Decimal("10"), "CNY",
                                           received_on=today - dt.timedelta(days=400))
    assert earlier.received_on == today - dt.timedelta(days=400)


async def test_a_customer_with_open_orders_is_not_deleted(world: World):
    from crm.customers.models import Customer

    shop = await make_shop(world)
    rep = await world.actor("rep1")
    order = await service.confirm_order(rep, (await _draft(world, shop)).id)
    delete = """mutation($id: ID!) { deleteCustomer(input: {id: $id}) {
        customer { deletedAt } errors { field code message } } }"""
    body = await world.gql("rep1", delete, {"id": gid("Customer", shop.customer.id)})
    errors = body["data"]["deleteCustomer"]["errors"]
    assert [e["code"] for e in errors] == ["INVALID_STATE"], body
    assert order.number in errors[0]["message"]
    assert (await Customer.get(id=shop.customer.id)).deleted_at is None
    assert (await level(shop, shop.widget, shop.main))[1] == 3  # the promise still stands
    await service.cancel_order(rep, order.id)
    body = await world.gql("rep1", delete, {"id": gid("Customer", shop.customer.id)})
    assert body["data"]["deleteCustomer"]["errors"] == []


async def test_a_won_deal_with_an_order_stays_won_until_the_order_is_cancelled(world: World):

    shop = await make_shop(world)
    rep = await world.actor("rep1")
    won = next(s for s in world.stages if s.is_won)
    lost = next(s for s in world.stages if s.is_lost)
    deal = await f.opportunity(world, shop.customer)
    move = """mutation($id: ID!, $stage: ID!) { moveOpportunity(input: {id: $id, stageId: $stage,
        lostReason: "price", wonReason: "references"}) { opportunity { stage { isWon } } errors { field code message } } }"""
    ids = {"id": gid("Opportunity", deal.id)}
    body = await world.gql("rep1", move, {**ids, "stage": gid("PipelineStage", won.id)})
    assert body["data"]["moveOpportunity"]["errors"] == []
    order = await service.create_order(rep, customer_id=shop.customer.id, opportunity_id=deal.id,
                                       lines=[LineInput(shop.widget.id, 1)])
    order = await service.confirm_order(rep, order.id)
    await service.record_payment(await world.actor("finance"), order.id,
                                 Decimal(order.total_minor) / 100, "CNY")
    body = await world.gql("rep1", move, {**ids, "stage": gid("PipelineStage", lost.id)})
    payload = body["data"]["moveOpportunity"]
    assert [(e["field"], e["code"]) for e in payload["errors"]] == [
        ("stageId", "INVALID_STATE")], payload
    assert order.number in payload["errors"][0]["message"]
    # A paid order is refunded, not cancelled; an unpaid one is cancelled and frees the deal.
    second = await f.opportunity(world, shop.customer)
    await world.gql("rep1", move, {"id": gid("Opportunity", second.id),
                                   "stage": gid("PipelineStage", won.id)})
    draft = await service.create_order(rep, customer_id=shop.customer.id, opportunity_id=second.id,
                                       lines=[LineInput(shop.widget.id, 1)])
    await service.cancel_order(rep, draft.id)
    body = await world.gql("rep1", move, {"id": gid("Opportunity", second.id),
                                          "stage": gid("PipelineStage", lost.id)})
    assert body["data"]["moveOpportunity"]["errors"] == [], body


async def test_an_order_returned_and_refunded_in_full_reads_refunded_not_paid(world: World):
    from crm.orders.models import Order

    shop = await make_shop(world)
    order, line = await paid_shipped_order(world, shop, shop.gadget, 2)
    assert (await Order.get(id=order.id)).payment_status is PaymentStatus.PAID
    await refunded_return(world, order, line, 2, "wrong model")
    order = await Order.get(id=order.id)
    assert (order.paid_minor, order.returned_minor) == (0, order.total_minor)
    assert order.payment_status is PaymentStatus.REFUNDED
    body = await world.gql("finance", """query($id: ID!) { node(id: $id) { ... on Order {
        paymentStatus paid { amount } } } }""", {"id": gid("Order", order.id)})
    assert body["data"]["node"] == {"paymentStatus": "REFUNDED", "paid": {"amount": "0.00"}}


async def test_paying_the_first_order_in_full_makes_a_prospect_a_customer(world: World):
    from crm.customers.models import Customer, LifecycleStage

    shop = await make_shop(world)
    rep, finance = await world.actor("rep1"), await world.actor("finance")
    assert (await Customer.get(id=shop.customer.id)).lifecycle_stage is LifecycleStage.PROSPECT
    order = await service.confirm_order(rep, (await service.create_order(
        rep, customer_id=shop.customer.id, lines=[LineInput(shop.gadget.id, 2)])).id)
    await service.record_payment(finance, order.id, Decimal("10"), "CNY")
    assert (await Customer.get(id=shop.customer.id)).lifecycle_stage is LifecycleStage.PROSPECT
    await service.record_payment(finance, order.id, Decimal(order.total_minor) / 100 - 10, "CNY")
    assert (await Customer.get(id=shop.customer.id)).lifecycle_stage is LifecycleStage.CUSTOMER
    body = await world.gql("rep1", """query($id: ID!) { node(id: $id) { ... on Customer {
        lifecycleStage history(first: 5) { edges { node { action changes { field new } } } } } } }""",
                           {"id": gid("Customer", shop.customer.id)})
    node = body["data"]["node"]
    assert node["lifecycleStage"] == "CUSTOMER"
    # Moved by the lifecycle rules (crm.lifecycle), which say why on the customer's timeline.
    assert {"action": "lifecycle", "changes": [{"field": "lifecycleStage", "new": "customer"}]} \
        in [e["node"] for e in node["history"]["edges"]]
    # A loyal customer stays loyal: the rule only moves those who had not bought yet.
    await Customer.filter(id=shop.customer.id).update(lifecycle_stage=LifecycleStage.LOYAL)
    again = await service.confirm_order(rep, (await service.create_order(
        rep, customer_id=shop.customer.id, lines=[LineInput(shop.gadget.id, 1)])).id)
    await service.record_payment(finance, again.id, Decimal(again.total_minor) / 100, "CNY")
    assert (await Customer.get(id=shop.customer.id)).lifecycle_stage is LifecycleStage.LOYAL


async def test_a_won_deal_is_worth_what_was_ordered_from_it(world: World):
    from crm.sales.models import Opportunity

    shop = await make_shop(world)
    rep = await world.actor("rep1")
    won = next(s for s in world.stages if s.is_won)
    deal = await f.opportunity(world, shop.customer, amount="1000.00")
    from crm.sales import service as sales
    await sales.move_opportunity(rep, deal.id, won.id, won_reason="fit")
    first = await service.confirm_order(rep, (await service.create_order(
        rep, customer_id=shop.customer.id, opportunity_id=deal.id,
        lines=[LineInput(shop.service.id, 3)])).id)
    assert (await Opportunity.get(id=deal.id)).amount_minor == first.total_minor == 3000_00
    second = await service.confirm_order(rep, (await service.create_order(
        rep, customer_id=shop.customer.id, opportunity_id=deal.id,
        lines=[LineInput(shop.gadget.id, 2)])).id)
    assert (await Opportunity.get(id=deal.id)).amount_minor == 3000_00 + second.total_minor
    await service.cancel_order(rep, first.id, "ordered twice")
    assert (await Opportunity.get(id=deal.id)).amount_minor == second.total_minor
    body = await world.gql("rep1", """query($id: ID!) { node(id: $id) { ... on Opportunity {
        amount { amount } } } }""", {"id": gid("Opportunity", deal.id)})
    assert body["data"]["node"]["amount"]["amount"] == f"{second.total_minor / 100:.2f}"
