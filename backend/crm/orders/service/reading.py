"""What other modules read of orders: lists, per-customer figures, payments and bookings by
period (payroll's commission, analytics)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from tortoise.expressions import Q, Subquery
from tortoise.functions import Max, Sum

from crm.core.hooks import CUSTOMER_DELETING, CUSTOMER_MERGED, OPPORTUNITY_REOPENING
from crm.core.policy import Actor
from crm.core.records import move_rows
from crm.core.scoping import scoped
from crm.orders.models import (
    Order,
    OrderLine,
    OrderStatus,
    Payment,
    PaymentStatus,
    Shipment,
)
from crm.orders.service.amounts import BOOKED

# --- reading -----------------------------------------------------------------------------------

def orders_query(actor: Actor) -> Any:
    return scoped(Order, actor)


async def order_as_listed(actor: Actor, pk: uuid.UUID) -> Order | None:
    """One order as `orders` reads it; None outside the actor's row scope."""
    return await scoped(Order, actor).get_or_none(id=pk)


async def order_to_watch(actor: Actor, pk: uuid.UUID) -> Order:
    """An order a subscriber may watch: NOT_FOUND outside its row scope, as `node` says."""
    from crm.core.errors import ErrorCode, ServiceError
    row = await order_as_listed(actor, pk)
    if row is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "Order not found", "id")
    return row


def shipments_query(actor: Actor) -> Any:
    """Shipments the actor reaches: a shipment is visible exactly when its order is (the
    model's scope parent), so the warehouse's queue shows every order's, a rep only theirs."""
    return scoped(Shipment, actor)


def orders_with_product_q(actor: Actor, product_filter: Any) -> Q:
    """Orders with a line whose product matches an id filter."""
    from crm.core.filters import id_converter, scalar_q
    lines = scoped(OrderLine, actor).filter(
        scalar_q("product_id", product_filter, id_converter("Product", "product")))
    return Q(id__in=Subquery(lines.values("order_id")))


def total_q(total_filter: Any) -> Q:
    """A filter on the order total given in major units (2-place currencies)."""
    from decimal import Decimal

    from crm.core.filters import scalar_q
    return scalar_q("total_minor", total_filter, lambda v: int(Decimal(v) * 100))


async def orders_by_ids(actor: Actor, ids: list[uuid.UUID]) -> dict[uuid.UUID, Order]:
    return {o.id: o for o in await scoped(Order, actor).filter(id__in=ids)}


@dataclass
class CustomerOrderStats:
    lifetime: list[tuple[int, str]] = field(default_factory=list)
    last_order_at: dt.datetime | None = None


async def customer_order_stats(actor: Actor, customer_ids: list[uuid.UUID]
                               ) -> dict[uuid.UUID, CustomerOrderStats]:
    """Per customer: money collected (net of refunds) per currency over booked orders, and
    when the last order was placed, counting only the orders the actor may read (a customer
    transferred to a rep shows what the rep's orders add up to, never the hidden ones). Two
    grouped SQL queries for any number of customers."""
    ids = list(set(customer_ids))
    out: dict[uuid.UUID, CustomerOrderStats] = {i: CustomerOrderStats() for i in ids}
    base = scoped(Order, actor).filter(customer_id__in=ids)
    sums = await base.filter(status__in=[s.value for s in BOOKED]).annotate(
        paid=Sum("paid_minor")).group_by("customer_id", "currency").values(
        "customer_id", "currency", "paid")
    for row in sums:
        out[row["customer_id"]].lifetime.append((int(row["paid"] or 0), row["currency"]))
    lasts = await base.exclude(status=OrderStatus.CANCELLED).annotate(
        last=Max("created_at")).group_by("customer_id").values("customer_id", "last")
    for row in lasts:
        out[row["customer_id"]].last_order_at = row["last"]
    for stats in out.values():
        stats.lifetime.sort(key=lambda pair: pair[1])
    return out


