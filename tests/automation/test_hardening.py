"""Workflows after the security review: a run acts only on what its owner reads, a run never
stays running, one write queues a bounded number of runs, the periodic scans stay bounded,
and what saving refuses (odd cron digits, conditions too deep or too wide)."""

from __future__ import annotations

from typing import Any

from crm.automation import service
from crm.core.errors import ErrorCode
from tests.automation.test_workflows import refused
from tests.conftest import World


def _notify(world: World) -> list[dict[str, Any]]:
    return [{"type": "notify", "userIds": [str(world.users["admin"].id)], "title": "t"}]


async def test_a_schedule_with_digits_that_are_not_ascii_is_invalid(world: World) -> None:
    # "²" passes str.isdigit but int() refuses it: it must be a coded refusal, not a crash.
    for cron in ("² * * * *", "* ²-3 * * *", "*/² * * * *", "0 0 1-³ * *", "0 0 * * ١"):
        await refused(world, ErrorCode.INVALID, "trigger.cron",
                      trigger={"type": "schedule", "cron": cron}, actions=_notify(world))
    assert service.cronlib.parse("0-5/2 9 * * 1").minutes == frozenset({0, 2, 4})
