"""The rules of leads, the pipeline, interactions and tasks."""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tortoise.expressions import F, Q, RawSQL, Subquery
from tortoise.functions import Count, Sum
from tortoise.transactions import in_transaction

from crm.auth import service as auth
from crm.core import audit
from crm.core.connections import Connection, Edge, PageInfo, encode_cursor, page_size
from crm.core.errors import ErrorCode, ServiceError
from crm.core.hooks import CUSTOMER_MERGED, CUSTOMER_REASSIGNED, OPPORTUNITY_REOPENING, refusal
from crm.core.models import AuditEvent
from crm.core.money import exponent_of, parse_money
from crm.core.policy import Actor, system_actor
from crm.core.records import (
    check_field_writes,
    earlier_create,
    find_for_write,
    move_rows,
    require_write_scope,
    restore,
    soft_delete,
    update_versioned,
    utcnow,
)
from crm.core.scoping import scoped
from crm.core.validation import check_fields, check_version, clean_text
from crm.customers import service as customers

if TYPE_CHECKING:
    from crm.customers.models import Contact, Customer
from crm.sales.models import (
    Interaction,
    Lead,
    LeadGrade,
    LeadStatus,
    Opportunity,
    PipelineStage,
    StageChange,
    Task,
    TaskPriority,
    TaskStatus,
)

DEFAULT_STAGES = [
    # name, English name, probability, won, lost
    ("初步接触", "Initial contact", 10, False, False),
    ("需求分析", "Needs analysis", 30, False, False),
    ("方案报价", "Proposal", 50, False, False),
    ("谈判", "Negotiation", 70, False, False),
    ("赢单", "Won", 100, True, False),
    ("输单", "Lost", 0, False, True),
]


async def ensure_default_stages(workspace_id: uuid.UUID) -> list[PipelineStage]:
    existing = await PipelineStage.filter(workspace_id=workspace_id).order_by("position")
    if existing:
        return list(existing)
    rows = [PipelineStage(workspace_id=workspace_id, name=n, name_en=en, position=i + 1,
                          probability=p, is_won=w, is_lost=lo)
            for i, (n, en, p, w, lo) in enumerate(DEFAULT_STAGES)]
    await PipelineStage.bulk_create(rows)
    return list(await PipelineStage.filter(workspace_id=workspace_id).order_by("position"))


async def stages(actor: Actor) -> list[PipelineStage]:
    return list(await scoped(PipelineStage, actor).order_by("position"))


def money_minor(amount: Decimal, currency: str, field: str = "amount") -> int:
    return parse_money(amount, currency, field)


# --- leads -------------------------------------------------------------------------------------

LEAD_COLUMNS = ["name", "company", "title", "phone", "email", "source", "status", "notes"]


async def create_lead(actor: Actor, values: dict[str, Any], *, lead_id: uuid.UUID | None = None,
                      owner_id: uuid.UUID | None = None) -> Lead:
    require_write_scope(actor, "Lead")
    values = clean_text(values)
    if values.get("email"):
        values["email"] = values["email"].lower()
    check_fields(Lead, values)
    if (earlier := await earlier_create(actor, Lead, lead_id, request={
            "values": values, "owner_id": owner_id})) is not None:
        return earlier
    owner_id = owner_id or actor.user_id
    if owner_id is not None and owner_id != actor.user_id:
        await auth.assignable_owner(actor, "Lead", owner_id)
    async with in_transaction("default"):
        lead = await Lead.create(id=lead_id or uuid.uuid4(), workspace_id=actor.workspace_id,
                                 owner_id=owner_id, created_by_id=actor.user_id, **values)
        await audit.record_created(actor, lead)
    return lead


async def update_lead(actor: Actor, pk: uuid.UUID, changes: dict[str, Any],
                      expected_version: int | None = None) -> Lead:
    changes = clean_text(changes)
    check_fields(Lead, changes)
    async with in_transaction("default"):
        row = await find_for_write(actor, Lead, pk)
        if row.status is LeadStatus.CONVERTED:
            raise ServiceError(ErrorCode.INVALID_STATE, "A converted lead cannot change", "id")
        if changes.get("status") is LeadStatus.CONVERTED:
            raise ServiceError(ErrorCode.INVALID, "Use convertLead to convert a lead", "status")
        check_field_writes(actor, "Lead", row, list(changes))
        return await update_versioned(actor, row, changes, expected_version)


# --- scores (kept by crm.lifecycle) ------------------------------------------------------------

async def leads_to_score(workspace_id: uuid.UUID, *, ids: list[uuid.UUID] | None = None,
                         customer_ids: list[uuid.UUID] | None = None,
                         after: uuid.UUID | None = None, limit: int | None = None) -> list[Lead]:
    """Live leads of the workspace (all, or those with `ids`, or linked to `customer_ids`), in
    id order from `after`: what a lead-scoring pass reads, whoever may read the leads."""
    qs = Lead.filter(workspace_id=workspace_id, deleted_at=None)
    if ids is not None:
        qs = qs.filter(id__in=ids)
    if customer_ids is not None:
        qs = qs.filter(customer_id__in=customer_ids)
    if after is not None:
        qs = qs.filter(id__gt=after)
    qs = qs.order_by("id")
    if limit is not None:
        qs = qs.limit(limit)
    return await qs  # type: ignore[no-any-return]


