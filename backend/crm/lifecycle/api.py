"""Query and Mutation fields of the lifecycle rules and lead scoring."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from crm.core.graphql import actor_of
from crm.core.inputs import given
from crm.core.payloads import respond
from crm.lifecycle import service
from crm.lifecycle.types import (
    LeadScoringRule,
    LeadScoringRulesPayload,
    LifecycleSettings,
    LifecycleSettingsPayload,
    SetLeadScoringRulesInput,
    UpdateLifecycleSettingsInput,
)


@strawberry.type
class LifecycleQuery:
    @strawberry.field(description="The workspace's lifecycle rules and lead grade thresholds.")
    async def lifecycle_settings(self, info: Info) -> LifecycleSettings:
        return await service.get_settings(actor_of(info))  # type: ignore[return-value]

    @strawberry.field(description="The workspace's lead-scoring rules, in order (the defaults "
                      "until it sets its own).")
    async def lead_scoring_rules(self, info: Info) -> list[LeadScoringRule]:
        return await service.scoring_rules(actor_of(info))  # type: ignore[return-value]


@strawberry.type
class LifecycleMutation:
    @strawberry.mutation(description="Change the lifecycle rules or the lead grade thresholds "
                         "(admins and sales managers); new thresholds regrade every lead.")
    async def update_lifecycle_settings(self, info: Info, input: UpdateLifecycleSettingsInput
                                        ) -> LifecycleSettingsPayload:
        return await respond(LifecycleSettingsPayload, "settings", service.update_settings(
            actor_of(info), given(input, list(service.DEFAULTS)), input.expected_version),
            with_current=True)

    @strawberry.mutation(description="Replace the lead-scoring rules with a new set (admins and "
                         "sales managers); every lead is rescored in the background.")
    async def set_lead_scoring_rules(self, info: Info, input: SetLeadScoringRulesInput
                                     ) -> LeadScoringRulesPayload:
        rules = [service.RuleInput(kind=r.kind, points=r.points, field=r.field,
                                   operator=r.operator, value=r.value, max_points=r.max_points)
                 for r in input.rules]
        return await respond(LeadScoringRulesPayload, "rules",
                             service.set_scoring_rules(actor_of(info), rules))


Query = LifecycleQuery
Mutation = LifecycleMutation
