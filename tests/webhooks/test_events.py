"""Which writes raise which webhook events: the order, sales and catalogue services' own audit
events, through the one table in `crm.webhooks.events`, into the outbox."""

from __future__ import annotations

from collections.abc import AsyncIterator
from decimal import Decimal

import pytest

from crm.orders import service as orders
from crm.sales import service as sales
from crm.settings import get_settings, override_settings
from crm.webhooks import service as webhooks
from crm.webhooks.events import SUBSCRIBABLE, EventType, event_types_for
from crm.webhooks.models import WebhookDelivery, WebhookEndpoint
from tests import factories as f
from tests.conftest import World
from tests.orders.helpers import make_shop


@pytest.fixture(autouse=True)
async def quiet_endpoints() -> AsyncIterator[None]:
    before = get_settings()
    override_settings(before.model_copy(update={"webhooks_allow_private": True}))
    await WebhookEndpoint.filter(enabled=True).update(enabled=False)
    webhooks.invalidate()
    yield
    await WebhookEndpoint.filter(enabled=True).update(enabled=False)
    webhooks.invalidate()
    override_settings(before)


async def queued(world: World) -> list[str]:
    return list(await WebhookDelivery.filter(workspace_id=world.workspace.id).order_by(
        "created_at", "event_type").values_list("event_type", flat=True))


async def test_an_order_from_draft_to_paid_raises_its_events_in_order(world: World):
    admin = await world.actor("admin")
    await webhooks.create_endpoint(admin, "https://hooks.invalid/all", list(SUBSCRIBABLE))
    shop = await make_shop(world)
    base = len(await queued(world))
    rep1 = await world.actor("rep1")
    order = await orders.create_order(rep1, customer_id=shop.customer.id, lines=[
        orders.LineInput(shop.widget.id, 2)])
    await orders.confirm_order(admin, order.id)
    await orders.record_payment(admin, order.id, Decimal("100.00"), "CNY")  # part: not paid yet
    await orders.create_shipment(admin, order.id, None)
    rest = order.total_minor - 10000
    await orders.record_payment(admin, order.id, Decimal(rest).scaleb(-2), "CNY")
    events = (await queued(world))[base:]
    assert [e for e in events if e.startswith(("order.", "payment."))] == [
        "order.created", "order.confirmed", "payment.received", "order.shipped",
        "payment.received", "order.paid"]
    assert "shipment.created" in events


async def test_an_opportunity_won_and_a_lead_converted(world: World):
    admin = await world.actor("admin")
    await webhooks.create_endpoint(admin, "https://hooks.invalid/sales", [
        EventType.OPPORTUNITY_WON, EventType.OPPORTUNITY_LOST, EventType.LEAD_CONVERTED,
        EventType.LEAD_CREATED])
    customer = await f.customer(world, "rep1")
    opp = await f.opportunity(world, customer, "rep1")
    rep1 = await world.actor("rep1")
    won = next(s for s in world.stages if s.is_won)
    await sales.move_opportunity(rep1, opp.id, world.stages[1].id)
    assert await queued(world) == []  # an ordinary move is no event of these
    await sales.move_opportunity(rep1, opp.id, won.id, won_reason="Best price")
    lead = await sales.create_lead(rep1, {"name": "Lead", "company": "Lead Co"})
    await sales.convert_lead(rep1, lead.id, allow_duplicate=True)
    assert await queued(world) == ["opportunity.won", "lead.created", "lead.converted"]


def test_the_table_maps_actions_and_changes():
    assert event_types_for("Customer", "create", {}) == [EventType.CUSTOMER_CREATED]
    assert event_types_for("Customer", "tag", {"tags": [[], ["x"]]}) == [
        EventType.CUSTOMER_UPDATED]
    # A deletion is not also an update.
    assert event_types_for("Customer", "delete", {}) == [EventType.CUSTOMER_DELETED]
    assert event_types_for("Order", "payment", {"payment_status": ["unpaid", "partially_paid"]}
                           ) == []
    assert event_types_for("Order", "ship", {"status": ["confirmed", "partially_shipped"]}) == []
    assert event_types_for("Employee", "update", {"base_salary": [1, 2]}) == []