async def count_leads(workspace_id: uuid.UUID) -> int:
    return await Lead.filter(workspace_id=workspace_id,  # type: ignore[no-any-return]
                             deleted_at=None).count()


async def interaction_counts(workspace_id: uuid.UUID, customer_ids: list[uuid.UUID]
                             ) -> dict[uuid.UUID, int]:
    """Live interactions logged per customer, in one grouped query."""
    if not customer_ids:
        return {}
    return await _counts_by(Interaction.filter(workspace_id=workspace_id, deleted_at=None,
                                               customer_id__in=list(set(customer_ids))),
                            "customer_id")


async def store_lead_scores(workspace_id: uuid.UUID,
                            scores: dict[uuid.UUID, tuple[int, LeadGrade]]) -> None:
    """Write computed scores and grades. Not audited and the version does not move: they are
    derived from the lead and the rules (as a name's sort key is), so a recomputation is no
    edit of anyone's, and a client holding the lead's version is not refused for it."""
    by_value: dict[tuple[int, LeadGrade], list[uuid.UUID]] = {}
    for lead_id, value in scores.items():
        by_value.setdefault(value, []).append(lead_id)
    for (score, grade), ids in by_value.items():
        await Lead.filter(workspace_id=workspace_id, id__in=ids).update(score=score, grade=grade)


async def delete_lead(actor: Actor, pk: uuid.UUID) -> Lead:
    async with in_transaction("default"):
        return await soft_delete(actor, await find_for_write(actor, Lead, pk))


async def restore_lead(actor: Actor, pk: uuid.UUID) -> Lead:
    async with in_transaction("default"):
        return await restore(actor, await find_for_write(actor, Lead, pk, include_deleted=True))


@dataclass
class Conversion:
    lead: Lead
    customer: Customer
    contact: Contact
    opportunity: Opportunity | None


async def convert_lead(
    actor: Actor, pk: uuid.UUID, *, create_opportunity: bool = False,
    opportunity_title: str | None = None, amount: Decimal | None = None,
    currency: str = "CNY", allow_duplicate: bool = False,
    existing_customer_id: uuid.UUID | None = None,
) -> Conversion:
    """A qualified lead becomes a customer with a contact, and optionally an opportunity."""
    async with in_transaction("default"):
        lead = await find_for_write(actor, Lead, pk, lock=True)
        if lead.status in (LeadStatus.CONVERTED, LeadStatus.DISQUALIFIED):
            raise ServiceError(ErrorCode.INVALID_STATE,
                               f"A {lead.status.value} lead cannot be converted", "id")
        if existing_customer_id is not None:
            customer = await customers.customer_for_write(actor, existing_customer_id)
        else:
            customer = await customers.create_customer(
                actor,
                {"name": lead.company or lead.name, "phone": lead.phone, "email": lead.email,
                 "source": lead.source},
                owner_id=lead.owner_id or actor.user_id,
                allow_duplicate=allow_duplicate,
            )
        contact = await customers.create_contact(
            actor, customer.id, {"name": lead.name, "title": lead.title, "phone": lead.phone,
                                 "email": lead.email, "is_primary": True})
        opportunity = None
        if create_opportunity:
            opportunity = await create_opportunity_row(
                actor, {"customer_id": customer.id,
                        "title": opportunity_title or f"{customer.name} - {lead.name}",
                        "amount": amount or Decimal(0), "currency": currency,
                        "lead_id": lead.id},
                owner_id=customer.owner_id)
        await update_versioned(actor, lead, {"status": LeadStatus.CONVERTED,
                                             "customer_id": customer.id,
                                             "converted_at": utcnow()}, None, action="convert",
                               customer_id=customer.id)
    return Conversion(lead=lead, customer=customer, contact=contact, opportunity=opportunity)


# --- opportunities ------------------------------------------------------------------------------

async def _stage(actor: Actor, stage_id: uuid.UUID | None) -> PipelineStage:
    if stage_id is None:
        stage = await PipelineStage.filter(workspace_id=actor.workspace_id, is_won=False,
                                           is_lost=False).order_by("position").first()
        if stage is None:
            stage = (await ensure_default_stages(actor.workspace_id))[0]
        return stage
    stage = await PipelineStage.get_or_none(id=stage_id, workspace_id=actor.workspace_id)
    if stage is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "Pipeline stage not found", "stageId")
    return stage


def _check_probability(p: int | None) -> None:
    if p is not None and not 0 <= p <= 100:
        raise ServiceError(ErrorCode.INVALID, "probability is a percentage from 0 to 100",
                           "probability")


