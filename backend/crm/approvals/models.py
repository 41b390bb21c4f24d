"""Approvals (审批流): the rules that hold an operation until people approve it, the requests
those rules raise, and the decisions taken on them.

A request is for one subject and one digest of the facts approved: the same operation with the
same figures goes through once it is approved, other figures need a request of their own.
"""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Any, ClassVar

from tortoise import fields
from tortoise.expressions import Q, Subquery

from crm.core.models import Record, WorkspaceScoped


class RuleKind(str, Enum):
    ORDER_AMOUNT = "order_amount"
    LINE_DISCOUNT = "line_discount"
    PAY_RUN = "pay_run"
    REFUND_AMOUNT = "refund_amount"
    CUSTOMER_TRANSFER = "customer_transfer"


class StepMode(str, Enum):
    ONE_OF = "one_of"
    ALL_OF = "all_of"


class ApproverSource(str, Enum):
    ROLE = "role"
    MANAGER = "manager"
    USERS = "users"


class RequestStatus(str, Enum):
    PENDING = "pending"
    APPROVED = "approved"
    REJECTED = "rejected"
    CANCELLED = "cancelled"


class DecisionKind(str, Enum):
    APPROVE = "approve"
    REJECT = "reject"


class ApprovalRule(Record):
    """What needs approval and who approves it, step by step.

    `steps` is a JSON list, each step `{"by": "role"|"manager"|"users", "role", "level",
    "users", "mode": "one_of"|"all_of"}`. `discount_limits` maps a role to the largest line
    discount (basis points, against the product's list price) it may give unapproved."""

    name = fields.CharField(max_length=120)
    kind = fields.CharEnumField(RuleKind, max_length=30)
    enabled = fields.BooleanField(default=True)
    threshold_minor = fields.BigIntField(null=True)
    currency = fields.CharField(max_length=3, null=True)
    discount_limits: Any = fields.JSONField(default=dict)
    steps: Any = fields.JSONField(default=list)

    policy_type: ClassVar[str] = "ApprovalRule"

    class Meta:
        table = "approval_rule"
        indexes = (("workspace_id", "kind"),)


class ApprovalRequest(WorkspaceScoped):
    """One guarded operation waiting for (or done with) its approval."""

    rule: Any = fields.ForeignKeyField("crm.ApprovalRule", related_name=False,
                                       on_delete=fields.CASCADE)
    rule_id: uuid.UUID
    # The rule's name and steps when the request was made: editing the rule later changes
    # no request already under way.
    rule_name = fields.CharField(max_length=120)
    steps: Any = fields.JSONField(default=list)
    kind = fields.CharEnumField(RuleKind, max_length=30)
    operation = fields.CharField(max_length=40)
    subject_type = fields.CharField(max_length=40)
    subject_id = fields.UUIDField()
    subject_label = fields.CharField(max_length=200, default="")
    # The typed links behind the subject, one set by kind, for the declared relations.
    order_id = fields.UUIDField(null=True)
    pay_run_id = fields.UUIDField(null=True)
    return_request_id = fields.UUIDField(null=True)
    transfer_to_id = fields.UUIDField(null=True)
    facts: Any = fields.JSONField(default=dict)
    digest = fields.CharField(max_length=64)
    # Why the rule asked for approval, in the rule's own figures (e.g. "discount 30% over 10%").
    reason = fields.CharField(max_length=500, default="")
    requester_id = fields.UUIDField(null=True)
    status = fields.CharEnumField(RequestStatus, max_length=20, default=RequestStatus.PENDING)
    current_step = fields.IntField(default=0)
    decided_at = fields.DatetimeField(null=True)
    # "rule:subject:digest" while pending, null after: unique, so two refusals of the same
    # operation at once make one request, never two.
    pending_key = fields.CharField(max_length=200, null=True)
    version = fields.IntField(default=1)

    policy_type: ClassVar[str] = "ApprovalRequest"
    owner_column: ClassVar[str | None] = "requester_id"

    class Meta:
        table = "approval_request"
        unique_together = (("workspace_id", "pending_key"),)
        indexes = (("workspace_id", "rule_id", "subject_id", "digest"),
                   ("workspace_id", "requester_id", "created_at"),
                   ("workspace_id", "created_at", "id"))

    @classmethod
    def also_reached(cls, actor: Any) -> Q | None:
        # The approvers it waits for, and those who decided on it, read it too.
        waiting = ApprovalAssignee.filter(workspace_id=actor.workspace_id,
                                          user_id=actor.user_id).values("request_id")
        decided = ApprovalDecision.filter(workspace_id=actor.workspace_id,
                                          approver_id=actor.user_id).values("request_id")
        return Q(id__in=Subquery(waiting)) | Q(id__in=Subquery(decided))


class ApprovalAssignee(WorkspaceScoped):
    """An approver the current step of a request still waits for: a one-of step drops all of
    them at the first approval, an all-of step one by one."""

    request: Any = fields.ForeignKeyField("crm.ApprovalRequest", related_name=False,
                                          on_delete=fields.CASCADE)
    request_id: uuid.UUID
    step = fields.IntField()
    user_id = fields.UUIDField()

    policy_type: ClassVar[str] = "ApprovalAssignee"
    scope_parent: ClassVar[tuple[str, str] | None] = ("request_id", "ApprovalRequest")

    class Meta:
        table = "approval_assignee"
        unique_together = (("request_id", "step", "user_id"),)
        indexes = (("workspace_id", "user_id"),)


class ApprovalDecision(WorkspaceScoped):
    """One approver's approve or reject on one step, with their comment."""

    request: Any = fields.ForeignKeyField("crm.ApprovalRequest", related_name=False,
                                          on_delete=fields.CASCADE)
    request_id: uuid.UUID
    step = fields.IntField()
    approver_id = fields.UUIDField()
    decision = fields.CharEnumField(DecisionKind, max_length=10)
    comment = fields.TextField(default="")

    policy_type: ClassVar[str] = "ApprovalDecision"
    scope_parent: ClassVar[tuple[str, str] | None] = ("request_id", "ApprovalRequest")

    class Meta:
        table = "approval_decision"
        indexes = (("workspace_id", "approver_id"), ("request_id", "created_at"))
