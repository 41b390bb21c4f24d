"""GraphQL types of products, orders, shipments, payments and returns."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import strawberry
from strawberry.types import Info

from crm.auth.types import AuditEvent, User, history
from crm.catalogue.types import Product
from crm.core.connections import Connection, SortKey
from crm.core.errors import UserError
from crm.core.filters import (
    DecimalFilter,
    FilterSpec,
    IDFilter,
    SortSpec,
    choice,
    custom,
    ref,
    text,
    when,
)
from crm.core.graphql import Node, extend, model_type, node_type
from crm.core.loaders import LoaderKey
from crm.core.money import Money, MoneyInput, percent_of
from crm.core.relations import connection, to_many, to_one
from crm.customers.types import Customer
from crm.orders import models
from crm.sales.types import Opportunity
from crm.stock.types import Warehouse

OrderStatus = strawberry.enum(models.OrderStatus, name="OrderStatus",
                              description="Where an order is, from draft to completed.")
PaymentStatus = strawberry.enum(models.PaymentStatus, name="PaymentStatus",
                                description="How much of an order is paid.")
ShipmentStatus = strawberry.enum(models.ShipmentStatus, name="ShipmentStatus",
                                 description="Where a shipment is.")
PaymentMethod = strawberry.enum(models.PaymentMethod, name="PaymentMethod",
                                description="How the money came.")
ReturnKind = strawberry.enum(models.ReturnKind, name="ReturnKind",
                             description="Money back, or the goods replaced.")
ReturnStatus = strawberry.enum(models.ReturnStatus, name="ReturnStatus",
                               description="Where a return stands.")


def _money(minor: int, currency: str | None) -> Money | None:
    return Money.of(minor, currency)


@node_type(models.OrderLine)
@strawberry.type(description="One product of an order with its price and fulfilment.")
class OrderLine(Node):
    position: int = strawberry.field(description="Its place in the order, from 1.")
    description: str | None = strawberry.field(description="Text printed with the line.")
    quantity: int = strawberry.field(description="Units ordered.")
    reserved_quantity: int = strawberry.field(description="Units held in stock for it.")
    shipped_quantity: int = strawberry.field(description="Units shipped.")
    returned_quantity: int = strawberry.field(
        description="Claimed by return requests that were not rejected.")
    product: Product = to_one("product_id", description="The product.")
    warehouse: Warehouse | None = to_one("warehouse_id", description="Where it is reserved.")

    @strawberry.field(description="Price of one unit before discount.")
    def unit_price(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.unit_price_minor, root.currency)

    @strawberry.field(description="Discount in percent.")
    def discount(self, root: strawberry.Parent[Any]) -> Decimal | None:
        return percent_of(root.discount_bp)

    @strawberry.field(description="Tax rate in percent.")
    def tax_rate(self, root: strawberry.Parent[Any]) -> Decimal | None:
        return percent_of(root.tax_rate_bp)

    @strawberry.field(description="quantity x unit price x (1 - discount), rounded half-up.")
    def net(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.net_minor, root.currency)

    @strawberry.field(description="net x tax rate, rounded half-up.")
    def tax(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.tax_minor, root.currency)

    @strawberry.field(description="net + tax.")
    def total(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.total_minor, root.currency)

    @strawberry.field(description="Cost of one unit when ordered.")
    def unit_cost(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.unit_cost_minor, root.currency)

    @strawberry.field(description="net - quantity x unit cost.")
    def margin(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.net_minor - root.unit_cost_minor * root.quantity, root.currency)


@model_type(models.ShipmentLine)
@strawberry.type(description="How many of an order line a shipment holds.")
class ShipmentLine:
    quantity: int = strawberry.field(description="Units.")
    order_line: OrderLine | None = to_one("order_line_id", description="The order line.")


@model_type(models.ReturnLine)
@strawberry.type(description="How many of an order line a return holds.")
class ReturnLine:
    quantity: int = strawberry.field(description="Units.")
    order_line: OrderLine | None = to_one("order_line_id", description="The order line.")


@model_type(models.TrackingEvent)
@strawberry.type(description="A step of a shipment's journey.")
class TrackingEvent:
    status: ShipmentStatus = strawberry.field(description="The status it reached.")  # type: ignore[valid-type]
    occurred_at: dt.datetime = strawberry.field(description="When.")
    location: str | None = strawberry.field(description="Where.")
    note: str | None = strawberry.field(description="What the carrier said.")


@node_type(models.Shipment)
@strawberry.type(description="Goods leaving a warehouse for an order (物流). Created PENDING (the "
                 "stock has left), IN_TRANSIT once the carrier has it, then DELIVERED.")
class Shipment(Node):
    status: ShipmentStatus = strawberry.field(description="Where it is.")  # type: ignore[valid-type]
    carrier: str | None = strawberry.field(description="Who carries it.")
    tracking_number: str | None = strawberry.field(description="The carrier's number.")
    shipped_at: dt.datetime | None = strawberry.field(description="When it left.")
    delivered_at: dt.datetime | None = strawberry.field(description="When it arrived.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    warehouse: Warehouse | None = to_one("warehouse_id", description="Where it left from.")
    order: Order | None = to_one("order_id", description="The order.")
    lines: list[ShipmentLine] = to_many("shipment_id", order_by=["created_at"], size=5,
                                        description="What it holds.")
    tracking_events: list[TrackingEvent] = to_many(
        "shipment_id", order_by=["occurred_at"], size=5, description="Its journey, oldest first.")

    @strawberry.field(description="True for the replacement shipment of an exchange.")
    def is_replacement(self, root: strawberry.Parent[Any]) -> bool:
        return root.return_request_id is not None


@node_type(models.Payment)
@strawberry.type(description="Money received against an order (回款); a refund is negative.")
class Payment(Node):
    method: PaymentMethod = strawberry.field(description="How the money came.")  # type: ignore[valid-type]
    received_on: dt.date = strawberry.field(description="When it was received.")
    reference: str | None = strawberry.field(description="The bank's or the payer's reference.")
    created_at: dt.datetime = strawberry.field(description="When it was recorded.")
    order: Order | None = to_one("order_id", description="The order.")
    recorded_by: User | None = to_one("recorded_by_id", description="Who recorded it.")

    @strawberry.field(description="The amount; negative for a refund.")
    def amount(self, root: strawberry.Parent[Any]) -> Money:
        return Money.of(root.amount_minor, root.currency)  # type: ignore[return-value]

    @strawberry.field(description="True for a refund.")
    def is_refund(self, root: strawberry.Parent[Any]) -> bool:
        return bool(root.amount_minor < 0)


@node_type(models.ReturnRequest)
@strawberry.type(description="A return or exchange (退换货): REQUESTED -> APPROVED -> RECEIVED -> "
                 "REFUNDED | REPLACED, or REJECTED.")
class ReturnRequest(Node):
    kind: ReturnKind = strawberry.field(description="Money back or replacement.")  # type: ignore[valid-type]
    status: ReturnStatus = strawberry.field(description="Where it stands.")  # type: ignore[valid-type]
    reason: str = strawberry.field(description="Why the customer returns the goods.")
    reject_reason: str | None = strawberry.field(description="Why it was rejected.")
    approved_at: dt.datetime | None = strawberry.field(description="When it was approved.")
    received_at: dt.datetime | None = strawberry.field(description="When the goods came back.")
    closed_at: dt.datetime | None = strawberry.field(description="When it was settled.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was asked for.")
    order: Order | None = to_one("order_id", description="The order.")
    lines: list[ReturnLine] = to_many("return_request_id", order_by=["created_at"], size=3,
                                      description="What comes back.")

    @strawberry.field(description="Value of the returned goods once received; what was refunded "
                      "once refunded.")
    def refund(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.refund_minor, root.currency)


@node_type(models.Order)
@strawberry.type(description="A sales order or contract (订单/合同).")
class Order(Node):
    number: str = strawberry.field(description="Per workspace and year, e.g. SO-2026-000123.")
    status: OrderStatus = strawberry.field(description="Where it is.")  # type: ignore[valid-type]
    currency: str = strawberry.field(description="ISO code of every amount of the order.")
    ordered_on: dt.date = strawberry.field(description="The order's date.")
    confirmed_at: dt.datetime | None = strawberry.field(description="When it was confirmed.")
    shipped_at: dt.datetime | None = strawberry.field(description="When all of it had shipped.")
    delivered_at: dt.datetime | None = strawberry.field(description="When it was delivered.")
    completed_at: dt.datetime | None = strawberry.field(description="When it was closed.")
    cancelled_at: dt.datetime | None = strawberry.field(description="When it was cancelled.")
    cancel_reason: str | None = strawberry.field(description="Why it was cancelled.")
    contract_signed_on: dt.date | None = strawberry.field(description="When the contract was signed.")
    contract_start: dt.date | None = strawberry.field(description="When the contract starts.")
    contract_end: dt.date | None = strawberry.field(description="When the contract ends.")
    terms: str | None = strawberry.field(description="Payment and delivery terms.")
    attachment_url: str | None = strawberry.field(description="A link to the signed contract.")
    notes: str | None = strawberry.field(description="Free notes.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")
    customer: Customer | None = to_one("customer_id", description="Whom it is for.")
    opportunity: Opportunity | None = to_one("opportunity_id", description="The deal it came from.")
    owner: User | None = to_one("owner_id", description="The rep credited with it.")
    warehouse: Warehouse | None = to_one("warehouse_id",
                                         description="Where its stock is reserved and shipped from.")
    lines: list[OrderLine] = to_many("order_id", order_by=["position"], size=20,
                                     description="Its lines, in order.")
    shipments: list[Shipment] = to_many("order_id", order_by=["created_at"], size=2,
                                        description="Its shipments, oldest first.")
    payments: list[Payment] | None = to_many("order_id", order_by=["received_on", "created_at"],
                                             size=3, description="Money received, oldest first.")
    returns: list[ReturnRequest] = to_many("order_id", order_by=["created_at"], size=1,
                                           description="Its returns and exchanges, oldest first.")
    history: Connection[AuditEvent] = history("order")

    @strawberry.field(description="How much of it is paid.")
    def payment_status(self, root: strawberry.Parent[Any]) -> PaymentStatus | None:  # type: ignore[valid-type]
        return root.payment_status  # type: ignore[no-any-return]

    @strawberry.field(description="Sum of the lines' net amounts.")
    def subtotal(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.subtotal_minor, root.currency)

    @strawberry.field(description="Sum of the lines' tax.")
    def tax(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.tax_minor, root.currency)

    @strawberry.field(description="Sum of the lines' totals.")
    def total(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.total_minor, root.currency)

    @strawberry.field(description="Received, net of refunds.")
    def paid(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.paid_minor, root.currency)

    @strawberry.field(description="Value of received returns, no longer due.")
    def returned(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.returned_minor, root.currency)

    @strawberry.field(description="total - returned - paid.")
    def balance_due(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.total_minor - root.returned_minor - root.paid_minor, root.currency)

    @strawberry.field(description="subtotal - cost of the goods.")
    def margin(self, root: strawberry.Parent[Any]) -> Money | None:
        return _money(root.subtotal_minor - root.cost_minor, root.currency)


async def _customer_stats(actor: Any, ids: list[Any]) -> list[Any]:
    from crm.orders.service import customer_order_stats
    stats = await customer_order_stats(actor, ids)
    return [stats[i] for i in ids]


CUSTOMER_STATS = LoaderKey[Any, Any]("customer_order_stats", _customer_stats)


@extend(Customer)
class CustomerOrders:
    """What orders add to a customer."""

    orders: Connection[Order] = connection(
        "customer_id", sort=[SortKey("created_at", descending=True)],
        description="The customer's orders you may see, newest first.")

    @strawberry.field(description="Money collected from the customer, net of refunds, per "
                      "currency, over the orders you may see.")
    async def lifetime_value(self, root: strawberry.Parent[Any], info: Info) -> list[Money] | None:
        stats = await info.context.loaders.get(CUSTOMER_STATS).load(root.id)
        return [Money.of(m, c) for m, c in stats.lifetime]  # type: ignore[misc]

    @strawberry.field(description="When the customer last placed an order you may see (not "
                      "cancelled).")
    async def last_order_at(self, root: strawberry.Parent[Any], info: Info) -> dt.datetime | None:
        return (await info.context.loaders.get(CUSTOMER_STATS).load(root.id)).last_order_at  # type: ignore[no-any-return]


# --- inputs ------------------------------------------------------------------------------------

@strawberry.input
class OrderLineInput:
    product_id: strawberry.ID
    quantity: int
    unit_price: MoneyInput | None = strawberry.field(
        default=None, description="Defaults to the product's list price.")
    discount: Decimal = strawberry.field(default=Decimal(0), description="Percent, e.g. \"5\".")
    tax_rate: Decimal | None = strawberry.field(
        default=None, description="Percent; defaults to the product's rate.")
    description: str | None = None


@strawberry.input
class CreateOrderInput:
    id: strawberry.ID | None = None
    idempotency_key: str | None = None
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Defaults to the opportunity's customer.")
    opportunity_id: strawberry.ID | None = strawberry.field(
        default=None, description="A won opportunity this order comes from.")
    currency: str | None = None
    owner_id: strawberry.ID | None = None
    warehouse_id: strawberry.ID | None = None
    ordered_on: dt.date | None = None
    lines: list[OrderLineInput]
    contract_signed_on: dt.date | None = None
    contract_start: dt.date | None = None
    contract_end: dt.date | None = None
    terms: str | None = None
    attachment_url: str | None = None
    notes: str | None = None


@strawberry.input
class UpdateOrderInput:
    id: strawberry.ID
    expected_version: int | None = None
    contract_signed_on: dt.date | None = strawberry.UNSET
    contract_start: dt.date | None = strawberry.UNSET
    contract_end: dt.date | None = strawberry.UNSET
    terms: str | None = strawberry.UNSET
    attachment_url: str | None = strawberry.UNSET
    notes: str | None = strawberry.UNSET


@strawberry.input
class ReplaceOrderLinesInput:
    id: strawberry.ID
    expected_version: int | None = None
    lines: list[OrderLineInput]


@strawberry.input
class ConfirmOrderInput:
    id: strawberry.ID
    warehouse_id: strawberry.ID | None = strawberry.field(
        default=None, description="Where to reserve; defaults to the order's or the default.")
    idempotency_key: str | None = None


@strawberry.input
class CancelOrderInput:
    id: strawberry.ID
    reason: str | None = None


@strawberry.input
class LineQuantityInput:
    order_line_id: strawberry.ID
    quantity: int


@strawberry.input
class CreateShipmentInput:
    order_id: strawberry.ID
    lines: list[LineQuantityInput] | None = strawberry.field(
        default=None, description="Omit to ship everything not yet shipped.")
    carrier: str | None = None
    tracking_number: str | None = None
    idempotency_key: str | None = None


@strawberry.input
class UpdateShipmentStatusInput:
    id: strawberry.ID
    status: models.ShipmentStatus
    location: str | None = None
    note: str | None = None
    occurred_at: dt.datetime | None = None


@strawberry.input
class RecordPaymentInput:
    order_id: strawberry.ID
    amount: MoneyInput
    method: models.PaymentMethod = models.PaymentMethod.BANK_TRANSFER
    received_on: dt.date | None = None
    reference: str | None = None
    idempotency_key: str | None = None


@strawberry.input
class CreateReturnRequestInput:
    order_id: strawberry.ID
    kind: models.ReturnKind = models.ReturnKind.RETURN
    reason: str
    lines: list[LineQuantityInput]
    warehouse_id: strawberry.ID | None = None
    idempotency_key: str | None = None


@strawberry.input
class RejectReturnInput:
    id: strawberry.ID
    reason: str


@strawberry.input
class RefundReturnInput:
    id: strawberry.ID
    amount: Decimal | None = strawberry.field(
        default=None, description="Defaults to the returned goods' value, capped by what was paid.")
    method: models.PaymentMethod = models.PaymentMethod.BANK_TRANSFER
    received_on: dt.date | None = None
    reference: str | None = None


# --- payloads ----------------------------------------------------------------------------------

@strawberry.type
class OrderPayload:
    order: Order | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class ShipmentPayload:
    shipment: Shipment | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class PaymentPayload:
    payment: Payment | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class ReturnRequestPayload:
    return_request: ReturnRequest | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


# --- lists -------------------------------------------------------------------------------------

def _product_q(value: Any, actor: Any) -> Any:
    from crm.orders.service import orders_with_product_q
    return orders_with_product_q(actor, value)


def _total_q(value: Any, _actor: Any) -> Any:
    from crm.orders.service import total_q
    return total_q(value)


ORDER_FILTER = FilterSpec("Order", [
    text("number"), choice("status", models.OrderStatus),
    choice("payment_status", models.PaymentStatus), ref("customer", "Customer"),
    ref("owner", "User"), ref("warehouse", "Warehouse"),
    custom("product", IDFilter, _product_q, policy="lines",
           description="Orders with a line of this product."),
    when("ordered_on", date=True), when("confirmed_on", date=True, policy="confirmedAt"),
    when("created_at"),
    custom("total", DecimalFilter, _total_q, policy="total",
           description="Total in the order's currency (2-place currencies)."),
], "OrderFilter", __name__, "Which orders to list.")
ORDER_SORT = SortSpec("Order", {
    "NUMBER": ("number", "number"), "ORDERED_ON": ("ordered_on", "orderedOn"),
    "CREATED_AT": ("created_at", "createdAt"), "UPDATED_AT": ("updated_at", "updatedAt"),
    "TOTAL": ("total_minor", "total"),
}, [SortKey("created_at", descending=True)], "OrderSort", __name__)
