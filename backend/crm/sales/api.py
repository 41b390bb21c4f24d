"""Query and Mutation fields of leads, the pipeline, interactions and tasks."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info
from tortoise.expressions import RawSQL

from crm.core.connections import Connection, SortKey, paginate
from crm.core.errors import ServiceError
from crm.core.filters import FilterField, build_filter, build_order, column, id_converter
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, parse_client_uuid
from crm.core.money import Money
from crm.core.payloads import respond
from crm.core.scoping import scoped
from crm.customers.api import given
from crm.customers.types import IdInput
from crm.sales import service
from crm.sales.models import Lead as LeadModel
from crm.sales.models import Opportunity as OpportunityModel
from crm.sales.types import (
    ConvertLeadInput,
    ConvertLeadPayload,
    CreateLeadInput,
    CreateOpportunityInput,
    CreateTaskInput,
    InteractionPayload,
    Lead,
    LeadFilter,
    LeadOrder,
    LeadPayload,
    LogInteractionInput,
    MoveOpportunityInput,
    Opportunity,
    OpportunityFilter,
    OpportunityOrder,
    OpportunityPayload,
    PipelineStage,
    StageAmount,
    Task,
    TaskFilter,
    TaskPayload,
    UpdateLeadInput,
    UpdateOpportunityInput,
    UpdateTaskInput,
    money_of,
)

LEAD_FILTERS: dict[str, FilterField] = {
    "name": column("name", "name"),
    "company": column("company", "company"),
    "source": column("source", "source"),
    "status": column("status", "status"),
    "owner": column("owner_id", "owner", id_converter("User", "owner")),
    "created_at": column("created_at", "createdAt"),
}
LEAD_SORTS = {"name": ("name", "name"), "createdAt": ("created_at", "createdAt"),
              "updatedAt": ("updated_at", "updatedAt")}
OPPORTUNITY_FILTERS: dict[str, FilterField] = {
    "title": column("title", "title"),
    "stage": column("stage_id", "stage", id_converter("PipelineStage", "stage")),
    "customer": column("customer_id", "customer", id_converter("Customer", "customer")),
    "owner": column("owner_id", "owner", id_converter("User", "owner")),
    "is_open": column("is_open", "isOpen"),
    "expected_close_date": column("expected_close_date", "expectedCloseDate"),
    "created_at": column("created_at", "createdAt"),
}
OPPORTUNITY_SORTS = {"title": ("title", "title"), "createdAt": ("created_at", "createdAt"),
                     "updatedAt": ("updated_at", "updatedAt"), "amount": ("amount_minor", "amount")}


def _opt_id(value: strawberry.ID | None, type_name: str, field: str) -> Any:
    return decode_id(str(value), type_name, field) if value else None


@strawberry.type
class SalesQuery:
    @strawberry.field
    async def leads(
        self, info: Info, filter: LeadFilter | None = None, order_by: list[LeadOrder] | None = None,
        first: int | None = None, after: str | None = None, last: int | None = None,
        before: str | None = None,
    ) -> Connection[Lead]:
        actor = actor_of(info)
        qs = scoped(LeadModel, actor).filter(build_filter(actor, "Lead", filter, LEAD_FILTERS))
        keys = build_order(actor, "Lead", order_by, LEAD_SORTS, [SortKey("created_at", True)])
        return await paginate(qs, keys, first=first, after=after, last=last, before=before)

    @strawberry.field
    async def opportunities(
        self, info: Info, filter: OpportunityFilter | None = None,
        order_by: list[OpportunityOrder] | None = None, first: int | None = None,
        after: str | None = None, last: int | None = None, before: str | None = None,
    ) -> Connection[Opportunity]:
        actor = actor_of(info)
        qs = scoped(OpportunityModel, actor).filter(
            build_filter(actor, "Opportunity", filter, OPPORTUNITY_FILTERS))
        keys = build_order(actor, "Opportunity", order_by, OPPORTUNITY_SORTS,
                           [SortKey("updated_at", True)])
        return await paginate(qs, keys, first=first, after=after, last=last, before=before)

    @strawberry.field(description="The pipeline's stages in order.")
    async def pipeline_stages(self, info: Info) -> list[PipelineStage]:
        return await service.stages(actor_of(info))  # type: ignore[return-value]

    @strawberry.field(description="Count and amount per stage over the opportunities you see.")
    async def pipeline_summary(self, info: Info) -> list[StageAmount]:
        rows = await service.pipeline_summary(actor_of(info))
        return [StageAmount(stage=r.stage, count=r.count,  # type: ignore[arg-type]
                            amounts=[Money.of(m, c) for m, c in r.amounts])  # type: ignore[misc]
                for r in rows]

    @strawberry.field(description="Your tasks; `overdue: true` lists open tasks past due.")
    async def my_tasks(
        self, info: Info, filter: TaskFilter | None = None, first: int | None = None,
        after: str | None = None,
    ) -> Connection[Task]:
        actor = actor_of(info)
        qs = service.my_tasks_query(actor, overdue=filter.overdue if filter else None,
                                    status=filter.status if filter else None)
        # due_at is nullable and `due_at > NULL` is never true: sort undated tasks last
        # explicitly on both databases, so the keyset never has to compare with NULL.
        qs = qs.annotate(undated=RawSQL("CASE WHEN due_at IS NULL THEN 1 ELSE 0 END"))
        return await paginate(qs, [SortKey("undated"), SortKey("due_at")], first=first,
                              after=after)


@strawberry.type
class SalesMutation:
    @strawberry.mutation
    async def create_lead(self, info: Info, input: CreateLeadInput) -> LeadPayload:
        return await respond(
            LeadPayload, "lead",
            service.create_lead(
            actor_of(info), given(input, ["name", "company", "title", "phone", "email",
                                          "source", "notes"]),
            lead_id=parse_client_uuid(input.id),
            owner_id=_opt_id(input.owner_id, "User", "ownerId")))

    @strawberry.mutation
    async def update_lead(self, info: Info, input: UpdateLeadInput) -> LeadPayload:
        return await respond(
            LeadPayload, "lead",
            service.update_lead(
            actor_of(info), decode_id(input.id, "Lead"),
            given(input, ["name", "company", "title", "phone", "email", "source", "status",
                          "notes"]), input.expected_version), with_current=True)

    @strawberry.mutation
    async def delete_lead(self, info: Info, input: IdInput) -> LeadPayload:
        return await respond(
            LeadPayload, "lead",
            service.delete_lead(actor_of(info), decode_id(input.id, "Lead")))

    @strawberry.mutation
    async def restore_lead(self, info: Info, input: IdInput) -> LeadPayload:
        return await respond(
            LeadPayload, "lead",
            service.restore_lead(actor_of(info), decode_id(input.id, "Lead")))

    @strawberry.mutation(description="Turn a lead into a customer + contact (+ opportunity).")
    async def convert_lead(self, info: Info, input: ConvertLeadInput) -> ConvertLeadPayload:
        amount, currency = money_of(input.amount)
        try:
            result = await service.convert_lead(
                actor_of(info), decode_id(input.lead_id, "Lead", "leadId"),
                create_opportunity=input.create_opportunity,
                opportunity_title=input.opportunity_title, amount=amount,
                currency=currency or "CNY", allow_duplicate=input.allow_duplicate,
                existing_customer_id=_opt_id(input.customer_id, "Customer", "customerId"))
        except ServiceError as exc:
            return ConvertLeadPayload(errors=exc.as_user_errors())
        return ConvertLeadPayload(lead=result.lead, customer=result.customer,  # type: ignore[arg-type]
                                  contact=result.contact, opportunity=result.opportunity)  # type: ignore[arg-type]

    @strawberry.mutation
    async def create_opportunity(self, info: Info, input: CreateOpportunityInput
                                 ) -> OpportunityPayload:
        amount, currency = money_of(input.amount)
        values: dict[str, Any] = {
            "customer_id": decode_id(input.customer_id, "Customer", "customerId"),
            "title": input.title, "amount": amount, "currency": currency,
            "stage_id": _opt_id(input.stage_id, "PipelineStage", "stageId"),
            "probability": input.probability, "expected_close_date": input.expected_close_date,
        }
        return await respond(
            OpportunityPayload, "opportunity",
            service.create_opportunity(
            actor_of(info), values, opportunity_id=parse_client_uuid(input.id),
            owner_id=_opt_id(input.owner_id, "User", "ownerId")))

    @strawberry.mutation
    async def update_opportunity(self, info: Info, input: UpdateOpportunityInput
                                 ) -> OpportunityPayload:
        changes = given(input, ["title", "probability", "expected_close_date"])
        if input.amount is not strawberry.UNSET and input.amount is not None:
            changes["amount"], changes["currency"] = money_of(input.amount)
        return await respond(
            OpportunityPayload, "opportunity",
            service.update_opportunity(actor_of(info), decode_id(input.id, "Opportunity"),
                                               changes, input.expected_version), with_current=True)

    @strawberry.mutation(description="Move an opportunity to a stage; lost needs lostReason.")
    async def move_opportunity(self, info: Info, input: MoveOpportunityInput) -> OpportunityPayload:
        return await respond(
            OpportunityPayload, "opportunity",
            service.move_opportunity(
            actor_of(info), decode_id(input.id, "Opportunity"),
            decode_id(input.stage_id, "PipelineStage", "stageId"),
            lost_reason=input.lost_reason, expected_version=input.expected_version,
            note=input.note), with_current=True)

    @strawberry.mutation
    async def delete_opportunity(self, info: Info, input: IdInput) -> OpportunityPayload:
        return await respond(
            OpportunityPayload, "opportunity",
            service.delete_opportunity(actor_of(info), decode_id(input.id, "Opportunity")))

    @strawberry.mutation
    async def restore_opportunity(self, info: Info, input: IdInput) -> OpportunityPayload:
        return await respond(
            OpportunityPayload, "opportunity",
            service.restore_opportunity(actor_of(info),
                                                decode_id(input.id, "Opportunity")))

    @strawberry.mutation(description="跟进: log a call, visit, meeting... against a customer.")
    async def log_interaction(self, info: Info, input: LogInteractionInput) -> InteractionPayload:
        values = given(input, ["kind", "direction", "occurred_at", "summary", "outcome",
                               "next_follow_up_at"])
        values["customer_id"] = decode_id(input.customer_id, "Customer", "customerId")
        values["contact_id"] = _opt_id(input.contact_id, "Contact", "contactId")
        values["opportunity_id"] = _opt_id(input.opportunity_id, "Opportunity", "opportunityId")
        return await respond(
            InteractionPayload, "interaction",
            service.log_interaction(actor_of(info), values,
                                            interaction_id=parse_client_uuid(input.id)))

    @strawberry.mutation
    async def create_task(self, info: Info, input: CreateTaskInput) -> TaskPayload:
        values = given(input, ["title", "description", "due_at", "remind_at", "priority"])
        values["customer_id"] = _opt_id(input.customer_id, "Customer", "customerId")
        values["opportunity_id"] = _opt_id(input.opportunity_id, "Opportunity", "opportunityId")
        return await respond(
            TaskPayload, "task",
            service.create_task(actor_of(info), values,
                                         task_id=parse_client_uuid(input.id),
                                         assignee_id=_opt_id(input.assignee_id, "User",
                                                             "assigneeId")))

    @strawberry.mutation
    async def update_task(self, info: Info, input: UpdateTaskInput) -> TaskPayload:
        changes = given(input, ["title", "description", "due_at", "remind_at", "priority",
                                "status"])
        return await respond(
            TaskPayload, "task",
            service.update_task(actor_of(info), decode_id(input.id, "Task"), changes,
                                         input.expected_version), with_current=True)

    @strawberry.mutation
    async def delete_task(self, info: Info, input: IdInput) -> TaskPayload:
        return await respond(
            TaskPayload, "task",
            service.delete_task(actor_of(info), decode_id(input.id, "Task")))


Query = SalesQuery
Mutation = SalesMutation
