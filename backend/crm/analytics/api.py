"""Query fields of sales figures and team performance."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from crm.analytics import service
from crm.analytics.types import (
    PeriodInput,
    RepPerformance,
    SalesBreakdown,
    SalesGrouping,
    SalesSummaryRow,
    TeamPerformance,
)
from crm.auth.loaders import USERS
from crm.catalogue.loaders import PRODUCT_LINES
from crm.core.graphql import actor_of
from crm.core.money import Money

_PERIOD = "The days to report on, end excluded; at most 10 years."


@strawberry.type
class AnalyticsQuery:
    @strawberry.field(description="Booked amounts (orders by the day they were confirmed) and "
                      "collected amounts (payments by the day received) per period, over the "
                      "orders you see; refused if you may not see order totals.")
    async def sales_summary(
        self, info: Info, period: Annotated[PeriodInput, strawberry.argument(description=_PERIOD)],
        group_by: Annotated[SalesGrouping, strawberry.argument(
            description="How long the period of one row is.")] = SalesGrouping.MONTH,
        by: Annotated[SalesBreakdown, strawberry.argument(
            description="What each period is split by; grouped by product line, `collected` "
            "stays empty (payments have no product line).")] = SalesBreakdown.NONE,
    ) -> list[SalesSummaryRow]:
        rows = await service.sales_summary(actor_of(info), period.start, period.end,
                                           str(group_by.value), str(by.value))
        keys = list({r.key_id for r in rows if r.key_id is not None})
        loaders = info.context.loaders
        found: dict[Any, Any] = {}
        if by is SalesBreakdown.OWNER:
            found = dict(zip(keys, await loaders.get(USERS).load_many(keys), strict=True))
        elif by is SalesBreakdown.PRODUCT_LINE:
            found = dict(zip(keys, await loaders.get(PRODUCT_LINES).load_many(keys), strict=True))
        return [SalesSummaryRow(
            period_start=r.period_start, orders=r.orders,
            booked=[Money.of(v, c) for c, v in sorted(r.booked.items())],  # type: ignore[misc]
            collected=[Money.of(v, c) for c, v in sorted(r.collected.items())],  # type: ignore[misc]
            owner=found.get(r.key_id) if by is SalesBreakdown.OWNER else None,
            product_line=found.get(r.key_id) if by is SalesBreakdown.PRODUCT_LINE else None)
            for r in rows]

    @strawberry.field(description="Per rep: revenue booked and collected, opportunities won, "
                      "win rate, interactions, customers held.")
    async def team_performance(
        self, info: Info, period: Annotated[PeriodInput, strawberry.argument(description=_PERIOD)],
    ) -> TeamPerformance:
        reps = await service.team_performance(actor_of(info), period.start, period.end)
        return TeamPerformance(period_start=period.start, period_end=period.end, reps=[
            RepPerformance(
                user=r.user,  # type: ignore[arg-type]
                revenue_booked=[Money.of(m, c) for m, c in r.booked],  # type: ignore[misc]
                revenue_collected=[Money.of(m, c) for m, c in r.collected],  # type: ignore[misc]
                opportunities_won=r.won, opportunities_lost=r.lost, win_rate=r.win_rate,
                interactions_logged=r.interactions, customers_held=r.customers) for r in reps])


Query = AnalyticsQuery
