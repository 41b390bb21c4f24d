"""GraphQL types of products, orders, shipments, payments and returns."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from crm.auth.loaders import user_loader
from crm.auth.types import AuditEvent, User, audit_history
from crm.core.connections import Connection, SortDirection
from crm.core.errors import UserError
from crm.core.filters import (
    DateFilter,
    DateTimeFilter,
    DecimalFilter,
    IDFilter,
    StringFilter,
    enum_filter,
)
from crm.core.graphql import Node, actor_of, node_type, require_visible
from crm.core.money import Money, MoneyInput
from crm.core.scoping import scoped
from crm.orders import models
from crm.orders.loaders import (
    events_of_shipment_loader,
    lines_of_order_loader,
    lines_of_return_loader,
    lines_of_shipment_loader,
    order_line_loader,
    order_loader,
    payments_of_order_loader,
    product_line_loader,
    product_loader,
    returns_of_order_loader,
    shipments_of_order_loader,
)
from crm.stock.loaders import levels_of_product_loader, warehouse_loader
from crm.stock.types import StockLevel, Warehouse

if TYPE_CHECKING:
    from crm.customers.types import Customer
    from crm.sales.types import Opportunity

OrderStatus = strawberry.enum(models.OrderStatus, name="OrderStatus")
PaymentStatus = strawberry.enum(models.PaymentStatus, name="PaymentStatus")
ShipmentStatus = strawberry.enum(models.ShipmentStatus, name="ShipmentStatus")
PaymentMethod = strawberry.enum(models.PaymentMethod, name="PaymentMethod")
ReturnKind = strawberry.enum(models.ReturnKind, name="ReturnKind")
ReturnStatus = strawberry.enum(models.ReturnStatus, name="ReturnStatus")


def _fetcher(model: Any) -> Any:
    async def fetch(actor: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
        return {r.id: r for r in await scoped(model, actor).filter(id__in=ids)}
    return fetch


def percent(bp: int) -> Decimal:
    return (Decimal(bp) / Decimal(100)).quantize(Decimal("0.01"))


async def _visible_order(info: Info, order_id: uuid.UUID) -> Any:
    return require_visible(info, "Order", await order_loader(info).load(order_id))


async def _warehouse(info: Info, warehouse_id: uuid.UUID | None) -> Any:
    if warehouse_id is None:
        return None
    return await warehouse_loader(info).load(warehouse_id)


@node_type(models.ProductLine, _fetcher(models.ProductLine))
@strawberry.type(description="A group of products, in a tree (产品线).")
class ProductLine(Node):
    name: str
    version: int
    created_at: dt.datetime

    @strawberry.field
    async def parent(self, root: strawberry.Parent[Any], info: Info) -> ProductLine | None:
        if root.parent_id is None:
            return None
        return await product_line_loader(info).load(root.parent_id)


@node_type(models.Product, _fetcher(models.Product))
@strawberry.type(description="Something we sell; the SKU is unique in the workspace.")
class Product(Node):
    sku: str
    name: str
    unit: str
    active: bool
    track_stock: bool = strawberry.field(description="Stock is reserved and shipped for it.")
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @strawberry.field
    def list_price(self, root: strawberry.Parent[Any]) -> Money | None:
        return Money.of(root.list_price_minor, root.currency)

    @strawberry.field(description="Finance, admins and sales managers only.")
    def cost_price(self, root: strawberry.Parent[Any]) -> Money | None:
        return Money.of(root.cost_price_minor, root.currency)

    @strawberry.field(description="List price minus cost price. Finance, admins and managers.")
    def margin(self, root: strawberry.Parent[Any]) -> Money | None:
        return Money.of(root.list_price_minor - root.cost_price_minor, root.currency)

    @strawberry.field(description="Default tax rate in percent.")
    def tax_rate(self, root: strawberry.Parent[Any]) -> Decimal:
        return percent(root.tax_rate_bp)

    @strawberry.field
    async def line(self, root: strawberry.Parent[Any], info: Info) -> ProductLine | None:
        if root.line_id is None:
            return None
        return await product_line_loader(info).load(root.line_id)

    @strawberry.field(description="Stock of this product per warehouse.")
    async def stock(self, root: strawberry.Parent[Any], info: Info) -> list[StockLevel]:
        if not actor_of(info).can_read_row("StockLevel", root):
            return []
        return await levels_of_product_loader(info).load(root.id)


@node_type(models.OrderLine, _fetcher(models.OrderLine))
@strawberry.type(description="One product of an order with its price and fulfilment.")
class OrderLine(Node):
    position: int
    description: str | None
    quantity: int
    reserved_quantity: int
    shipped_quantity: int
    returned_quantity: int = strawberry.field(
        description="Claimed by return requests that were not rejected.")

    @strawberry.field
    async def product(self, root: strawberry.Parent[Any], info: Info) -> Product:
        return await product_loader(info).load(root.product_id)

    @strawberry.field
    async def warehouse(self, root: strawberry.Parent[Any], info: Info) -> Warehouse | None:
        return await _warehouse(info, root.warehouse_id)

    @strawberry.field(description="Price of one unit before discount.")
    async def unit_price(self, root: strawberry.Parent[Any], info: Info) -> Money | None:
        return await _line_money_async(info, root, root.unit_price_minor)

    @strawberry.field(description="Discount in percent.")
    def discount(self, root: strawberry.Parent[Any]) -> Decimal | None:
        return percent(root.discount_bp)

    @strawberry.field(description="Tax rate in percent.")
    def tax_rate(self, root: strawberry.Parent[Any]) -> Decimal | None:
        return percent(root.tax_rate_bp)

    @strawberry.field(description="quantity x unit price x (1 - discount), rounded half-up.")
    async def net(self, root: strawberry.Parent[Any], info: Info) -> Money | None:
        return await _line_money_async(info, root, root.net_minor)

    @strawberry.field(description="net x tax rate, rounded half-up.")
    async def tax(self, root: strawberry.Parent[Any], info: Info) -> Money | None:
        return await _line_money_async(info, root, root.tax_minor)

    @strawberry.field(description="net + tax.")
    async def total(self, root: strawberry.Parent[Any], info: Info) -> Money | None:
        return await _line_money_async(info, root, root.total_minor)

    @strawberry.field(description="Cost of one unit when ordered. Finance, admins, managers.")
    async def unit_cost(self, root: strawberry.Parent[Any], info: Info) -> Money | None:
        return await _line_money_async(info, root, root.unit_cost_minor)

    @strawberry.field(description="net - quantity x unit cost. Finance, admins, managers.")
    async def margin(self, root: strawberry.Parent[Any], info: Info) -> Money | None:
        return await _line_money_async(info, root,
                                       root.net_minor - root.unit_cost_minor * root.quantity)


async def _line_money_async(info: Info, root: Any, minor: int) -> Money | None:
    order = await order_loader(info).load(root.order_id)
    return Money.of(minor, order.currency if order else None)


@strawberry.type(description="How many of an order line a shipment or return holds.")
class LineQuantity:
    quantity: int

    @strawberry.field
    async def order_line(self, root: strawberry.Parent[Any], info: Info) -> OrderLine:
        return await order_line_loader(info).load(root.order_line_id)


@strawberry.type(description="A step of a shipment's journey.")
class TrackingEvent:
    status: models.ShipmentStatus
    occurred_at: dt.datetime
    location: str | None
    note: str | None


@node_type(models.Shipment, _fetcher(models.Shipment))
@strawberry.type(description="Goods leaving a warehouse for an order (物流). Created PENDING (the "
                 "stock has left), IN_TRANSIT once the carrier has it, then DELIVERED.")
class Shipment(Node):
    status: models.ShipmentStatus
    carrier: str | None
    tracking_number: str | None
    shipped_at: dt.datetime | None
    delivered_at: dt.datetime | None
    version: int
    created_at: dt.datetime

    @strawberry.field(description="True for the replacement shipment of an exchange.")
    def is_replacement(self, root: strawberry.Parent[Any]) -> bool:
        return root.return_request_id is not None

    @strawberry.field
    async def warehouse(self, root: strawberry.Parent[Any], info: Info) -> Warehouse | None:
        return await _warehouse(info, root.warehouse_id)

    @strawberry.field
    async def order(self, root: strawberry.Parent[Any], info: Info) -> Order | None:
        return await _visible_order(info, root.order_id)

    @strawberry.field
    async def lines(self, root: strawberry.Parent[Any], info: Info) -> list[LineQuantity]:
        return await lines_of_shipment_loader(info).load(root.id)

    @strawberry.field
    async def tracking_events(self, root: strawberry.Parent[Any], info: Info
                              ) -> list[TrackingEvent]:
        return await events_of_shipment_loader(info).load(root.id)


@node_type(models.Payment, _fetcher(models.Payment))
@strawberry.type(description="Money received against an order (回款); a refund is negative.")
class Payment(Node):
    method: models.PaymentMethod
    received_on: dt.date
    reference: str | None
    created_at: dt.datetime

    @strawberry.field
    def amount(self, root: strawberry.Parent[Any]) -> Money:
        return Money.of(root.amount_minor, root.currency)  # type: ignore[return-value]

    @strawberry.field
    def is_refund(self, root: strawberry.Parent[Any]) -> bool:
        return bool(root.amount_minor < 0)

    @strawberry.field
    async def order(self, root: strawberry.Parent[Any], info: Info) -> Order | None:
        return await _visible_order(info, root.order_id)

    @strawberry.field
    async def recorded_by(self, root: strawberry.Parent[Any], info: Info) -> User | None:
        if root.recorded_by_id is None:
            return None
        return await user_loader(info).load(root.recorded_by_id)


@node_type(models.ReturnRequest, _fetcher(models.ReturnRequest))
@strawberry.type(description="A return or exchange (退换货): REQUESTED -> APPROVED -> RECEIVED -> "
                 "REFUNDED | REPLACED, or REJECTED.")
class ReturnRequest(Node):
    kind: models.ReturnKind
    status: models.ReturnStatus
    reason: str
    reject_reason: str | None
    approved_at: dt.datetime | None
    received_at: dt.datetime | None
    closed_at: dt.datetime | None
    version: int
    created_at: dt.datetime

    @strawberry.field(description="Value of the returned goods once received; what was refunded "
                      "once refunded.")
    async def refund(self, root: strawberry.Parent[Any], info: Info) -> Money | None:
        order = await order_loader(info).load(root.order_id)
        return Money.of(root.refund_minor, order.currency if order else None)

    @strawberry.field
    async def order(self, root: strawberry.Parent[Any], info: Info) -> Order | None:
        return await _visible_order(info, root.order_id)

    @strawberry.field
    async def lines(self, root: strawberry.Parent[Any], info: Info) -> list[LineQuantity]:
        return await lines_of_return_loader(info).load(root.id)


@node_type(models.Order, _fetcher(models.Order))
@strawberry.type(description="A sales order or contract (订单/合同).")
class Order(Node):
    number: str = strawberry.field(description="Per workspace and year, e.g. SO-2026-000123.")
    status: models.OrderStatus
    currency: str
    ordered_on: dt.date
    confirmed_at: dt.datetime | None
    shipped_at: dt.datetime | None
    delivered_at: dt.datetime | None
    completed_at: dt.datetime | None
    cancelled_at: dt.datetime | None
    cancel_reason: str | None
    contract_signed_on: dt.date | None
    contract_start: dt.date | None
    contract_end: dt.date | None
    terms: str | None
    attachment_url: str | None
    notes: str | None
    version: int
    created_at: dt.datetime
    updated_at: dt.datetime

    @strawberry.field
    def payment_status(self, root: strawberry.Parent[Any]) -> models.PaymentStatus | None:
        return root.payment_status  # type: ignore[no-any-return]

    @strawberry.field(description="Sum of the lines' net amounts.")
    def subtotal(self, root: strawberry.Parent[Any]) -> Money | None:
        return Money.of(root.subtotal_minor, root.currency)

    @strawberry.field(description="Sum of the lines' tax.")
    def tax(self, root: strawberry.Parent[Any]) -> Money | None:
        return Money.of(root.tax_minor, root.currency)

    @strawberry.field(description="Sum of the lines' totals.")
    def total(self, root: strawberry.Parent[Any]) -> Money | None:
        return Money.of(root.total_minor, root.currency)

    @strawberry.field(description="Received, net of refunds.")
    def paid(self, root: strawberry.Parent[Any]) -> Money | None:
        return Money.of(root.paid_minor, root.currency)

    @strawberry.field(description="Value of received returns, no longer due.")
    def returned(self, root: strawberry.Parent[Any]) -> Money | None:
        return Money.of(root.returned_minor, root.currency)

    @strawberry.field(description="total - returned - paid.")
    def balance_due(self, root: strawberry.Parent[Any]) -> Money | None:
        return Money.of(root.total_minor - root.returned_minor - root.paid_minor, root.currency)

    @strawberry.field(description="subtotal - cost of the goods. Finance, admins, managers.")
    def margin(self, root: strawberry.Parent[Any]) -> Money | None:
        return Money.of(root.subtotal_minor - root.cost_minor, root.currency)

    @strawberry.field
    async def customer(self, root: strawberry.Parent[Any], info: Info
                       ) -> Annotated[Customer, strawberry.lazy("crm.customers.types")] | None:
        from crm.customers.loaders import customer_loader
        return require_visible(info, "Customer", await customer_loader(info).load(root.customer_id))

    @strawberry.field
    async def opportunity(self, root: strawberry.Parent[Any], info: Info
                          ) -> Annotated[Opportunity, strawberry.lazy("crm.sales.types")] | None:
        if root.opportunity_id is None:
            return None
        from crm.sales.loaders import opportunity_loader
        return require_visible(info, "Opportunity",
                               await opportunity_loader(info).load(root.opportunity_id))

    @strawberry.field
    async def owner(self, root: strawberry.Parent[Any], info: Info) -> User | None:
        if root.owner_id is None:
            return None
        return require_visible(info, "User", await user_loader(info).load(root.owner_id))

    @strawberry.field(description="Where its stock is reserved and shipped from.")
    async def warehouse(self, root: strawberry.Parent[Any], info: Info) -> Warehouse | None:
        return await _warehouse(info, root.warehouse_id)

    @strawberry.field
    async def lines(self, root: strawberry.Parent[Any], info: Info) -> list[OrderLine]:
        return await lines_of_order_loader(info).load(root.id)

    @strawberry.field
    async def shipments(self, root: strawberry.Parent[Any], info: Info) -> list[Shipment]:
        return await shipments_of_order_loader(info).load(root.id)

    @strawberry.field
    async def payments(self, root: strawberry.Parent[Any], info: Info) -> list[Payment] | None:
        return await payments_of_order_loader(info).load(root.id)

    @strawberry.field
    async def returns(self, root: strawberry.Parent[Any], info: Info) -> list[ReturnRequest]:
        return await returns_of_order_loader(info).load(root.id)

    @strawberry.field(description="The order's events (created, confirmed, shipped, paid...), "
                      "newest first.")
    async def history(self, root: strawberry.Parent[Any], info: Info, first: int | None = 20,
                      after: str | None = None) -> Connection[AuditEvent]:
        return await audit_history(actor_of(info), "Order", root, first=first, after=after)


# --- inputs ------------------------------------------------------------------------------------

@strawberry.input
class CreateProductLineInput:
    id: strawberry.ID | None = None
    name: str
    parent_id: strawberry.ID | None = None


@strawberry.input
class CreateProductInput:
    id: strawberry.ID | None = None
    sku: str
    name: str
    line_id: strawberry.ID | None = None
    unit: str = "pcs"
    list_price: MoneyInput
    cost_price: MoneyInput | None = None
    tax_rate: Decimal | None = strawberry.field(default=None, description="Percent, e.g. \"13\".")
    track_stock: bool = True
    active: bool = True


@strawberry.input
class UpdateProductInput:
    id: strawberry.ID
    expected_version: int | None = None
    name: str | None = strawberry.UNSET
    unit: str | None = strawberry.UNSET
    line_id: strawberry.ID | None = strawberry.UNSET
    list_price: MoneyInput | None = None
    cost_price: MoneyInput | None = None
    tax_rate: Decimal | None = None


@strawberry.input
class SetProductActiveInput:
    id: strawberry.ID
    active: bool


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
class OrderIdInput:
    id: strawberry.ID


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
class ReturnIdInput:
    id: strawberry.ID


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
class ProductLinePayload:
    product_line: ProductLine | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class ProductPayload:
    product: Product | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


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

@strawberry.input
class OrderFilter:
    number: StringFilter | None = strawberry.UNSET
    status: enum_filter(models.OrderStatus) | None = strawberry.UNSET  # type: ignore[valid-type]
    payment_status: enum_filter(models.PaymentStatus) | None = strawberry.UNSET  # type: ignore[valid-type]
    customer: IDFilter | None = strawberry.UNSET
    owner: IDFilter | None = strawberry.UNSET
    product: IDFilter | None = strawberry.field(
        default=strawberry.UNSET, description="Orders with a line of this product.")
    ordered_on: DateFilter | None = strawberry.UNSET
    confirmed_on: DateFilter | None = strawberry.UNSET
    created_at: DateTimeFilter | None = strawberry.UNSET
    total: DecimalFilter | None = strawberry.field(
        default=strawberry.UNSET, description="Total in the order's currency (2-place currencies).")
    and_: list[OrderFilter] | None = strawberry.field(name="and", default=strawberry.UNSET)
    or_: list[OrderFilter] | None = strawberry.field(name="or", default=strawberry.UNSET)
    not_: OrderFilter | None = strawberry.field(name="not", default=strawberry.UNSET)


@strawberry.enum(name="OrderSortField")
class OrderSort(Enum):
    NUMBER = "number"
    ORDERED_ON = "orderedOn"
    CREATED_AT = "createdAt"
    UPDATED_AT = "updatedAt"
    TOTAL = "total"


@strawberry.input
class OrderOrder:
    field: OrderSort
    direction: SortDirection = SortDirection.ASC


@strawberry.input
class ProductFilter:
    search: str | None = strawberry.UNSET
    sku: StringFilter | None = strawberry.UNSET
    line: IDFilter | None = strawberry.UNSET
    active: bool | None = strawberry.UNSET


@strawberry.enum(name="SalesGrouping")
class SalesGrouping(Enum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


@strawberry.enum(name="SalesBreakdown")
class SalesBreakdown(Enum):
    NONE = "none"
    OWNER = "owner"
    PRODUCT_LINE = "product_line"


@strawberry.input
class PeriodInput:
    start: dt.date
    end: dt.date = strawberry.field(description="Exclusive.")


@strawberry.type(description="Booked (confirmed orders) and collected (payments) amounts of one "
                 "period and one owner or product line; amounts per currency.")
class SalesSummaryRow:
    period_start: dt.date
    orders: int
    booked: list[Money]
    collected: list[Money]
    owner: User | None = None
    product_line: ProductLine | None = None
