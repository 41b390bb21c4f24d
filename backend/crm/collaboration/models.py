"""A notification tells one user that something needs them: a reminder is due, a workflow
or a colleague asked for them, an approval waits."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from tortoise import fields

from crm.core.models import WorkspaceScoped

# Tortoise splits a table comment on ";" when it writes SQLite DDL: docstrings here avoid it.


class Notification(WorkspaceScoped):
    """One message to one user, read once they have seen it."""

    user: Any = fields.ForeignKeyField("crm.User", related_name=False, on_delete=fields.CASCADE)
    user_id: uuid.UUID
    # What it is about, as a dotted kind (`task.reminder`, `workflow.notify`,
    # `approval.requested`): the SPA picks its icon and wording from it.
    kind = fields.CharField(max_length=60)
    title = fields.CharField(max_length=300)
    body = fields.TextField(default="")
    # The record it points to (a Task, an Order...), opened when the user clicks it.
    subject_type = fields.CharField(max_length=60, null=True)
    subject_id = fields.UUIDField(null=True)
    # Who caused it; None for the system (a reminder, a schedule).
    actor_user_id = fields.UUIDField(null=True)
    read_at = fields.DatetimeField(null=True)

    policy_type: ClassVar[str] = "Notification"
    owner_column: ClassVar[str | None] = "user_id"

    class Meta:
        table = "notification"
        # A user's unread ones, newest first, read one index.
        indexes = (("workspace_id", "user_id", "read_at", "created_at"),)
