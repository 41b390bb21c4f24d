"""The rules that classify records by themselves: customers' lifecycle stages move on their
own writes (a first contact, a paid order) and on silence (a periodic sweep), and leads carry
a score and a grade from the workspace's scoring rules.

Event-driven moves run in the AUDIT_RECORDED hook, inside the write's own transaction, so a
move is committed or rolled back with the order or interaction that caused it. The hook runs
on every write: anything but an order, an interaction or a lead leaves at the first test.

Left out until their modules exist: a satisfaction drop moving a customer to at risk (service),
and campaign responses and email opens/clicks as scoring behaviour (marketing).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from tortoise.transactions import in_transaction

from crm.collaboration import service as collaboration
from crm.core import audit
from crm.core.errors import ErrorCode, ServiceError, UserError, ValidationFailed
from crm.core.hooks import AUDIT_RECORDED
from crm.core.jobs import defer, task
from crm.core.models import AuditEvent
from crm.core.policy import Actor, RowScope, system_actor
from crm.core.records import require_write_scope, soft_delete, utcnow
from crm.core.scoping import scoped
from crm.core.validation import check_version
from crm.customers import service as customers
from crm.customers.service import LifecycleStage
from crm.lifecycle.models import (
    ChangeReason,
    LeadRescore,
    LeadScoringRule,
    LifecycleChange,
    LifecycleSettings,
    ScoringField,
    ScoringKind,
    ScoringOperator,
)
from crm.orders import service as orders
from crm.sales import service as sales
from crm.sales.service import LeadGrade

# --- settings ----------------------------------------------------------------------------------

DEFAULTS: dict[str, Any] = {
    "enabled": True, "loyal_orders": 3, "loyal_within_days": 365, "at_risk_days": 90,
    "churned_days": 180, "grade_a": 70, "grade_b": 40, "grade_c": 20,
}
SETTINGS_COLUMNS = list(DEFAULTS)
MAX_DAYS = 3650
MAX_POINTS = 1000
MAX_RULES = 50


async def settings_of(workspace_id: uuid.UUID) -> LifecycleSettings:
    """The workspace's settings, or the defaults (an unsaved row) until it changes them."""
    row = await LifecycleSettings.filter(workspace_id=workspace_id).first()
    return row or LifecycleSettings(workspace_id=workspace_id, **DEFAULTS)


def _require_read(actor: Actor, type_name: str) -> None:
    if actor.row_scope(type_name) is RowScope.NONE:
        raise ServiceError(ErrorCode.FORBIDDEN, f"Your role may not read {type_name}")


async def get_settings(actor: Actor) -> LifecycleSettings:
    _require_read(actor, "LifecycleSettings")
    return await settings_of(actor.workspace_id)


def check_settings(values: dict[str, Any]) -> None:
    """Every problem of a whole set of settings at once (after the change is applied)."""
    errors: list[UserError] = []

    def bad(field: str, message: str) -> None:
        errors.append(UserError(field=field, code=ErrorCode.INVALID, message=message))

    for name, field in (("loyal_within_days", "loyalWithinDays"), ("at_risk_days", "atRiskDays"),
                        ("churned_days", "churnedDays")):
        if not 1 <= values[name] <= MAX_DAYS:
            bad(field, f"{field} must be a whole number of days from 1 to {MAX_DAYS}")
    if not 1 <= values["loyal_orders"] <= 1000:
        bad("loyalOrders", "loyalOrders must be from 1 to 1000")
    if values["at_risk_days"] >= values["churned_days"] and not any(
            e.field in ("atRiskDays", "churnedDays") for e in errors):
        bad("churnedDays", "A customer must be at risk before it churns: churnedDays must be "
            "more than atRiskDays")
    a, b, c = values["grade_a"], values["grade_b"], values["grade_c"]
    for name, value in (("gradeA", a), ("gradeB", b), ("gradeC", c)):
        if not -MAX_POINTS * MAX_RULES <= value <= MAX_POINTS * MAX_RULES:
            bad(name, f"{name} is out of range")
    if not a > b > c:
        bad("gradeA", "The grade thresholds must fall: gradeA above gradeB above gradeC")
    if errors:
        raise ValidationFailed(errors)


