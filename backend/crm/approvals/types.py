"""GraphQL types of approvals: rules, requests, decisions."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import strawberry
from tortoise.expressions import Q

from crm.approvals import models
from crm.auth.types import User
from crm.core.connections import SortKey
from crm.core.enums import public_enum
from crm.core.errors import UserError
from crm.core.filters import FilterSpec, SortSpec, custom
from crm.core.graphql import Node, node_type
from crm.core.ids import to_global_id
from crm.core.money import Money, MoneyInput, percent_of
from crm.core.payloads import errors_field, result_field
from crm.core.relations import to_many, to_one
from crm.orders.types import Order, ReturnRequest
from crm.payroll.types import PayRun

ApprovalRuleKind = public_enum(
    models.RuleKind, name="ApprovalRuleKind", description="What an approval rule guards.",
    values={"ORDER_AMOUNT": "Confirming an order whose total is over the threshold.",
            "LINE_DISCOUNT": "Confirming an order with a line priced further below its "
                             "product's list price than the limit of the role of whoever "
                             "last set the line's price.",
            "PAY_RUN": "Approving a pay run (over the threshold, when one is set).",
            "REFUND_AMOUNT": "Refunding a return for more than the threshold.",
            "CUSTOMER_TRANSFER": "Transferring customers to an owner in another team."})

ApprovalStepMode = public_enum(
    models.StepMode, name="ApprovalStepMode", description="How many approvers a step needs.",
    values={"ONE_OF": "Any one of the step's approvers.",
            "ALL_OF": "Every approver of the step."})

ApprovalApproverSource = public_enum(
    models.ApproverSource, name="ApprovalApproverSource",
    description="Where a step's approvers come from.",
    values={"ROLE": "The active users with a role.",
            "MANAGER": "The requester's manager chain: level 1 the manager of their team, "
                       "level 2 the manager of its parent team, and so on.",
            "USERS": "Named users."})

ApprovalRequestStatus = public_enum(
    models.RequestStatus, name="ApprovalRequestStatus", description="Where a request stands.",
    values={"PENDING": "Waiting for the approvers of its current step.",
            "APPROVED": "Every step approved: the operation may go ahead with these facts.",
            "REJECTED": "An approver rejected it.",
            "CANCELLED": "Withdrawn, superseded by other facts, or its rule was deleted."})

ApprovalDecisionKind = public_enum(
    models.DecisionKind, name="ApprovalDecisionKind", description="An approver's answer.",
    values={"APPROVE": "Approved the step.", "REJECT": "Rejected the request."})


@strawberry.type(description="One step of a rule: who approves, and how many of them.")
class ApprovalStep:
    by: models.ApproverSource = strawberry.field(description="Where the approvers come from.")
    mode: models.StepMode = strawberry.field(description="One of them, or all of them.")
    role: str | None = strawberry.field(description="The approvers' role (`by: ROLE`).")
    level: int | None = strawberry.field(
        description="How far up the requester's manager chain (`by: MANAGER`).")
    user_ids: list[strawberry.ID] = strawberry.field(
        description="The named approvers' User ids (`by: USERS`).")


@strawberry.type(description="The largest line discount a role may give without approval.")
class DiscountLimit:
    role: str = strawberry.field(description="The role.")
    limit: Decimal = strawberry.field(
        description="Percent below the product's list price, e.g. \"10.00\".")


def _steps(raw: list[dict[str, Any]]) -> list[ApprovalStep]:
    return [ApprovalStep(by=models.ApproverSource(s["by"]), mode=models.StepMode(s["mode"]),
                         role=s.get("role"), level=s.get("level"),
                         user_ids=[strawberry.ID(to_global_id("User", u))
                                   for u in s.get("users", [])]) for s in raw]


@node_type(models.ApprovalRule)
@strawberry.type(description="What needs approval, and who approves it, step by step.")
class ApprovalRule(Node):
    name: str = strawberry.field(description="What the rule is called in messages.")
    kind: models.RuleKind = strawberry.field(description="What it guards.")
    enabled: bool = strawberry.field(description="Guards operations; off: lets everything by.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")

    @strawberry.field(description="The amount over which it applies (order total, refund, pay "
                      "run net); null for kinds without one.")
    def threshold(self, root: strawberry.Parent[Any]) -> Money | None:
        return Money.of(root.threshold_minor, root.currency)

    @strawberry.field(description="Per role, the largest line discount given without approval "
                      "(`LINE_DISCOUNT`); roles not named have no limit.")
    def discount_limits(self, root: strawberry.Parent[Any]) -> list[DiscountLimit]:
        return [DiscountLimit(role=r, limit=percent_of(bp))
                for r, bp in sorted(root.discount_limits.items())]

    @strawberry.field(description="The steps, in the order they are taken.")
    def steps(self, root: strawberry.Parent[Any]) -> list[ApprovalStep]:
        return _steps(root.steps)


@node_type(models.ApprovalDecision)
@strawberry.type(description="One approver's answer on one step of a request.")
class ApprovalDecision(Node):
    step: int = strawberry.field(description="The step decided on, from 0.")
    decision: models.DecisionKind = strawberry.field(description="Approve or reject.")
    comment: str = strawberry.field(description="What the approver said.")
    created_at: dt.datetime = strawberry.field(description="When they decided.")
    approver: User | None = to_one("approver_id", description="Who decided.")


@node_type(models.ApprovalAssignee)
@strawberry.type(description="An approver the current step of a request still waits for.")
class ApprovalAssignee(Node):
    step: int = strawberry.field(description="The step, from 0.")
    user: User | None = to_one("user_id", description="The approver.")


@node_type(models.ApprovalRequest)
@strawberry.type(description="A guarded operation held until its approvers approve it.")
class ApprovalRequest(Node):
    rule_name: str = strawberry.field(description="The rule's name when the request was made.")
    kind: models.RuleKind = strawberry.field(description="What kind of rule asked for it.")
    operation: str = strawberry.field(
        description="The operation held: `order.confirm`, `payRun.approve`, `return.refund` or "
        "`customers.transfer`; `workflow.request` for a request a workflow's start_approval "
        "step asked for, which holds no operation.")
    subject_type: str = strawberry.field(
        description="The type of the record the operation acts on (Order, PayRun, "
        "ReturnRequest, or User for a transfer's new owner); for a workflow's request, the "
        "record the workflow ran on (Customer, Lead, Opportunity, Order...).")
    subject_label: str = strawberry.field(description="How people name the subject.")
    reason: str = strawberry.field(description="Why the rule asked, in its figures.")
    status: models.RequestStatus = strawberry.field(description="Where it stands.")
    current_step: int = strawberry.field(description="The step under way (from 0).")
    decided_at: dt.datetime | None = strawberry.field(
        description="When it was approved, rejected or cancelled.")
    created_at: dt.datetime = strawberry.field(description="When it was asked.")
    version: int = strawberry.field(description="Increases with every change.")
    rule: ApprovalRule | None = to_one("rule_id", description="The rule that asked for it.")
    requester: User | None = to_one("requester_id", description="Who asked.")
    order: Order | None = to_one("order_id", description="The order held (order rules).")
    pay_run: PayRun | None = to_one("pay_run_id", description="The pay run held.")
    return_request: ReturnRequest | None = to_one(
        "return_request_id", description="The return whose refund is held.")
    transfer_to: User | None = to_one(
        "transfer_to_id", description="The new owner of a held customer transfer.")
    # Sized for the query cost as a request's few people (a rule has at most MAX_STEPS steps,
    # most have one or two): an inbox of 100 requests costs what it reads.
    decisions: list[ApprovalDecision] = to_many(
        "request_id", order_by=["created_at", "id"], description="The decisions, oldest first.",
        size=4)
    waiting_for: list[ApprovalAssignee] = to_many(
        "request_id", order_by=["created_at", "id"], size=3,
        description="The approvers the current step still waits for.")

    @strawberry.field(description="The global id of the subject record.")
    def subject_id(self, root: strawberry.Parent[Any]) -> strawberry.ID:
        return strawberry.ID(to_global_id(root.subject_type, root.subject_id))

    @strawberry.field(description="How many steps it has.")
    def step_count(self, root: strawberry.Parent[Any]) -> int:
        return len(root.steps)

    @strawberry.field(description="The steps it follows (the rule's when it was made).")
    def steps(self, root: strawberry.Parent[Any]) -> list[ApprovalStep]:
        return _steps(root.steps)


# --- lists -----------------------------------------------------------------------------------

def _awaiting(value: bool, actor: Any) -> Q:
    from crm.approvals.service import awaiting_q
    q = awaiting_q(actor)
    return q if value else ~q


def _mine(value: bool, actor: Any) -> Q:
    return Q(requester_id=actor.user_id) if value else ~Q(requester_id=actor.user_id)


REQUEST_FILTER = FilterSpec("ApprovalRequest", [
    custom("status", list[models.RequestStatus],
           lambda v, _a: Q(status__in=[s.value for s in v]), policy="status",
           description="Requests in one of these statuses."),
    custom("awaiting_me", bool, _awaiting, policy="status",
           description="true: requests whose current step waits for you."),
    custom("mine", bool, _mine, policy="requester",
           description="true: requests you made; false: the others."),
], "ApprovalRequestFilter", __name__, "Which approval requests to list.")
REQUEST_SORT = SortSpec("ApprovalRequest", {"CREATED_AT": ("created_at", "createdAt")},
                        [SortKey("created_at", True), SortKey("id", True)],
                        "ApprovalRequestSort", __name__)
RULE_SORT = SortSpec("ApprovalRule", {"NAME": ("name", "name")},
                     [SortKey("created_at"), SortKey("id")], "ApprovalRuleSort", __name__)


# --- inputs and payloads ---------------------------------------------------------------------

@strawberry.input(description="One step of a rule.")
class ApprovalStepInput:
    by: models.ApproverSource = strawberry.field(description="Where the approvers come from.")
    mode: models.StepMode = strawberry.field(default=models.StepMode.ONE_OF,
                                             description="One of them (default) or all.")
    role: str | None = strawberry.field(default=None, description="For `by: ROLE`.")
    level: int | None = strawberry.field(default=None,
                                         description="For `by: MANAGER`: 1 to 10.")
    user_ids: list[strawberry.ID] | None = strawberry.field(
        default=None, description="For `by: USERS`: the approvers' User ids.")


@strawberry.input(description="A role's largest line discount without approval.")
class DiscountLimitInput:
    role: str = strawberry.field(description="The role.")
    limit: Decimal = strawberry.field(description="Percent, 0 to 100, two decimals at most.")


@strawberry.input(description="A new approval rule.")
class CreateApprovalRuleInput:
    name: str = strawberry.field(description="What it is called in messages.")
    kind: models.RuleKind = strawberry.field(description="What it guards.")
    steps: list[ApprovalStepInput] = strawberry.field(description="The steps, in order.")
    enabled: bool = strawberry.field(default=True, description="Guards from now on.")
    threshold: MoneyInput | None = strawberry.field(
        default=None, description="The amount over which it applies (required for "
        "ORDER_AMOUNT and REFUND_AMOUNT; optional for PAY_RUN).")
    discount_limits: list[DiscountLimitInput] | None = strawberry.field(
        default=None, description="For LINE_DISCOUNT: each role's limit.")


@strawberry.input(description="A rule's new settings: the whole rule, as on create.")
class UpdateApprovalRuleInput:
    id: strawberry.ID = strawberry.field(description="The rule.")
    expected_version: int | None = strawberry.field(
        default=None, description="Refuse with CONFLICT if it changed since.")
    name: str = strawberry.field(description="What it is called in messages.")
    kind: models.RuleKind = strawberry.field(description="What it guards.")
    steps: list[ApprovalStepInput] = strawberry.field(description="The steps, in order.")
    enabled: bool = strawberry.field(default=True, description="Guards from now on.")
    threshold: MoneyInput | None = strawberry.field(default=None,
                                                    description="As on create.")
    discount_limits: list[DiscountLimitInput] | None = strawberry.field(
        default=None, description="As on create.")


@strawberry.input(description="An approver's answer.")
class ApprovalDecisionInput:
    id: strawberry.ID = strawberry.field(description="The ApprovalRequest.")
    comment: str | None = strawberry.field(default=None, description="Why, for the requester.")


@strawberry.type(description="The rule saved, or why not.")
class ApprovalRulePayload:
    rule: ApprovalRule | None = result_field("the rule", current_on_conflict=True)
    errors: list[UserError] = errors_field()


@strawberry.type(description="The request after the step, or why not.")
class ApprovalRequestPayload:
    request: ApprovalRequest | None = result_field("the request")
    errors: list[UserError] = errors_field()

