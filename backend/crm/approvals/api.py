"""Query and Mutation fields of approvals."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from crm.approvals import service
from crm.approvals.models import DecisionKind
from crm.approvals.types import (
    REQUEST_FILTER,
    REQUEST_SORT,
    RULE_SORT,
    ApprovalDecisionInput,
    ApprovalRequest,
    ApprovalRequestPayload,
    ApprovalRule,
    ApprovalRulePayload,
    ApprovalStepInput,
    CreateApprovalRuleInput,
    DiscountLimitInput,
    UpdateApprovalRuleInput,
)
from crm.core.connections import Connection
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, decode_ids
from crm.core.inputs import IdInput, delete_and_restore
from crm.core.lists import list_field
from crm.core.payloads import respond


def _spec(input: CreateApprovalRuleInput | UpdateApprovalRuleInput) -> service.RuleSpec:
    steps: list[ApprovalStepInput] = input.steps or []
    limits: list[DiscountLimitInput] = input.discount_limits or []
    return service.RuleSpec(
        name=input.name, kind=input.kind, enabled=input.enabled,
        threshold=(input.threshold.amount, input.threshold.currency) if input.threshold else None,
        discount_limits={d.role: d.limit for d in limits},
        steps=[service.StepSpec(by=s.by, mode=s.mode, role=s.role, level=s.level,
                                users=decode_ids(list(s.user_ids or []), "User",
                                                 f"steps.{i}.userIds"))
               for i, s in enumerate(steps)])


@strawberry.type
class ApprovalsQuery:
    approval_rules: Connection[ApprovalRule] = list_field(
        service.rules_query, None, RULE_SORT,
        description="The workspace's approval rules, oldest first.")
    approval_requests: Connection[ApprovalRequest] = list_field(
        service.requests_query, REQUEST_FILTER, REQUEST_SORT,
        description="Approval requests you may read (yours, those waiting for you or decided "
        "by you, your team's for managers, all for admins), newest first; `filter: "
        "{awaitingMe: true}` is your inbox.")


@strawberry.type
class ApprovalsMutation:
    @strawberry.mutation(description="Make an approval rule (admins); cycles of approvers, "
                         "unknown roles or users and bad thresholds are refused.")
    async def create_approval_rule(self, info: Info, input: CreateApprovalRuleInput
                                   ) -> ApprovalRulePayload:
        return await respond(ApprovalRulePayload, "rule",
                             service.create_rule(actor_of(info), _spec(input)))

    @strawberry.mutation(description="Replace an approval rule's settings (admins); requests "
                         "under way keep the steps they started with.")
    async def update_approval_rule(self, info: Info, input: UpdateApprovalRuleInput
                                   ) -> ApprovalRulePayload:
        return await respond(ApprovalRulePayload, "rule", service.update_rule(
            actor_of(info), decode_id(input.id, "ApprovalRule"), _spec(input),
            input.expected_version), with_current=True)

    delete_approval_rule, restore_approval_rule = delete_and_restore(
        "ApprovalRule", ApprovalRulePayload, "rule", service.delete_rule, service.restore_rule)

    @strawberry.mutation(description="Approve the current step of a request, as one of its "
                         "approvers (never your own request).")
    async def approve(self, info: Info, input: ApprovalDecisionInput) -> ApprovalRequestPayload:
        return await respond(ApprovalRequestPayload, "request", service.decide(
            actor_of(info), decode_id(input.id, "ApprovalRequest"), DecisionKind.APPROVE,
            input.comment))

    @strawberry.mutation(description="Reject a request, as an approver of its current step; "
                         "the requester is told.")
    async def reject(self, info: Info, input: ApprovalDecisionInput) -> ApprovalRequestPayload:
        return await respond(ApprovalRequestPayload, "request", service.decide(
            actor_of(info), decode_id(input.id, "ApprovalRequest"), DecisionKind.REJECT,
            input.comment))

    @strawberry.mutation(description="Withdraw your pending request (admins: any).")
    async def cancel_approval_request(self, info: Info, input: IdInput
                                      ) -> ApprovalRequestPayload:
        return await respond(ApprovalRequestPayload, "request", service.cancel(
            actor_of(info), decode_id(input.id, "ApprovalRequest")))


Query = ApprovalsQuery
Mutation = ApprovalsMutation
