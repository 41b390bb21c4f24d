"""Query, Mutation and Subscription fields of leads, the pipeline, interactions and tasks."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from crm.core import live
from crm.core.connections import Connection
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, optional_id, parse_client_uuid
from crm.core.inputs import delete_and_restore, given, id_mutation
from crm.core.lists import list_field
from crm.core.money import Money
from crm.core.payloads import respond
from crm.core.scoping import scoped
from crm.sales import service
from crm.sales.models import Lead as LeadModel
from crm.sales.models import Opportunity as OpportunityModel
from crm.sales.types import (
    LEAD_FILTER,
    LEAD_SORT,
    OPPORTUNITY_FILTER,
    OPPORTUNITY_SORT,
    TASK_FILTER,
    TASK_SORT,
    ConvertLeadInput,
    ConvertLeadPayload,
    CreateLeadInput,
    CreateOpportunityInput,
    CreateTaskInput,
    InteractionPayload,
    Lead,
    LeadPayload,
    LogInteractionInput,
    MoveOpportunityInput,
    Opportunity,
    OpportunityPayload,
    PipelineChange,
    PipelineStage,
    StageAmount,
    Task,
    TaskPayload,
    TimelineEntry,
    UpdateLeadInput,
    UpdateOpportunityInput,
    UpdateTaskInput,
    money_of,
)


@strawberry.type
class SalesQuery:
    leads: Connection[Lead] = list_field(
        lambda actor: scoped(LeadModel, actor), LEAD_FILTER, LEAD_SORT,
        description="Leads in your row scope.")
    opportunities: Connection[Opportunity] = list_field(
        lambda actor: scoped(OpportunityModel, actor), OPPORTUNITY_FILTER, OPPORTUNITY_SORT,
        description="Opportunities in your row scope.")
    my_tasks: Connection[Task] = list_field(
        service.my_tasks_query, TASK_FILTER, TASK_SORT,
        description="Your tasks, soonest due first; `filter: {overdue: true}` lists open tasks "
        "past due.")

    @strawberry.field(description="The pipeline's stages in order.")
    async def pipeline_stages(self, info: Info) -> list[PipelineStage]:
        return await service.stages(actor_of(info))  # type: ignore[return-value]

    @strawberry.field(description="Count and amount per stage over the opportunities you see.")
    async def pipeline_summary(self, info: Info) -> list[StageAmount]:
        rows = await service.pipeline_summary(actor_of(info))
        return [StageAmount(stage=r.stage, count=r.count,  # type: ignore[arg-type]
                            amounts=[Money.of(m, c) for m, c in r.amounts])  # type: ignore[misc]
                for r in rows]


def _converted(result: Any) -> dict[str, Any]:
    return {"lead": result.lead, "customer": result.customer, "contact": result.contact,
            "opportunity": result.opportunity}


@strawberry.type
class SalesMutation:
    @strawberry.mutation(description="Record a new lead (线索) with status NEW; it is yours "
                         "unless ownerId names another user.")
    async def create_lead(self, info: Info, input: CreateLeadInput) -> LeadPayload:
        return await respond(
            LeadPayload, "lead",
            service.create_lead(
            actor_of(info), given(input, ["name", "company", "title", "phone", "email",
                                          "source", "notes"]),
            lead_id=parse_client_uuid(input.id),
            owner_id=optional_id(input.owner_id, "User", "ownerId")))

    @strawberry.mutation(description="Change a lead or its status; a converted lead is refused "
                         "with INVALID_STATE, and only convertLead converts.")
    async def update_lead(self, info: Info, input: UpdateLeadInput) -> LeadPayload:
        return await respond(
            LeadPayload, "lead",
            service.update_lead(
            actor_of(info), decode_id(input.id, "Lead"),
            given(input, ["name", "company", "title", "phone", "email", "source", "status",
                          "notes"]), input.expected_version), with_current=True)

    delete_lead, restore_lead = delete_and_restore(
        "Lead", LeadPayload, "lead", service.delete_lead, service.restore_lead)

    @strawberry.mutation(description="Turn a lead into a customer + contact (+ opportunity).")
    async def convert_lead(self, info: Info, input: ConvertLeadInput) -> ConvertLeadPayload:
        amount, currency = money_of(input.amount)
        return await respond(ConvertLeadPayload, None, service.convert_lead(
            actor_of(info), decode_id(input.lead_id, "Lead", "leadId"),
            create_opportunity=input.create_opportunity,
            opportunity_title=input.opportunity_title, amount=amount,
            currency=currency or "CNY", allow_duplicate=input.allow_duplicate,
            existing_customer_id=optional_id(input.customer_id, "Customer", "customerId")),
            shape=_converted)

    @strawberry.mutation(description="Open an opportunity (商机) for a customer on an open stage; "
                         "the first stage change is recorded.")
    async def create_opportunity(self, info: Info, input: CreateOpportunityInput
                                 ) -> OpportunityPayload:
        amount, currency = money_of(input.amount)
        values: dict[str, Any] = {
            "customer_id": decode_id(input.customer_id, "Customer", "customerId"),
            "title": input.title, "amount": amount, "currency": currency,
            "stage_id": optional_id(input.stage_id, "PipelineStage", "stageId"),
            "probability": input.probability, "expected_close_date": input.expected_close_date,
        }
        return await respond(
            OpportunityPayload, "opportunity",
            service.create_opportunity(
            actor_of(info), values, opportunity_id=parse_client_uuid(input.id),
            owner_id=optional_id(input.owner_id, "User", "ownerId")))

    @strawberry.mutation(description="Change an opportunity's title, amount, probability or "
                         "close date; send expectedVersion to avoid lost updates.")
    async def update_opportunity(self, info: Info, input: UpdateOpportunityInput
                                 ) -> OpportunityPayload:
        changes = given(input, ["title", "probability", "expected_close_date"])
        if input.amount is not strawberry.UNSET and input.amount is not None:
            changes["amount"], changes["currency"] = money_of(input.amount)
        return await respond(
            OpportunityPayload, "opportunity",
            service.update_opportunity(actor_of(info), decode_id(input.id, "Opportunity"),
                                               changes, input.expected_version), with_current=True)

    @strawberry.mutation(description="Move an opportunity to a stage; lost needs lostReason, "
                         "won needs wonReason.")
    async def move_opportunity(self, info: Info, input: MoveOpportunityInput) -> OpportunityPayload:
        return await respond(
            OpportunityPayload, "opportunity",
            service.move_opportunity(
            actor_of(info), decode_id(input.id, "Opportunity"),
            decode_id(input.stage_id, "PipelineStage", "stageId"),
            lost_reason=input.lost_reason, won_reason=input.won_reason,
            expected_version=input.expected_version,
            note=input.note), with_current=True)

    delete_opportunity, restore_opportunity = delete_and_restore(
        "Opportunity", OpportunityPayload, "opportunity", service.delete_opportunity,
        service.restore_opportunity)

    @strawberry.mutation(description="跟进: log a call, visit, meeting... against a customer.")
    async def log_interaction(self, info: Info, input: LogInteractionInput) -> InteractionPayload:
        values = given(input, ["kind", "direction", "occurred_at", "summary", "outcome",
                               "next_follow_up_at"])
        values["customer_id"] = decode_id(input.customer_id, "Customer", "customerId")
        values["contact_id"] = optional_id(input.contact_id, "Contact", "contactId")
        values["opportunity_id"] = optional_id(input.opportunity_id, "Opportunity", "opportunityId")
        return await respond(
            InteractionPayload, "interaction",
            service.log_interaction(actor_of(info), values,
                                            interaction_id=parse_client_uuid(input.id)))

    @strawberry.mutation(description="Create a task, optionally about a customer or a deal; "
                         "assigning it outside your write scope is FORBIDDEN.")
    async def create_task(self, info: Info, input: CreateTaskInput) -> TaskPayload:
        values = given(input, ["title", "description", "due_at", "remind_at", "priority"])
        values["customer_id"] = optional_id(input.customer_id, "Customer", "customerId")
        values["opportunity_id"] = optional_id(input.opportunity_id, "Opportunity", "opportunityId")
        return await respond(
            TaskPayload, "task",
            service.create_task(actor_of(info), values,
                                         task_id=parse_client_uuid(input.id),
                                         assignee_id=optional_id(input.assignee_id, "User",
                                                             "assigneeId")))

    @strawberry.mutation(description="Change a task or its status (DONE records completedAt); "
                         "send expectedVersion to avoid lost updates.")
    async def update_task(self, info: Info, input: UpdateTaskInput) -> TaskPayload:
        changes = given(input, ["title", "description", "due_at", "remind_at", "priority",
                                "status"])
        return await respond(
            TaskPayload, "task",
            service.update_task(actor_of(info), decode_id(input.id, "Task"), changes,
                                         input.expected_version), with_current=True)

    delete_task = id_mutation(service.delete_task, "Task", TaskPayload, "task",
                              description="Soft-delete a task.")


@strawberry.type
class SalesSubscription:
    @strawberry.subscription(description="New entries of a customer's timeline as they are "
                             "committed (follow-ups, stage moves, changes), each as `timeline` "
                             "would list it; nothing once you may no longer read the customer.")
    async def customer_timeline(self, info: Info, customer_id: Annotated[
            strawberry.ID, strawberry.argument(description="The customer.")]
            ) -> AsyncGenerator[TimelineEntry, None]:
        pk = decode_id(str(customer_id), "Customer", "customerId")
        # As `customer(id:)` reads it: one outside your row scope is NOT_FOUND (a ServiceError
        # keeps its code through the error masking).
        await service.customer_to_watch(actor_of(info), pk)
        async for actor, notice in live.notices(info, lambda n: n.customer_id == pk):
            for item in await service.timeline_items_of_event(
                    actor, pk, notice.audit_event_id, notice.object_type, notice.object_id,
                    notice.action):
                yield timeline_entry(item)

    @strawberry.subscription(description="Opportunities created, changed, moved, deleted or "
                             "restored, for the pipeline board: only those `opportunities` "
                             "would list for you.")
    async def pipeline_changed(self, info: Info) -> AsyncGenerator[PipelineChange, None]:
        async for actor, notice in live.notices(info, lambda n: n.object_type == "Opportunity"):
            row = await service.opportunity_for_board(actor, notice.object_id)
            if row is not None:
                yield PipelineChange(action=notice.action, opportunity=row)  # type: ignore[arg-type]

    @strawberry.subscription(description="Your tasks as they are created or change (assigned "
                             "to you, done, rescheduled), as `myTasks` lists them.")
    async def my_tasks(self, info: Info) -> AsyncGenerator[Task, None]:
        async for actor, notice in live.notices(info, lambda n: n.object_type == "Task"):
            row = await service.my_task(actor, notice.object_id)
            if row is not None:
                yield row  # type: ignore[misc]  # the model row resolves as its type


def timeline_entry(item: service.TimelineItem) -> TimelineEntry:
    return TimelineEntry(at=item.at, kind=item.kind, row=item.row)


Query = SalesQuery
Mutation = SalesMutation
Subscription = SalesSubscription
