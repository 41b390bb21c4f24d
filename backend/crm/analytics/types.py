"""GraphQL types of sales figures and team performance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from enum import Enum

import strawberry

from crm.auth.types import User
from crm.catalogue.types import ProductLine
from crm.core.money import Money
from crm.core.relations import scoped_by


@strawberry.enum(name="SalesGrouping", description="The length of one period of a report.")
class SalesGrouping(Enum):
    DAY = strawberry.enum_value("day", description="One row per day.")
    WEEK = strawberry.enum_value("week", description="One row per week, from Monday.")
    MONTH = strawberry.enum_value("month", description="One row per calendar month.")


@strawberry.enum(name="SalesBreakdown", description="What each period is split by.")
class SalesBreakdown(Enum):
    NONE = strawberry.enum_value("none", description="Not split.")
    OWNER = strawberry.enum_value("owner", description="By the order's owner.")
    PRODUCT_LINE = strawberry.enum_value("product_line", description="By product line.")


@strawberry.input(description="A period of days: from `start` to `end`, end excluded.")
class PeriodInput:
    start: dt.date = strawberry.field(description="The first day.")
    end: dt.date = strawberry.field(description="The day after the last (exclusive).")


_FIGURES = "analytics.service: sums over the rows the caller may read"


@strawberry.type(description="Booked (confirmed orders) and collected (payments) amounts of one "
                 "period and one owner or product line; amounts per currency.")
class SalesSummaryRow:
    period_start: dt.date = strawberry.field(description="The period's first day.")
    orders: int = strawberry.field(description="How many orders were booked.")
    booked: list[Money] = strawberry.field(description="Totals of the orders booked.")
    collected: list[Money] = strawberry.field(description="Money received, net of refunds.")
    owner: User | None = strawberry.field(default=None, description="The owner, when split so.",
                                          metadata=scoped_by(_FIGURES))
    product_line: ProductLine | None = strawberry.field(
        default=None, description="The product line, when split so.", metadata=scoped_by(_FIGURES))


@strawberry.type(description="One rep's figures for a period (no pay in here).")
class RepPerformance:
    user: User = strawberry.field(description="The rep.", metadata=scoped_by(
        "analytics.service.team_performance: reps in the RepPerformance row scope"))
    revenue_booked: list[Money] = strawberry.field(description="One total per currency.")
    revenue_collected: list[Money] = strawberry.field(
        description="Payments received minus refunds, one total per currency.")
    opportunities_won: int = strawberry.field(description="Deals won in the period.")
    opportunities_lost: int = strawberry.field(description="Deals lost in the period.")
    win_rate: Decimal | None = strawberry.field(description="won / (won + lost), 0 to 1.")
    interactions_logged: int = strawberry.field(description="Follow-ups logged in the period.")
    customers_held: int = strawberry.field(description="Customers they own now.")


@strawberry.type(description="Each rep's figures over one period.")
class TeamPerformance:
    period_start: dt.date = strawberry.field(description="The period's first day.")
    period_end: dt.date = strawberry.field(description="The day after its last (exclusive).")
    reps: list[RepPerformance] = strawberry.field(description="One row per rep, by name.")
