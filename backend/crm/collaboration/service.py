"""Notifications: the one way any module tells a user something needs them, and the reminders
of tasks that become notifications when their time comes."""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from tortoise.transactions import in_transaction

from crm.collaboration.models import Notification
from crm.core import audit, bus
from crm.core.errors import ErrorCode, ServiceError, UserError, in_client_language
from crm.core.jobs import task
from crm.core.policy import Actor, system_actor
from crm.core.records import utcnow
from crm.core.scoping import scoped
from crm.sales import service as sales
from crm.settings import get_settings

log = logging.getLogger("crm.collaboration")

# Ids one markNotificationsRead may name: a page of the list.
MAX_MARK = 100
REMINDER_KIND = "task.reminder"


async def notify(workspace_id: uuid.UUID, user_ids: Iterable[uuid.UUID], *, kind: str,
                 title: str, body: str = "", subject_type: str | None = None,
                 subject_id: uuid.UUID | None = None,
                 actor_user_id: uuid.UUID | None = None) -> int:
    """Notify each user once (duplicates in `user_ids` count once), inside the caller's
    transaction when it has one; how many notifications were written.

    Each one is audited: its audit event is what `bus.committed()` turns into a live push to
    its user once the caller's transaction commits (a rolled-back one pushes nothing). A
    caller outside a request (a job) opens `bus.committed()` itself to have them pushed."""
    users = list(dict.fromkeys(user_ids))
    if not users:
        return 0
    rows = [Notification(id=uuid.uuid4(), workspace_id=workspace_id, user_id=u, kind=kind,
                         title=title[:300], body=body, subject_type=subject_type,
                         subject_id=subject_id, actor_user_id=actor_user_id)
            for u in users]
    await Notification.bulk_create(rows)
    writer = system_actor(workspace_id, request_id="notify")
    if actor_user_id is not None:
        # The audit trail names who caused it; the row scope of the writer plays no part.
        writer = Actor(workspace_id=workspace_id, user_id=actor_user_id, role="system",
                       request_id=writer.request_id)
    for row in rows:
        await audit.record_created(writer, row)
    return len(users)


def notifications_query(actor: Actor) -> Any:
    """The actor's own notifications (every role reads only its own, by the policy)."""
    return scoped(Notification, actor)


async def unread_count(actor: Actor) -> int:
    return await notifications_query(actor).filter(read_at=None).count()  # type: ignore[no-any-return]


async def notification_for_push(actor: Actor, pk: uuid.UUID) -> Notification | None:
    """A new notification as the subscriber may read it: None when it is someone else's."""
    return await notifications_query(actor).get_or_none(id=pk)  # type: ignore[no-any-return]


@dataclass
class MarkResult:
    """The outcome for one notification asked for."""

    id: uuid.UUID
    ok: bool
    record: Any = None
    errors: list[UserError] = field(default_factory=list)


@dataclass
class Marked:
    results: list[MarkResult]
    marked: int


async def mark_read(actor: Actor, ids: list[uuid.UUID] | None, all_unread: bool) -> Marked:
    """Mark the actor's notifications read: the ones named, or every unread one with
    `all_unread`. All or nothing: when one id is not a notification of the actor's (unknown,
    someone else's, another workspace's: the same NOT_FOUND, so no id is an oracle), none is
    marked and the payload says which."""
    if (ids is None) == (not all_unread):
        raise ServiceError(ErrorCode.INVALID, "Give either ids or all: true", "ids")
    if ids is not None:
        ids = list(dict.fromkeys(ids))
        if not ids:
            raise ServiceError(ErrorCode.INVALID, "Give at least one id", "ids")
        if len(ids) > MAX_MARK:
            raise ServiceError(ErrorCode.LIMIT_REACHED, f"At most {MAX_MARK} ids at once",
                               "ids", params={"limit": MAX_MARK})
    now = utcnow()
    async with in_transaction("default"):
        qs = notifications_query(actor)
        rows: list[Notification] = await (qs.filter(id__in=ids) if ids is not None
                                          else qs.filter(read_at=None))
        found = {r.id: r for r in rows}
        if ids is not None and len(found) < len(ids):
            results = [MarkResult(id=pk, ok=False) if pk in found else MarkResult(
                id=pk, ok=False, errors=[in_client_language(UserError(
                    field="ids", code=ErrorCode.NOT_FOUND, message="Notification not found"))])
                for pk in ids]
            return Marked(results=results, marked=0)
        unread = [r for r in rows if r.read_at is None]
        if unread:
            await Notification.filter(id__in=[r.id for r in unread]).update(read_at=now)
            for r in unread:
                await audit.record(actor, "Notification", r.id, "update",
                                   audit.diff({"read_at": None}, {"read_at": audit.plain(now)}))
                r.read_at = now
        ordered = [found[pk] for pk in ids] if ids is not None else rows
        return Marked(results=[MarkResult(id=r.id, ok=True, record=r) for r in ordered],
                      marked=len(unread))


# --- reminders -------------------------------------------------------------------------------

# A periodic sweep, not a job deferred at each remindAt: tasks get and move their remindAt on
# many paths (the task mutations, a follow-up's next date, imports, workflows, sync from
# mobile) and all of them live in sales, which may not call up into collaboration. The sweep
# reads the tasks themselves, so every path is covered without a hook in each, a moved or
# cancelled reminder needs no job to be found and revoked, and the claim in the same
# transaction as the notification makes it fire once per remindAt value however many sweeps
# overlap. The cost is up to a minute of lateness, which a reminder can afford.
async def send_due_reminders(now: dt.datetime | None = None,
                             workspace_id: uuid.UUID | None = None) -> int:
    """Notify the assignee of every task (of one workspace, or all) whose remindAt has come,
    once per remindAt value; how many reminders went out."""
    now = now or utcnow()
    sent = 0
    while True:
        due = await sales.due_reminders(now, workspace_id=workspace_id)
        for item in due:
            async with bus.committed(), in_transaction("default"):
                if not await sales.claim_reminder(item, now):
                    continue
                await notify(item.workspace_id, [item.assignee_id], kind=REMINDER_KIND,
                             title=item.title, subject_type="Task", subject_id=item.task_id)
                sent += 1
        if len(due) < 500:
            return sent


@task("collaboration.task_reminders", retries=0, cron=lambda: get_settings().reminders_cron)
async def task_reminders(workspace_id: str | None = None, timestamp: float | None = None) -> None:
    # The sweep reads the clock, not the scheduled time: a late run still sends everything
    # due by now. A missed run needs no retry: the next minute's sends what it left. The job
    # system fans the task out, one job per workspace.
    await send_due_reminders(workspace_id=uuid.UUID(workspace_id) if workspace_id else None)
