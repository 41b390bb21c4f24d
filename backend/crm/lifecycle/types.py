"""GraphQL types of the lifecycle rules, lead scoring and customers' stage changes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from crm.core.connections import Connection, SortKey
from crm.core.enums import public_enum
from crm.core.errors import UserError
from crm.core.graphql import extend, model_type
from crm.core.i18n import language
from crm.core.ids import to_global_id
from crm.core.payloads import errors_field, result_field
from crm.core.relations import connection, to_one
from crm.customers.types import Customer, LifecycleStage
from crm.lifecycle import models

# An alias of the model's enum, not public_enum's result: mypy takes only an alias as a type.
ChangeReason = models.ChangeReason
public_enum(
    ChangeReason, name="LifecycleChangeReason",
    description="Which lifecycle rule moved a customer.",
    values={"FIRST_CONTACT": "A lead was contacted for the first time (an interaction): now a "
            "prospect.",
            "FIRST_PAID_ORDER": "Its first order was paid in full: now a customer.",
            "REPEAT_ORDERS": "Enough paid orders within the loyalty window: now loyal.",
            "WON_BACK": "An at-risk or churned customer ordered again.",
            "GONE_QUIET": "No order and no interaction for the at-risk days: now at risk.",
            "CHURNED": "No order and no interaction for the churned days: now churned."})
# An alias of the model's enum, not public_enum's result: mypy takes only an alias as a type.
ScoringKind = models.ScoringKind
public_enum(
    ScoringKind, name="LeadScoringKind", description="What a scoring rule looks at.",
    values={"FIELD": "A field of the lead (`field`, `operator`, `value`).",
            "INTERACTIONS": "Interactions logged with the lead's customer: `points` each, up "
            "to `maxPoints`."})
# An alias of the model's enum, not public_enum's result: mypy takes only an alias as a type.
ScoringField = models.ScoringField
public_enum(
    ScoringField, name="LeadScoringField", description="A lead field a rule can test.",
    values={"SOURCE": "Where the lead came from.", "STATUS": "The lead's status value "
            "(new, contacted, qualified, disqualified, converted).",
            "COMPANY": "Their company.", "TITLE": "Their job title.",
            "EMAIL": "Their email address.", "PHONE": "Their phone number."})
# An alias of the model's enum, not public_enum's result: mypy takes only an alias as a type.
ScoringOperator = models.ScoringOperator
public_enum(
    ScoringOperator, name="LeadScoringOperator", description="How a field is tested.",
    values={"EQUALS": "Equal to `value`, ignoring case and surrounding spaces.",
            "CONTAINS": "Contains `value`, ignoring case.",
            "IS_SET": "Holds any value (no `value`)."})


@strawberry.type(description="How far the last rescoring of every lead got.")
class LeadRescoreProgress:
    total: int = strawberry.field(description="Leads to rescore.")
    done: int = strawberry.field(description="Leads rescored so far.")
    started_at: dt.datetime | None = strawberry.field(description="When it was queued.")
    finished_at: dt.datetime | None = strawberry.field(
        description="When it finished; null while it runs.")


@strawberry.type(description="The workspace's lifecycle rules and lead grade thresholds (the "
                 "defaults until an admin or sales manager changes them). A satisfaction drop "
                 "does not move customers yet: it needs the service module.")
class LifecycleSettings:
    enabled: bool = strawberry.field(description="Whether the rules move customers at all.")
    loyal_orders: int = strawberry.field(
        description="Paid orders within loyalWithinDays that make a customer loyal.")
    loyal_within_days: int = strawberry.field(
        description="The loyalty window, in days (365: a year).")
    at_risk_days: int = strawberry.field(
        description="Days without an order or an interaction after which a customer is at "
        "risk (its owner is notified).")
    churned_days: int = strawberry.field(
        description="Days without an order or an interaction after which a customer has "
        "churned; more than atRiskDays.")
    grade_a: int = strawberry.field(description="The lowest score of an A lead.")
    grade_b: int = strawberry.field(description="The lowest score of a B lead.")
    grade_c: int = strawberry.field(description="The lowest score of a C lead; below is D.")
    rules_customised: bool = strawberry.field(
        description="Whether the workspace set its own scoring rules (else the defaults).")
    version: int = strawberry.field(description="Increases with every change; 1 for defaults.")

    @strawberry.field(description="The last rescoring of every lead (after the rules or "
                      "thresholds changed); null when there has been none.")
    async def rescoring(self, root: strawberry.Parent[Any]) -> LeadRescoreProgress | None:
        from crm.lifecycle.service import rescore_progress
        row = await rescore_progress(root.workspace_id)
        if row is None:
            return None
        return LeadRescoreProgress(total=row.total, done=row.done, started_at=row.started_at,
                                   finished_at=row.finished_at)


@model_type(models.LeadScoringRule)
@strawberry.type(description="Points a lead earns when it matches.")
class LeadScoringRule:
    position: int = strawberry.field(description="Its place among the rules, from 0.")
    kind: ScoringKind = strawberry.field(description="What it looks at.")
    field: ScoringField | None = strawberry.field(description="The field, for FIELD rules.")
    operator: ScoringOperator | None = strawberry.field(
        description="The test, for FIELD rules.")
    value: str | None = strawberry.field(description="What the field is compared with.")
    points: int = strawberry.field(description="Points when it matches (per interaction for "
                                   "INTERACTIONS); negative points lower the score.")
    max_points: int | None = strawberry.field(
        description="For INTERACTIONS: the most points the rule gives; null for no cap.")

    @strawberry.field(description="The rule's id.")
    def id(self, root: strawberry.Parent[Any]) -> strawberry.ID:
        return strawberry.ID(str(root.id))


@model_type(models.LifecycleChange)
@strawberry.type(description="A customer's lifecycle stage moved by a rule, and why.")
class LifecycleChange:
    created_at: dt.datetime = strawberry.field(description="When it moved.")
    from_stage: LifecycleStage = strawberry.field(description="Where it was.")
    to_stage: LifecycleStage = strawberry.field(description="Where it went.")
    reason_code: ChangeReason = strawberry.field(description="Which rule moved it.")
    customer: Customer | None = to_one("customer_id", description="The customer.")

    @strawberry.field(description="The change's id.")
    def id(self, root: strawberry.Parent[Any]) -> strawberry.ID:
        return strawberry.ID(str(root.id))

    @strawberry.field(description="Why, in the request's language.")
    def reason(self, root: strawberry.Parent[Any]) -> str:
        from crm.lifecycle.service import reason_in
        return reason_in(root, language())

    @strawberry.field(description="The global id of the record whose write caused it (an "
                      "order, an interaction); null for moves by the periodic sweep.")
    def cause_id(self, root: strawberry.Parent[Any]) -> strawberry.ID | None:
        if root.cause_id is None:
            return None
        return strawberry.ID(to_global_id(root.cause_type, root.cause_id))


@extend(Customer)
class CustomerLifecycle:
    """What the lifecycle rules add to a customer."""

    lifecycle_changes: Connection[LifecycleChange] = connection(
        "customer_id", sort=[SortKey("created_at", descending=True)],
        description="Stage moves the lifecycle rules made, newest first.")





# --- inputs ------------------------------------------------------------------------------------

@strawberry.input(description="The settings to change; those left out stay.")
class UpdateLifecycleSettingsInput:
    enabled: bool | None = strawberry.field(default=strawberry.UNSET,
                                            description="Switch the rules on or off.")
    loyal_orders: int | None = strawberry.field(default=strawberry.UNSET,
                                                description="1 to 1000 paid orders.")
    loyal_within_days: int | None = strawberry.field(default=strawberry.UNSET,
                                                     description="1 to 3650 days.")
    at_risk_days: int | None = strawberry.field(default=strawberry.UNSET,
                                                description="1 to 3650 days, below churnedDays.")
    churned_days: int | None = strawberry.field(default=strawberry.UNSET,
                                                description="1 to 3650 days, above atRiskDays.")
    grade_a: int | None = strawberry.field(default=strawberry.UNSET,
                                           description="Above gradeB.")
    grade_b: int | None = strawberry.field(default=strawberry.UNSET,
                                           description="Above gradeC.")
    grade_c: int | None = strawberry.field(default=strawberry.UNSET,
                                           description="Below gradeB.")
    expected_version: int | None = strawberry.field(
        default=None, description="The version you read; CONFLICT if it has moved on.")


@strawberry.type(description="The result of updateLifecycleSettings.")
class LifecycleSettingsPayload:
    settings: LifecycleSettings | None = result_field("the settings", current_on_conflict=True)
    errors: list[UserError] = errors_field()


@strawberry.input(description="One lead-scoring rule.")
class LeadScoringRuleInput:
    kind: ScoringKind = strawberry.field(description="What it looks at.")
    points: int = strawberry.field(description="-1000 to 1000, not 0.")
    field: ScoringField | None = strawberry.field(default=None,
                                                  description="For FIELD rules.")
    operator: ScoringOperator | None = strawberry.field(default=None,
                                                        description="For FIELD rules.")
    value: str | None = strawberry.field(
        default=None, description="For EQUALS and CONTAINS: up to 200 characters.")
    max_points: int | None = strawberry.field(
        default=None, description="For INTERACTIONS: the cap, of the points' sign.")


@strawberry.input(description="The whole new set of lead-scoring rules, in order.")
class SetLeadScoringRulesInput:
    rules: list[LeadScoringRuleInput] = strawberry.field(
        description="At most 50 rules; an empty list scores every lead 0.")


@strawberry.type(description="The result of setLeadScoringRules.")
class LeadScoringRulesPayload:
    rules: list[LeadScoringRule] | None = strawberry.field(
        default=None, description="The rules as saved; null when `errors` stopped it. Every "
        "lead is rescored in the background (see lifecycleSettings.rescoring).")
    errors: list[UserError] = errors_field()