async def create_opportunity_row(actor: Actor, values: dict[str, Any], *,
                                 opportunity_id: uuid.UUID | None = None,
                                 owner_id: uuid.UUID | None = None) -> Opportunity:
    """Create inside the caller's transaction (also used by lead conversion)."""
    require_write_scope(actor, "Opportunity")
    values = clean_text(values)
    customer = await customers.customer_to_read(actor, values.pop("customer_id"))
    stage = await _stage(actor, values.pop("stage_id", None))
    if stage.is_won or stage.is_lost:
        raise ServiceError(ErrorCode.INVALID, "A new opportunity starts on an open stage",
                           "stageId")
    amount = values.pop("amount", None) or Decimal(0)
    currency = values.pop("currency", None) or "CNY"
    values["amount_minor"] = money_minor(amount, currency)
    values["currency"] = currency
    if values.get("probability") is None:
        values["probability"] = stage.probability
    _check_probability(values["probability"])
    check_fields(Opportunity, values)
    owner_id = owner_id or customer.owner_id or actor.user_id
    if owner_id is not None:
        await auth.assignable_owner(actor, "Opportunity", owner_id)
    opp = await Opportunity.create(
        id=opportunity_id or uuid.uuid4(), workspace_id=actor.workspace_id,
        customer_id=customer.id, stage_id=stage.id, owner_id=owner_id,
        created_by_id=actor.user_id, **values)
    await StageChange.create(workspace_id=actor.workspace_id, opportunity_id=opp.id,
                             customer_id=customer.id, from_stage_id=None, to_stage_id=stage.id,
                             changed_by_id=actor.user_id)
    await audit.record_created(actor, opp, customer_id=customer.id)
    return opp


async def create_opportunity(actor: Actor, values: dict[str, Any], *,
                             opportunity_id: uuid.UUID | None = None,
                             owner_id: uuid.UUID | None = None) -> Opportunity:
    if (earlier := await earlier_create(actor, Opportunity, opportunity_id, request={
            "values": values, "owner_id": owner_id})) is not None:
        return earlier
    async with in_transaction("default"):
        return await create_opportunity_row(actor, values, opportunity_id=opportunity_id,
                                            owner_id=owner_id)


async def update_opportunity(actor: Actor, pk: uuid.UUID, changes: dict[str, Any],
                             expected_version: int | None = None) -> Opportunity:
    changes = clean_text(changes)
    async with in_transaction("default"):
        row = await find_for_write(actor, Opportunity, pk)
        if "amount" in changes or "currency" in changes:
            amount = changes.pop("amount", None)
            currency = changes.pop("currency", None) or row.currency
            if amount is None:
                amount = Decimal(row.amount_minor).scaleb(-exponent_of(row.currency))
            changes["amount_minor"] = money_minor(amount, currency)
            changes["currency"] = currency
        _check_probability(changes.get("probability"))
        check_fields(Opportunity, changes)
        return await update_versioned(actor, row, changes, expected_version,
                                      customer_id=row.customer_id)


async def move_opportunity(actor: Actor, pk: uuid.UUID, stage_id: uuid.UUID, *,
                           lost_reason: str | None = None, won_reason: str | None = None,
                           expected_version: int | None = None,
                           note: str | None = None) -> Opportunity:
    """Move on the pipeline, recording the stage history; won and lost need their fields."""
    async with in_transaction("default"):
        row = await find_for_write(actor, Opportunity, pk)
        stage = await _stage(actor, stage_id)
        check_version(row, expected_version)
        if stage.id == row.stage_id:
            return row
        if not row.is_open and not stage.is_won and await _is_won(row) and (
                reason := await refusal(OPPORTUNITY_REOPENING, actor, row.id)) is not None:
            raise ServiceError(ErrorCode.INVALID_STATE, reason, "stageId")
        changes: dict[str, Any] = {"stage_id": stage.id, "probability": stage.probability}
        if stage.is_lost:
            if not lost_reason or not lost_reason.strip():
                raise ServiceError(ErrorCode.INVALID, "Say why the opportunity was lost",
                                   "lostReason")
            changes.update(lost_reason=lost_reason.strip()[:500], won_reason=None,
                           is_open=False, closed_at=utcnow())
        elif stage.is_won:
            if row.amount_minor <= 0:
                raise ServiceError(ErrorCode.INVALID, "A won opportunity needs its amount",
                                   "amount")
            # Why deals are won is what the team repeats: asked as lost deals are asked why.
            if not won_reason or not won_reason.strip():
                raise ServiceError(ErrorCode.INVALID, "Say why the opportunity was won",
                                   "wonReason")
            changes.update(is_open=False, closed_at=utcnow(), lost_reason=None,
                           won_reason=won_reason.strip()[:500])
        else:
            changes.update(is_open=True, closed_at=None, lost_reason=None, won_reason=None)
        from_stage = row.stage_id
        row = await update_versioned(actor, row, changes, expected_version,
                                     customer_id=row.customer_id, action="move")
        await StageChange.create(workspace_id=actor.workspace_id, opportunity_id=row.id,
                                 customer_id=row.customer_id, from_stage_id=from_stage,
                                 to_stage_id=stage.id, changed_by_id=actor.user_id, note=note)
    return row