async def paid_orders_since(workspace_id: uuid.UUID, customer_id: uuid.UUID, since: dt.datetime
                            ) -> int:
    """How many of the customer's orders placed since `since` are paid in full (not
    cancelled): what makes a customer loyal. Counted over every order, whoever may read it,
    since a stage belongs to the customer, not to a reader."""
    return await Order.filter(  # type: ignore[no-any-return]
        workspace_id=workspace_id, customer_id=customer_id, deleted_at=None,
        payment_status=PaymentStatus.PAID, created_at__gte=since).exclude(
        status=OrderStatus.CANCELLED).count()


# Orders whose goods are still promised: stock is reserved for them and nothing has closed them.
_OPEN = (OrderStatus.DRAFT, OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_SHIPPED)


def _numbers(numbers: list[str]) -> str:
    return ", ".join(numbers[:3]) + (f" and {len(numbers) - 3} more" if len(numbers) > 3 else "")


@CUSTOMER_DELETING.register
async def refuse_deleting_a_customer_with_open_orders(actor: Actor, customer_id: uuid.UUID
                                                      ) -> str | None:
    numbers: list[str] = await Order.filter(  # type: ignore[assignment]
        workspace_id=actor.workspace_id, customer_id=customer_id, status__in=list(_OPEN),
        deleted_at=None).order_by("number").values_list("number", flat=True)
    if not numbers:
        return None
    return (f"The customer has open orders ({_numbers(numbers)}): ship, complete or "
            "cancel them first")


@OPPORTUNITY_REOPENING.register
async def refuse_reopening_an_opportunity_with_orders(actor: Actor, opportunity_id: uuid.UUID
                                                      ) -> str | None:
    numbers: list[str] = await Order.filter(  # type: ignore[assignment]
        workspace_id=actor.workspace_id, opportunity_id=opportunity_id, deleted_at=None
    ).exclude(status=OrderStatus.CANCELLED).order_by("number").values_list("number", flat=True)
    if not numbers:
        return None
    return (f"The deal was won and ordered ({_numbers(numbers)}): cancel the orders "
            "before moving it out of won")


@CUSTOMER_MERGED.register
async def move_customer_orders(actor: Actor, from_id: uuid.UUID, into_id: uuid.UUID
                               ) -> dict[str, int]:
    """Re-point the orders and payments of a merged customer (for the customers' merge, inside
    its transaction)."""
    ws = actor.workspace_id
    moved = await move_rows(actor, Order, {"workspace_id": ws, "customer_id": from_id},
                            {"customer_id": into_id}, customer_id=into_id)
    await move_rows(actor, Payment, {"workspace_id": ws, "customer_id": from_id},
                    {"customer_id": into_id}, customer_id=into_id)
    return {"orders": moved}



# --- for payroll and analytics ----------------------------------------------------------------

@dataclass(frozen=True)
class CollectedPayment:
    payment_id: uuid.UUID
    order_id: uuid.UUID
    order_number: str
    owner_id: uuid.UUID | None   # the order's owner (the rep credited)
    amount_minor: int            # negative for refunds
    currency: str
    received_on: dt.date
    customer_id: uuid.UUID


async def collected_payments(workspace_id: uuid.UUID, start: dt.date, end: dt.date
                             ) -> list[CollectedPayment]:
    """Payments received (refunds negative) with start <= received_on < end, every owner."""
    return await _collected(Payment.filter(workspace_id=workspace_id, received_on__gte=start,
                                           received_on__lt=end), workspace_id)


async def payments_recorded_late(workspace_id: uuid.UUID, recorded_after: dt.datetime,
                                 received_before: dt.date) -> list[CollectedPayment]:
    """Payments and refunds dated before `received_before` but recorded after
    `recorded_after`: money of a period whose pay run was already calculated, which the next
    run must count (a refund after approval is clawed back there, not lost)."""
    return await _collected(Payment.filter(workspace_id=workspace_id,
                                           created_at__gt=recorded_after,
                                           received_on__lt=received_before), workspace_id)


