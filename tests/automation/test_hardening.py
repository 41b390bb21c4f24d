"""Workflows after the security review: a run acts only on what its owner reads, a run never
stays running, one write queues a bounded number of runs, the periodic scans stay bounded,
and what saving refuses (odd cron digits, conditions too deep or too wide)."""

from __future__ import annotations

from typing import Any

from crm.automation import service
from crm.core.errors import ErrorCode
from tests.automation.test_workflows import make, refused
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
