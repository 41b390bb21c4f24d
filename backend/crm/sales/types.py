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
from crm.core.enums import public_enum
from crm.core.errors import UserError
from crm.core.filters import (
    FilterSpec,
    SortSpec,
    choice,
    custom,
    flag_filter,
    number,
    ref,
    related,
    text,
    when,
)
from crm.core.graphql import Node, extend, model_type, node_type
from crm.core.loaders import LoaderKey
from crm.core.money import Money, MoneyInput
from crm.core.payloads import errors_field, result_field
from crm.core.relations import connection, flag, scoped_by, to_many, to_one
from crm.customers.types import CUSTOMER_FILTER, Contact, Customer
from crm.sales import models

# An alias of the model's enum, not public_enum's result: mypy takes only an alias as a type.
LeadStatus = models.LeadStatus
public_enum(
    LeadStatus, name="LeadStatus", description="Where a lead stands on its way to "
    "becoming a customer.",
    values={"NEW": "Just came in; nobody has been in touch yet.",
            "CONTACTED": "Someone has been in touch; the need is not yet known.",
            "QUALIFIED": "Confirmed as a real prospect: ready to convert.",
            "DISQUALIFIED": "Not worth pursuing; it cannot be converted.",
            "CONVERTED": "Became a customer through convertLead; updateLead refuses it."})
LeadGrade = models.LeadGrade
public_enum(
    LeadGrade, name="LeadGrade", description="How good a lead is, by its score and the "
    "workspace's grade thresholds (see lifecycleSettings).",
    values={"A": "Hot: at or above the A threshold.",
            "B": "Warm: at or above the B threshold.",
            "C": "Lukewarm: at or above the C threshold.",
            "D": "Cold: below the C threshold."})
InteractionKind = models.InteractionKind
public_enum(
    InteractionKind, name="InteractionKind", description="How we were in touch.",
    values={"CALL": "A phone call.",
            "EMAIL": "An email.",
            "MEETING": "A meeting, in our office or online.",
            "VISIT": "A visit at the customer's site (拜访).",
            "MESSAGE": "A chat or text message: WeChat, SMS, DingTalk...",
            "NOTE": "A note for the record, with no contact."})
Direction = models.Direction
public_enum(
    Direction, name="Direction", description="Who reached out.",
    values={"INBOUND": "The customer reached out to us.",
            "OUTBOUND": "We reached out to the customer.",
            "INTERNAL": "Among ourselves, e.g. a note or a talk about the customer."})
TaskStatus = models.TaskStatus
public_enum(
    TaskStatus, name="TaskStatus", description="Where a task stands.",
    values={"OPEN": "Not started yet.",
            "IN_PROGRESS": "Being worked on.",
            "DONE": "Done; completedAt says when.",
            "CANCELLED": "Dropped without being done."})
TaskPriority = models.TaskPriority
public_enum(
    TaskPriority, name="TaskPriority", description="How urgent a task is.",
    values={"LOW": "When there is time.",
            "NORMAL": "The usual priority.",
            "HIGH": "Before the normal ones.",
            "URGENT": "Drop everything else."})


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
    score: int = strawberry.field(description="Points from the workspace's lead-scoring rules "
                                  "(leadScoringRules), recomputed when the lead, its "
                                  "interactions or the rules change.")
    grade: LeadGrade = strawberry.field(description="The grade the score reaches.")
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
    won_reason: str | None = strawberry.field(description="Why it was won.")
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


@strawberry.type(description="A change on the pipeline board, pushed by `pipelineChanged`.")
class PipelineChange:
    action: str = strawberry.field(
        description="What happened: create, update, move, delete or restore.")
    opportunity: Opportunity = strawberry.field(
        description="The opportunity as it is now; `deletedAt` is set when it was deleted.",
        metadata=scoped_by("sales.service.opportunity_for_board: the actor's row scope"))


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

_CLIENT_ID = "A UUID chosen by the client (offline creation, retries): sending it again returns " \
    "the record the first call made instead of a second one."


@strawberry.input(description="A new lead (线索), status NEW, owned by ownerId or by you.")
class CreateLeadInput:
    id: strawberry.ID | None = strawberry.field(default=None, description=_CLIENT_ID)
    name: str = strawberry.field(description="The person's name, at most 120 characters.")
    company: str | None = strawberry.field(
        default=None, description="Their company; it becomes the customer's name on conversion.")
    title: str | None = strawberry.field(default=None, description="Their job title.")
    phone: str | None = strawberry.field(default=None, description="Phone number.")
    email: str | None = strawberry.field(default=None,
                                         description="Email address; stored in lower case.")
    source: str | None = strawberry.field(
        default=None, description="Where the lead came from, e.g. 展会 (trade fair) or web form.")
    notes: str | None = strawberry.field(default=None, description="Free notes.")
    owner_id: strawberry.ID | None = strawberry.field(
        default=None, description="The user who will work the lead; you when omitted.")


@strawberry.input(description="Changes to a lead that is not converted; omitted fields stay as "
                  "they are, null clears an optional one.")
