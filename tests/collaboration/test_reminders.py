"""A task's remindAt becomes a notification to its assignee when its time comes: once per
remindAt value, never for a finished or deleted task."""

from __future__ import annotations

import datetime as dt
from typing import Any

from crm.collaboration.models import Notification
from crm.collaboration.service import send_due_reminders
from crm.core import jobs
from crm.sales import service as sales
from crm.sales.models import TaskStatus
from tests.conftest import World

NOW = dt.datetime(2031, 3, 4, 9, 0, tzinfo=dt.UTC)


async def reminders_of(world: World, who: str) -> list[str]:
    rows = await Notification.filter(workspace_id=world.workspace.id,
                                     user_id=world.users[who].id,
                                     kind="task.reminder").order_by("created_at")
    return [r.title for r in rows]


async def make_task(world: World, who: str, title: str, remind_at: dt.datetime | None,
                    for_whom: str | None = None) -> Any:
    return await sales.create_task(
        await world.actor(who), {"title": title, "remind_at": remind_at},
        assignee_id=world.users[for_whom].id if for_whom else None)


async def test_a_reminder_fires_at_remind_at_not_before_and_once(world: World):
    await make_task(world, "manager", "Call Acme", NOW + dt.timedelta(minutes=30), "rep1")
    await send_due_reminders(NOW)
    await send_due_reminders(NOW + dt.timedelta(minutes=29))
    assert await reminders_of(world, "rep1") == []
    await send_due_reminders(NOW + dt.timedelta(minutes=30))
    assert await reminders_of(world, "rep1") == ["Call Acme"]
    # Later sweeps, and overlapping ones, send nothing more.
    await send_due_reminders(NOW + dt.timedelta(minutes=31))
    await send_due_reminders(NOW + dt.timedelta(days=3))
    assert await reminders_of(world, "rep1") == ["Call Acme"]
    # It went to the assignee, not to the manager who made the task.
    assert await reminders_of(world, "manager") == []


async def test_moving_remind_at_fires_again_at_the_new_time(world: World):
    task = await make_task(world, "rep1", "Send quote", NOW)
    await send_due_reminders(NOW)
    assert await reminders_of(world, "rep1") == ["Send quote"]
    await sales.update_task(await world.actor("rep1"), task.id,
                            {"remind_at": NOW + dt.timedelta(hours=2)})
    await send_due_reminders(NOW + dt.timedelta(hours=1))
    assert await reminders_of(world, "rep1") == ["Send quote"]
    await send_due_reminders(NOW + dt.timedelta(hours=2))
    assert await reminders_of(world, "rep1") == ["Send quote", "Send quote"]


async def test_a_reminder_already_past_when_set_fires_at_the_next_run(world: World):
    await make_task(world, "rep1", "Overdue", NOW - dt.timedelta(days=2))
    await send_due_reminders(NOW)
    assert await reminders_of(world, "rep1") == ["Overdue"]


async def test_done_cancelled_or_deleted_tasks_do_not_fire(world: World):
    rep = await world.actor("rep1")
    done = await make_task(world, "rep1", "Done", NOW)
    cancelled = await make_task(world, "rep1", "Cancelled", NOW)
    gone = await make_task(world, "rep1", "Deleted", NOW)
    await make_task(world, "rep1", "Open", NOW)
    await sales.update_task(rep, done.id, {"status": TaskStatus.DONE})
    await sales.update_task(rep, cancelled.id, {"status": TaskStatus.CANCELLED})
    await sales.delete_task(rep, gone.id)
    await send_due_reminders(NOW + dt.timedelta(minutes=1))
    assert await reminders_of(world, "rep1") == ["Open"]


async def test_a_task_without_remind_at_never_fires(world: World):
    await make_task(world, "rep1", "No reminder", None)
    await send_due_reminders(NOW + dt.timedelta(days=365))
    assert await reminders_of(world, "rep1") == []


async def test_the_reminder_is_a_periodic_job_and_points_at_its_task(world: World):
    assert jobs.TASKS["collaboration.task_reminders"].schedule() == "* * * * *"
    task = await make_task(world, "rep1", "Due now", dt.datetime.now(dt.UTC)
                           - dt.timedelta(seconds=1))
    await jobs.TASKS["collaboration.task_reminders"].fn(timestamp=NOW.timestamp())
    body = await world.gql("rep1", """{ notifications(first: 5) { edges { node {
        kind title read actor { id } subject { ... on Task { id title } } } } } }""")
    node = body["data"]["notifications"]["edges"][0]["node"]
    from crm.core.ids import to_global_id
    assert node == {"kind": "task.reminder", "title": "Due now", "read": False, "actor": None,
                    "subject": {"id": to_global_id("Task", task.id), "title": "Due now"}}
