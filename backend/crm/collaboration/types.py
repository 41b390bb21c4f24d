"""GraphQL types of notifications."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.types import Info
from tortoise.expressions import Q

from crm.auth.types import User
from crm.collaboration import models
from crm.collaboration.loaders import SUBJECT
from crm.core.connections import SortKey
from crm.core.errors import UserError
from crm.core.filters import FilterSpec, SortSpec, custom
from crm.core.graphql import Node, loaders_of, node_type
from crm.core.relations import scoped_by, to_one


@node_type(models.Notification)
@strawberry.type(description="A message to you that something needs you: a reminder is due, "
                 "a colleague or a workflow asked for you, an approval waits.")
class Notification(Node):
    kind: str = strawberry.field(
        description="What it is about, dotted (`task.reminder`, `workflow.notify`, "
        "`approval.requested`): pick the icon and wording from it.")
    title: str = strawberry.field(description="The headline, e.g. the task's title.")
    body: str = strawberry.field(description="More text; empty when the title says it all.")
    created_at: dt.datetime = strawberry.field(description="When it was sent.")
    read_at: dt.datetime | None = strawberry.field(description="When you marked it read.")
    actor: User | None = to_one("actor_user_id", description="Who caused it; null for the "
                                "system (a reminder, a schedule).")

    @strawberry.field(description="You marked it read.")
    def read(self, root: strawberry.Parent[Any]) -> bool:
        return root.read_at is not None

    @strawberry.field(description="The record it is about (a Task, an Order...), read through "
                      "your row scope as `node(id:)` reads it: null when there is none or you "
                      "may no longer read it.",
                      metadata=scoped_by("collaboration.loaders.SUBJECT: each type's node fetch"))
    async def subject(self, root: strawberry.Parent[Any], info: Info) -> Node | None:
        if root.subject_type is None or root.subject_id is None:
            return None
        return await loaders_of(info).get(SUBJECT).load(  # type: ignore[no-any-return]
            (root.subject_type, root.subject_id))


NOTIFICATION_FILTER = FilterSpec("Notification", [
    custom("unread", bool, lambda v, _a: Q(read_at=None) if v else Q(read_at__not_isnull=True),
           policy="readAt", description="true: only the unread ones; false: only the read ones."),
], "NotificationFilter", __name__, "Which notifications to list.")
# Newest first: the bell shows the latest.
NOTIFICATION_SORT = SortSpec("Notification", {}, [SortKey("created_at", descending=True)],
                             "NotificationSort", __name__)


@strawberry.input(description="Which notifications to mark read: `ids`, or `all: true` for "
                  "every unread one.")
class MarkNotificationsReadInput:
    ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="Your notifications to mark read, at most 100.")
    all: bool = strawberry.field(default=False,
                                 description="Mark every unread notification of yours read.")


@strawberry.type(description="The outcome for one notification asked for.")
class NotificationResult:
    id: strawberry.ID = strawberry.field(description="The notification's global id, as sent.")
    ok: bool = strawberry.field(description="It is marked read now.")
    notification: Notification | None = strawberry.field(
        description="The notification as it is now; null when it failed.")
    errors: list[UserError] = strawberry.field(
        description="Why this one was not marked; empty when ok, and when another id of the "
        "request stopped it.")


@strawberry.type(description="What markNotificationsRead did: all of it, or nothing and why.")
class MarkNotificationsReadPayload:
    results: list[NotificationResult] = strawberry.field(
        default_factory=list, description="One result per id sent, in order (empty for `all`).")
    marked: int = strawberry.field(default=0,
                                   description="How many went from unread to read.")
    errors: list[UserError] = strawberry.field(
        default_factory=list, description="Why nothing was marked; empty when it was done.")