async def _is_won(row: Opportunity) -> bool:
    return await PipelineStage.filter(id=row.stage_id, is_won=True).exists()


async def delete_opportunity(actor: Actor, pk: uuid.UUID) -> Opportunity:
    async with in_transaction("default"):
        row = await find_for_write(actor, Opportunity, pk)
        return await soft_delete(actor, row, customer_id=row.customer_id)


async def restore_opportunity(actor: Actor, pk: uuid.UUID) -> Opportunity:
    async with in_transaction("default"):
        row = await find_for_write(actor, Opportunity, pk, include_deleted=True)
        return await restore(actor, row, customer_id=row.customer_id)


@dataclass
class StageSummary:
    stage: PipelineStage
    count: int
    amounts: list[tuple[int, str]]


async def record_ordered_amount(actor: Actor, opportunity_id: uuid.UUID, amount_minor: int,
                                currency: str) -> None:
    """Orders from a won opportunity were booked or cancelled (inside the order's transaction):
    its amount becomes what is ordered from it, when there is some in its currency."""
    opp = await Opportunity.filter(id=opportunity_id, workspace_id=actor.workspace_id
                                   ).select_for_update().first()
    if opp is None or opp.currency != currency or amount_minor <= 0:
        return  # another currency has no rate here; a deal whose orders all went keeps its value
    await update_versioned(actor, opp, {"amount_minor": amount_minor}, None,
                           customer_id=opp.customer_id, action="ordered")


async def won_opportunity(actor: Actor, opportunity_id: uuid.UUID, field: str = "id"
                          ) -> Opportunity:
    """An opportunity the actor reads that was won (an order may come from it)."""
    opp = await scoped(Opportunity, actor).filter(id=opportunity_id).first()
    if opp is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "Opportunity not found", field)
    stage = await PipelineStage.get(id=opp.stage_id)
    if not stage.is_won:
        raise ServiceError(ErrorCode.INVALID_STATE, "Only a won opportunity becomes an order",
                           field)
    return opp


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


async def _counts_by(qs: Any, column: str) -> dict[uuid.UUID, int]:
    rows = await qs.annotate(n=Count("id")).group_by(column).values(column, "n")
    return {r[column]: int(r["n"]) for r in rows if r[column] is not None}


async def new_customers_won(workspace_id: uuid.UUID, owner_ids: list[uuid.UUID],
                            start: dt.date, end: dt.date) -> dict[uuid.UUID, int]:
    """Per owner: customers whose first won opportunity closed in [start, end) (payroll's
    new-customer bonus). Counts over the whole workspace: it is a figure, not rows."""
    reader = system_actor(workspace_id)
    won_stages = await scoped(PipelineStage, reader).filter(is_won=True).values_list(
        "id", flat=True)
    won = await scoped(Opportunity, reader).filter(
        owner_id__in=owner_ids, stage_id__in=list(won_stages), closed_at__gte=_at(start),
        closed_at__lt=_at(end)).values_list("owner_id", "customer_id")
    customers = {c for _, c in won}
    earlier = set(await scoped(Opportunity, reader).filter(
        customer_id__in=list(customers), stage_id__in=list(won_stages),
        closed_at__lt=_at(start)).values_list("customer_id", flat=True)) if customers else set()
    per_owner: dict[uuid.UUID, set[uuid.UUID]] = {}
    for owner, customer in won:
        if customer not in earlier:
            per_owner.setdefault(owner, set()).add(customer)
    return {owner: len(cs) for owner, cs in per_owner.items()}


@dataclass
class RepActivity:
    won: dict[uuid.UUID, int]
    lost: dict[uuid.UUID, int]
    interactions: dict[uuid.UUID, int]


async def rep_activity(workspace_id: uuid.UUID, owner_ids: list[uuid.UUID], start: dt.date,
                       end: dt.date) -> RepActivity:
    """Per rep, in [start, end): opportunities won and lost, interactions logged. Counts over
    the whole workspace (callers decide who may see whose figures)."""
    reader = system_actor(workspace_id)
    stages = await scoped(PipelineStage, reader)
    won_ids = [s.id for s in stages if s.is_won]
    lost_ids = [s.id for s in stages if s.is_lost]
    closed = scoped(Opportunity, reader).filter(owner_id__in=owner_ids, closed_at__gte=_at(start),
                                                closed_at__lt=_at(end))
    return RepActivity(
        won=await _counts_by(closed.filter(stage_id__in=won_ids), "owner_id"),
        lost=await _counts_by(closed.filter(stage_id__in=lost_ids), "owner_id"),
        interactions=await _counts_by(scoped(Interaction, reader).filter(
            owner_id__in=owner_ids, occurred_at__gte=_at(start), occurred_at__lt=_at(end)),
            "owner_id"))


