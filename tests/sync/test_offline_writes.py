"""Offline writes replayed later: a client-chosen id replays only the same create, and a stale
`expectedVersion` answers with the record as it is now, on every versioned update."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import pytest

from crm.core.models import AuditEvent
from tests import factories as f
from tests.conftest import World
from tests.orders.helpers import make_shop


@dataclass
class Create:
    mutation: str
    input_type: str
    result: str
    who: str
    # (world, shop) -> the input without its id; the second differs in one field.
    first: Callable[[World, Any], Awaitable[dict[str, Any]]]
    changed: dict[str, Any]


async def _customer_ref(world: World, shop: Any) -> dict[str, Any]:
    return {"customerId": f.gid("Customer", shop.customer)}


async def _customer(world: World, shop: Any) -> dict[str, Any]:
    return {"name": "Offline Co", "industry": "Tea"}


async def _contact(world: World, shop: Any) -> dict[str, Any]:
    return {**await _customer_ref(world, shop), "name": "Ms Li", "title": "Buyer"}


async def _lead(world: World, shop: Any) -> dict[str, Any]:
    return {"name": "Mr Wang", "company": "Wang Ltd"}


async def _opportunity(world: World, shop: Any) -> dict[str, Any]:
    return {**await _customer_ref(world, shop), "title": "Spring deal",
            "amount": {"amount": "1000.00", "currency": "CNY"}}


async def _interaction(world: World, shop: Any) -> dict[str, Any]:
    return {**await _customer_ref(world, shop), "kind": "CALL", "summary": "Talked prices"}


async def _task(world: World, shop: Any) -> dict[str, Any]:
    return {"title": "Send samples", "priority": "HIGH"}


async def _tag(world: World, shop: Any) -> dict[str, Any]:
    return {"name": f"Tag {uuid.uuid4().hex[:6]}"}


async def _product(world: World, shop: Any) -> dict[str, Any]:
    return {"sku": f"SKU-{uuid.uuid4().hex[:6]}", "name": "Teapot",
            "listPrice": {"amount": "88.00", "currency": "CNY"}}


async def _order(world: World, shop: Any) -> dict[str, Any]:
    return {**await _customer_ref(world, shop), "notes": "by the back door",
            "lines": [{"productId": f.gid("Product", shop.widget), "quantity": 2}]}


CREATES = {
    "customer": Create("createCustomer", "CreateCustomerInput", "customer", "rep1", _customer,
                       {"industry": "Coffee"}),
    "contact": Create("createContact", "CreateContactInput", "contact", "rep1", _contact,
                      {"title": "Owner"}),
    "lead": Create("createLead", "CreateLeadInput", "lead", "rep1", _lead, {"company": "Li Ltd"}),
    "opportunity": Create("createOpportunity", "CreateOpportunityInput", "opportunity", "rep1",
                          _opportunity, {"amount": {"amount": "2000.00", "currency": "CNY"}}),
    "interaction": Create("logInteraction", "LogInteractionInput", "interaction", "rep1",
                          _interaction, {"summary": "Talked delivery"}),
    "task": Create("createTask", "CreateTaskInput", "task", "rep1", _task, {"priority": "LOW"}),
    "tag": Create("createTag", "CreateTagInput", "tag", "admin", _tag, {"color": "red"}),
    "product": Create("createProduct", "CreateProductInput", "product", "admin", _product,
                      {"listPrice": {"amount": "99.00", "currency": "CNY"}}),
    "order": Create("createOrder", "CreateOrderInput", "order", "rep1", _order,
                    {"notes": "front door"}),
}


def _mutation(case: Create) -> str:
    return (f"mutation($i: {case.input_type}!) {{ {case.mutation}(input: $i) {{ "
            f"{case.result} {{ id }} errors {{ field code message }} }} }}")


@pytest.mark.parametrize("name", sorted(CREATES))
async def test_a_client_id_replays_the_same_create_and_refuses_another(world: World, name: str):
    case = CREATES[name]
    shop = await make_shop(world)
    client_id = str(uuid.uuid4())
    given = {**await case.first(world, shop), "id": client_id}
    first = (await world.gql(case.who, _mutation(case), {"i": given}))["data"][case.mutation]
    assert first["errors"] == [] and first[case.result]["id"]
    # The same input again (a lost response, an offline queue replaying): the same record.
    again = (await world.gql(case.who, _mutation(case), {"i": given}))["data"][case.mutation]
    assert again == first
    # The same id with another input is not that create: a coded error, nothing written.
    other = (await world.gql(case.who, _mutation(case), {"i": {**given, **case.changed}})
             )["data"][case.mutation]
    assert other[case.result] is None
    assert [(e["field"], e["code"]) for e in other["errors"]] == [("id", "CONFLICT")]
    assert "different input" in other["errors"][0]["message"]
    assert await AuditEvent.filter(object_id=uuid.UUID(client_id), action="create").count() == 1


async def test_the_conflict_speaks_the_clients_language(world: World):
    case = CREATES["lead"]
    given = {"name": "Mr Zhao", "id": str(uuid.uuid4())}
    await world.gql("rep1", _mutation(case), {"i": given})
    resp = await world.client.post(
        "/graphql", json={"query": _mutation(case), "variables": {"i": {**given, "name": "X"}}},
        headers={"Authorization": f"Bearer {world.tokens['rep1']}", "Accept-Language": "zh-CN"})
    error = resp.json()["data"]["createLead"]["errors"][0]
    assert error["code"] == "CONFLICT" and "不同" in error["message"]


async def test_a_replay_after_the_record_changed_still_replays(world: World):
    """The first create is what a replay is compared with, not the record as edited since."""
    case = CREATES["lead"]
    given = {"name": "Ms Sun", "id": str(uuid.uuid4())}
    first = (await world.gql("rep1", _mutation(case), {"i": given}))["data"]["createLead"]
    await world.gql("rep1", """mutation($i: UpdateLeadInput!) { updateLead(input: $i) {
        errors { code } } }""", {"i": {"id": first["lead"]["id"], "name": "Ms Sun Li"}})
    again = (await world.gql("rep1", _mutation(case), {"i": given}))["data"]["createLead"]
    assert again == first


@dataclass
class Update:
    mutation: str
    input_type: str
    result: str
    who: str
    # (world, shop) -> (global id, current version, a change)
    target: Callable[[World, Any], Awaitable[tuple[str, dict[str, Any]]]]
    shown: str  # a field of the record to read back


async def _cust_target(world: World, shop: Any) -> tuple[str, dict[str, Any]]:
    return f.gid("Customer", shop.customer), {"industry": "Steel"}


async def _contact_target(world: World, shop: Any) -> tuple[str, dict[str, Any]]:
    from crm.customers.models import Contact
    row = await Contact.filter(customer_id=shop.customer.id).first()
    if row is None:
        from crm.customers.service import create_contact
        row = await create_contact(await world.actor("admin"), shop.customer.id, {"name": "C"})
    return f.gid("Contact", row), {"title": "Boss"}


async def _tag_target(world: World, shop: Any) -> tuple[str, dict[str, Any]]:
    return f.gid("Tag", await f.tag(world, f"T{uuid.uuid4().hex[:6]}")), {"color": "red"}


async def _lead_target(world: World, shop: Any) -> tuple[str, dict[str, Any]]:
    from crm.sales.service import create_lead
    row = await create_lead(await world.actor("rep1"), {"name": "L"})
    return f.gid("Lead", row), {"company": "Acme"}


async def _opp_target(world: World, shop: Any) -> tuple[str, dict[str, Any]]:
    return f.gid("Opportunity", await f.opportunity(world, shop.customer, "admin")), {
        "title": "Bigger deal"}


async def _task_target(world: World, shop: Any) -> tuple[str, dict[str, Any]]:
    from crm.sales.service import create_task
    row = await create_task(await world.actor("rep1"), {"title": "Call back"})
    return f.gid("Task", row), {"title": "Call back soon"}


async def _product_target(world: World, shop: Any) -> tuple[str, dict[str, Any]]:
    return f.gid("Product", shop.widget), {"name": "Widget II"}


async def _order_target(world: World, shop: Any) -> tuple[str, dict[str, Any]]:
    from crm.orders import service as orders
    from crm.orders.service import LineInput
    row = await orders.create_order(await world.actor("admin"), customer_id=shop.customer.id,
                                    lines=[LineInput(product_id=shop.widget.id, quantity=1)])
    return f.gid("Order", row), {"notes": "ring twice"}


async def _plan_target(world: World, shop: Any) -> tuple[str, dict[str, Any]]:
    from crm.payroll.service import create_plan
    row = await create_plan(await world.actor("hr"), {"name": "Plan A", "tiers": [],
                                                      "new_customer_bonus": None})
    return f.gid("CompensationPlan", row), {"name": "Plan B"}


async def _employee_target(world: World, shop: Any) -> tuple[str, dict[str, Any]]:
    from crm.payroll.service import create_employee
    row = await create_employee(await world.actor("hr"), {
        "user_id": world.users["rep2"].id, "employee_number": f"E{uuid.uuid4().hex[:5]}",
        "hire_date": dt.date(2024, 1, 1), "base_salary": Decimal("8000"), "currency": "CNY"})
    return f.gid("Employee", row), {"title": "Lead rep"}


UPDATES = {
    "customer": Update("updateCustomer", "UpdateCustomerInput", "customer", "admin",
                       _cust_target, "industry"),
    "contact": Update("updateContact", "UpdateContactInput", "contact", "admin",
                      _contact_target, "title"),
    "tag": Update("updateTag", "UpdateTagInput", "tag", "admin", _tag_target, "color"),
    "lead": Update("updateLead", "UpdateLeadInput", "lead", "rep1", _lead_target, "company"),
    "opportunity": Update("updateOpportunity", "UpdateOpportunityInput", "opportunity", "admin",
                          _opp_target, "title"),
    "task": Update("updateTask", "UpdateTaskInput", "task", "rep1", _task_target, "title"),
    "product": Update("updateProduct", "UpdateProductInput", "product", "admin",
                      _product_target, "name"),
    "order": Update("updateOrder", "UpdateOrderInput", "order", "admin", _order_target, "notes"),
    "compensationPlan": Update("updateCompensationPlan", "UpdateCompensationPlanInput",
                               "compensationPlan", "hr", _plan_target, "name"),
    "employee": Update("updateEmployee", "UpdateEmployeeInput", "employee", "hr",
                       _employee_target, "title"),
}


@pytest.mark.parametrize("name", sorted(UPDATES))
async def test_a_stale_version_answers_with_the_record_as_it_is_now(world: World, name: str):
    case = UPDATES[name]
    shop = await make_shop(world)
    gid, change = await case.target(world, shop)
    m = (f"mutation($i: {case.input_type}!) {{ {case.mutation}(input: $i) {{ {case.result} {{ "
         f"id version {case.shown} }} errors {{ field code }} }} }}")
    # Someone else saves first (version 1 -> 2); the device still holds version 1.
    first = (await world.gql(case.who, m, {"i": {"id": gid, **change}}))["data"][case.mutation]
    assert first["errors"] == []
    now = first[case.result]
    stale = {"id": gid, case.shown: "From the phone", "expectedVersion": now["version"] - 1}
    answer = (await world.gql(case.who, m, {"i": stale}))["data"][case.mutation]
    assert answer["errors"] == [{"field": "expectedVersion", "code": "CONFLICT"}]
    # The record as it is now, so the app can show both and let its user choose.
    assert answer[case.result] == now
    resolved = (await world.gql(case.who, m, {"i": {**stale, "expectedVersion": now["version"]}})
                )["data"][case.mutation]
    assert resolved["errors"] == [] and resolved[case.result][case.shown] == "From the phone"


async def test_payroll_settings_conflict_returns_the_settings(world: World):
    m = """mutation($i: UpdatePayrollSettingsInput!) { updatePayrollSettings(input: $i) {
      settings { version annualLeaveDays } errors { field code } } }"""
    first = (await world.gql("hr", m, {"i": {"annualLeaveDays": 10}}))["data"]
    now = first["updatePayrollSettings"]["settings"]
    stale = await world.gql("hr", m, {"i": {"annualLeaveDays": 12,
                                            "expectedVersion": now["version"] - 1}})
    out = stale["data"]["updatePayrollSettings"]
    assert out["errors"] == [{"field": "expectedVersion", "code": "CONFLICT"}]
    assert out["settings"] == now
