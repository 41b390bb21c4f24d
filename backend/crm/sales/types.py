"""GraphQL types of leads, the pipeline, interactions, tasks and the timeline."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import strawberry
from strawberry.types import Info
from tortoise.expressions import Q

from crm.auth.types import AuditEvent, User
from crm.core.connections import After, Before, Connection, First, Last, SortKey
from crm.core.errors import UserError
from crm.core.filters import (
    FilterSpec,
    SortSpec,
    choice,
    custom,
    flag_filter,
    ref,
    related,
    text,
    when,
)
from crm.core.graphql import Node, extend, model_type, node_type
from crm.core.loaders import LoaderKey
from crm.core.money import Money, MoneyInput
from crm.core.relations import connection, flag, scoped_by, to_many, to_one
from crm.customers.types import CUSTOMER_FILTER, Contact, Customer
from crm.sales import models

LeadStatus = models.LeadStatus
strawberry.enum(LeadStatus, name="LeadStatus", description="Where a lead stands.")
InteractionKind = models.InteractionKind
strawberry.enum(InteractionKind, name="InteractionKind", description="How we were in touch.")
Direction = models.Direction
strawberry.enum(Direction, name="Direction", description="Who reached out.")
TaskStatus = models.TaskStatus
strawberry.enum(TaskStatus, name="TaskStatus", description="Where a task stands.")
TaskPriority = models.TaskPriority
strawberry.enum(TaskPriority, name="TaskPriority", description="How urgent a task is.")


@node_type(models.Lead)
@strawberry.type(description="A prospect not yet qualified (线索).")
class Lead(Node):
    name: str = strawberry.field(description="The person's name.")
    company: str | None = strawberry.field(description="Their company.")
    title: str | None = strawberry.field(description="Their job title.")
    phone: str | None = strawberry.field(description="Phone number.")
    email: str | None = strawberry.field(description="Email address.")
    source: str | None = strawberry.field(description="Where the lead came from.")
    status: LeadStatus = strawberry.field(description="Where the lead stands.")
    notes: str | None = strawberry.field(description="Free notes.")
    converted_at: dt.datetime | None = strawberry.field(description="When it became a customer.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")
    deleted_at: dt.datetime | None = strawberry.field(description="Set while it is deleted.")
    owner: User | None = to_one("owner_id", description="Who works the lead.")
    customer: Customer | None = to_one("customer_id", description="The customer it became.")


@node_type(models.PipelineStage)
@strawberry.type(description="A step of the sales pipeline.")
class PipelineStage(Node):
    name: str = strawberry.field(description="The stage's name (Chinese).")
    name_en: str = strawberry.field(description="The stage's name in English.")
    position: int = strawberry.field(description="Its place in the pipeline, from 0.")
    probability: int = strawberry.field(description="Default chance of winning, in percent.")
    is_won: bool = strawberry.field(description="Deals here are won.")
    is_lost: bool = strawberry.field(description="Deals here are lost.")


@model_type(models.StageChange)
@strawberry.type(description="An opportunity moved from one stage to another.")
class StageChange:
    created_at: dt.datetime = strawberry.field(description="When it moved.")
    note: str | None = strawberry.field(description="Why, in the mover's words.")
    from_stage: PipelineStage | None = to_one("from_stage_id", description="Where it was.")
    to_stage: PipelineStage = to_one("to_stage_id", description="Where it went.")
    changed_by: User | None = to_one("changed_by_id", description="Who moved it.")
    opportunity: Opportunity | None = to_one("opportunity_id", description="The deal.")

    @strawberry.field(description="The change's id.")
    def id(self, root: strawberry.Parent[Any]) -> strawberry.ID:
        return strawberry.ID(str(root.id))


@node_type(models.Opportunity)
@strawberry.type(description="A deal in the pipeline (商机).")
class Opportunity(Node):
    title: str = strawberry.field(description="What the deal is.")
    probability: int = strawberry.field(description="Chance of winning, in percent.")
    expected_close_date: dt.date | None = strawberry.field(description="When it should close.")
    lost_reason: str | None = strawberry.field(description="Why it was lost.")
    is_open: bool = strawberry.field(description="Neither won nor lost.")
    closed_at: dt.datetime | None = strawberry.field(description="When it was won or lost.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")
    deleted_at: dt.datetime | None = strawberry.field(description="Set while it is deleted.")
    stage: PipelineStage = to_one("stage_id", description="Where it is in the pipeline.")
    customer: Customer | None = to_one("customer_id", description="Whom the deal is with.")
    owner: User | None = to_one("owner_id", description="Who works the deal.")
    stage_history: Connection[StageChange] = connection(
        "opportunity_id", sort=[SortKey("created_at")], description="Stage changes, oldest first.")

    @strawberry.field(description="The expected amount.")
    def amount(self, root: strawberry.Parent[Any]) -> Money:
        return Money.of(root.amount_minor, root.currency)  # type: ignore[return-value]


@node_type(models.Interaction)
@strawberry.type(description="A follow-up with a customer (跟进记录).")
class Interaction(Node):
    kind: InteractionKind = strawberry.field(description="Call, visit, meeting...")
    direction: Direction = strawberry.field(description="Who reached out.")
    occurred_at: dt.datetime = strawberry.field(description="When it happened.")
    summary: str = strawberry.field(description="What was said.")
    outcome: str | None = strawberry.field(description="What came of it.")
    next_follow_up_at: dt.datetime | None = strawberry.field(description="When to follow up.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was logged.")
    customer: Customer | None = to_one("customer_id", description="The customer.")
    contact: Contact | None = to_one("contact_id", description="The person we spoke to.")
    opportunity: Opportunity | None = to_one("opportunity_id", description="The deal it was about.")
    owner: User | None = to_one("owner_id", description="Who logged it.")


@node_type(models.Task)
@strawberry.type(description="A to-do or reminder (日程/提醒).")
class Task(Node):
    title: str = strawberry.field(description="What to do.")
    description: str | None = strawberry.field(description="More about it.")
    due_at: dt.datetime | None = strawberry.field(description="When it is due.")
    remind_at: dt.datetime | None = strawberry.field(description="When to remind the assignee.")
    priority: TaskPriority = strawberry.field(description="How urgent it is.")
    status: TaskStatus = strawberry.field(description="Where it stands.")
    completed_at: dt.datetime | None = strawberry.field(description="When it was done.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")
    assignee: User | None = to_one("assignee_id", description="Who does it.")
    customer: Customer | None = to_one("customer_id", description="The customer it is about.")
    opportunity: Opportunity | None = to_one("opportunity_id", description="The deal it is about.")

    @strawberry.field(description="Open and past its due time.")
    def is_overdue(self, root: strawberry.Parent[Any]) -> bool:
        return (root.due_at is not None and root.status in (models.TaskStatus.OPEN,
                                                            models.TaskStatus.IN_PROGRESS)
                and root.due_at < dt.datetime.now(dt.UTC))


_TIMELINE = "sales.service.customer_timelines: each source through the actor's row scope"


@strawberry.type(description="One entry of a customer's timeline; exactly one of the three is set.")
class TimelineEntry:
    at: dt.datetime = strawberry.field(description="When it happened.")
    kind: str = strawberry.field(description="interaction | stage_change | audit")
    row: strawberry.Private[Any]

    @strawberry.field(description="The follow-up, for kind interaction.",
                      metadata=scoped_by(_TIMELINE))
    def interaction(self) -> Interaction | None:
        return self.row if self.kind == "interaction" else None

    @strawberry.field(description="The stage change, for kind stage_change.",
                      metadata=scoped_by(_TIMELINE))
    def stage_change(self) -> StageChange | None:
        return self.row if self.kind == "stage_change" else None

    @strawberry.field(description="The change record, for kind audit.",
                      metadata=scoped_by(_TIMELINE))
    def audit_event(self) -> AuditEvent | None:
        return self.row if self.kind == "audit" else None


_OPEN_TASK = [models.TaskStatus.OPEN.value, models.TaskStatus.IN_PROGRESS.value]


TimelineKey = tuple[Any, int | None, str | None, int | None, str | None]


async def _timelines(actor: Any, keys: list[TimelineKey]) -> list[Any]:
    from crm.sales.service import customer_timelines
    # One batch per page size and cursor; a list asks the same of every customer.
    out: dict[Any, Any] = {}
    for page in {k[1:] for k in keys}:
        ids = [k[0] for k in keys if k[1:] == page]
        first, after, last, before = page
        for customer_id, conn in zip(ids, await customer_timelines(
                actor, ids, first=first, after=after, last=last, before=before), strict=True):
            out[(customer_id, *page)] = conn
    return [out[k] for k in keys]


TIMELINES = LoaderKey[TimelineKey, Any]("customer_timelines", _timelines)


@extend(Customer)
class CustomerSales:
    """What sales adds to a customer."""

    opportunities: list[Opportunity] = to_many(
        "customer_id", order_by=["-updated_at"], size=10,
        args=[flag("open_only", "Skip won and lost deals.", Q(is_open=True))],
        description="The customer's opportunities you may see, latest first.")
    last_interaction: Interaction | None = to_one(
        "last_interaction_id", description="The latest follow-up (跟进记录).")
    tasks: list[Task] = to_many(
        "customer_id", order_by=["due_at"], size=10,
        args=[flag("open_only", "Only tasks not done or cancelled.", Q(status__in=_OPEN_TASK))],
        description="Tasks about this customer you may see, soonest due first.")

    @strawberry.field(description="Interactions, stage changes and changes, newest first.")
    async def timeline(self, root: strawberry.Parent[Any], info: Info, first: First = None,
                       after: After = None, last: Last = None,
                       before: Before = None) -> Connection[TimelineEntry]:
        page = await info.context.loaders.get(TIMELINES).load(
            (root.id, first, after, last, before))
        for edge in page.edges:
            # A contact belongs to its customer: its owner reads its details as the customer's.
            if edge.node.kind == "audit":
                event = edge.node.row
                event._subject = root if event.object_type in ("Customer", "Contact") else None
        return page  # type: ignore[no-any-return]


@strawberry.type(description="How many opportunities are at one stage, and their amounts.")
class StageAmount:
    stage: PipelineStage = strawberry.field(
        description="The stage.", metadata=scoped_by("sales.service.pipeline_summary"))
    count: int = strawberry.field(description="Opportunities you may see at the stage.")
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


# --- filters ---------------------------------------------------------------------------------

LEAD_FILTER = FilterSpec("Lead", [
    text("name"), text("company"), text("source"), choice("status", models.LeadStatus),
    ref("owner", "User"), when("created_at"),
], "LeadFilter", __name__, "Which leads to list.")
LEAD_SORT = SortSpec("Lead", {
    "NAME": ("name", "name"), "CREATED_AT": ("created_at", "createdAt"),
    "UPDATED_AT": ("updated_at", "updatedAt"),
}, [SortKey("created_at", descending=True)], "LeadSort", __name__)

OPPORTUNITY_FILTER = FilterSpec("Opportunity", [
    text("title"), ref("stage", "PipelineStage"), ref("customer", "Customer"), ref("owner", "User"),
    flag_filter("is_open"), when("expected_close_date", date=True), when("created_at"),
], "OpportunityFilter", __name__, "Which opportunities to list.")
OPPORTUNITY_SORT = SortSpec("Opportunity", {
    "TITLE": ("title", "title"), "CREATED_AT": ("created_at", "createdAt"),
    "UPDATED_AT": ("updated_at", "updatedAt"), "AMOUNT": ("amount_minor", "amount"),
    "EXPECTED_CLOSE_DATE": ("expected_close_date", "expectedCloseDate"),
}, [SortKey("updated_at", descending=True)], "OpportunitySort", __name__)


# Sales adds to the customer filter: customers with an opportunity like this.
CUSTOMER_FILTER.add(related(
    "opportunity", OPPORTUNITY_FILTER, models.Opportunity, "customer_id",
    policy="opportunities", description="Has an opportunity like this (that you may see)."))


def _overdue_q(value: bool, _actor: Any) -> Any:
    from crm.sales.service import overdue_q
    return overdue_q(value)


TASK_FILTER = FilterSpec("Task", [
    custom("overdue", bool, _overdue_q, policy="dueAt",
           description="true: open tasks past due; false: the others."),
    custom("status", list[TaskStatus], lambda v, _a: Q(status__in=[s.value for s in v]),
           policy="status", description="Tasks in one of these statuses."),
], "TaskFilter", __name__, "Which tasks to list.")
# Undated tasks sort last on both databases (see `my_tasks_query`).
TASK_SORT = SortSpec("Task", {}, [SortKey("undated"), SortKey("due_at")], "TaskSort", __name__)


def money_of(value: MoneyInput | None) -> tuple[Decimal | None, str | None]:
    if value is None or value is strawberry.UNSET:
        return None, None
    return value.amount, value.currency