async def pipeline_summary(actor: Actor) -> list[StageSummary]:
    """Count and amount per stage over the actor's row scope: one grouped SQL query."""
    all_stages = await stages(actor)
    rows = await scoped(Opportunity, actor).annotate(
        n=Count("id"), total=Sum("amount_minor")).group_by("stage_id", "currency").values(
            "stage_id", "currency", "n", "total")
    by_stage: dict[uuid.UUID, StageSummary] = {
        s.id: StageSummary(stage=s, count=0, amounts=[]) for s in all_stages}
    for r in rows:
        summary = by_stage.get(r["stage_id"])
        if summary is None:
            continue
        summary.count += int(r["n"])
        summary.amounts.append((int(r["total"] or 0), r["currency"]))
    return [by_stage[s.id] for s in all_stages]


# --- interactions -------------------------------------------------------------------------------

INTERACTION_COLUMNS = ["kind", "direction", "occurred_at", "summary", "outcome",
                       "next_follow_up_at"]


async def log_interaction(actor: Actor, values: dict[str, Any], *,
                          interaction_id: uuid.UUID | None = None) -> Interaction:
    """跟进记录: logged against a customer; a next follow-up date makes a reminder task and
    moves the customer's next follow-up."""
    values = clean_text(values)
    # What the client asked for, before the defaults below (a replay's "now" is another time).
    request = dict(values)
    customer_id = values.pop("customer_id")
    contact_id = values.get("contact_id")
    opportunity_id = values.get("opportunity_id")
    now = utcnow()
    values.setdefault("occurred_at", now)
    if values["occurred_at"] is None:
        values["occurred_at"] = now
    for key in ("occurred_at", "next_follow_up_at"):
        if values.get(key) is not None and values[key].tzinfo is None:
            values[key] = values[key].replace(tzinfo=dt.UTC)
    if values["occurred_at"] > now + dt.timedelta(minutes=5):
        raise ServiceError(ErrorCode.INVALID, "An interaction cannot happen in the future",
                           "occurredAt")
    next_at = values.get("next_follow_up_at")
    if next_at is not None and next_at <= values["occurred_at"]:
        raise ServiceError(ErrorCode.INVALID, "The next follow-up must come after this one",
                           "nextFollowUpAt")
    check_fields(Interaction, values)
    if (earlier := await earlier_create(actor, Interaction, interaction_id,
                                        customer_id=customer_id, request=request)) is not None:
        return earlier
    require_write_scope(actor, "Interaction")
    async with in_transaction("default"):
        customer = await customers.customer_for_write(actor, customer_id)
        if contact_id and not await customers.is_contact_of(customer_id, contact_id):
            raise ServiceError(ErrorCode.NOT_FOUND, "That contact is not this customer's",
                               "contactId")
        if opportunity_id and not await Opportunity.filter(
                id=opportunity_id, customer_id=customer_id, deleted_at=None).exists():
            raise ServiceError(ErrorCode.NOT_FOUND, "That opportunity is not this customer's",
                               "opportunityId")
        row = await Interaction.create(
            id=interaction_id or uuid.uuid4(), workspace_id=actor.workspace_id,
            customer_id=customer_id, owner_id=actor.user_id, created_by_id=actor.user_id,
            **values)
        await customers.record_follow_up(actor, customer, row.occurred_at, row.id, next_at)
        if next_at is not None:
            task = await Task.create(
                workspace_id=actor.workspace_id, title=f"跟进 / Follow up: {customer.name}",
                description=row.summary[:500], due_at=next_at, remind_at=next_at,
                priority=TaskPriority.NORMAL, status=TaskStatus.OPEN,
                assignee_id=actor.user_id or customer.owner_id, customer_id=customer_id,
                opportunity_id=opportunity_id, interaction_id=row.id,
                created_by_id=actor.user_id)
            await audit.record_created(actor, task, customer_id=customer_id)
        await audit.record_created(actor, row, customer_id=customer_id)
    return row


# --- tasks --------------------------------------------------------------------------------------

TASK_COLUMNS = ["title", "description", "due_at", "remind_at", "priority", "status"]


async def create_task(actor: Actor, values: dict[str, Any], *, task_id: uuid.UUID | None = None,
                      assignee_id: uuid.UUID | None = None) -> Task:
    require_write_scope(actor, "Task")
    values = clean_text(values)
    check_fields(Task, values)
    if (earlier := await earlier_create(actor, Task, task_id, request={
            "values": values, "assignee_id": assignee_id})) is not None:
        return earlier
    assignee_id = assignee_id or actor.user_id
    if assignee_id is None:
        raise ServiceError(ErrorCode.INVALID, "Name who the task is for", "assigneeId")
    if assignee_id != actor.user_id:
        await auth.assignable_owner(actor, "Task", assignee_id, "assigneeId")
    if values.get("customer_id"):
        await customers.customer_for_write(actor, values["customer_id"], "customerId")
    if values.get("opportunity_id") and not await scoped(Opportunity, actor, write=True).filter(
            id=values["opportunity_id"]).exists():
        raise ServiceError(ErrorCode.NOT_FOUND, "Opportunity not found", "opportunityId")
    async with in_transaction("default"):
        task = await Task.create(id=task_id or uuid.uuid4(), workspace_id=actor.workspace_id,
                                 assignee_id=assignee_id, created_by_id=actor.user_id, **values)
        await audit.record_created(actor, task, customer_id=task.customer_id)
    return task