async def _settings_for_write(actor: Actor) -> LifecycleSettings:
    """The workspace's settings row, made from the defaults if it has none, locked."""
    row = await LifecycleSettings.filter(workspace_id=actor.workspace_id).select_for_update(
    ).first()
    if row is None:
        row = await LifecycleSettings.create(workspace_id=actor.workspace_id, **DEFAULTS)
        await audit.record(actor, "LifecycleSettings", row.id, "create",
                           audit.diff({}, audit.snapshot(row, SETTINGS_COLUMNS)))
    return row


async def update_settings(actor: Actor, changes: dict[str, Any],
                          expected_version: int | None = None) -> LifecycleSettings:
    """Change the lifecycle rules or the grade thresholds; new thresholds regrade every lead
    (a job, whose progress the settings show)."""
    require_write_scope(actor, "LifecycleSettings")
    for name, value in changes.items():
        if value is None:
            raise ServiceError(ErrorCode.INVALID, "This setting cannot be empty",
                               _camel(name))
    current = await settings_of(actor.workspace_id)
    check_settings({**{c: getattr(current, c) for c in SETTINGS_COLUMNS}, **changes})
    async with in_transaction("default"):
        row = await _settings_for_write(actor)
        check_version(row, expected_version)
        changes = {k: v for k, v in changes.items() if getattr(row, k) != v}
        if not changes:
            return row
        # Checked again on the locked row: another admin may have changed it meanwhile.
        check_settings({**{c: getattr(row, c) for c in SETTINGS_COLUMNS}, **changes})
        before = audit.snapshot(row, list(changes))
        for k, v in changes.items():
            setattr(row, k, v)
        row.version += 1
        await LifecycleSettings.filter(id=row.id).update(**changes, version=row.version,
                                                         updated_at=utcnow())
        await audit.record(actor, "LifecycleSettings", row.id, "update",
                           audit.diff(before, audit.snapshot(row, list(changes))))
        if {"grade_a", "grade_b", "grade_c"} & set(changes):
            await _start_rescore(row.workspace_id)
    return row


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


# --- lead-scoring rules ------------------------------------------------------------------------

@dataclass
class RuleInput:
    kind: ScoringKind
    points: int
    field: ScoringField | None = None
    operator: ScoringOperator | None = None
    value: str | None = None
    max_points: int | None = None


DEFAULT_RULES = [
    RuleInput(ScoringKind.FIELD, 20, ScoringField.SOURCE, ScoringOperator.EQUALS, "referral"),
    RuleInput(ScoringKind.FIELD, 10, ScoringField.SOURCE, ScoringOperator.EQUALS, "web"),
    RuleInput(ScoringKind.FIELD, 10, ScoringField.COMPANY, ScoringOperator.IS_SET),
    RuleInput(ScoringKind.FIELD, 5, ScoringField.TITLE, ScoringOperator.IS_SET),
    RuleInput(ScoringKind.FIELD, 10, ScoringField.EMAIL, ScoringOperator.IS_SET),
    RuleInput(ScoringKind.FIELD, 10, ScoringField.PHONE, ScoringOperator.IS_SET),
    RuleInput(ScoringKind.FIELD, 30, ScoringField.STATUS, ScoringOperator.EQUALS, "qualified"),
    RuleInput(ScoringKind.INTERACTIONS, 5, max_points=30),
]


def _rows(workspace_id: uuid.UUID, rules: list[RuleInput]) -> list[LeadScoringRule]:
    return [LeadScoringRule(workspace_id=workspace_id, position=i, kind=r.kind, field=r.field,
                            operator=r.operator, value=r.value, points=r.points,
                            max_points=r.max_points) for i, r in enumerate(rules)]


async def rules_of(workspace_id: uuid.UUID, settings: LifecycleSettings | None = None
                   ) -> list[LeadScoringRule]:
    """The workspace's scoring rules in order; the defaults (unsaved) until it sets its own."""
    settings = settings or await settings_of(workspace_id)
    if not settings.rules_customised:
        return _rows(workspace_id, DEFAULT_RULES)
    return await LeadScoringRule.filter(  # type: ignore[no-any-return]
        workspace_id=workspace_id, deleted_at=None).order_by("position")


async def scoring_rules(actor: Actor) -> list[LeadScoringRule]:
    _require_read(actor, "LeadScoringRule")
    return await rules_of(actor.workspace_id)


