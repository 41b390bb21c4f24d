"""Customers move through their lifecycle by themselves: a first contact, a first paid order,
repeat orders, and silence, each move recorded with its reason and shown on the timeline."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from crm.core.jobs import run_pending
from crm.customers.models import Customer, LifecycleStage
from tests.conftest import World
from tests.factories import customer as make_customer
from tests.factories import interaction
from tests.orders.helpers import gid, make_shop

HISTORY = """query($id: ID!) { node(id: $id) { ... on Customer {
  lifecycleStage
  lifecycleChanges(first: 10) { totalCount edges { node {
    fromStage toStage reasonCode reason causeId } } }
  history(first: 20) { edges { node { action note changes { field old new } } } } } } }"""


async def stage_of(customer_id: Any) -> LifecycleStage:
    return (await Customer.get(id=customer_id)).lifecycle_stage


async def pay_new_order(world: World, shop: Any, customer_id: Any, quantity: int = 1) -> Any:
    from crm.orders import service
    from crm.orders.service import LineInput

    rep = await world.actor("rep1")
    order = await service.confirm_order(rep, (await service.create_order(
        rep, customer_id=customer_id, lines=[LineInput(shop.gadget.id, quantity)])).id)
    await service.record_payment(await world.actor("finance"), order.id,
                                 Decimal(order.total_minor) / 100, "CNY")
    return order


async def test_a_paid_first_order_makes_a_prospect_a_customer_and_says_why(world: World):
    from crm.orders import service
    from crm.orders.service import LineInput

    shop = await make_shop(world)
    assert await stage_of(shop.customer.id) is LifecycleStage.PROSPECT
    rep = await world.actor("rep1")
    order = await service.confirm_order(rep, (await service.create_order(
        rep, customer_id=shop.customer.id, lines=[LineInput(shop.gadget.id, 2)])).id)
    # Part of it paid: not yet a customer.
    await service.record_payment(await world.actor("finance"), order.id, Decimal("10"), "CNY")
    assert await stage_of(shop.customer.id) is LifecycleStage.PROSPECT
    await service.record_payment(await world.actor("finance"), order.id,
                                 Decimal(order.total_minor) / 100 - 10, "CNY")
    assert await stage_of(shop.customer.id) is LifecycleStage.CUSTOMER

    node = (await world.gql("rep1", HISTORY, {"id": gid("Customer", shop.customer.id)}))[
        "data"]["node"]
    assert node["lifecycleStage"] == "CUSTOMER"
    moves = [e["node"] for e in node["lifecycleChanges"]["edges"]]
    assert moves == [{"fromStage": "PROSPECT", "toStage": "CUSTOMER",
                      "reasonCode": "FIRST_PAID_ORDER",
                      "reason": f"First paid order: order {order.id}",
                      "causeId": gid("Order", order.id)}]
    # On the customer's timeline (its history), with the reason.
    assert {"action": "lifecycle", "note": f"First paid order: order {order.id}",
            "changes": [{"field": "lifecycleStage", "old": "prospect", "new": "customer"}]} in [
        e["node"] for e in node["history"]["edges"]]
    # In Chinese for a Chinese reader.
    resp = await world.client.post(
        "/graphql", json={"query": HISTORY, "variables": {"id": gid("Customer",
                                                                     shop.customer.id)}},
        headers={"Authorization": f"Bearer {world.tokens['rep1']}",
                 "Accept-Language": "zh-CN"})
    assert resp.json()["data"]["node"]["lifecycleChanges"]["edges"][0]["node"][
        "reason"] == f"首笔订单已付清：{order.id}"


async def test_the_first_interaction_makes_a_lead_a_prospect(world: World):
    lead = await make_customer(world, lifecycle_stage=LifecycleStage.LEAD)
    logged = await interaction(world, lead)
    assert await stage_of(lead.id) is LifecycleStage.PROSPECT
    node = (await world.gql("rep1", HISTORY, {"id": gid("Customer", lead.id)}))["data"]["node"]
    assert [e["node"]["reasonCode"] for e in node["lifecycleChanges"]["edges"]] == [
        "FIRST_CONTACT"]
    assert node["lifecycleChanges"]["edges"][0]["node"]["causeId"] == gid("Interaction", logged.id)
    # A second interaction moves nothing further.
    await interaction(world, lead)
    assert await stage_of(lead.id) is LifecycleStage.PROSPECT
    node = (await world.gql("rep1", HISTORY, {"id": gid("Customer", lead.id)}))["data"]["node"]
    assert node["lifecycleChanges"]["totalCount"] == 1


async def test_enough_paid_orders_within_a_year_make_a_customer_loyal(world: World):
    shop = await make_shop(world)
    await world.gql("admin", """mutation { updateLifecycleSettings(input: {loyalOrders: 3}) {
        errors { code } } }""")
    await pay_new_order(world, shop, shop.customer.id)
    assert await stage_of(shop.customer.id) is LifecycleStage.CUSTOMER
    await pay_new_order(world, shop, shop.customer.id)
    assert await stage_of(shop.customer.id) is LifecycleStage.CUSTOMER
    await pay_new_order(world, shop, shop.customer.id)
    assert await stage_of(shop.customer.id) is LifecycleStage.LOYAL
    node = (await world.gql("rep1", HISTORY, {"id": gid("Customer", shop.customer.id)}))[
        "data"]["node"]
    assert [(e["node"]["toStage"], e["node"]["reasonCode"])
            for e in node["lifecycleChanges"]["edges"]] == [
        ("LOYAL", "REPEAT_ORDERS"), ("CUSTOMER", "FIRST_PAID_ORDER")]
    # Never backwards by itself: a loyal customer's next order leaves it loyal.
    await pay_new_order(world, shop, shop.customer.id)
    assert await stage_of(shop.customer.id) is LifecycleStage.LOYAL


async def test_a_silent_customer_falls_at_risk_then_churns_and_an_order_wins_it_back(
        world: World):
    from crm.collaboration.models import Notification
    from crm.lifecycle.service import sweep_all

    shop = await make_shop(world)
    await pay_new_order(world, shop, shop.customer.id)
    assert await stage_of(shop.customer.id) is LifecycleStage.CUSTOMER
    await world.gql("admin", """mutation { updateLifecycleSettings(input: {atRiskDays: 30,
        churnedDays: 60}) { errors { code } } }""")
    now = dt.datetime.now(dt.UTC)

    # Quiet for less than the at-risk days: nothing moves.
    await sweep_all(timestamp=int((now + dt.timedelta(days=20)).timestamp()))
    assert await stage_of(shop.customer.id) is LifecycleStage.CUSTOMER

    await sweep_all(timestamp=int((now + dt.timedelta(days=31)).timestamp()))
    assert await stage_of(shop.customer.id) is LifecycleStage.AT_RISK
    told = await Notification.filter(workspace_id=world.workspace.id,
                                     kind="lifecycle.at_risk")
    assert [(n.user_id, n.subject_id) for n in told] == [(world.users["rep1"].id,
                                                          shop.customer.id)]
    # A second sweep does not tell the owner again.
    await sweep_all(timestamp=int((now + dt.timedelta(days=32)).timestamp()))
    assert await Notification.filter(workspace_id=world.workspace.id,
                                     kind="lifecycle.at_risk").count() == 1

    await sweep_all(timestamp=int((now + dt.timedelta(days=61)).timestamp()))
    assert await stage_of(shop.customer.id) is LifecycleStage.CHURNED

    order = await pay_new_order(world, shop, shop.customer.id)
    assert await stage_of(shop.customer.id) is LifecycleStage.CUSTOMER
    node = (await world.gql("rep1", HISTORY, {"id": gid("Customer", shop.customer.id)}))[
        "data"]["node"]
    assert [(e["node"]["fromStage"], e["node"]["toStage"], e["node"]["reasonCode"])
            for e in node["lifecycleChanges"]["edges"]] == [
        ("CHURNED", "CUSTOMER", "WON_BACK"), ("AT_RISK", "CHURNED", "CHURNED"),
        ("CUSTOMER", "AT_RISK", "GONE_QUIET"), ("PROSPECT", "CUSTOMER", "FIRST_PAID_ORDER")]
    assert node["lifecycleChanges"]["edges"][0]["node"]["causeId"] == gid("Order", order.id)
    assert node["lifecycleChanges"]["edges"][2]["node"]["causeId"] is None


async def test_an_interaction_keeps_a_customer_from_falling_at_risk(world: World):
    from crm.lifecycle.service import sweep

    shop = await make_shop(world)
    await pay_new_order(world, shop, shop.customer.id)
    now = dt.datetime.now(dt.UTC)
    # Followed up 80 days later (as if): 90 quiet days are counted from the follow-up.
    await Customer.filter(id=shop.customer.id).update(
        last_follow_up_at=now + dt.timedelta(days=80))
    moved = await sweep(await world.actor("admin"), now + dt.timedelta(days=100))
    assert moved == {"at_risk": 0, "churned": 0}
    assert await stage_of(shop.customer.id) is LifecycleStage.CUSTOMER


async def test_the_periodic_sweep_is_a_scheduled_job(world: World):
    from crm.core.jobs import TASKS

    assert TASKS["lifecycle.sweep"].cron is not None


async def test_unrelated_writes_move_nothing_and_cost_nothing(world: World, sql_counter: Any):
    from crm.customers import service as customers
    from crm.lifecycle.models import LifecycleChange
    from crm.lifecycle.service import on_audit_event

    shop = await make_shop(world)
    await pay_new_order(world, shop, shop.customer.id)
    count_before = await LifecycleChange.filter(workspace_id=world.workspace.id).count()
    rep = await world.actor("rep1")
    await customers.update_customer(rep, shop.customer.id, {"industry": "Retail"})
    other = await make_customer(world, lifecycle_stage=LifecycleStage.LEAD)
    await customers.update_customer(rep, other.id, {"region": "East"})
    assert await stage_of(other.id) is LifecycleStage.LEAD
    assert await LifecycleChange.filter(workspace_id=world.workspace.id).count() == count_before

    # The hook reads nothing for a write it does not care about.
    from crm.core.models import AuditEvent
    event = AuditEvent(workspace_id=world.workspace.id, object_type="Customer",
                       object_id=other.id, customer_id=other.id, action="update",
                       changes={"region": [None, "East"]})
    with sql_counter:
        await on_audit_event(rep, event)
        order_event = AuditEvent(workspace_id=world.workspace.id, object_type="Order",
                                 object_id=other.id, customer_id=other.id, action="update",
                                 changes={"notes": [None, "x"]})
        await on_audit_event(rep, order_event)
    assert sql_counter.count == 0


async def test_a_rep_sees_the_changes_only_of_customers_they_read(world: World):
    shop = await make_shop(world)
    await pay_new_order(world, shop, shop.customer.id)  # rep1's customer
    query = """query($id: ID!) { node(id: $id) { ... on Customer {
        lifecycleChanges(first: 5) { totalCount } } } }"""
    mine = await world.gql("rep1", query, {"id": gid("Customer", shop.customer.id)})
    assert mine["data"]["node"]["lifecycleChanges"]["totalCount"] == 1
    manager = await world.gql("manager", query, {"id": gid("Customer", shop.customer.id)})
    assert manager["data"]["node"]["lifecycleChanges"]["totalCount"] == 1
    # rep3 (another team) cannot read the customer, so not its changes either.
    theirs = await world.gql("rep3", query, {"id": gid("Customer", shop.customer.id)},
                             expect_errors=True)
    assert theirs["data"]["node"] is None


async def test_disabled_rules_leave_stages_alone(world: World):
    lead = await make_customer(world, lifecycle_stage=LifecycleStage.LEAD)
    await world.gql("admin", """mutation { updateLifecycleSettings(input: {enabled: false}) {
        errors { code } } }""")
    await interaction(world, lead)
    assert await stage_of(lead.id) is LifecycleStage.LEAD
    assert await run_pending() >= 0


async def test_the_sweep_of_one_workspace_looks_at_that_workspace_only(world: World, monkeypatch):
    # The job system fans the hourly sweep out, one job per workspace: each job sweeps its own
    # workspace without listing every other workspace's customers first.
    from crm.customers import service as customers
    from crm.lifecycle.service import sweep_all

    shop = await make_shop(world)
    await pay_new_order(world, shop, shop.customer.id)
    await world.gql("admin", """mutation { updateLifecycleSettings(input: {atRiskDays: 30,
        churnedDays: 60}) { errors { code } } }""")

    async def every_workspace(*_a: Any) -> list[Any]:
        raise AssertionError("the sweep of one workspace listed every workspace")

    monkeypatch.setattr(customers, "workspaces_with_stages", every_workspace)
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=31)
    await sweep_all(str(world.workspace.id), timestamp=int(later.timestamp()))
    assert await stage_of(shop.customer.id) is LifecycleStage.AT_RISK
