"""History shows a value only to those who may read the field that shows it.

An audit event stores old and new values of columns, some of which no field shows under that
name (`cost_minor`, `cost_price_minor`, `currency`). Whoever may not read a product's cost or
an order's margin must not find them in `history` or `auditTrail` either, and a value stored
before any rule named it must stay hidden rather than leak.
"""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from crm.core.audit import DERIVED
from crm.core.models import AuditEvent
from crm.core.policy import load_policy
from crm.modules import submodules
from tests.conftest import World
from tests.orders.helpers import gid, make_shop

TRAIL = """query($id: ID!) { auditTrail(objectId: $id, first: 50) {
    edges { node { action changes { field old new } } } } }"""
HISTORY = """query($id: ID!) { node(id: $id) { ... on Order {
    history(first: 50) { edges { node { action changes { field old new } } } } } } }"""


def _changes(edges: list[dict[str, Any]]) -> dict[str, list[Any]]:
    out: dict[str, list[Any]] = {}
    for edge in edges:
        for change in edge["node"]["changes"]:
            out.setdefault(change["field"], []).append(change["new"])
    return out


async def _trail(world: World, who: str, global_id: str) -> dict[str, list[Any]]:
    body = await world.gql(who, TRAIL, {"id": global_id})
    assert "errors" not in body, body
    return _changes(body["data"]["auditTrail"]["edges"])


async def test_the_warehouse_reads_no_prices_in_a_products_trail(world: World):
    shop = await make_shop(world)
    product = gid("Product", shop.widget.id)
    warehouse = await _trail(world, "warehouse", product)
    assert "sku" in warehouse  # the trail itself is readable: only the money is withheld
    assert not {"costPrice", "listPrice", "costPriceMinor", "listPriceMinor", "margin"} & set(
        warehouse), warehouse
    finance = await _trail(world, "finance", product)
    assert finance["costPrice"] == [12000] and finance["listPrice"] == [19999], finance


async def test_a_rep_reads_no_cost_in_the_history_of_an_order_they_changed(world: World):
    shop = await make_shop(world)
    created = await world.gql("rep1", """mutation($input: CreateOrderInput!) {
        createOrder(input: $input) { order { id } errors { code } } }""", {"input": {
        "customerId": gid("Customer", shop.customer.id),
        "lines": [{"productId": gid("Product", shop.widget.id), "quantity": 1}]}})
    order_id = created["data"]["createOrder"]["order"]["id"]
    replaced = await world.gql("rep1", """mutation($input: ReplaceOrderLinesInput!) {
        replaceOrderLines(input: $input) { errors { code } } }""", {"input": {
        "id": order_id, "expectedVersion": 1,
        "lines": [{"productId": gid("Product", shop.gadget.id), "quantity": 3}]}})
    assert replaced["data"]["replaceOrderLines"]["errors"] == []
    seen: dict[str, dict[str, list[Any]]] = {}
    for who in ("rep1", "manager"):
        body = await world.gql(who, HISTORY, {"id": order_id})
        assert "errors" not in body, body
        seen[who] = _changes(body["data"]["node"]["history"]["edges"])
    assert "total" in seen["rep1"]  # reps read their order's total, just not what it cost us
    assert "cost" not in seen["rep1"], seen["rep1"]
    # The manager may read margins, so the cost the lines were priced at is theirs to see
    # (newest first: the replaced lines' cost, then the created order's).
    assert seen["manager"]["cost"] == [6000, 12000], seen["manager"]


async def _stored_event(world: World, object_type: str, object_id: uuid.UUID,
                        changes: dict[str, Any]) -> None:
    """An event as an earlier version of the product wrote it, before these rules existed."""
    await AuditEvent.create(workspace_id=world.workspace.id, actor_role="admin",
                            request_id="legacy", object_type=object_type, object_id=object_id,
                            action="update", changes=changes)


async def test_values_stored_under_column_names_are_judged_by_their_field(world: World):
    shop = await make_shop(world)
    await _stored_event(world, "Product", shop.gadget.id,
                        {"cost_price_minor": [2000, 2100], "tax_rate_bp": [0, 600]})
    product = gid("Product", shop.gadget.id)
    assert "costPrice" not in await _trail(world, "warehouse", product)
    finance = await _trail(world, "finance", product)
    assert finance["costPrice"][0] == 2100 and finance["taxRate"][0] == 600, finance


async def test_a_value_no_field_shows_is_shown_to_nobody(world: World):
    shop = await make_shop(world)
    await _stored_event(world, "Product", shop.gadget.id,
                        {"supplier_rebate_minor": [None, 999], "name": ["Gadget", "Gadget 2"]})
    admin = await _trail(world, "admin", gid("Product", shop.gadget.id))
    assert "Gadget 2" in admin["name"]  # the event is shown, minus the value nobody may read
    assert not any("Rebate" in f or "rebate" in f for f in admin), admin


def _audited_models() -> list[type]:
    """Models audited as themselves: their policy type is their own name (lines and tracking
    events are scoped by their parent and never audited on their own)."""
    found = []
    for module in submodules("models"):
        for value in vars(module).values():
            if (isinstance(value, type) and value.__module__ == module.__name__
                    and getattr(value, "policy_type", "") == value.__name__
                    and not value._meta.abstract):
                found.append(value)
    return found


@pytest.mark.usefixtures("app")  # the schema is built, so the policy knows every field
def test_every_audited_column_names_the_field_policy_that_shows_it():
    table = load_policy()
    models = _audited_models()
    assert len(models) > 15, models  # the whole graph, not an empty list passing by accident
    unmapped = [f"{m.__name__}.{column}" for m in models for column in m._meta.db_fields
                if column not in DERIVED and table.unmapped_audit_keys(m.policy_type, [column])]
    assert not unmapped, ("Columns a write may audit with no field policy (map them in the "
                          f"module's AUDIT_AS): {unmapped}")


@pytest.mark.usefixtures("app")
def test_the_check_notices_a_column_without_a_policy():
    table = load_policy()
    assert table.unmapped_audit_keys("Product", ["supplier_rebate_minor", "cost_price_minor"]) \
        == ["supplier_rebate_minor"]
    assert table.unmapped_audit_keys("Order", ["cost_minor"]) == []