def check_rules(rules: list[RuleInput]) -> list[RuleInput]:
    """The rules cleaned, or every problem at once (`rules.2.value`)."""
    if len(rules) > MAX_RULES:
        raise ServiceError(ErrorCode.LIMIT_REACHED, f"At most {MAX_RULES} scoring rules",
                           "rules", params={"limit": MAX_RULES})
    errors: list[UserError] = []
    cleaned: list[RuleInput] = []

    def bad(i: int, field: str, message: str) -> None:
        errors.append(UserError(field=f"rules.{i}.{field}", code=ErrorCode.INVALID,
                                message=message))

    for i, r in enumerate(rules):
        value = (r.value or "").strip() or None
        if not -MAX_POINTS <= r.points <= MAX_POINTS or r.points == 0:
            bad(i, "points", f"Points must be from -{MAX_POINTS} to {MAX_POINTS}, not 0")
        if r.kind is ScoringKind.FIELD:
            if r.field is None:
                bad(i, "field", "A field rule needs the field it looks at")
            if r.operator is None:
                bad(i, "operator", "A field rule needs an operator")
            elif r.operator is ScoringOperator.IS_SET:
                value = None
            elif value is None:
                bad(i, "value", "Give the value to compare with")
            elif len(value) > 200:
                bad(i, "value", "The value is too long (200 characters at most)")
            if r.max_points is not None:
                bad(i, "maxPoints", "Only an interactions rule has a cap")
            cleaned.append(RuleInput(r.kind, r.points, r.field, r.operator, value))
        else:
            if r.field is not None or r.operator is not None or value is not None:
                bad(i, "field", "An interactions rule counts interactions: no field, operator "
                    "or value")
            if r.max_points is not None and not (
                    1 <= abs(r.max_points) <= MAX_POINTS * 100 and abs(r.max_points) >= abs(
                        r.points) and (r.max_points > 0) == (r.points > 0)):
                bad(i, "maxPoints", "The cap must have the points' sign and be at least as "
                    "large as one interaction's points")
            cleaned.append(RuleInput(r.kind, r.points, max_points=r.max_points))
    if errors:
        raise ValidationFailed(errors)
    return cleaned


async def set_scoring_rules(actor: Actor, rules: list[RuleInput]) -> list[LeadScoringRule]:
    """Replace the workspace's scoring rules with `rules` (in order) and rescore every lead
    in a job."""
    require_write_scope(actor, "LeadScoringRule")
    cleaned = check_rules(rules)
    async with in_transaction("default"):
        settings = await _settings_for_write(actor)
        for old in await LeadScoringRule.filter(workspace_id=actor.workspace_id,
                                                deleted_at=None):
            await soft_delete(actor, old)
        rows = _rows(actor.workspace_id, cleaned)
        for row in rows:
            row.created_by_id = actor.user_id
            await row.save()
            await audit.record_created(actor, row)
        if not settings.rules_customised:
            settings.rules_customised = True
            settings.version += 1
            await LifecycleSettings.filter(id=settings.id).update(
                rules_customised=True, version=settings.version, updated_at=utcnow())
            await audit.record(actor, "LifecycleSettings", settings.id, "update",
                               {"rules_customised": [False, True]})
        await _start_rescore(settings.workspace_id)
    return await rules_of(actor.workspace_id)


def _describe(rule: LeadScoringRule) -> str:
    """A rule in one line, for history."""
    if rule.kind is ScoringKind.INTERACTIONS:
        cap = f" (max {rule.max_points})" if rule.max_points is not None else ""
        return f"{rule.points:+d} per interaction{cap}"
    field = getattr(rule.field, "value", rule.field)
    operator = getattr(rule.operator, "value", rule.operator)
    value = f" {rule.value}" if rule.value is not None else ""
    return f"{rule.points:+d} if {field} {operator}{value}"


# --- scoring -----------------------------------------------------------------------------------

def _matches(rule: LeadScoringRule, lead: Any) -> bool:
    raw = getattr(lead, rule.field.value) if rule.field is not None else None
    text = str(getattr(raw, "value", raw) or "").strip().lower()
    if rule.operator is ScoringOperator.IS_SET:
        return bool(text)
    wanted = (rule.value or "").strip().lower()
    if rule.operator is ScoringOperator.EQUALS:
        return text == wanted
    return bool(wanted) and wanted in text