async def update_task(actor: Actor, pk: uuid.UUID, changes: dict[str, Any],
                      expected_version: int | None = None) -> Task:
    changes = clean_text(changes)
    check_fields(Task, changes)
    async with in_transaction("default"):
        row = await find_for_write(actor, Task, pk)
        if "status" in changes:
            changes["completed_at"] = utcnow() if changes["status"] is TaskStatus.DONE else None
        if "assignee_id" in changes and changes["assignee_id"] is None:
            raise ServiceError(ErrorCode.INVALID, "A task is always someone's", "assigneeId")
        if changes.get("assignee_id") not in (None, row.assignee_id):
            await auth.assignable_owner(actor, "Task", changes["assignee_id"], "assigneeId")
        return await update_versioned(actor, row, changes, expected_version,
                                      customer_id=row.customer_id)


async def delete_task(actor: Actor, pk: uuid.UUID) -> Task:
    async with in_transaction("default"):
        row = await find_for_write(actor, Task, pk)
        return await soft_delete(actor, row, customer_id=row.customer_id)


@dataclass(frozen=True)
class DueReminder:
    """A task whose reminder time came and whose reminder for that time was not yet sent."""

    workspace_id: uuid.UUID
    task_id: uuid.UUID
    assignee_id: uuid.UUID
    title: str
    remind_at: dt.datetime


def _due_reminder_q(now: dt.datetime) -> Q:
    # `reminded_at` holds the remind_at value already sent: another value (a moved reminder)
    # is due again. Compared in SQL so any path that moves remind_at re-arms it.
    return Q(remind_at__lte=now, deleted_at=None, assignee_id__not_isnull=True,
             status__in=[TaskStatus.OPEN.value, TaskStatus.IN_PROGRESS.value]) & (
        Q(reminded_at=None) | Q(reminded_at__lt=F("remind_at"))
        | Q(reminded_at__gt=F("remind_at")))


async def due_reminders(now: dt.datetime, limit: int = 500,
                        workspace_id: uuid.UUID | None = None) -> list[DueReminder]:
    """Open, live, assigned tasks of one workspace (or every one) whose reminder is due at
    `now` and not yet sent for its current remind_at, oldest first (for the reminder job, not a
    request)."""
    due = Task.filter(_due_reminder_q(now))
    if workspace_id is not None:
        due = due.filter(workspace_id=workspace_id)
    rows = await due.order_by("remind_at", "id").limit(
        limit).values("id", "workspace_id", "assignee_id", "title", "remind_at")
    return [DueReminder(workspace_id=r["workspace_id"], task_id=r["id"],
                        assignee_id=r["assignee_id"], title=r["title"], remind_at=r["remind_at"])
            for r in rows]


async def claim_reminder(due: DueReminder, now: dt.datetime) -> bool:
    """Mark the reminder of `due` as sent, in the caller's transaction; False when it is no
    longer due (done, moved, deleted or claimed by another run meanwhile), so exactly one
    caller sends it."""
    claimed = await Task.filter(_due_reminder_q(now), id=due.task_id,
                                remind_at=due.remind_at).update(reminded_at=due.remind_at)
    return bool(claimed)


def overdue_q(overdue: bool, now: dt.datetime | None = None) -> Q:
    """Open tasks past due (or, for False, every other task)."""
    now = now or utcnow()
    open_ = [TaskStatus.OPEN.value, TaskStatus.IN_PROGRESS.value]
    if overdue:
        return Q(due_at__lt=now, status__in=open_)
    return Q(due_at__gte=now) | Q(due_at=None) | Q(
        status__in=[TaskStatus.DONE.value, TaskStatus.CANCELLED.value])


def leads_query(actor: Actor) -> Any:
    return scoped(Lead, actor)


def opportunities_query(actor: Actor) -> Any:
    return scoped(Opportunity, actor)


def interactions_query(actor: Actor) -> Any:
    """Follow-ups of the customers the actor reaches."""
    return scoped(Interaction, actor)


def tasks_query(actor: Actor) -> Any:
    """Every task in the actor's row scope (by assignee), not only their own."""
    return scoped(Task, actor)


