"""Leads, pipeline stages, opportunities, their stage history, interactions and tasks."""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Any, ClassVar

from tortoise import fields

from crm.core.models import Record, WorkspaceScoped


class LeadStatus(str, Enum):
    NEW = "new"
    CONTACTED = "contacted"
    QUALIFIED = "qualified"
    DISQUALIFIED = "disqualified"
    CONVERTED = "converted"


class InteractionKind(str, Enum):
    CALL = "call"
    EMAIL = "email"
    MEETING = "meeting"
    VISIT = "visit"
    MESSAGE = "message"
    NOTE = "note"


class Direction(str, Enum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"
    INTERNAL = "internal"


class TaskStatus(str, Enum):
    OPEN = "open"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class TaskPriority(str, Enum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


class LeadGrade(str, Enum):
    A = "A"
    B = "B"
    C = "C"
    D = "D"


class Lead(Record):
    name = fields.CharField(max_length=120)
    company = fields.CharField(max_length=200, null=True)
    title = fields.CharField(max_length=120, null=True)
    phone = fields.CharField(max_length=40, null=True)
    email = fields.CharField(max_length=254, null=True)
    source = fields.CharField(max_length=60, null=True)
    status = fields.CharEnumField(LeadStatus, max_length=20, default=LeadStatus.NEW)
    owner: Any = fields.ForeignKeyField("crm.User", related_name=False, null=True,
                                        on_delete=fields.SET_NULL)
    owner_id: uuid.UUID | None
    notes = fields.TextField(null=True)
    customer_id = fields.UUIDField(null=True)
    converted_at = fields.DatetimeField(null=True)
    # Points from the workspace's scoring rules and the grade they reach, kept by
    # crm.lifecycle whenever the lead, its interactions or the rules change.
    score = fields.IntField(default=0)
    grade = fields.CharEnumField(LeadGrade, max_length=1, default=LeadGrade.D)

    policy_type: ClassVar[str] = "Lead"
    owner_column: ClassVar[str | None] = "owner_id"

    class Meta:
        table = "lead"
        indexes = (("workspace_id", "owner_id", "deleted_at"), ("workspace_id", "status"),
                   ("workspace_id", "created_at"), ("workspace_id", "name"),
                   ("workspace_id", "score"), ("workspace_id", "customer_id"))


class PipelineStage(WorkspaceScoped):
    name = fields.CharField(max_length=60)
    name_en = fields.CharField(max_length=60)
    position = fields.IntField()
    probability = fields.IntField()
    is_won = fields.BooleanField(default=False)
    is_lost = fields.BooleanField(default=False)

    policy_type: ClassVar[str] = "PipelineStage"

    class Meta:
        table = "pipeline_stage"
        unique_together = (("workspace_id", "position"),)


class Opportunity(Record):
    customer: Any = fields.ForeignKeyField("crm.Customer", related_name=False,
                                           on_delete=fields.CASCADE)
    customer_id: uuid.UUID
    title = fields.CharField(max_length=200)
    amount_minor = fields.BigIntField(default=0)
    currency = fields.CharField(max_length=3, default="CNY")
    stage: Any = fields.ForeignKeyField("crm.PipelineStage", related_name=False,
                                        on_delete=fields.RESTRICT)
    stage_id: uuid.UUID
    probability = fields.IntField()
    expected_close_date = fields.DateField(null=True)
    owner: Any = fields.ForeignKeyField("crm.User", related_name=False, null=True,
                                        on_delete=fields.SET_NULL)
    owner_id: uuid.UUID | None
    lost_reason = fields.CharField(max_length=500, null=True)
    won_reason = fields.CharField(max_length=500, null=True)
    closed_at = fields.DatetimeField(null=True)
    is_open = fields.BooleanField(default=True)
    lead_id = fields.UUIDField(null=True)

    policy_type: ClassVar[str] = "Opportunity"
    owner_column: ClassVar[str | None] = "owner_id"

    class Meta:
        table = "opportunity"
        indexes = (("workspace_id", "owner_id", "deleted_at"), ("workspace_id", "customer_id"),
                   ("workspace_id", "stage_id"), ("workspace_id", "expected_close_date"),
                   ("workspace_id", "created_at"), ("workspace_id", "updated_at"))


class StageChange(WorkspaceScoped):
    opportunity: Any = fields.ForeignKeyField("crm.Opportunity", related_name=False,
                                              on_delete=fields.CASCADE)
    opportunity_id: uuid.UUID
    customer_id = fields.UUIDField()
    from_stage_id = fields.UUIDField(null=True)
    to_stage_id = fields.UUIDField()
    changed_by_id = fields.UUIDField(null=True)
    note = fields.CharField(max_length=500, null=True)

    policy_type: ClassVar[str] = "StageChange"
    scope_parent: ClassVar[tuple[str, str] | None] = ("opportunity_id", "Opportunity")

    class Meta:
        table = "stage_change"
        indexes = (("workspace_id", "opportunity_id", "created_at"),
                   ("workspace_id", "customer_id", "created_at"))


class Interaction(Record):
    customer: Any = fields.ForeignKeyField("crm.Customer", related_name=False,
                                           on_delete=fields.CASCADE)
    customer_id: uuid.UUID
    kind = fields.CharEnumField(InteractionKind, max_length=20)
    direction = fields.CharEnumField(Direction, max_length=20, default=Direction.OUTBOUND)
    occurred_at = fields.DatetimeField()
    summary = fields.TextField()
    outcome = fields.TextField(null=True)
    contact_id = fields.UUIDField(null=True)
    opportunity_id = fields.UUIDField(null=True)
    owner: Any = fields.ForeignKeyField("crm.User", related_name=False, null=True,
                                        on_delete=fields.SET_NULL)
    owner_id: uuid.UUID | None
    next_follow_up_at = fields.DatetimeField(null=True)

    policy_type: ClassVar[str] = "Interaction"
    scope_parent: ClassVar[tuple[str, str] | None] = ("customer_id", "Customer")

    class Meta:
        table = "interaction"
        indexes = (("workspace_id", "customer_id", "occurred_at"),
                   ("workspace_id", "owner_id", "occurred_at"))


class Task(Record):
    title = fields.CharField(max_length=200)
    description = fields.TextField(null=True)
    due_at = fields.DatetimeField(null=True)
    remind_at = fields.DatetimeField(null=True)
    priority = fields.CharEnumField(TaskPriority, max_length=10, default=TaskPriority.NORMAL)
    status = fields.CharEnumField(TaskStatus, max_length=12, default=TaskStatus.OPEN)
    assignee: Any = fields.ForeignKeyField("crm.User", related_name=False, null=True,
                                           on_delete=fields.SET_NULL)
    assignee_id: uuid.UUID | None
    customer_id = fields.UUIDField(null=True)
    opportunity_id = fields.UUIDField(null=True)
    interaction_id = fields.UUIDField(null=True)
    completed_at = fields.DatetimeField(null=True)
    # The `remind_at` value whose reminder was sent: a reminder fires once per value, and again
    # when `remind_at` moves to a new one (whatever path moved it). Bookkeeping, not audited:
    # the reminder notification it sent is.
    reminded_at = fields.DatetimeField(null=True)

    policy_type: ClassVar[str] = "Task"
    owner_column: ClassVar[str | None] = "assignee_id"

    @property
    def owner_id(self) -> uuid.UUID | None:
        return self.assignee_id

    class Meta:
        table = "task"
        indexes = (("workspace_id", "assignee_id", "status", "due_at"),
                   ("workspace_id", "customer_id"), ("workspace_id", "opportunity_id"),
                   # The reminder sweep's scan, across workspaces: open tasks whose time came.
                   ("status", "remind_at"))
