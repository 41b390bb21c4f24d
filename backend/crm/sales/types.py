"""GraphQL types of leads, the pipeline, interactions, tasks and the timeline."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from enum import Enum
from typing import Any

import strawberry
from strawberry.types import Info

from crm.auth.loaders import user_loader
from crm.auth.types import AuditEvent, User
from crm.core.connections import SortDirection
from crm.core.errors import UserError
from crm.core.filters import (
    BooleanFilter,
    DateFilter,
    DateTimeFilter,
    IDFilter,
    StringFilter,
    enum_filter,
)
from crm.core.graphql import Node, node_type, register_model_type, require_visible
from crm.core.money import Money, MoneyInput
from crm.core.scoping import scoped
from crm.customers.loaders import contact_loader, customer_loader
from crm.customers.types import Contact, Customer
from crm.sales import models
from crm.sales.loaders import opportunity_loader, stage_history_loader, stage_loader

LeadStatus = models.LeadStatus
strawberry.enum(LeadStatus, name="LeadStatus")
InteractionKind = models.InteractionKind
strawberry.enum(InteractionKind, name="InteractionKind")
Direction = models.Direction
strawberry.enum(Direction, name="Direction")
TaskStatus = models.TaskStatus
strawberry.enum(TaskStatus, name="TaskStatus")
TaskPriority = models.TaskPriority
strawberry.enum(TaskPriority, name="TaskPriority")


def _fetcher(model: type, **extra: Any) -> Any:
    async def fetch(actor: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
        rows: list[Any] = await scoped(model, actor, **extra).filter(id__in=ids)
        return {r.id: r for r in rows}
    return fetch


async def _owner(info: Info, owner_id: uuid.UUID | None) -> Any:
    if owner_id is None:
        return None
    return require_visible(info, "User", await user_loader(info).load(owner_id))


@node_type(models.Lead, _fetcher(models.Lead))
@strawberry.type(description="A prospect not yet qualified (线索).")
class Lead(Node):
    name: str
    company: str | None
    title: str | None
    phone: str | None
    email: str | None
    source: str | None
    status: LeadStatus
    notes: str | None
    converted_at: dt.datetime | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None

    @strawberry.field
    async def owner(self, root: strawberry.Parent[Any], info: Info) -> User | None:
        return await _owner(info, root.owner_id)

    @strawberry.field
    async def customer(self, root: strawberry.Parent[Any], info: Info) -> Customer | None:
        if root.customer_id is None:
            return None
        return require_visible(info, "Customer", await customer_loader(info).load(root.customer_id))


@node_type(models.PipelineStage, _fetcher(models.PipelineStage))
@strawberry.type(description="A step of the sales pipeline.")
class PipelineStage(Node):
    name: str
    name_en: str
    position: int
    probability: int
    is_won: bool
    is_lost: bool


@node_type(models.Opportunity, _fetcher(models.Opportunity))
@strawberry.type(description="A deal in the pipeline (商机).")
class Opportunity(Node):
    title: str
    probability: int
    expected_close_date: dt.date | None
    lost_reason: str | None
    is_open: bool
    closed_at: dt.datetime | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime
    deleted_at: dt.datetime | None

    @strawberry.field
    def amount(self, root: strawberry.Parent[Any]) -> Money:
        return Money.of(root.amount_minor, root.currency)  # type: ignore[return-value]

    @strawberry.field
    async def stage(self, root: strawberry.Parent[Any], info: Info) -> PipelineStage:
        return await stage_loader(info).load(root.stage_id)

    @strawberry.field
    async def customer(self, root: strawberry.Parent[Any], info: Info) -> Customer | None:
        return require_visible(info, "Customer", await customer_loader(info).load(root.customer_id))

    @strawberry.field
    async def owner(self, root: strawberry.Parent[Any], info: Info) -> User | None:
        return await _owner(info, root.owner_id)

    @strawberry.field(description="Stage history, oldest first.")
    async def stage_history(self, root: strawberry.Parent[Any], info: Info) -> list[StageChange]:
        return await stage_history_loader(info).load(root.id)


@strawberry.type(description="An opportunity moved from one stage to another.")
class StageChange:
    created_at: dt.datetime
    note: str | None

    @strawberry.field
    def id(self, root: strawberry.Parent[Any]) -> strawberry.ID:
        return strawberry.ID(str(root.id))

    @strawberry.field
    async def from_stage(self, root: strawberry.Parent[Any], info: Info) -> PipelineStage | None:
        return None if root.from_stage_id is None else await stage_loader(info).load(root.from_stage_id)

    @strawberry.field
    async def to_stage(self, root: strawberry.Parent[Any], info: Info) -> PipelineStage:
        return await stage_loader(info).load(root.to_stage_id)

    @strawberry.field
    async def changed_by(self, root: strawberry.Parent[Any], info: Info) -> User | None:
        return await _owner(info, root.changed_by_id)

    @strawberry.field
    async def opportunity(self, root: strawberry.Parent[Any], info: Info) -> Opportunity | None:
        return require_visible(info, "Opportunity",
                               await opportunity_loader(info).load(root.opportunity_id))


register_model_type(StageChange, models.StageChange)


@node_type(models.Interaction, _fetcher(models.Interaction, include_pool=True))
@strawberry.type(description="A follow-up with a customer (跟进记录).")
class Interaction(Node):
    kind: InteractionKind
    direction: Direction
    occurred_at: dt.datetime
    summary: str
    outcome: str | None
    next_follow_up_at: dt.datetime | None
    version: int
    created_at: dt.datetime

    @strawberry.field
    async def customer(self, root: strawberry.Parent[Any], info: Info) -> Customer | None:
        return require_visible(info, "Customer", await customer_loader(info).load(root.customer_id))

    @strawberry.field
    async def contact(self, root: strawberry.Parent[Any], info: Info) -> Contact | None:
        if root.contact_id is None:
            return None
        return await contact_loader(info).load(root.contact_id)

    @strawberry.field
    async def opportunity(self, root: strawberry.Parent[Any], info: Info) -> Opportunity | None:
        if root.opportunity_id is None:
            return None
        return require_visible(info, "Opportunity",
                               await opportunity_loader(info).load(root.opportunity_id))

    @strawberry.field(description="Who logged it.")
    async def owner(self, root: strawberry.Parent[Any], info: Info) -> User | None:
        return await _owner(info, root.owner_id)


@node_type(models.Task, _fetcher(models.Task))
@strawberry.type(description="A to-do or reminder (日程/提醒).")
class Task(Node):
    title: str
    description: str | None
    due_at: dt.datetime | None
    remind_at: dt.datetime | None
    priority: TaskPriority
    status: TaskStatus
    completed_at: dt.datetime | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @strawberry.field
    def is_overdue(self, root: strawberry.Parent[Any]) -> bool:
        return (root.due_at is not None and root.status in (models.TaskStatus.OPEN,
                                                            models.TaskStatus.IN_PROGRESS)
                and root.due_at < dt.datetime.now(dt.UTC))

    @strawberry.field
    async def assignee(self, root: strawberry.Parent[Any], info: Info) -> User | None:
        return await _owner(info, root.assignee_id)

    @strawberry.field
    async def customer(self, root: strawberry.Parent[Any], info: Info) -> Customer | None:
        if root.customer_id is None:
            return None
        return require_visible(info, "Customer", await customer_loader(info).load(root.customer_id))

    @strawberry.field
    async def opportunity(self, root: strawberry.Parent[Any], info: Info) -> Opportunity | None:
        if root.opportunity_id is None:
            return None
        return require_visible(info, "Opportunity",
                               await opportunity_loader(info).load(root.opportunity_id))


@strawberry.type(description="One entry of a customer's timeline; exactly one of the three is set.")
class TimelineEntry:
    at: dt.datetime
    kind: str = strawberry.field(description="interaction | stage_change | audit")
    row: strawberry.Private[Any]

    @strawberry.field
    def interaction(self) -> Interaction | None:
        return self.row if self.kind == "interaction" else None

    @strawberry.field
    def stage_change(self) -> StageChange | None:
        return self.row if self.kind == "stage_change" else None

    @strawberry.field
    def audit_event(self) -> AuditEvent | None:
        return self.row if self.kind == "audit" else None


@strawberry.type
class StageAmount:
    stage: PipelineStage
    count: int
    amounts: list[Money] = strawberry.field(description="One total per currency.")


# --- inputs and payloads ----------------------------------------------------------------------

@strawberry.input
class CreateLeadInput:
    id: strawberry.ID | None = None
    name: str
    company: str | None = None
    title: str | None = None
    phone: str | None = None
    email: str | None = None
    source: str | None = None
    notes: str | None = None
    owner_id: strawberry.ID | None = None


@strawberry.input
class UpdateLeadInput:
    id: strawberry.ID
    expected_version: int | None = None
    name: str | None = strawberry.UNSET
    company: str | None = strawberry.UNSET
    title: str | None = strawberry.UNSET
    phone: str | None = strawberry.UNSET
    email: str | None = strawberry.UNSET
    source: str | None = strawberry.UNSET
    status: LeadStatus | None = strawberry.UNSET
    notes: str | None = strawberry.UNSET


@strawberry.input
class ConvertLeadInput:
    lead_id: strawberry.ID
    create_opportunity: bool = False
    opportunity_title: str | None = None
    amount: MoneyInput | None = None
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Attach to this existing customer instead of creating one.")
    allow_duplicate: bool = False


@strawberry.input
class CreateOpportunityInput:
    id: strawberry.ID | None = None
    customer_id: strawberry.ID
    title: str
    amount: MoneyInput | None = None
    stage_id: strawberry.ID | None = None
    probability: int | None = None
    expected_close_date: dt.date | None = None
    owner_id: strawberry.ID | None = None


@strawberry.input
class UpdateOpportunityInput:
    id: strawberry.ID
    expected_version: int | None = None
    title: str | None = strawberry.UNSET
    amount: MoneyInput | None = strawberry.UNSET
    probability: int | None = strawberry.UNSET
    expected_close_date: dt.date | None = strawberry.UNSET


@strawberry.input
class MoveOpportunityInput:
    id: strawberry.ID
    stage_id: strawberry.ID
    lost_reason: str | None = None
    note: str | None = None
    expected_version: int | None = None


@strawberry.input
class LogInteractionInput:
    id: strawberry.ID | None = None
    customer_id: strawberry.ID
    kind: InteractionKind
    direction: Direction = models.Direction.OUTBOUND
    occurred_at: dt.datetime | None = None
    summary: str
    outcome: str | None = None
    contact_id: strawberry.ID | None = None
    opportunity_id: strawberry.ID | None = None
    next_follow_up_at: dt.datetime | None = None


@strawberry.input
class CreateTaskInput:
    id: strawberry.ID | None = None
    title: str
    description: str | None = None
    due_at: dt.datetime | None = None
    remind_at: dt.datetime | None = None
    priority: TaskPriority = models.TaskPriority.NORMAL
    assignee_id: strawberry.ID | None = None
    customer_id: strawberry.ID | None = None
    opportunity_id: strawberry.ID | None = None


@strawberry.input
class UpdateTaskInput:
    id: strawberry.ID
    expected_version: int | None = None
    title: str | None = strawberry.UNSET
    description: str | None = strawberry.UNSET
    due_at: dt.datetime | None = strawberry.UNSET
    remind_at: dt.datetime | None = strawberry.UNSET
    priority: TaskPriority | None = strawberry.UNSET
    status: TaskStatus | None = strawberry.UNSET


@strawberry.type
class LeadPayload:
    lead: Lead | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class ConvertLeadPayload:
    lead: Lead | None = None
    customer: Customer | None = None
    contact: Contact | None = None
    opportunity: Opportunity | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class OpportunityPayload:
    opportunity: Opportunity | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class InteractionPayload:
    interaction: Interaction | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class TaskPayload:
    task: Task | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


# --- filters ----------------------------------------------------------------------------------

@strawberry.input
class LeadFilter:
    name: StringFilter | None = strawberry.UNSET
    company: StringFilter | None = strawberry.UNSET
    source: StringFilter | None = strawberry.UNSET
    status: enum_filter(models.LeadStatus) | None = strawberry.UNSET  # type: ignore[valid-type]
    owner: IDFilter | None = strawberry.UNSET
    created_at: DateTimeFilter | None = strawberry.UNSET
    and_: list[LeadFilter] | None = strawberry.field(name="and", default=strawberry.UNSET)
    or_: list[LeadFilter] | None = strawberry.field(name="or", default=strawberry.UNSET)
    not_: LeadFilter | None = strawberry.field(name="not", default=strawberry.UNSET)


@strawberry.input
class OpportunityFilter:
    title: StringFilter | None = strawberry.UNSET
    stage: IDFilter | None = strawberry.UNSET
    customer: IDFilter | None = strawberry.UNSET
    owner: IDFilter | None = strawberry.UNSET
    is_open: BooleanFilter | None = strawberry.UNSET
    expected_close_date: DateFilter | None = strawberry.UNSET
    created_at: DateTimeFilter | None = strawberry.UNSET
    and_: list[OpportunityFilter] | None = strawberry.field(name="and", default=strawberry.UNSET)
    or_: list[OpportunityFilter] | None = strawberry.field(name="or", default=strawberry.UNSET)
    not_: OpportunityFilter | None = strawberry.field(name="not", default=strawberry.UNSET)


@strawberry.input
class TaskFilter:
    overdue: bool | None = None
    status: list[TaskStatus] | None = None


@strawberry.enum
class LeadSortField(Enum):
    NAME = "name"
    CREATED_AT = "createdAt"
    UPDATED_AT = "updatedAt"


@strawberry.input
class LeadOrder:
    field: LeadSortField
    direction: SortDirection = SortDirection.ASC


@strawberry.enum
class OpportunitySortField(Enum):
    TITLE = "title"
    CREATED_AT = "createdAt"
    UPDATED_AT = "updatedAt"
    AMOUNT = "amount"


@strawberry.input
class OpportunityOrder:
    field: OpportunitySortField
    direction: SortDirection = SortDirection.ASC


def money_of(value: MoneyInput | None) -> tuple[Decimal | None, str | None]:
    if value is None or value is strawberry.UNSET:
        return None, None
    return value.amount, value.currency