def my_tasks_query(actor: Actor) -> Any:
    """The actor's own tasks. `due_at` is nullable and `due_at > NULL` is never true: undated
    tasks sort last explicitly on both databases, so the keyset never compares with NULL."""
    qs = scoped(Task, actor).filter(assignee_id=actor.user_id)
    return qs.annotate(undated=RawSQL("CASE WHEN due_at IS NULL THEN 1 ELSE 0 END"))


# --- merging and the timeline --------------------------------------------------------------------

@CUSTOMER_REASSIGNED.register
async def hand_over_open_tasks(actor: Actor, customer_id: uuid.UUID, former: uuid.UUID,
                               new_owner: uuid.UUID | None) -> None:
    """The former owner's open tasks on a customer go to its new owner; when it goes to the
    public pool nobody is to follow it up, so they are cancelled (the reminder would otherwise
    keep sending a rep to a customer that is no longer theirs)."""
    open_tasks = {"workspace_id": actor.workspace_id, "customer_id": customer_id,
                  "assignee_id": former, "deleted_at": None,
                  "status__in": [TaskStatus.OPEN, TaskStatus.IN_PROGRESS]}
    if new_owner is not None:
        await move_rows(actor, Task, open_tasks, {"assignee_id": new_owner},
                        customer_id=customer_id, action="reassign",
                        note="the customer changed hands")
    else:
        await move_rows(actor, Task, open_tasks, {"status": TaskStatus.CANCELLED},
                        customer_id=customer_id, action="cancel",
                        note="the customer went to the public pool")


@CUSTOMER_MERGED.register
async def move_customer_records(actor: Actor, from_id: uuid.UUID, into_id: uuid.UUID
                                ) -> dict[str, int]:
    """A merge moves the sales records of one customer to another (caller's transaction)."""
    ws = actor.workspace_id
    def move(model: type[Any]) -> Any:
        return move_rows(actor, model, {"workspace_id": ws, "customer_id": from_id},
                         {"customer_id": into_id}, customer_id=into_id)

    return {
        "interactions": await move(Interaction),
        "opportunities": await move(Opportunity),
        # The stage history is itself a history: its rows follow their opportunity.
        "stage changes": await StageChange.filter(workspace_id=ws, customer_id=from_id).update(
            customer_id=into_id),
        "tasks": await move(Task),
    }


# Records that belong to the customer: whoever reads the customer reads their changes.
_CUSTOMER_PARTS = ("Customer", "Contact", "Interaction")


async def _readable_events(actor: Actor, customer_ids: list[uuid.UUID]) -> Q:
    """Audit events of customers whose objects the actor may read: the customers' own parts,
    and of every other type (opportunities, tasks, orders...) only the rows in the actor's
    scope. One query finds which types occur, so new modules need no change here."""
    from tortoise import Tortoise

    types = await AuditEvent.filter(workspace_id=actor.workspace_id,
                                    customer_id__in=customer_ids).distinct().values_list(
                                        "object_type", flat=True)
    models: dict[str, Any] = {}
    for m in Tortoise.apps["crm"].values():
        # Several tables may share a type's policy (an order's sequence, say); the table that
        # holds the type's own rows is the class of the same name.
        name = getattr(m, "policy_type", "")
        if name and (m.__name__ == name or name not in models):
            models[name] = m
    readable = Q(object_type__in=list(_CUSTOMER_PARTS))
    for type_name in sorted(set(types) - set(_CUSTOMER_PARTS)):
        model = models.get(str(type_name))
        if model is None or actor.row_scope(str(type_name)).value == "none":
            continue
        ids = scoped(model, actor, include_deleted=True).values("id")
        readable |= Q(object_type=type_name, object_id__in=Subquery(ids))
    return readable


@dataclass
class TimelineItem:
    at: dt.datetime
    kind: str
    row: Any

    @property
    def id(self) -> uuid.UUID:
        return self.row.id


def _timeline_sources(actor: Actor, readable_events: Q) -> list[tuple[str, Any, str]]:
    ws = actor.workspace_id
    return [
        ("interaction", Interaction.filter(workspace_id=ws, deleted_at=None), "occurred_at"),
        # Stage changes and audit events of other objects: only those the actor reads.
        ("stage_change", scoped(StageChange, actor), "created_at"),
        ("audit", AuditEvent.filter(readable_events, workspace_id=ws), "created_at"),
    ]


