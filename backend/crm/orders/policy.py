"""Who sees orders, shipments, payments and returns.

- Reps see the orders they own (an order's owner is its customer's owner when it is created),
  managers their team's, the other roles that deal with orders all of them.
- `warehouse` sees orders, their lines, shipments and returns, but no price, total, payment or
  cost: every money field carries a rule whose default is NONE and which names the roles that
  may read it. Payments are invisible to it row by row.
- Margins: `admin`, `finance` and sales managers only (cost prices: see catalogue).
"""

from crm.core.policy import Access, FieldRule, ObjectRule, RowScope

A, T, OWN, N = RowScope.ALL, RowScope.TEAM, RowScope.OWN, RowScope.NONE
R, W, NONE = Access.READ, Access.WRITE, Access.NONE

_ORDER_READ = {"admin": A, "sales_manager": T, "sales_rep": OWN, "warehouse": A, "finance": A,
               "viewer": A, "support": A, "marketing": A, "hr": N}
_ORDER_WRITE = {"admin": A, "sales_manager": T, "sales_rep": OWN}

OBJECTS = {
    "Order": ObjectRule(read=_ORDER_READ, write=_ORDER_WRITE),
    "OrderLine": ObjectRule(read=_ORDER_READ, write=_ORDER_WRITE),
    "Shipment": ObjectRule(read=_ORDER_READ,
                           write={"admin": A, "warehouse": A, "sales_manager": T}),
    "Payment": ObjectRule(read={**_ORDER_READ, "warehouse": N, "support": N},
                          write={"admin": A, "finance": A, "sales_manager": T}),
    "ReturnRequest": ObjectRule(read=_ORDER_READ,
                                write={"admin": A, "sales_manager": T, "sales_rep": OWN,
                                       "support": A, "warehouse": A, "finance": A}),
}

# Prices, totals and payments: every role that deals in money reads them; warehouse and hr not.
MONEY = FieldRule(roles={"admin": R, "sales_manager": R, "sales_rep": R, "finance": R,
                         "viewer": R, "support": R, "marketing": R}, default=NONE)
# The payments of an order: the roles whose row scope reaches payments (not support).
PAYMENTS = FieldRule(roles={"admin": R, "sales_manager": R, "sales_rep": R, "finance": R,
                            "viewer": R, "marketing": R}, default=NONE)
# Cost prices and margins.
COST = FieldRule(roles={"admin": R, "finance": R, "sales_manager": R}, default=NONE)


def _delivery(mask: str) -> FieldRule:
    """Where the goods go: those who sell and ship read it, the rest see it masked."""
    return FieldRule(roles={"admin": W, "sales_manager": W, "sales_rep": W, "warehouse": R,
                            "support": R}, default=Access.MASKED, mask=mask)


FIELDS = {
    "Order.shipToPhone": _delivery("phone"),
    "Order.shipToAddress": _delivery("text"),
    "Order.subtotal": MONEY,
    "Order.tax": MONEY,
    "Order.total": MONEY,
    "Order.paid": MONEY,
    "Order.returned": MONEY,
    "Order.balanceDue": MONEY,
    "Order.paymentStatus": MONEY,
    "Order.payments": PAYMENTS,
    "Order.margin": COST,
    "OrderLine.unitPrice": MONEY,
    "OrderLine.discount": MONEY,
    "OrderLine.taxRate": MONEY,
    "OrderLine.net": MONEY,
    "OrderLine.tax": MONEY,
    "OrderLine.total": MONEY,
    "OrderLine.unitCost": COST,
    "OrderLine.margin": COST,
    "ReturnRequest.refund": MONEY,
    "Customer.lifetimeValue": MONEY,
}

# Audit keys each type shows under another field's policy (None: never shown in history).
# An order's cost is what its margin is made of: whoever may not read the margin may not read
# the cost it was computed from, in history either.
AUDIT_AS: dict[str, str | None] = {
    "Order.cost": "margin",
    "Order.confirmedOn": "confirmedAt",
    "OrderLine.productLineId": "product",
    "OrderLine.currency": "total",
    "OrderLine.orderId": None,
    # Who priced a line: bookkeeping for the discount-limit approval rule, read by no field.
    "OrderLine.pricedById": None,
    "Payment.currency": "amount",
    "Payment.returnRequestId": "isRefund",
    "Payment.customerId": "order",
    "ReturnRequest.currency": "refund",
    "ReturnRequest.warehouseId": None,
    "Shipment.returnRequestId": "isReplacement",
}