def score_of(lead: Any, rules: list[LeadScoringRule], interactions: int) -> int:
    """The lead's points under `rules`, given how many interactions its customer has."""
    total = 0
    for rule in rules:
        if rule.kind is ScoringKind.INTERACTIONS:
            points = rule.points * interactions
            # The cap has the points' sign (checked when saved): it bounds in that direction.
            if rule.max_points is not None:
                points = (min(points, rule.max_points) if rule.points > 0
                          else max(points, rule.max_points))
            total += points
        elif _matches(rule, lead):
            total += rule.points
    return total


def grade_of(score: int, settings: LifecycleSettings) -> LeadGrade:
    if score >= settings.grade_a:
        return LeadGrade.A
    if score >= settings.grade_b:
        return LeadGrade.B
    if score >= settings.grade_c:
        return LeadGrade.C
    return LeadGrade.D


async def _score(workspace_id: uuid.UUID, leads: list[Any], settings: LifecycleSettings,
                 rules: list[LeadScoringRule]) -> None:
    if not leads:
        return
    counts: dict[uuid.UUID, int] = {}
    if any(r.kind is ScoringKind.INTERACTIONS for r in rules):
        counts = await sales.interaction_counts(
            workspace_id, [lead.customer_id for lead in leads if lead.customer_id])
    scores: dict[uuid.UUID, tuple[int, LeadGrade]] = {}
    for lead in leads:
        score = score_of(lead, rules, counts.get(lead.customer_id, 0) if lead.customer_id else 0)
        grade = grade_of(score, settings)
        if (lead.score, lead.grade) != (score, grade):
            scores[lead.id] = (score, grade)
    await sales.store_lead_scores(workspace_id, scores)


async def rescore_leads(workspace_id: uuid.UUID, *, ids: list[uuid.UUID] | None = None,
                        customer_ids: list[uuid.UUID] | None = None) -> None:
    """Recompute the scores of the given leads (or those linked to the given customers)."""
    leads = await sales.leads_to_score(workspace_id, ids=ids, customer_ids=customer_ids)
    if not leads:
        return
    settings = await settings_of(workspace_id)
    await _score(workspace_id, leads, settings, await rules_of(workspace_id, settings))


RESCORE_BATCH = 500


async def rescore_progress(workspace_id: uuid.UUID) -> LeadRescore | None:
    """The last rescoring of every lead; None when there has been none."""
    return await LeadRescore.filter(  # type: ignore[no-any-return]
        workspace_id=workspace_id).first()


async def _progress(workspace_id: uuid.UUID, **values: Any) -> None:
    if not await LeadRescore.filter(workspace_id=workspace_id).update(**values):
        await LeadRescore.create(workspace_id=workspace_id, **values)


async def _start_rescore(workspace_id: uuid.UUID) -> None:
    """Queue the rescoring of every lead (in the caller's transaction: it runs once the new
    rules are committed), and show it as started."""
    await _progress(workspace_id, total=await sales.count_leads(workspace_id), done=0,
                    started_at=utcnow(), finished_at=None)
    await defer("lifecycle.rescore_all", workspace_id=str(workspace_id),
                queueing_lock=f"lifecycle.rescore:{workspace_id}",
                lock=f"lifecycle.rescore:{workspace_id}")


@task("lifecycle.rescore_all", retries=3)
async def rescore_all(workspace_id: str) -> None:
    """Rescore every lead of a workspace, a batch at a time, noting progress after each; a
    retry starts over (scoring is idempotent)."""
    ws = uuid.UUID(workspace_id)
    done, after = 0, None
    await _progress(ws, total=await sales.count_leads(ws), done=0, finished_at=None)
    while True:
        # Read per batch: rules changed meanwhile apply from the next batch (and queue a
        # rescore of their own).
        settings = await settings_of(ws)
        rules = await rules_of(ws, settings)
        leads = await sales.leads_to_score(ws, after=after, limit=RESCORE_BATCH)
        if not leads:
            break
        await _score(ws, leads, settings, rules)
        done += len(leads)
        after = leads[-1].id
        await _progress(ws, done=done)
    await _progress(ws, done=done, finished_at=utcnow())


# --- stage moves -------------------------------------------------------------------------------

