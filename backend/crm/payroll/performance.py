"""Team performance for placing people well (优化人力资源配置): per rep, revenue booked and
collected, opportunities won and the win rate, interactions logged, customers held.

Who may ask is decided by the `RepPerformance` row scope (hr: every rep, a sales manager:
the reps of their teams). The figures are counts and sums read from the sales and customer
tables through `scoped()` with the workspace's reader actor: hr has no row scope on sales
records, yet needs these aggregates, and no row leaves this module, only numbers per rep
the caller may see. Nothing here touches pay.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from tortoise.functions import Count

from crm.auth.models import User
from crm.core.errors import ErrorCode, ServiceError
from crm.core.policy import SALES_ROLES, Actor, RowScope, system_actor
from crm.core.scoping import scoped
from crm.customers.models import Customer
from crm.payroll import sources
from crm.sales.models import Interaction, Opportunity, PipelineStage


@dataclass
class RepFigures:
    user: User
    booked: list[tuple[int, str]]
    collected: list[tuple[int, str]]
    won: int
    lost: int
    win_rate: Decimal | None
    interactions: int
    customers: int


def parse_period(period: str) -> tuple[dt.date, dt.date]:
    """`2026-03` (a month) or `2026` (a year) as [start, end)."""
    text = period.strip()
    try:
        if len(text) == 4:
            year = int(text)
            return dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
        year_s, month_s = text.split("-")
        year, month = int(year_s), int(month_s)
        start = dt.date(year, month, 1)
    except ValueError:
        raise ServiceError(ErrorCode.INVALID, "A period is YYYY-MM or YYYY", "period") from None
    return start, dt.date(year + (month == 12), month % 12 + 1, 1)


def _at(day: dt.date) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)


async def _counts(qs: object, column: str) -> dict[uuid.UUID, int]:
    rows = await qs.annotate(n=Count("id")).group_by(column).values(column, "n")  # type: ignore[attr-defined]
    return {r[column]: int(r["n"]) for r in rows if r[column] is not None}


def _totals(pairs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    sums: dict[str, int] = defaultdict(int)
    for minor, currency in pairs:
        sums[currency] += minor
    return sorted(((v, k) for k, v in sums.items()), key=lambda p: p[1])


async def new_customers_won(workspace_id: uuid.UUID, owner_ids: list[uuid.UUID],
                            start: dt.date, end: dt.date) -> dict[uuid.UUID, int]:
    """Per owner: customers whose first won opportunity closed in [start, end)."""
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
    per_owner: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
    for owner, customer in won:
        if customer not in earlier:
            per_owner[owner].add(customer)
    return {owner: len(cs) for owner, cs in per_owner.items()}


async def team_performance(actor: Actor, start: dt.date, end: dt.date) -> list[RepFigures]:
    scope = actor.row_scope("RepPerformance")
    if scope is RowScope.NONE:
        raise ServiceError(ErrorCode.FORBIDDEN, "Your role may not see team performance")
    reps_qs = User.filter(workspace_id=actor.workspace_id, role__in=list(SALES_ROLES),
                          is_active=True)
    if scope is not RowScope.ALL:
        reps_qs = reps_qs.filter(id__in=list(actor.team_member_ids))
    reps = list(await reps_qs.order_by("name"))
    ids = [r.id for r in reps]
    if not ids:
        return []
    reader = system_actor(actor.workspace_id)
    stages = await scoped(PipelineStage, reader)
    won_ids = [s.id for s in stages if s.is_won]
    lost_ids = [s.id for s in stages if s.is_lost]
    closed = scoped(Opportunity, reader).filter(owner_id__in=ids, closed_at__gte=_at(start),
                                                closed_at__lt=_at(end))
    won = await _counts(closed.filter(stage_id__in=won_ids), "owner_id")
    lost = await _counts(closed.filter(stage_id__in=lost_ids), "owner_id")
    interactions = await _counts(scoped(Interaction, reader).filter(
        owner_id__in=ids, occurred_at__gte=_at(start), occurred_at__lt=_at(end)), "owner_id")
    held = await _counts(scoped(Customer, reader).filter(owner_id__in=ids, in_pool=False),
                         "owner_id")
    booked = await sources.booked_revenue(actor.workspace_id, start, end)
    collected: dict[uuid.UUID, list[tuple[int, str]]] = defaultdict(list)
    for p in await sources.collected_payments(actor.workspace_id, start, end):
        if p.owner_id is not None:
            collected[p.owner_id].append((p.amount_minor, p.currency))
    out = []
    for rep in reps:
        w, lo = won.get(rep.id, 0), lost.get(rep.id, 0)
        rate = (Decimal(w) / Decimal(w + lo)).quantize(Decimal("0.0001"), ROUND_HALF_UP) \
            if w + lo else None
        out.append(RepFigures(user=rep, booked=_totals(list(booked.get(rep.id, []))),
                              collected=_totals(collected.get(rep.id, [])), won=w, lost=lo,
                              win_rate=rate, interactions=interactions.get(rep.id, 0),
                              customers=held.get(rep.id, 0)))
    return out
