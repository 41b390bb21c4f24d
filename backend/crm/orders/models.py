"""Orders/contracts with their lines, shipments, payments received,
returns and exchanges, and the idempotency keys of the mutations that move money or goods.

Money is stored as integer minor units (`*_minor`) with the order's `currency`; discounts and tax
rates as integer basis points (1 bp = 0.01 percent), so every figure is exact on SQLite and
PostgreSQL.
"""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Any, ClassVar

from tortoise import fields

from crm.core.models import Record, WorkspaceScoped


class OrderStatus(str, Enum):
    DRAFT = "draft"
    CONFIRMED = "confirmed"
    PARTIALLY_SHIPPED = "partially_shipped"
    SHIPPED = "shipped"
    DELIVERED = "delivered"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class PaymentStatus(str, Enum):
    UNPAID = "unpaid"
    PARTIALLY_PAID = "partially_paid"
    PAID = "paid"
    REFUNDED = "refunded"


class ShipmentStatus(str, Enum):
    PENDING = "pending"
    IN_TRANSIT = "in_transit"
    DELIVERED = "delivered"


class PaymentMethod(str, Enum):
    BANK_TRANSFER = "bank_transfer"
    CASH = "cash"
    CARD = "card"
    ALIPAY = "alipay"
    WECHAT_PAY = "wechat_pay"
    CHEQUE = "cheque"
    OTHER = "other"


class ReturnKind(str, Enum):
    RETURN = "return"
    EXCHANGE = "exchange"


class ReturnStatus(str, Enum):
    REQUESTED = "requested"
    APPROVED = "approved"
    RECEIVED = "received"
    REFUNDED = "refunded"
    REPLACED = "replaced"
    REJECTED = "rejected"


class OrderSequence(WorkspaceScoped):
    """The last order number given out per workspace and year."""

    year = fields.IntField()
    last_number = fields.IntField(default=0)

    policy_type: ClassVar[str] = "Order"

    class Meta:
        table = "order_sequence"
        unique_together = (("workspace_id", "year"),)


class Order(Record):
    """A sales order or contract (订单/合同) with its status, totals and payment state."""

    number = fields.CharField(max_length=30)
    customer: Any = fields.ForeignKeyField("crm.Customer", related_name=False,
                                           on_delete=fields.RESTRICT)
    customer_id: uuid.UUID
    opportunity_id = fields.UUIDField(null=True)
    owner: Any = fields.ForeignKeyField("crm.User", related_name=False, null=True,
                                        on_delete=fields.SET_NULL)
    owner_id: uuid.UUID | None
    warehouse_id = fields.UUIDField(null=True)
    currency = fields.CharField(max_length=3)
    status = fields.CharEnumField(OrderStatus, max_length=20, default=OrderStatus.DRAFT)
    payment_status = fields.CharEnumField(PaymentStatus, max_length=20,
                                          default=PaymentStatus.UNPAID)
    subtotal_minor = fields.BigIntField(default=0)
    tax_minor = fields.BigIntField(default=0)
    total_minor = fields.BigIntField(default=0)
    paid_minor = fields.BigIntField(default=0)
    # Value credited back to the customer for received returns: what is due is total - returned.
    returned_minor = fields.BigIntField(default=0)
    cost_minor = fields.BigIntField(default=0)
    ordered_on = fields.DateField()
    confirmed_at = fields.DatetimeField(null=True)
    confirmed_on = fields.DateField(null=True)
    shipped_at = fields.DatetimeField(null=True)
    delivered_at = fields.DatetimeField(null=True)
    completed_at = fields.DatetimeField(null=True)
    cancelled_at = fields.DatetimeField(null=True)
    cancel_reason = fields.CharField(max_length=500, null=True)
    contract_signed_on = fields.DateField(null=True)
    contract_start = fields.DateField(null=True)
    contract_end = fields.DateField(null=True)
    terms = fields.TextField(null=True)
    attachment_url = fields.CharField(max_length=500, null=True)
    notes = fields.TextField(null=True)
    # Where the goods go (收货人, 电话, 地址): the customer's own by default, kept on the order
    # so the warehouse, who may not read customers, can ship it.
    ship_to_name = fields.CharField(max_length=200, null=True)
    ship_to_phone = fields.CharField(max_length=40, null=True)
    ship_to_address = fields.CharField(max_length=500, null=True)

    policy_type: ClassVar[str] = "Order"
    owner_column: ClassVar[str | None] = "owner_id"

    class Meta:
        table = "sales_order"
        unique_together = (("workspace_id", "number"),)
        indexes = (("workspace_id", "owner_id", "deleted_at"), ("workspace_id", "customer_id"),
                   ("workspace_id", "status"), ("workspace_id", "payment_status"),
                   ("workspace_id", "ordered_on"), ("workspace_id", "confirmed_on"),
                   ("workspace_id", "created_at"), ("workspace_id", "updated_at"),
                   ("workspace_id", "total_minor"))


