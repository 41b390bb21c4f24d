"""Giving a record to someone follows one rule for every owned type.

A rep keeps what they create; a manager hands work around their own team; an admin hands it to
anyone whose role may hold such records. A lead given to hr, or to a rep of another team, is a
lead nobody works and a door around the row scope.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.conftest import World
from tests.orders.helpers import Shop, gid, make_shop

# type -> (mutation, its payload field, the input without owner, the input's owner field)
CASES: dict[str, tuple[str, str, Callable[[Shop], dict[str, Any]], str]] = {
    "Lead": ("createLead", "lead", lambda s: {"name": "王磊 Wang Lei"}, "ownerId"),
    "Customer": ("createCustomer", "customer", lambda s: {"name": "Initech 英泰"}, "ownerId"),
    "Opportunity": ("createOpportunity", "opportunity", lambda s: {
        "customerId": gid("Customer", s.customer.id), "title": "Rollout"}, "ownerId"),
    "Order": ("createOrder", "order", lambda s: {
        "customerId": gid("Customer", s.customer.id),
        "lines": [{"productId": gid("Product", s.widget.id), "quantity": 1}]}, "ownerId"),
    "Task": ("createTask", "task", lambda s: {"title": "Call back"}, "assigneeId"),
}


async def _give(world: World, shop: Shop, type_name: str, who: str, to: str) -> list[str]:
    mutation, result, base, owner_field = CASES[type_name]
    query = (f"mutation($input: {mutation[0].upper()}{mutation[1:]}Input!) {{ {mutation}"
             f"(input: $input) {{ {result} {{ id }} errors {{ field code message }} }} }}")
    body = await world.gql(who, query, {"input": {
        **base(shop), owner_field: gid("User", world.users[to].id)}})
    payload = body["data"][mutation]
    errors = payload["errors"]
    assert (payload[result] is None) == bool(errors), payload
    assert all(e["field"] == owner_field for e in errors), errors
    return [e["code"] for e in errors]


@pytest.mark.parametrize("type_name", list(CASES))
async def test_a_rep_cannot_give_a_record_to_a_rep_of_another_team(world: World, type_name: str):
    shop = await make_shop(world)
    assert await _give(world, shop, type_name, "rep1", "rep3") == ["FORBIDDEN"]


@pytest.mark.parametrize("type_name", list(CASES))
async def test_a_manager_gives_within_their_team_only(world: World, type_name: str):
    shop = await make_shop(world)
    assert await _give(world, shop, type_name, "manager", "rep2") == []
    assert await _give(world, shop, type_name, "manager", "rep3") == ["FORBIDDEN"]


@pytest.mark.parametrize("type_name", ["Lead", "Customer", "Opportunity", "Order"])
async def test_nobody_gives_sales_records_to_a_role_that_cannot_hold_them(world: World,
                                                                          type_name: str):
    shop = await make_shop(world)
    assert await _give(world, shop, type_name, "admin", "hr") == ["FORBIDDEN"]
    assert await _give(world, shop, type_name, "admin", "rep3") == []


async def test_a_task_goes_to_anyone_who_keeps_tasks_but_not_to_a_viewer(world: World):
    shop = await make_shop(world)
    assert await _give(world, shop, "Task", "admin", "hr") == []
    assert await _give(world, shop, "Task", "admin", "viewer") == ["FORBIDDEN"]
