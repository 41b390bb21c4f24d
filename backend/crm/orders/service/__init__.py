"""The rules of orders, shipments, payments and returns, a package by job (`amounts` the pure
arithmetic, `lifecycle`, `fulfilment`, `payments`, `reading` for the other modules).

Amounts and rounding
--------------------
Every amount is an integer of the currency's minor unit (fen, cent). One order line:

    gross = quantity * unit_price                      (exact)
    net   = gross * (1 - discount), rounded half-up to the minor unit
    tax   = net * tax_rate,        rounded half-up to the minor unit (per line)
    total = net + tax

and the order's subtotal, tax and total are the sums of its lines' net, tax and total, so the
order always equals the sum of what its lines show. Discounts and tax rates are percentages with
at most two decimals, stored as basis points. Arithmetic is in `int` and `Decimal`, never float.
The value of a returned part of a line is `line total * returned / ordered`, rounded half-up.

Status
------
    DRAFT -> CONFIRMED -> PARTIALLY_SHIPPED -> SHIPPED -> DELIVERED -> COMPLETED
    DRAFT | CONFIRMED -> CANCELLED   (nothing shipped, nothing paid)

Confirming reserves stock for every stock-tracked line in one warehouse, all or nothing;
cancelling releases it; a shipment turns reservations into outgoing movements. Each transition
happens only here, writes an audit event with the order's customer (so it shows in the
customer's timeline) in the same transaction, and locks the order row first, so concurrent
shipments, payments and returns of one order run one after the other.
"""

# The package is split by job; callers keep importing `crm.orders.service`.
from crm.orders.models import (
    OrderStatus,
    PaymentMethod,
    PaymentStatus,
    ReturnKind,
    ReturnStatus,
    ShipmentStatus,
)
from crm.orders.service.amounts import (
    BOOKED,
    MAX_LINES,
    MAX_QUANTITY,
    SHIPPABLE,
    SHIPPED_SOME,
    LineAmounts,
    line_amounts,
    payment_status,
    payment_status_after,
    returned_value,
)
from crm.orders.service.fulfilment import (
    approve_return,
    create_return_request,
    create_shipment,
    receive_return,
    refund_return,
    reject_return,
    update_shipment_status,
)
from crm.orders.service.lifecycle import (
    ORDER_TEXT_COLUMNS,
    ContractFields,
    LineInput,
    QuantityInput,
    cancel_order,
    complete_order,
    confirm_order,
    create_order,
    lock_order,
    order_lines,
    replace_order_lines,
    set_order,
    status_error,
    update_order,
)
from crm.orders.service.payments import (
    record_payment,
)
from crm.orders.service.reading import (
    CollectedPayment,
    CustomerOrderStats,
    booked_by_day,
    booked_by_product_line,
    booked_revenue,
    collected_by_day,
    collected_payments,
    customer_order_stats,
    move_customer_orders,
    order_as_listed,
    order_to_watch,
    orders_by_ids,
    orders_query,
    orders_with_product_q,
    paid_orders_since,
    payments_recorded_late,
    shipments_query,
    total_q,
)

__all__ = [
    "BOOKED",
    "MAX_LINES",
    "MAX_QUANTITY",
    "ORDER_TEXT_COLUMNS",
    "SHIPPABLE",
    "SHIPPED_SOME",
    "CollectedPayment",
    "ContractFields",
    "CustomerOrderStats",
    "LineAmounts",
    "LineInput",
    "OrderStatus",
    "PaymentMethod",
    "PaymentStatus",
    "QuantityInput",
    "ReturnKind",
    "ReturnStatus",
    "ShipmentStatus",
    "approve_return",
    "booked_by_day",
    "booked_by_product_line",
    "booked_revenue",
    "cancel_order",
    "collected_by_day",
    "collected_payments",
    "complete_order",
    "confirm_order",
    "create_order",
    "create_return_request",
    "create_shipment",
    "customer_order_stats",
    "line_amounts",
    "lock_order",
    "move_customer_orders",
    "order_as_listed",
    "order_lines",
    "order_to_watch",
    "orders_by_ids",
    "orders_query",
    "orders_with_product_q",
    "paid_orders_since",
    "payment_status",
    "payment_status_after",
    "payments_recorded_late",
    "receive_return",
    "record_payment",
    "refund_return",
    "reject_return",
    "replace_order_lines",
    "returned_value",
    "set_order",
    "shipments_query",
    "status_error",
    "total_q",
    "update_order",
    "update_shipment_status",
]