class OrderLine(WorkspaceScoped):
    """One product of an order, its price, discount, tax and fulfilment counts."""

    order: Any = fields.ForeignKeyField("crm.Order", related_name=False, on_delete=fields.CASCADE)
    order_id: uuid.UUID
    position = fields.IntField()
    product: Any = fields.ForeignKeyField("crm.Product", related_name=False,
                                          on_delete=fields.RESTRICT)
    product_id: uuid.UUID
    product_line_id = fields.UUIDField(null=True)
    description = fields.CharField(max_length=300, null=True)
    quantity = fields.IntField()
    unit_price_minor = fields.BigIntField()
    # The order's currency, kept on the line so its amounts read without the order.
    currency = fields.CharField(max_length=3, default="CNY")
    discount_bp = fields.IntField(default=0)
    # Who last set the line's price and discount (null: before this was recorded, or the
    # system): a discount-limit rule judges the line by that person's role, not the confirmer's.
    priced_by_id = fields.UUIDField(null=True)
    tax_rate_bp = fields.IntField(default=0)
    net_minor = fields.BigIntField()
    tax_minor = fields.BigIntField()
    total_minor = fields.BigIntField()
    unit_cost_minor = fields.BigIntField(default=0)
    reserved_quantity = fields.IntField(default=0)
    shipped_quantity = fields.IntField(default=0)
    returned_quantity = fields.IntField(default=0)
    warehouse_id = fields.UUIDField(null=True)

    policy_type: ClassVar[str] = "OrderLine"
    scope_parent: ClassVar[tuple[str, str] | None] = ("order_id", "Order")

    class Meta:
        table = "order_line"
        indexes = (("workspace_id", "order_id", "position"), ("workspace_id", "product_id"))


class Shipment(Record):
    """Goods leaving a warehouse for an order (物流), with carrier and tracking."""

    order: Any = fields.ForeignKeyField("crm.Order", related_name=False, on_delete=fields.CASCADE)
    order_id: uuid.UUID
    warehouse_id = fields.UUIDField(null=True)
    carrier = fields.CharField(max_length=100, null=True)
    tracking_number = fields.CharField(max_length=100, null=True)
    status = fields.CharEnumField(ShipmentStatus, max_length=20, default=ShipmentStatus.PENDING)
    shipped_at = fields.DatetimeField(null=True)
    delivered_at = fields.DatetimeField(null=True)
    # Set on the replacement shipment of an exchange.
    return_request_id = fields.UUIDField(null=True)

    policy_type: ClassVar[str] = "Shipment"
    scope_parent: ClassVar[tuple[str, str] | None] = ("order_id", "Order")

    class Meta:
        table = "shipment"
        # The warehouse's queue (`shipments`) lists by status, oldest first, and finds a parcel
        # by its tracking number: every filter and sort it offers has an index.
        indexes = (("workspace_id", "order_id"), ("workspace_id", "status"),
                   ("workspace_id", "status", "created_at"), ("workspace_id", "created_at"),
                   ("workspace_id", "shipped_at"), ("workspace_id", "warehouse_id"),
                   ("workspace_id", "carrier"), ("workspace_id", "tracking_number"))


