"""The base every stored record shares, and the platform's own records (audit events)."""

from __future__ import annotations

import uuid
from typing import Any, ClassVar

from tortoise import fields
from tortoise.expressions import Q
from tortoise.models import Model


class WorkspaceScoped(Model):
    """Every row belongs to one workspace. Every read starts from `scoped()`."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    workspace: Any = fields.ForeignKeyField(
        "crm.Workspace", related_name=False, on_delete=fields.CASCADE, db_index=True
    )
    workspace_id: uuid.UUID
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)

    # The GraphQL type whose policy rules apply to the rows.
    policy_type: ClassVar[str] = ""
    # The column holding the owning user; None when the row's scope comes from a parent.
    owner_column: ClassVar[str | None] = None
    # (column, parent model) when rows are visible exactly when their parent is.
    scope_parent: ClassVar[tuple[str, str] | None] = None

    @classmethod
    def also_reached(cls, actor: Any) -> Q | None:
        """Rows a role with an own or team scope reads besides those it owns: an approval
        request is read by the approvers it waits for, not only by its requester. None: no
        others. Applied by `scoped()` wherever the row scope is, so lists, relations and
        `node` agree."""
        return None

    class Meta:
        abstract = True


class Record(WorkspaceScoped):
    """A mutable business record: versioned, soft-deleted, attributed."""

    deleted_at = fields.DatetimeField(null=True)
    version = fields.IntField(default=1)
    created_by_id = fields.UUIDField(null=True)

    class Meta:
        abstract = True


class AuditEvent(WorkspaceScoped):
    """Who changed what, when, from which client, old -> new per field."""

    actor_user_id = fields.UUIDField(null=True)
    actor_role = fields.CharField(max_length=40)
    client_id = fields.CharField(max_length=100, null=True)
    # The server's own id of the request (what its logs carry).
    request_id = fields.CharField(max_length=64)
    # The id the client or a proxy sent as x-request-id: sanitised, for correlation only.
    client_request_id = fields.CharField(max_length=64, null=True)
    object_type = fields.CharField(max_length=60)
    object_id = fields.UUIDField()
    # The customer a change belongs to, so a customer's timeline reads one index.
    customer_id = fields.UUIDField(null=True)
    action = fields.CharField(max_length=40)
    changes: Any = fields.JSONField(default=dict)
    note = fields.TextField(null=True)
    # On the create event of a record whose id the client chose: the digest of that create's
    # input, so a later create with the same id replays only when it asks for the same thing.
    request_hash = fields.CharField(max_length=64, null=True)

    policy_type: ClassVar[str] = "AuditEvent"

    class Meta:
        table = "audit_event"
        # The change feed reads a workspace's events in (created_at, id) order from a cursor.
        indexes = (("workspace_id", "object_id", "created_at"),
                   ("workspace_id", "customer_id", "created_at"),
                   ("workspace_id", "created_at", "id"))


class IdempotencyKey(WorkspaceScoped):
    """The first result of a mutation sent with an idempotency key: retries get it back."""

    key = fields.CharField(max_length=100)
    operation = fields.CharField(max_length=40)
    request_hash = fields.CharField(max_length=64)
    result_type = fields.CharField(max_length=40, null=True)
    result_id = fields.UUIDField(null=True)
    user_id = fields.UUIDField(null=True)

    policy_type: ClassVar[str] = "IdempotencyKey"

    class Meta:
        table = "idempotency_key"
        unique_together = (("workspace_id", "key"),)


class Job(Model):
    """One run of a task function, waiting, running or done: the job system's record.

    On SQLite this table is the queue itself. On PostgreSQL it is a view over procrastinate's
    jobs (built by the migrations), read-only: writes go through crm.core.jobs."""

    id = fields.UUIDField(primary_key=True, default=uuid.uuid4)
    # The workspace the job works for (null only for a system job, never listed).
    workspace_id = fields.UUIDField(null=True)
    created_at = fields.DatetimeField(auto_now_add=True)
    updated_at = fields.DatetimeField(auto_now=True)
    task_name = fields.CharField(max_length=128)
    status = fields.CharField(max_length=16, default="todo")
    args: Any = fields.JSONField(default=dict)
    lock = fields.TextField(null=True)
    queueing_lock = fields.TextField(null=True)
    scheduled_at = fields.DatetimeField()
    # Runs started so far (the first one included).
    attempts = fields.IntField(default=0)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)
    last_error = fields.TextField(null=True)

    policy_type: ClassVar[str] = "Job"
    owner_column: ClassVar[str | None] = None
    scope_parent: ClassVar[tuple[str, str] | None] = None

    class Meta:
        table = "crm_job"
        indexes = (("status", "scheduled_at"), ("workspace_id", "created_at", "id"),
                   ("queueing_lock", "status"))


class JobSlot(Model):
    """A periodic task's firing at one cron slot (SQLite): the key that keeps it to once."""

    id = fields.IntField(primary_key=True)
    task_name = fields.CharField(max_length=128)
    slot = fields.BigIntField()

    class Meta:
        table = "crm_job_slot"
        unique_together = (("task_name", "slot"),)