class UpdateLeadInput:
    id: strawberry.ID = strawberry.field(description="The lead.")
    expected_version: int | None = strawberry.field(
        default=None, description="The version you read: refuse with CONFLICT, and return the "
        "lead as it is now, if it changed since.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="A new name.")
    company: str | None = strawberry.field(default=strawberry.UNSET,
                                           description="Their company.")
    title: str | None = strawberry.field(default=strawberry.UNSET,
                                         description="Their job title.")
    phone: str | None = strawberry.field(default=strawberry.UNSET, description="Phone number.")
    email: str | None = strawberry.field(default=strawberry.UNSET, description="Email address.")
    source: str | None = strawberry.field(default=strawberry.UNSET,
                                          description="Where the lead came from.")
    status: LeadStatus | None = strawberry.field(
        default=strawberry.UNSET, description="A new status; CONVERTED is refused (use "
        "convertLead).")
    notes: str | None = strawberry.field(default=strawberry.UNSET, description="Free notes.")


@strawberry.input(description="A lead to turn into a customer with the lead as its primary "
                  "contact, and optionally an opportunity.")
class ConvertLeadInput:
    lead_id: strawberry.ID = strawberry.field(
        description="The lead; a converted or disqualified one is refused with INVALID_STATE.")
    create_opportunity: bool = strawberry.field(
        default=False, description="Also open an opportunity for the customer, on the first "
        "open stage of the pipeline.")
    opportunity_title: str | None = strawberry.field(
        default=None, description="The opportunity's title; \"<customer> - <lead>\" when "
        "omitted. Ignored without createOpportunity.")
    amount: MoneyInput | None = strawberry.field(
        default=None, description="The opportunity's expected amount; 0 CNY when omitted. "
        "Ignored without createOpportunity.")
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Attach to this existing customer instead of creating one.")
    allow_duplicate: bool = strawberry.field(
        default=False, description="Create the customer even when one with the same name, "
        "phone or email exists.")


@strawberry.input(description="A new opportunity (商机) for a customer you may see.")
class CreateOpportunityInput:
    id: strawberry.ID | None = strawberry.field(default=None, description=_CLIENT_ID)
    customer_id: strawberry.ID = strawberry.field(description="Whom the deal is with.")
    title: str = strawberry.field(description="What the deal is, at most 200 characters.")
    amount: MoneyInput | None = strawberry.field(
        default=None, description="The expected amount; 0 CNY when omitted.")
    stage_id: strawberry.ID | None = strawberry.field(
        default=None, description="An open stage to start on; the first open stage when "
        "omitted. A won or lost stage is refused.")
    probability: int | None = strawberry.field(
        default=None, description="Chance of winning in percent, 0 to 100; the stage's default "
        "when omitted.")
    expected_close_date: dt.date | None = strawberry.field(
        default=None, description="When it should close.")
    owner_id: strawberry.ID | None = strawberry.field(
        default=None, description="Who works the deal, an active user within your write scope; "
        "the customer's owner (or you) when omitted.")


@strawberry.input(description="Changes to an opportunity; omitted fields stay as they are. Its "
                  "stage changes through moveOpportunity.")
class UpdateOpportunityInput:
    id: strawberry.ID = strawberry.field(description="The opportunity.")
    expected_version: int | None = strawberry.field(
        default=None, description="The version you read: refuse with CONFLICT, and return the "
        "opportunity as it is now, if it changed since.")
    title: str | None = strawberry.field(default=strawberry.UNSET,
                                         description="What the deal is.")
    amount: MoneyInput | None = strawberry.field(
        default=strawberry.UNSET, description="A new expected amount, possibly in another "
        "currency; null leaves it as it is.")
    probability: int | None = strawberry.field(
        default=strawberry.UNSET, description="Chance of winning in percent, 0 to 100; the "
        "next move to another stage resets it to that stage's default.")
    expected_close_date: dt.date | None = strawberry.field(
        default=strawberry.UNSET, description="When it should close; null clears it.")


@strawberry.input(description="A move of an opportunity to another stage of the pipeline.")
class MoveOpportunityInput:
    id: strawberry.ID = strawberry.field(description="The opportunity.")
    stage_id: strawberry.ID = strawberry.field(
        description="The stage to move to; its probability becomes the deal's. A won stage "
        "needs an amount above 0; moving to the current stage changes nothing.")
    lost_reason: str | None = strawberry.field(
        default=None, description="Why the deal was lost: required for a lost stage, cleared "
        "by any other.")
    won_reason: str | None = strawberry.field(
        default=None, description="Why the deal was won: required for a won stage, cleared by "
        "any other.")
    note: str | None = strawberry.field(
        default=None, description="Why it moves, kept in the stage history.")
    expected_version: int | None = strawberry.field(
        default=None, description="The version you read: refuse with CONFLICT, and return the "
        "opportunity as it is now, if it changed since.")


@strawberry.input(description="A follow-up (跟进记录) to log against a customer you may change.")
class LogInteractionInput:
    id: strawberry.ID | None = strawberry.field(default=None, description=_CLIENT_ID)
    customer_id: strawberry.ID = strawberry.field(description="The customer.")
    kind: InteractionKind = strawberry.field(description="How we were in touch.")
    direction: Direction = strawberry.field(default=models.Direction.OUTBOUND,
                                            description="Who reached out; OUTBOUND if omitted.")
    occurred_at: dt.datetime | None = strawberry.field(
        default=None, description="When it happened, not in the future; now when omitted. A "
        "time without a zone is UTC.")
    summary: str = strawberry.field(description="What was said; must not be empty.")
    outcome: str | None = strawberry.field(default=None, description="What came of it.")
    contact_id: strawberry.ID | None = strawberry.field(
        default=None, description="The person we spoke to, one of the customer's contacts.")
    opportunity_id: strawberry.ID | None = strawberry.field(
        default=None, description="The deal it was about, one of the customer's opportunities.")
    next_follow_up_at: dt.datetime | None = strawberry.field(
        default=None, description="When to follow up next, after occurredAt: sets the "
        "customer's nextFollowUpAt and creates a reminder task for you.")


@strawberry.input(description="A new task (日程/提醒), OPEN, assigned to assigneeId or to you.")
class CreateTaskInput:
    id: strawberry.ID | None = strawberry.field(default=None, description=_CLIENT_ID)
    title: str = strawberry.field(description="What to do, at most 200 characters.")
    description: str | None = strawberry.field(default=None, description="More about it.")
    due_at: dt.datetime | None = strawberry.field(
        default=None, description="When it is due; without it the task is never overdue.")
    remind_at: dt.datetime | None = strawberry.field(
        default=None, description="When to remind the assignee.")
    priority: TaskPriority = strawberry.field(default=models.TaskPriority.NORMAL,
                                              description="How urgent it is; NORMAL if omitted.")
    assignee_id: strawberry.ID | None = strawberry.field(
        default=None, description="Who does it, a user within your write scope; you when "
        "omitted.")
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="The customer it is about, one you may change.")
    opportunity_id: strawberry.ID | None = strawberry.field(
        default=None, description="The deal it is about, one you may change.")


