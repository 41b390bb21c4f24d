"""Review: writes that attach records to customers the actor may not write."""

from __future__ import annotations

import pytest

from tests import factories as f
from tests.conftest import World

CREATE_TASK = """mutation($input: CreateTaskInput!) {
  createTask(input: $input) { task { id } errors { field code } } }"""


@pytest.mark.parametrize("who", ["finance", "marketing", "support"])
async def test_create_task_on_a_customer_the_actor_may_not_write(world: World, who: str):
    """create_task checks the customer against the *read* scope (scoped(Customer, actor)),
    while log_interaction checks the write scope. Roles that may only read customers
    (finance, marketing, support: Customer write `none`) can attach tasks to any customer,
    and the task's audit event lands in the owner's customer timeline."""
    c = await f.customer(world, "rep1")
    body = await world.gql(who, CREATE_TASK, {"input": {
        "title": "Injected by " + who, "customerId": f.gid("Customer", c)}})
    payload = body["data"]["createTask"]
    assert payload["task"] is None, payload
    assert payload["errors"][0]["code"] in ("FORBIDDEN", "NOT_FOUND"), payload