async def customer_timelines(actor: Actor, customer_ids: list[uuid.UUID], *, first: int | None,
                             after: str | None, last: int | None = None,
                             before: str | None = None) -> list[Connection[Any]]:
    """Interactions, stage changes and audit events of each customer, newest first, merged on
    (time, id): three statements for any number of customers (and one more for the types of
    their audit events). `last`/`before` page backwards. The caller has already read the
    customers."""
    from crm.core.connections import SortKey, page_of_many
    size, backwards = page_size(first, last)
    keys = list(dict.fromkeys(customer_ids))
    sources = _timeline_sources(actor, await _readable_events(actor, keys))
    counts = _TimelineCounts(sources, keys)
    merged: dict[uuid.UUID, list[TimelineItem]] = {k: [] for k in keys}
    more = dict.fromkeys(keys, False)
    for kind, qs, column in sources:
        pages = await page_of_many(qs, "customer_id", keys, [SortKey(column, descending=True)],
                                   first=None if backwards else size, after=after,
                                   last=size if backwards else None, before=before,
                                   count=_no_count)
        for k, page in zip(keys, pages, strict=True):
            info = page.page_info
            more[k] = more[k] or (info.has_previous_page if backwards else info.has_next_page)
            merged[k] += [TimelineItem(getattr(e.node, column), kind, e.node) for e in page.edges]
    out = {}
    for k in keys:
        items = sorted(merged[k], key=lambda it: (it.at, it.id), reverse=True)
        # Forwards the page is the first `size` of the merge; backwards the last `size`.
        kept = items[-size:] if backwards and size else items[:size]
        edges = [Edge(cursor=encode_cursor([it.at, it.id]), node=it) for it in kept]
        beyond = more[k] or len(items) > size
        info = PageInfo(has_next_page=before is not None if backwards else beyond,
                        has_previous_page=beyond if backwards else after is not None,
                        start_cursor=edges[0].cursor if edges else None,
                        end_cursor=edges[-1].cursor if edges else None)
        out[k] = Connection(edges=edges, page_info=info, count_query=counts.counter(k))
    return [out[k] for k in customer_ids]


async def _no_count(_key: Any) -> int:
    return 0  # the merged timeline counts with _TimelineCounts instead


class _TimelineCounts:
    """totalCount of many timelines: three grouped counts, run once when first asked for (the
    totalCount of every customer on the page awaits the same run)."""

    def __init__(self, sources: list[tuple[str, Any, str]], keys: list[uuid.UUID]) -> None:
        self.sources = sources
        self.keys = keys
        self.result: asyncio.Future[dict[uuid.UUID, int]] | None = None

    async def _count_all(self) -> dict[uuid.UUID, int]:
        from tortoise.functions import Count
        totals: dict[uuid.UUID, int] = {}
        for _kind, qs, _column in self.sources:
            rows = await qs.filter(customer_id__in=self.keys).annotate(n=Count("id")).group_by(
                "customer_id").values_list("customer_id", "n")
            for customer_id, n in rows:
                totals[customer_id] = totals.get(customer_id, 0) + int(n)
        return totals

    def counter(self, key: uuid.UUID) -> Any:
        async def count() -> int:
            if self.result is None:
                self.result = asyncio.ensure_future(self._count_all())
            return (await self.result).get(key, 0)
        return count


# --- what a live subscription pushes ----------------------------------------------------------

async def timeline_items_of_event(actor: Actor, customer_id: uuid.UUID, audit_event_id: uuid.UUID,
                                  object_type: str, object_id: uuid.UUID, action: str
                                  ) -> list[TimelineItem]:
    """The entries one committed change adds to a customer's timeline, each read through the
    source the timeline itself reads it from (so through the same row scope): the change
    record, and the follow-up it logged or the stage move it made. Nothing when the actor no
    longer reads the customer."""
    try:
        customer = await customers.get_customer(actor, customer_id)
    except ServiceError:
        return []
    sources = {kind: qs for kind, qs, _column in _timeline_sources(
        actor, await _readable_events(actor, [customer_id]))}
    items: list[TimelineItem] = []
    if object_type == "Interaction" and action == "create":
        row = await sources["interaction"].filter(id=object_id, customer_id=customer_id).first()
        if row is not None:
            items.append(TimelineItem(row.occurred_at, "interaction", row))
    if object_type == "Opportunity" and action == "move":
        change = await sources["stage_change"].filter(
            opportunity_id=object_id, customer_id=customer_id).order_by("-created_at").first()
        if change is not None:
            items.append(TimelineItem(change.created_at, "stage_change", change))
    event = await sources["audit"].filter(id=audit_event_id, customer_id=customer_id).first()
    if event is not None:
        # As the timeline does: a contact's change reads under its customer's owner.
        event._subject = customer if event.object_type in ("Customer", "Contact") else None
        items.append(TimelineItem(event.created_at, "audit", event))
    return items


async def customer_to_watch(actor: Actor, customer_id: uuid.UUID) -> None:
    """Refuses (NOT_FOUND) a customer outside the actor's row scope, as `customer(id:)` does."""
    await customers.get_customer(actor, customer_id)


async def opportunity_for_board(actor: Actor, pk: uuid.UUID) -> Opportunity | None:
    """An opportunity as the `opportunities` list reads it, deleted ones included (the board
    takes them off); None outside the actor's row scope."""
    return await scoped(Opportunity, actor, include_deleted=True).get_or_none(id=pk)


async def my_task(actor: Actor, pk: uuid.UUID) -> Task | None:
    """One of the actor's own tasks as `myTasks` reads them; None for anyone else's."""
    return await my_tasks_query(actor).get_or_none(id=pk)  # type: ignore[no-any-return]