@strawberry.input(description="Changes to a task; omitted fields stay as they are, null clears "
                  "an optional one.")
class UpdateTaskInput:
    id: strawberry.ID = strawberry.field(description="The task.")
    expected_version: int | None = strawberry.field(
        default=None, description="The version you read: refuse with CONFLICT, and return the "
        "task as it is now, if it changed since.")
    title: str | None = strawberry.field(default=strawberry.UNSET, description="What to do.")
    description: str | None = strawberry.field(default=strawberry.UNSET,
                                               description="More about it.")
    due_at: dt.datetime | None = strawberry.field(default=strawberry.UNSET,
                                                  description="When it is due.")
    remind_at: dt.datetime | None = strawberry.field(
        default=strawberry.UNSET, description="When to remind the assignee.")
    priority: TaskPriority | None = strawberry.field(default=strawberry.UNSET,
                                                     description="How urgent it is.")
    status: TaskStatus | None = strawberry.field(
        default=strawberry.UNSET, description="Where it stands; DONE sets completedAt, any "
        "other status clears it.")


@strawberry.type(description="The lead written, or why not.")
class LeadPayload:
    lead: Lead | None = result_field("the lead", current_on_conflict=True)
    errors: list[UserError] = errors_field()


@strawberry.type(description="What a lead conversion made, or why nothing was.")
class ConvertLeadPayload:
    lead: Lead | None = result_field("the lead, now CONVERTED,")
    customer: Customer | None = result_field("the new or attached customer")
    contact: Contact | None = result_field("the new primary contact")
    opportunity: Opportunity | None = strawberry.field(
        default=None, description="The opportunity opened; null without createOpportunity or "
        "when `errors` stopped the mutation.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="The opportunity written, or why not.")
class OpportunityPayload:
    opportunity: Opportunity | None = result_field("the opportunity", current_on_conflict=True)
    errors: list[UserError] = errors_field()


@strawberry.type(description="The interaction logged, or why not.")
class InteractionPayload:
    interaction: Interaction | None = result_field("the interaction")
    errors: list[UserError] = errors_field()


@strawberry.type(description="The task written, or why not.")
class TaskPayload:
    task: Task | None = result_field("the task", current_on_conflict=True)
    errors: list[UserError] = errors_field()


# --- filters ---------------------------------------------------------------------------------

LEAD_FILTER = FilterSpec("Lead", [
    text("name"), text("company"), text("source"), choice("status", models.LeadStatus),
    ref("owner", "User"), when("created_at"), number("score"),
    choice("grade", models.LeadGrade),
], "LeadFilter", __name__, "Which leads to list.")
LEAD_SORT = SortSpec("Lead", {
    "NAME": ("name", "name"), "CREATED_AT": ("created_at", "createdAt"),
    "UPDATED_AT": ("updated_at", "updatedAt"), "SCORE": ("score", "score"),
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
