"""Query, Mutation and Subscription fields of notifications: each user reaches only their own."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

import strawberry
from strawberry.types import Info

from crm.collaboration import service
from crm.collaboration.types import (
    NOTIFICATION_FILTER,
    NOTIFICATION_SORT,
    MarkNotificationsReadInput,
    MarkNotificationsReadPayload,
    Notification,
    NotificationResult,
)
from crm.core import live
from crm.core.connections import Connection
from crm.core.errors import ErrorCode, ServiceError, UserError
from crm.core.graphql import actor_of
from crm.core.ids import decode_ids, to_global_id
from crm.core.lists import list_field


@strawberry.type
class CollaborationQuery:
    notifications: Connection[Notification] = list_field(
        service.notifications_query, NOTIFICATION_FILTER, NOTIFICATION_SORT,
        description="Your notifications, newest first; `filter: {unread: true}` for the "
        "unread ones.")

    @strawberry.field(description="How many of your notifications are unread.")
    async def unread_notification_count(self, info: Info) -> int:
        return await service.unread_count(actor_of(info))


@strawberry.type
class CollaborationMutation:
    @strawberry.mutation(description="Mark your notifications read, the ones named or all "
                         "unread ones; all or nothing, reported per notification.")
    async def mark_notifications_read(self, info: Info, input: MarkNotificationsReadInput
                                      ) -> MarkNotificationsReadPayload:
        ids = None if input.ids is None else decode_ids([str(i) for i in input.ids],
                                                         "Notification", "ids")
        try:
            done = await service.mark_read(actor_of(info), ids, input.all)
        except ServiceError as exc:
            return MarkNotificationsReadPayload(errors=exc.as_user_errors())
        results = [NotificationResult(
            id=strawberry.ID(to_global_id("Notification", r.id)), ok=r.ok,
            notification=r.record, errors=r.errors) for r in done.results]  # type: ignore[arg-type]
        errors: list[UserError] = []
        if any(r.errors for r in done.results):
            errors = ServiceError(ErrorCode.NOT_FOUND, "Notification not found: none was "
                                  "marked", "ids").as_user_errors()
        return MarkNotificationsReadPayload(results=results, marked=done.marked, errors=errors)


@strawberry.type
class CollaborationSubscription:
    @strawberry.subscription(description="Your new notifications as they are committed; never "
                             "anyone else's.")
    async def notifications(self, info: Info) -> AsyncGenerator[Notification, None]:
        def wanted(n: Any) -> bool:
            return bool(n.object_type == "Notification" and n.action == "create")

        async for actor, notice in live.notices(info, wanted):
            row = await service.notification_for_push(actor, notice.object_id)
            if row is not None:
                yield row  # type: ignore[misc]  # the model row resolves as its type


Query = CollaborationQuery
Mutation = CollaborationMutation
Subscription = CollaborationSubscription
