"""Lifecycle rules and lead scoring: the settings a workspace edits, the scoring rules, and the
record of every stage a rule moved a customer to."""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Any, ClassVar

from tortoise import fields

from crm.core.models import Record, WorkspaceScoped


class ChangeReason(str, Enum):
    FIRST_CONTACT = "first_contact"
    FIRST_PAID_ORDER = "first_paid_order"
    REPEAT_ORDERS = "repeat_orders"
    WON_BACK = "won_back"
    GONE_QUIET = "gone_quiet"
    CHURNED = "churned"


class ScoringKind(str, Enum):
    # Points when a field of the lead matches.
    FIELD = "field"
    # Points per interaction logged with the lead's customer, up to a cap.
    INTERACTIONS = "interactions"


class ScoringField(str, Enum):
    SOURCE = "source"
    STATUS = "status"
    COMPANY = "company"
    TITLE = "title"
    EMAIL = "email"
    PHONE = "phone"


class ScoringOperator(str, Enum):
    EQUALS = "equals"
    CONTAINS = "contains"
    IS_SET = "is_set"


class LifecycleSettings(WorkspaceScoped):
    """A workspace's lifecycle rules and lead grade thresholds.

    One row, made on the first change: until then the defaults of crm.lifecycle.service
    apply."""

    enabled = fields.BooleanField(default=True)
    loyal_orders = fields.IntField()
    loyal_within_days = fields.IntField()
    at_risk_days = fields.IntField()
    churned_days = fields.IntField()
    grade_a = fields.IntField()
    grade_b = fields.IntField()
    grade_c = fields.IntField()
    # Whether the workspace set its own scoring rules (else the defaults score its leads).
    rules_customised = fields.BooleanField(default=False)
    version = fields.IntField(default=1)

    policy_type: ClassVar[str] = "LifecycleSettings"

    class Meta:
        table = "lifecycle_settings"
        unique_together = (("workspace_id",),)


class LeadRescore(WorkspaceScoped):
    """How far the last rescoring of every lead of a workspace got.

    One row per workspace: the job's own bookkeeping, shown with the settings."""

    total = fields.IntField(default=0)
    done = fields.IntField(default=0)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)

    policy_type: ClassVar[str] = "LifecycleSettings"

    class Meta:
        table = "lead_rescore"
        unique_together = (("workspace_id",),)


class LeadScoringRule(Record):
    """Points a lead earns when it matches: a field value, or its interactions.

    A new set replaces the old one, whose rows are soft-deleted (their history stays)."""

    position = fields.IntField()
    kind = fields.CharEnumField(ScoringKind, max_length=20)
    field = fields.CharEnumField(ScoringField, max_length=20, null=True)
    operator = fields.CharEnumField(ScoringOperator, max_length=20, null=True)
    value = fields.CharField(max_length=200, null=True)
    points = fields.IntField()
    # For INTERACTIONS: the most points the rule gives.
    max_points = fields.IntField(null=True)

    policy_type: ClassVar[str] = "LeadScoringRule"

    class Meta:
        table = "lead_scoring_rule"
        indexes = (("workspace_id", "deleted_at", "position"),)


class LifecycleChange(WorkspaceScoped):
    """A customer's stage moved by a rule: from where, to where, why, and what caused it."""

    customer: Any = fields.ForeignKeyField("crm.Customer", related_name=False,
                                           on_delete=fields.CASCADE)
    customer_id: uuid.UUID
    from_stage = fields.CharField(max_length=20)
    to_stage = fields.CharField(max_length=20)
    reason_code = fields.CharEnumField(ChangeReason, max_length=30)
    reason = fields.CharField(max_length=500)
    # The figures of the reason (days, orders, the cause's id), to word it in Chinese too.
    params: Any = fields.JSONField(default=dict)
    # The record whose write caused it (an order, an interaction), none for the sweep.
    cause_type = fields.CharField(max_length=60, null=True)
    cause_id = fields.UUIDField(null=True)

    policy_type: ClassVar[str] = "LifecycleChange"
    scope_parent: ClassVar[tuple[str, str] | None] = ("customer_id", "Customer")

    class Meta:
        table = "lifecycle_change"
        indexes = (("workspace_id", "customer_id", "created_at"),)