_REASONS_ZH = {
    ChangeReason.FIRST_CONTACT: "首次跟进：{cause}",
    ChangeReason.FIRST_PAID_ORDER: "首笔订单已付清：{cause}",
    ChangeReason.REPEAT_ORDERS: "{days} 天内已付清 {orders} 笔订单",
    ChangeReason.WON_BACK: "再次下单：{cause}",
    ChangeReason.GONE_QUIET: "{days} 天没有订单和跟进",
    ChangeReason.CHURNED: "{days} 天没有订单和跟进，已流失",
}


def reason_in(change: LifecycleChange, language: str) -> str:
    """The change's reason in `language` (zh-CN or en)."""
    if language == "zh-CN":
        try:
            return _REASONS_ZH[change.reason_code].format(**(change.params or {}))
        except (KeyError, IndexError):
            pass
    return change.reason


async def _move(actor: Actor, customer: Any, to: LifecycleStage, code: ChangeReason,
                reason: str, params: dict[str, Any], cause: tuple[str, uuid.UUID] | None = None
                ) -> bool:
    """Move the customer (if it is still where it was read) and record why; an owner is told
    when their customer falls at risk."""
    came_from = customer.lifecycle_stage
    if not await customers.move_lifecycle_stage(actor, customer.id, came_from, to,
                                                reason=reason):
        return False
    await LifecycleChange.create(
        workspace_id=customer.workspace_id, customer_id=customer.id, from_stage=came_from.value,
        to_stage=to.value, reason_code=code, reason=reason, params=params,
        cause_type=cause[0] if cause else None, cause_id=cause[1] if cause else None)
    if to is LifecycleStage.AT_RISK and customer.owner_id is not None:
        await collaboration.notify(
            customer.workspace_id, [customer.owner_id], kind="lifecycle.at_risk",
            title=f"客户流失预警 / At risk: {customer.name}", body=reason,
            subject_type="Customer", subject_id=customer.id, actor_user_id=actor.user_id)
    customer.lifecycle_stage = to
    return True


# Stages before the first purchase, and those an order brings a customer back from.
_NOT_YET_BOUGHT = (LifecycleStage.LEAD, LifecycleStage.PROSPECT, LifecycleStage.OPPORTUNITY)
_LAPSED = (LifecycleStage.AT_RISK, LifecycleStage.CHURNED)


async def _on_interaction(actor: Actor, event: AuditEvent, settings: LifecycleSettings) -> None:
    customer = await customers.lifecycle_subject(event.workspace_id, event.customer_id)  # type: ignore[arg-type]
    if customer is None or customer.lifecycle_stage is not LifecycleStage.LEAD:
        return
    await _move(actor, customer, LifecycleStage.PROSPECT, ChangeReason.FIRST_CONTACT,
                f"First contact: interaction {event.object_id}",
                {"cause": str(event.object_id)}, ("Interaction", event.object_id))


async def _on_order(actor: Actor, event: AuditEvent, settings: LifecycleSettings,
                    paid: bool) -> None:
    customer = await customers.lifecycle_subject(event.workspace_id, event.customer_id)  # type: ignore[arg-type]
    if customer is None:
        return
    stage = customer.lifecycle_stage
    cause = ("Order", event.object_id)
    if not paid:
        # A confirmed order: a lapsed customer is buying again (it was a customer before).
        if stage in _LAPSED:
            await _move(actor, customer, LifecycleStage.CUSTOMER, ChangeReason.WON_BACK,
                        f"Ordered again: order {event.object_id}",
                        {"cause": str(event.object_id)}, cause)
        return
    since = utcnow() - dt.timedelta(days=settings.loyal_within_days)
    count = await orders.paid_orders_since(event.workspace_id, customer.id, since)
    loyal = count >= settings.loyal_orders
    params = {"cause": str(event.object_id), "orders": count,
              "days": settings.loyal_within_days}
    if stage in _NOT_YET_BOUGHT or stage in _LAPSED:
        code = ChangeReason.FIRST_PAID_ORDER if stage in _NOT_YET_BOUGHT else \
            ChangeReason.WON_BACK
        text = (f"First paid order: order {event.object_id}" if code is
                ChangeReason.FIRST_PAID_ORDER else f"Ordered again: order {event.object_id}")
        await _move(actor, customer, LifecycleStage.CUSTOMER, code, text, params, cause)
    if loyal and customer.lifecycle_stage is LifecycleStage.CUSTOMER:
        await _move(actor, customer, LifecycleStage.LOYAL, ChangeReason.REPEAT_ORDERS,
                    f"{count} paid orders within {settings.loyal_within_days} days", params,
                    cause)


