"""Money received against orders (回款), refunds as negative payments."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from tortoise.transactions import in_transaction

from crm.core import audit
from crm.core.errors import ErrorCode, ServiceError
from crm.core.idempotency import idempotent
from crm.core.money import format_money, parse_money
from crm.core.policy import Actor
from crm.core.records import utcnow
from crm.customers import service as customers
from crm.orders.models import (
    OrderStatus,
    Payment,
    PaymentMethod,
    PaymentStatus,
)
from crm.orders.service.amounts import payment_status_after
from crm.orders.service.lifecycle import lock_order, set_order, status_error

# --- payments ----------------------------------------------------------------------------------

def check_received_on(received_on: dt.date | None, field: str = "receivedOn") -> None:
    """Money is recorded when it has moved: a date ahead of today (a day's grace for the
    time zones ahead of UTC) would count it as collected before it is, in commission too."""
    if received_on is not None and received_on > utcnow().date() + dt.timedelta(days=1):
        raise ServiceError(ErrorCode.INVALID,
                           f"{received_on.isoformat()} is in the future: record money once it "
                           "has been received", field)


async def record_payment(actor: Actor, order_id: uuid.UUID, amount: Decimal, currency: str, *,
                         method: PaymentMethod = PaymentMethod.BANK_TRANSFER,
                         received_on: dt.date | None = None, reference: str | None = None,
                         idempotency_key: str | None = None) -> Payment:
    """Money received against a confirmed order; more than is due is refused."""
    request = {"order": order_id, "amount": amount, "currency": currency, "method": method,
               "receivedOn": received_on, "reference": reference}
    return await idempotent(actor, idempotency_key, "recordPayment", request,
                            lambda: _record_payment(actor, order_id, amount, currency, method,
                                                    received_on, reference))


async def _record_payment(actor: Actor, order_id: uuid.UUID, amount: Decimal, currency: str,
                          method: PaymentMethod, received_on: dt.date | None,
                          reference: str | None) -> Payment:
    minor = parse_money(amount, currency, "amount")
    check_received_on(received_on)
    if minor == 0:
        raise ServiceError(ErrorCode.INVALID, "A payment must be more than zero", "amount.amount")
    if reference is not None:
        reference = reference.strip()[:120] or None
    async with in_transaction("default"):
        order = await lock_order(actor, order_id, "Payment")
        if order.status in (OrderStatus.DRAFT, OrderStatus.CANCELLED):
            raise status_error(order, "record a payment")
        if currency != order.currency:
            raise ServiceError(ErrorCode.INVALID,
                               f"The order is in {order.currency}, not {currency}",
                               "amount.currency")
        due = order.total_minor - order.returned_minor - order.paid_minor
        if minor > due:
            raise ServiceError(ErrorCode.INVALID,
                               f"Only {format_money(due, order.currency)} is due on {order.number}",
                               "amount.amount")
        payment = await Payment.create(
            workspace_id=actor.workspace_id, order_id=order.id, customer_id=order.customer_id,
            amount_minor=minor, currency=currency, method=method,
            received_on=received_on or utcnow().date(), reference=reference,
            recorded_by_id=actor.user_id)
        await audit.record_created(actor, payment, customer_id=order.customer_id)
        paid = order.paid_minor + minor
        status = payment_status_after(order, paid=paid)
        await set_order(actor, order, {"paid_minor": paid, "payment_status": status},
                         "payment", note=f"payment {payment.id}")
        if status is PaymentStatus.PAID:
            await customers.record_paid_order(actor, order.customer_id)
    return payment