class ShipmentLine(WorkspaceScoped):
    shipment: Any = fields.ForeignKeyField("crm.Shipment", related_name=False,
                                           on_delete=fields.CASCADE)
    shipment_id: uuid.UUID
    order_line: Any = fields.ForeignKeyField("crm.OrderLine", related_name=False,
                                             on_delete=fields.CASCADE)
    order_line_id: uuid.UUID
    quantity = fields.IntField()

    policy_type: ClassVar[str] = "Shipment"
    scope_parent: ClassVar[tuple[str, str] | None] = ("shipment_id", "Shipment")

    class Meta:
        table = "shipment_line"
        indexes = (("workspace_id", "shipment_id"),)


class TrackingEvent(WorkspaceScoped):
    """A step of a shipment's journey as the carrier reported it."""

    shipment: Any = fields.ForeignKeyField("crm.Shipment", related_name=False,
                                           on_delete=fields.CASCADE)
    shipment_id: uuid.UUID
    status = fields.CharEnumField(ShipmentStatus, max_length=20)
    occurred_at = fields.DatetimeField()
    location = fields.CharField(max_length=200, null=True)
    note = fields.CharField(max_length=500, null=True)

    policy_type: ClassVar[str] = "Shipment"
    scope_parent: ClassVar[tuple[str, str] | None] = ("shipment_id", "Shipment")

    class Meta:
        table = "tracking_event"
        indexes = (("workspace_id", "shipment_id", "occurred_at"),)


class Payment(WorkspaceScoped):
    """Money received against an order (回款), a refund being a negative payment."""

    order: Any = fields.ForeignKeyField("crm.Order", related_name=False, on_delete=fields.CASCADE)
    order_id: uuid.UUID
    customer_id = fields.UUIDField()
    amount_minor = fields.BigIntField()
    currency = fields.CharField(max_length=3)
    method = fields.CharEnumField(PaymentMethod, max_length=20)
    received_on = fields.DateField()
    reference = fields.CharField(max_length=120, null=True)
    recorded_by_id = fields.UUIDField(null=True)
    return_request_id = fields.UUIDField(null=True)

    policy_type: ClassVar[str] = "Payment"
    scope_parent: ClassVar[tuple[str, str] | None] = ("order_id", "Order")

    class Meta:
        table = "payment"
        indexes = (("workspace_id", "order_id"), ("workspace_id", "received_on"),
                   ("workspace_id", "customer_id"))


class ReturnRequest(Record):
    """A return or exchange (退换货) of shipped goods."""

    order: Any = fields.ForeignKeyField("crm.Order", related_name=False, on_delete=fields.CASCADE)
    order_id: uuid.UUID
    kind = fields.CharEnumField(ReturnKind, max_length=10)
    status = fields.CharEnumField(ReturnStatus, max_length=12, default=ReturnStatus.REQUESTED)
    reason = fields.CharField(max_length=500)
    warehouse_id = fields.UUIDField(null=True)
    refund_minor = fields.BigIntField(default=0)
    # The order's currency, kept on the return so its refund reads without the order.
    currency = fields.CharField(max_length=3, default="CNY")
    approved_at = fields.DatetimeField(null=True)
    received_at = fields.DatetimeField(null=True)
    closed_at = fields.DatetimeField(null=True)
    reject_reason = fields.CharField(max_length=500, null=True)

    policy_type: ClassVar[str] = "ReturnRequest"
    scope_parent: ClassVar[tuple[str, str] | None] = ("order_id", "Order")

    class Meta:
        table = "return_request"
        indexes = (("workspace_id", "order_id"), ("workspace_id", "status"))


class ReturnLine(WorkspaceScoped):
    return_request: Any = fields.ForeignKeyField("crm.ReturnRequest", related_name=False,
                                                 on_delete=fields.CASCADE)
    return_request_id: uuid.UUID
    order_line: Any = fields.ForeignKeyField("crm.OrderLine", related_name=False,
                                             on_delete=fields.CASCADE)
    order_line_id: uuid.UUID
    quantity = fields.IntField()

    policy_type: ClassVar[str] = "ReturnRequest"
    scope_parent: ClassVar[tuple[str, str] | None] = ("return_request_id", "ReturnRequest")

    class Meta:
        table = "return_line"
        indexes = (("workspace_id", "return_request_id"),)
