"""Sales figures: booked and collected by period, owner or product line, and each rep's
performance. Sums are SQL GROUP BYs in the modules that own the rows (through their services);
this module folds days into weeks and months and puts the figures together."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from crm.auth import service as auth
from crm.core.errors import ErrorCode, ServiceError
from crm.core.policy import Actor, RowScope
from crm.customers import service as customers
from crm.orders import service as orders
from crm.sales import service as sales

if TYPE_CHECKING:
    from crm.auth.models import User

MAX_PERIOD_DAYS = 3660


def check_period(start: dt.date, end: dt.date) -> None:
    if end <= start or (end - start).days > MAX_PERIOD_DAYS:
        raise ServiceError(ErrorCode.INVALID, "The period must end after it starts (max 10 years)",
                           "period")


@dataclass
class SummaryRow:
    period_start: dt.date
    key_id: uuid.UUID | None
    booked: dict[str, int] = field(default_factory=dict)
    collected: dict[str, int] = field(default_factory=dict)
    orders: int = 0


def bucket(day: dt.date, group_by: str) -> dt.date:
    if group_by == "week":
        return day - dt.timedelta(days=day.weekday())
    if group_by == "month":
        return day.replace(day=1)
    return day


async def sales_summary(actor: Actor, start: dt.date, end: dt.date, group_by: str = "month",
                        by: str = "none") -> list[SummaryRow]:
    """Booked (by confirmation date) and collected (by payment date) amounts over the orders in
    the actor's row scope, per period and per owner or product line. Collected money has no
    product line: grouped by product line, `collected` stays empty."""
    if actor.field_access("Order", "total").rank < 2:
        raise ServiceError(ErrorCode.FORBIDDEN, "You may not see order amounts")
    check_period(start, end)
    rows: dict[tuple[dt.date, uuid.UUID | None], SummaryRow] = {}

    def row(day: dt.date, key: uuid.UUID | None) -> SummaryRow:
        b = bucket(day, group_by)
        return rows.setdefault((b, key), SummaryRow(b, key))

    if by == "product_line":
        counted: set[tuple[uuid.UUID, uuid.UUID | None]] = set()
        for s in await orders.booked_by_product_line(actor, start, end):
            r = row(s["confirmed_on"], s["product_line_id"])
            r.booked[s["currency"]] = r.booked.get(s["currency"], 0) + int(s["total"] or 0)
            if (s["order_id"], s["product_line_id"]) not in counted:
                counted.add((s["order_id"], s["product_line_id"]))
                r.orders += 1
    else:
        by_owner = by == "owner"
        for s in await orders.booked_by_day(actor, start, end, by_owner=by_owner):
            r = row(s["confirmed_on"], s["owner_id"] if by_owner else None)
            r.booked[s["currency"]] = r.booked.get(s["currency"], 0) + int(s["total"] or 0)
            r.orders += int(s["n"])
        for s in await orders.collected_by_day(actor, start, end, by_owner=by_owner):
            r = row(s["received_on"], s["owner_id"] if by_owner else None)
            r.collected[s["currency"]] = r.collected.get(s["currency"], 0) + int(s["total"] or 0)
    return sorted(rows.values(), key=lambda r: (r.period_start, str(r.key_id or "")))


# --- team performance (优化人力资源配置) -----------------------------------------------------------

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


def _totals(pairs: list[tuple[int, str]]) -> list[tuple[int, str]]:
    sums: dict[str, int] = defaultdict(int)
    for minor, currency in pairs:
        sums[currency] += minor
    return sorted(((v, k) for k, v in sums.items()), key=lambda p: p[1])


async def team_performance(actor: Actor, start: dt.date, end: dt.date) -> list[RepFigures]:
    """Per rep: revenue booked and collected, opportunities won and the win rate, interactions
    logged, customers held. Who is listed follows the `RepPerformance` row scope (hr: every
    rep, a sales manager: their teams, a rep: themself); the figures are counts and sums over
    the workspace, so no row of another rep's customers leaves here, only numbers."""
    scope = actor.row_scope("RepPerformance")
    if scope is RowScope.NONE:
        raise ServiceError(ErrorCode.FORBIDDEN, "Your role may not see team performance")
    check_period(start, end)
    only = None
    if scope is RowScope.TEAM:
        only = actor.team_member_ids
    elif scope is RowScope.OWN:
        only = frozenset({actor.user_id}) if actor.user_id else frozenset()
    reps = await auth.active_reps(actor, only)
    ids = [r.id for r in reps]
    if not ids:
        return []
    activity = await sales.rep_activity(actor.workspace_id, ids, start, end)
    held = await customers.customers_held(actor.workspace_id, ids)
    booked = await orders.booked_revenue(actor.workspace_id, start, end)
    collected: dict[uuid.UUID, list[tuple[int, str]]] = defaultdict(list)
    for p in await orders.collected_payments(actor.workspace_id, start, end):
        if p.owner_id is not None:
            collected[p.owner_id].append((p.amount_minor, p.currency))
    out = []
    for rep in reps:
        w, lo = activity.won.get(rep.id, 0), activity.lost.get(rep.id, 0)
        rate = (Decimal(w) / Decimal(w + lo)).quantize(Decimal("0.0001"), ROUND_HALF_UP) \
            if w + lo else None
        out.append(RepFigures(user=rep, booked=_totals(list(booked.get(rep.id, []))),
                              collected=_totals(collected.get(rep.id, [])), won=w, lost=lo,
                              win_rate=rate, interactions=activity.interactions.get(rep.id, 0),
                              customers=held.get(rep.id, 0)))
    return out
