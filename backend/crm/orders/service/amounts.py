"""Pure arithmetic of orders: line amounts, the value of a return, the payment status. No
reads or writes here: the other rooms of the service call these."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from crm.core.money import round_half_up
from crm.orders.models import (
    Order,
    OrderLine,
    OrderStatus,
    PaymentStatus,
)

MAX_LINES = 200
MAX_QUANTITY = 10**7
SHIPPABLE = (OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_SHIPPED)
SHIPPED_SOME = (OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.DELIVERED,
                OrderStatus.COMPLETED)
BOOKED = (OrderStatus.CONFIRMED, *SHIPPED_SOME)


# --- amounts -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class LineAmounts:
    net_minor: int
    tax_minor: int
    total_minor: int


def line_amounts(quantity: int, unit_price_minor: int, discount_bp: int,
                 tax_rate_bp: int) -> LineAmounts:
    """The amounts of one line, by the rule in this module's docstring."""
    gross = Decimal(quantity) * Decimal(unit_price_minor)
    net = round_half_up(gross * (Decimal(10000 - discount_bp) / Decimal(10000)))
    tax = round_half_up(Decimal(net) * Decimal(tax_rate_bp) / Decimal(10000))
    return LineAmounts(net, tax, net + tax)


def returned_value(line: OrderLine, quantity: int) -> int:
    return round_half_up(Decimal(line.total_minor) * quantity / line.quantity)


def payment_status(order: Order) -> PaymentStatus:
    due = order.total_minor - order.returned_minor
    if due <= 0 < order.returned_minor and order.paid_minor <= 0:
        # Everything came back and nothing is kept: "paid" with 0.00 received misled finance.
        return PaymentStatus.REFUNDED
    if order.paid_minor <= 0 and due > 0:
        return PaymentStatus.UNPAID
    if order.paid_minor >= due:
        return PaymentStatus.PAID
    return PaymentStatus.PARTIALLY_PAID


def payment_status_after(order: Order, *, paid: int, returned: int | None = None) -> PaymentStatus:
    """The payment status the order will have once paid (and returned) change."""
    probe = Order(total_minor=order.total_minor, paid_minor=paid,
                  returned_minor=order.returned_minor if returned is None else returned)
    return payment_status(probe)
