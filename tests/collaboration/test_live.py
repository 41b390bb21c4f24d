"""The `notifications` subscription pushes a new notification to its user only, and only once
the write that made it has committed."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from typing import Any

import pytest
from tortoise.transactions import in_transaction

from crm.collaboration.service import notify, send_due_reminders
from crm.core import bus
from crm.sales import service as sales
from tests.conftest import World
from tests.platform.sockets import serving, socket

SUB = "subscription { notifications { kind title read subject { __typename } } }"


@pytest.fixture(scope="module")
async def url(app: Any) -> AsyncIterator[str]:
    async with serving(app) as ws_url:
        yield ws_url


async def test_a_push_reaches_its_user_and_nobody_else(url: str, world: World):
    async with socket(url, world.tokens["rep1"]) as rep1, \
            socket(url, world.tokens["admin"]) as admin:
        op1 = await rep1.subscribe(SUB)
        op_admin = await admin.subscribe(SUB)
        async with bus.committed():
            await notify(world.workspace.id, [world.users["rep2"].id], kind="test.ping",
                         title="for rep2")
            await notify(world.workspace.id, [world.users["rep1"].id], kind="test.ping",
                         title="for rep1")
            await notify(world.workspace.id, [world.users["admin"].id], kind="test.ping",
                         title="for admin")
        # Each socket's first push is its own: rep2's went to neither.
        assert (await rep1.next_of(op1))["notifications"]["title"] == "for rep1"
        assert (await admin.next_of(op_admin))["notifications"]["title"] == "for admin"


async def test_a_rolled_back_notification_is_not_pushed(url: str, world: World):
    class Undo(Exception):
        pass

    async with socket(url, world.tokens["rep1"]) as s:
        op = await s.subscribe(SUB)
        with pytest.raises(Undo):
            async with bus.committed(), in_transaction("default"):
                await notify(world.workspace.id, [world.users["rep1"].id], kind="test.ping",
                             title="rolled back")
                raise Undo
        async with bus.committed():
            await notify(world.workspace.id, [world.users["rep1"].id], kind="test.ping",
                         title="kept")
        assert (await s.next_of(op))["notifications"]["title"] == "kept"


async def test_a_due_reminder_is_pushed_to_the_assignee(url: str, world: World):
    now = dt.datetime(2032, 1, 1, tzinfo=dt.UTC)
    await sales.create_task(await world.actor("manager"), {"title": "Ring back",
                                                          "remind_at": now},
                            assignee_id=world.users["rep1"].id)
    async with socket(url, world.tokens["rep1"]) as rep1, \
            socket(url, world.tokens["manager"]) as manager:
        op = await rep1.subscribe(SUB)
        mop = await manager.subscribe(SUB)
        await send_due_reminders(now)
        async with bus.committed():
            await notify(world.workspace.id, [world.users["manager"].id], kind="test.ping",
                         title="manager's own")
        assert (await rep1.next_of(op))["notifications"] == {
            "kind": "task.reminder", "title": "Ring back", "read": False,
            "subject": {"__typename": "Task"}}
        assert (await manager.next_of(mop))["notifications"]["title"] == "manager's own"