_WATCHED = frozenset({"Order", "Interaction", "Lead"})
_INTERACTION_COUNTED = frozenset({"create", "delete", "restore", "merge"})


async def on_audit_event(actor: Actor, event: AuditEvent) -> None:
    """What a write means for stages and scores, in the write's own transaction. Runs on every
    write: the first line lets all but orders, interactions and leads through untouched."""
    if event.object_type not in _WATCHED:
        return
    changes = event.changes or {}
    if event.object_type == "Lead":
        if event.action != "delete":
            await rescore_leads(event.workspace_id, ids=[event.object_id])
        return
    if event.customer_id is None:
        return
    if event.object_type == "Interaction":
        if event.action not in _INTERACTION_COUNTED and "customer_id" not in changes:
            return
        settings = await settings_of(event.workspace_id)
        if event.action == "create" and settings.enabled:
            await _on_interaction(actor, event, settings)
        await rescore_leads(event.workspace_id, customer_ids=[event.customer_id])
        return
    paid = (changes.get("payment_status") or [None, None])[1] == "paid"
    confirmed = (changes.get("status") or [None, None])[1] == "confirmed"
    if not paid and not confirmed:
        return
    settings = await settings_of(event.workspace_id)
    if settings.enabled:
        await _on_order(actor, event, settings, paid)


AUDIT_RECORDED.register(on_audit_event)


# --- the sweep ---------------------------------------------------------------------------------

_SWEPT = [LifecycleStage.CUSTOMER, LifecycleStage.LOYAL, LifecycleStage.AT_RISK]


async def sweep(actor: Actor, now: dt.datetime | None = None) -> dict[str, int]:
    """Move the workspace's customers who have gone quiet (no order and no interaction) to
    at risk after its at-risk days and to churned after its churned days; how many of each."""
    now = now or utcnow()
    settings = await settings_of(actor.workspace_id)
    moved = {"at_risk": 0, "churned": 0}
    if not settings.enabled:
        return moved
    at_risk = dt.timedelta(days=settings.at_risk_days)
    churned = dt.timedelta(days=settings.churned_days)
    candidates = await customers.customers_in_stages(actor.workspace_id, _SWEPT, now - at_risk)
    reader = system_actor(actor.workspace_id)
    for start in range(0, len(candidates), 500):
        chunk = candidates[start:start + 500]
        stats = await orders.customer_order_stats(reader, [c.id for c in chunk])
        for customer in chunk:
            last = max(t for t in (customer.last_follow_up_at, stats[customer.id].last_order_at,
                                   customer.created_at) if t is not None)
            quiet = now - last
            days = quiet.days
            if quiet >= churned:
                to, code, key = LifecycleStage.CHURNED, ChangeReason.CHURNED, "churned"
                text = f"No order and no interaction for {days} days: churned"
            elif quiet >= at_risk and customer.lifecycle_stage is not LifecycleStage.AT_RISK:
                to, code, key = LifecycleStage.AT_RISK, ChangeReason.GONE_QUIET, "at_risk"
                text = f"No order and no interaction for {days} days"
            else:
                continue
            async with in_transaction("default"):
                if await _move(actor, customer, to, code, text, {"days": days}):
                    moved[key] += 1
    return moved


@task("lifecycle.sweep", retries=2, cron="20 * * * *")
async def sweep_all(workspace_id: str | None = None, timestamp: int | None = None) -> None:
    """The hourly sweep: of one workspace when the job system fans the task out (it does, one
    job per workspace), of every workspace with customers to sweep otherwise."""
    now = dt.datetime.fromtimestamp(timestamp, dt.UTC) if timestamp is not None else None
    # A fanned-out job sweeps its own workspace only: listing every workspace's customers once
    # per job would make the hourly fan-out cost workspaces squared.
    found = [uuid.UUID(workspace_id)] if workspace_id is not None \
        else await customers.workspaces_with_stages(_SWEPT)
    for ws in found:
        await sweep(system_actor(ws, "lifecycle-sweep"), now)


# --- reading -----------------------------------------------------------------------------------

def changes_query(actor: Actor) -> Any:
    return scoped(LifecycleChange, actor)