async def _collected(query: Any, workspace_id: uuid.UUID) -> list[CollectedPayment]:
    payments = await query.order_by("received_on", "id")
    orders = {o["id"]: o for o in await Order.filter(
        workspace_id=workspace_id, id__in=list({p.order_id for p in payments})).values(
        "id", "number", "owner_id")}
    return [CollectedPayment(payment_id=p.id, order_id=p.order_id,
                             order_number=orders[p.order_id]["number"],
                             owner_id=orders[p.order_id]["owner_id"], amount_minor=p.amount_minor,
                             currency=p.currency, received_on=p.received_on,
                             customer_id=p.customer_id)
            for p in payments]


async def booked_revenue(workspace_id: uuid.UUID, start: dt.date, end: dt.date
                         ) -> dict[uuid.UUID | None, list[tuple[int, str]]]:
    """Confirmed-or-later orders (not cancelled) by owner, by confirmation date in
    [start, end): (total_minor, currency) per order."""
    rows = await Order.filter(workspace_id=workspace_id, deleted_at=None,
                              status__in=[s.value for s in BOOKED], confirmed_on__gte=start,
                              confirmed_on__lt=end).order_by("confirmed_on", "id").values(
        "owner_id", "total_minor", "currency")
    out: dict[uuid.UUID | None, list[tuple[int, str]]] = defaultdict(list)
    for r in rows:
        out[r["owner_id"]].append((int(r["total_minor"]), r["currency"]))
    return dict(out)


# --- sums for analytics: grouped in SQL by day, over the orders in the actor's row scope -------

def _booked_orders(actor: Actor, start: dt.date, end: dt.date) -> Any:
    return scoped(Order, actor).filter(status__in=[s.value for s in BOOKED],
                                       confirmed_on__gte=start, confirmed_on__lt=end)


async def booked_by_day(actor: Actor, start: dt.date, end: dt.date, *, by_owner: bool
                        ) -> list[dict[str, Any]]:
    """Per confirmation day, currency (and owner): the booked total and the number of orders."""
    from tortoise.functions import Count
    group = ["confirmed_on", "currency", *(["owner_id"] if by_owner else [])]
    rows = await _booked_orders(actor, start, end).annotate(
        total=Sum("total_minor"), n=Count("id")).group_by(*group).values(*group, "total", "n")
    return list(rows)


async def booked_by_product_line(actor: Actor, start: dt.date, end: dt.date
                                 ) -> list[dict[str, Any]]:
    """Per order and product line: the day, currency and total of its lines."""
    order_days = {o["id"]: (o["confirmed_on"], o["currency"]) for o in await _booked_orders(
        actor, start, end).values("id", "confirmed_on", "currency")}
    sums = await OrderLine.filter(workspace_id=actor.workspace_id,
                                  order_id__in=list(order_days)).annotate(
        total=Sum("total_minor")).group_by("order_id", "product_line_id").values(
        "order_id", "product_line_id", "total")
    return [{"order_id": r["order_id"], "product_line_id": r["product_line_id"],
             "confirmed_on": order_days[r["order_id"]][0],
             "currency": order_days[r["order_id"]][1], "total": r["total"]} for r in sums]


async def collected_by_day(actor: Actor, start: dt.date, end: dt.date, *, by_owner: bool
                           ) -> list[dict[str, Any]]:
    """Per payment day, currency (and the order's owner): money received, net of refunds."""
    payments = scoped(Payment, actor).filter(received_on__gte=start, received_on__lt=end)
    group = ["received_on", "currency", *(["order__owner_id"] if by_owner else [])]
    rows = await payments.annotate(total=Sum("amount_minor")).group_by(*group).values(
        *group, "total")
    return [dict(r, owner_id=r.get("order__owner_id")) for r in rows]
