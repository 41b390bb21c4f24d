"""Workflows after the security review: a run acts only on what its owner reads, a run never
stays running, one write queues a bounded number of runs, the periodic scans stay bounded,
and what saving refuses (odd cron digits, conditions too deep or too wide)."""

from __future__ import annotations

from typing import Any

from crm.automation import service
from crm.core.errors import ErrorCode
from tests.automation.test_workflows import make, refused
from tests import factories
from tests.conftest import World


def _notify(world: World) -> list[dict[str, Any]]:
    return [{"type": "notify", "userIds": [str(world.users["admin"].id)], "title": "t"}]


async def test_a_schedule_with_digits_that_are_not_ascii_is_invalid(world: World) -> None:
    # "²" passes str.isdigit but int() refuses it: it must be a coded refusal, not a crash.
    for cron in ("² * * * *", "* ²-3 * * *", "*/² * * * *", "0 0 1-³ * *", "0 0 * * ١"):
        await refused(world, ErrorCode.INVALID, "trigger.cron",
                      trigger={"type": "schedule", "cron": cron}, actions=_notify(world))
    assert service.cronlib.parse("0-5/2 9 * * 1").minutes == frozenset({0, 2, 4})


async def test_a_condition_is_bounded_in_depth_and_width(world: World) -> None:
    leaf = {"name": {"contains": "a"}}
    nested: dict[str, Any] = leaf
    for _ in range(4):
        nested = {"and": [nested]}
    await refused(world, ErrorCode.INVALID, "condition", condition={"not": nested})
    await refused(world, ErrorCode.INVALID, "condition",
                  condition={"or": [{"name": {"eq": f"n{i}"}} for i in range(51)]})
    # Three operators on one field are three values compared.
    await refused(world, ErrorCode.INVALID, "condition", condition={"or": [
        {"name": {"eq": f"n{i}", "contains": "x", "startsWith": "y"}} for i in range(17)]})
    # A branch's condition has the same bounds, on its own field.
    await refused(world, ErrorCode.INVALID, "actions[0].condition", actions=[
        {"type": "branch", "condition": {"not": nested}, "then": _notify(world)}])
    # At the bounds a condition is saved.
    await make(world, condition=nested)
    await make(world, condition={"or": [{"name": {"eq": f"n{i}"}} for i in range(50)]})


DRY = """mutation($input: DryRunWorkflowInput!) { dryRunWorkflow(input: $input) {
  result { matches steps { action } } errors { field code } } }"""


async def test_only_who_may_write_a_workflow_may_dry_run_it(world: World) -> None:
    cust = await factories.customer(world, who="rep1")
    record = factories.gid("Customer", cust)
    definition = {"name": "Try", "objectType": "CUSTOMER", "trigger": {"type": "created"},
                  "actions": [{"type": "create_task", "title": "Call {record}"}]}
    admins = await make(world, enabled=False)
    rep1s = await make(world, owner="rep1", enabled=False)

    async def dry(who: str, **given: Any) -> Any:
        body = await world.gql(who, DRY, {"input": {"recordId": record, **given}})
        return body["data"]["dryRunWorkflow"]

    # A sales rep may write no workflow: neither a definition nor a saved one is tried.
    assert (await dry("rep1", definition=definition)) == {
        "result": None, "errors": [{"field": None, "code": "FORBIDDEN"}]}
    assert (await dry("rep1", workflowId=factories.gid("Workflow", rep1s)))["errors"][0][
        "code"] == "FORBIDDEN"
    # A manager reads the team's workflows but changes only their own.
    assert (await dry("manager", workflowId=factories.gid("Workflow", rep1s)))["errors"] == [
        {"field": "workflowId", "code": "FORBIDDEN"}]
    # One they cannot see is not found.
    assert (await dry("manager", workflowId=factories.gid("Workflow", admins)))["errors"] == [
        {"field": "workflowId", "code": "NOT_FOUND"}]
    # Who may write it tries it.
    tried = await dry("admin", workflowId=factories.gid("Workflow", admins))
    assert tried["errors"] == [] and tried["result"]["matches"] is True
    mine = await dry("manager", definition=definition)
    assert mine["errors"] == [] and mine["result"]["steps"] == [{"action": "create_task"}]
