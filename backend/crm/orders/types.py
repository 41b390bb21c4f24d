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
from crm.core.enums import public_enum
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
from crm.core.money import Money, MoneyInput, money_field, percent_of
from crm.core.payloads import errors_field, result_field
from crm.core.relations import connection, to_many, to_one
from crm.customers.types import Customer
from crm.orders import models
from crm.sales.types import Opportunity
from crm.stock.types import Warehouse

OrderStatus = public_enum(
    models.OrderStatus, name="OrderStatus",
    description="Where an order is: DRAFT -> CONFIRMED -> PARTIALLY_SHIPPED -> SHIPPED -> "
    "DELIVERED -> COMPLETED, or CANCELLED from DRAFT or CONFIRMED.",
    values={
        "DRAFT": "Being prepared: lines and prices may still change; no stock is reserved.",
        "CONFIRMED": "Accepted: stock is reserved for every stock-tracked line; nothing has "
        "shipped yet.",
        "PARTIALLY_SHIPPED": "Some units have shipped; the rest stay reserved until they ship.",
        "SHIPPED": "Every unit has left the warehouse; waiting for the shipments to arrive.",
        "DELIVERED": "Every shipment has arrived; completeOrder closes the order.",
        "COMPLETED": "Closed after delivery; payments and returns may still be recorded.",
        "CANCELLED": "Called off before anything shipped or was paid; its reserved stock was "
        "released.",
    })
PaymentStatus = public_enum(
    models.PaymentStatus, name="PaymentStatus",
    description="How much of an order is paid, counting refunds and received returns: what is "
    "due is the total minus the value of returns received.",
    values={
        "UNPAID": "Nothing received yet (net of refunds) while money is due.",
        "PARTIALLY_PAID": "Some money received, less than is due.",
        "PAID": "Everything due is received; also when nothing is due.",
        "REFUNDED": "Everything was returned and whatever was paid has been paid back.",
    })
ShipmentStatus = public_enum(
    models.ShipmentStatus, name="ShipmentStatus",
    description="Where a shipment is: PENDING -> IN_TRANSIT -> DELIVERED, never back.",
    values={
        "PENDING": "Packed: the stock has left the warehouse's books, the carrier does not have "
        "it yet.",
        "IN_TRANSIT": "The carrier has it on the way.",
        "DELIVERED": "It reached the customer; once every shipment of a SHIPPED order is "
        "delivered, the order is DELIVERED.",
    })
PaymentMethod = public_enum(
    models.PaymentMethod, name="PaymentMethod",
    description="How money came in or, for a refund, went back.",
    values={
        "BANK_TRANSFER": "A bank transfer (the default).",
        "CASH": "Cash.",
        "CARD": "A debit or credit card.",
        "ALIPAY": "Alipay (支付宝).",
        "WECHAT_PAY": "WeChat Pay (微信支付).",
        "CHEQUE": "A cheque.",
        "OTHER": "Any other way; say which in the payment's reference.",
    })
ReturnKind = public_enum(
    models.ReturnKind, name="ReturnKind",
    description="What the customer gets for goods they send back: money, or the goods again.",
    values={
        "RETURN": "The goods come back and the customer is refunded (refundReturn).",
        "EXCHANGE": "The goods come back and the same quantities ship again as a replacement "
        "shipment; no money moves.",
    })
ReturnStatus = public_enum(
    models.ReturnStatus, name="ReturnStatus",
    description="Where a return stands: REQUESTED -> APPROVED -> RECEIVED -> REFUNDED for a "
    "return, REQUESTED -> APPROVED -> REPLACED for an exchange, or REJECTED.",
    values={
        "REQUESTED": "Asked for and waiting for approval; its quantities already count as "
        "returned on the order's lines, so they cannot be claimed twice.",
        "APPROVED": "Accepted; waiting for the goods to come back (receiveReturn).",
        "RECEIVED": "The goods of a return are back in stock and no longer due; waiting for the "
        "refund.",
        "REFUNDED": "Closed: the refund was paid as a negative payment (nothing, when nothing "
        "had been paid).",
        "REPLACED": "Closed: the goods of an exchange are back and the replacement has shipped.",
        "REJECTED": "Closed without taking the goods back; their quantities may be claimed "
        "again.",
    })

def _money(minor: int, currency: str | None) -> Money | None:
    return Money.of(minor, currency)


@node_type(models.OrderLine)
@strawberry.type(description="One product of an order with its price and fulfilment.")
class OrderLine(Node):
    position: int = strawberry.field(
        description="Its place in the order, counted from 0 as in the lines sent.")
    description: str | None = strawberry.field(description="Text printed with the line.")
    quantity: int = strawberry.field(description="Units ordered.")
    reserved_quantity: int = strawberry.field(description="Units held in stock for it.")
    shipped_quantity: int = strawberry.field(description="Units shipped.")
    returned_quantity: int = strawberry.field(
        description="Claimed by return requests that were not rejected.")
    product: Product = to_one("product_id", description="The product.")
    warehouse: Warehouse | None = to_one("warehouse_id", description="Where it is reserved.")

    unit_price: Money | None = money_field(
        "unit_price_minor", description="Price of one unit before discount.")

    @strawberry.field(description="Discount in percent.")
    def discount(self, root: strawberry.Parent[Any]) -> Decimal | None:
        return percent_of(root.discount_bp)

    @strawberry.field(description="Tax rate in percent.")
    def tax_rate(self, root: strawberry.Parent[Any]) -> Decimal | None:
        return percent_of(root.tax_rate_bp)

    net: Money | None = money_field(
        "net_minor", description="quantity x unit price x (1 - discount), rounded half-up.")

    tax: Money | None = money_field("tax_minor", description="net x tax rate, rounded half-up.")

    total: Money | None = money_field("total_minor", description="net + tax.")

    unit_cost: Money | None = money_field(
        "unit_cost_minor", description="Cost of one unit when ordered.")

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

    amount: Money = money_field("amount_minor", description="The amount; negative for a refund.")

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

    refund: Money | None = money_field(
        "refund_minor", description="Value of the returned goods once received; what was refunded "
        "once refunded.")


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
    ship_to_name: str | None = strawberry.field(
        description="Who receives the goods (收货人); the customer's name unless given.")
    ship_to_phone: str | None = strawberry.field(
        description="The receiver's phone, for the carrier; the customer's unless given.")
    ship_to_address: str | None = strawberry.field(
        description="Where the goods go (收货地址); the customer's address unless given.")
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

    subtotal: Money | None = money_field(
        "subtotal_minor", description="Sum of the lines' net amounts.")

    tax: Money | None = money_field("tax_minor", description="Sum of the lines' tax.")

    total: Money | None = money_field("total_minor", description="Sum of the lines' totals.")

    paid: Money | None = money_field("paid_minor", description="Received, net of refunds.")

    returned: Money | None = money_field(
        "returned_minor", description="Value of received returns, no longer due.")

    balance_due: Money | None = money_field(
        "total_minor", "-returned_minor", "-paid_minor", description="total - returned - paid.")

    margin: Money | None = money_field(
        "subtotal_minor", "-cost_minor", description="subtotal - cost of the goods.")


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

_CLIENT_ID = "A UUID chosen by the client (offline creation, retries); refused if taken."
_IDEMPOTENCY = ("1 to 100 characters: a retry with the same key and input returns the first "
                "result and changes nothing; the same key with other input is a CONFLICT.")


@strawberry.input(description="One line of a new or replaced order: a product, how many, and "
                  "the price when it is not the list price.")
class OrderLineInput:
    product_id: strawberry.ID = strawberry.field(
        description="The product sold; it must still be on sale.")
    quantity: int = strawberry.field(description="Units ordered, 1 to 10,000,000.")
    unit_price: MoneyInput | None = strawberry.field(
        default=None, description="Price of one unit before discount, in the order's currency. "
        "Defaults to the product's list price; needed when the product is priced in another "
        "currency.")
    discount: Decimal = strawberry.field(
        default=Decimal(0), description="Percent off, 0 to 100 with at most two decimals, "
        "e.g. \"5\".")
    tax_rate: Decimal | None = strawberry.field(
        default=None, description="Percent, 0 to 100 with at most two decimals; defaults to the "
        "product's rate.")
    description: str | None = strawberry.field(
        default=None, description="Text printed with the line; defaults to the product's name.")


@strawberry.input(description="A new DRAFT order for a customer, or from a won opportunity. "
                  "Its number and every amount are computed on the server.")
class CreateOrderInput:
    id: strawberry.ID | None = strawberry.field(default=None, description=_CLIENT_ID)
    idempotency_key: str | None = strawberry.field(default=None, description=_IDEMPOTENCY)
    customer_id: strawberry.ID | None = strawberry.field(
        default=None, description="Defaults to the opportunity's customer; a customer in the "
        "public pool must be claimed first.")
    opportunity_id: strawberry.ID | None = strawberry.field(
        default=None, description="A won opportunity this order comes from.")
    currency: str | None = strawberry.field(
        default=None, description="ISO 4217 code of every amount of the order; defaults to the "
        "opportunity's currency, else the workspace's.")
    owner_id: strawberry.ID | None = strawberry.field(
        default=None, description="The rep credited with it; defaults to the customer's owner, "
        "else you. Refused if your write scope does not cover that user.")
    warehouse_id: strawberry.ID | None = strawberry.field(
        default=None, description="Where its stock is to be reserved on confirmation; "
        "confirmOrder may still choose another.")
    ordered_on: dt.date | None = strawberry.field(
        default=None, description="The order's date; defaults to today. Its year is the year "
        "in the order number.")
    lines: list[OrderLineInput] = strawberry.field(
        description="1 to 200 lines, in the order they are printed.")
    contract_signed_on: dt.date | None = strawberry.field(
        default=None, description="When the contract was signed, if there is one.")
    contract_start: dt.date | None = strawberry.field(
        default=None, description="When the contract starts.")
    contract_end: dt.date | None = strawberry.field(
        default=None, description="When the contract ends; not before contractStart.")
    terms: str | None = strawberry.field(default=None,
                                         description="Payment and delivery terms.")
    attachment_url: str | None = strawberry.field(
        default=None, description="A link to the signed contract.")
    notes: str | None = strawberry.field(default=None, description="Free notes.")
    ship_to_name: str | None = strawberry.field(
        default=None, description="Who receives the goods; null takes the customer's name.")
    ship_to_phone: str | None = strawberry.field(
        default=None, description="The receiver's phone; null takes the customer's phone.")
    ship_to_address: str | None = strawberry.field(
        default=None, description="Where the goods go; null takes the customer's address.")


@strawberry.input(description="Changes to an order's contract fields and notes, in any status "
                  "but CANCELLED; omitted fields stay as they are, null clears one. Lines change "
                  "with replaceOrderLines.")
class UpdateOrderInput:
    id: strawberry.ID = strawberry.field(description="The order.")
    expected_version: int | None = strawberry.field(
        default=None, description="Refuse with CONFLICT if the order changed since.")
    contract_signed_on: dt.date | None = strawberry.field(
        default=strawberry.UNSET, description="When the contract was signed.")
    contract_start: dt.date | None = strawberry.field(
        default=strawberry.UNSET, description="When the contract starts.")
    contract_end: dt.date | None = strawberry.field(
        default=strawberry.UNSET, description="When the contract ends; not before its start.")
    terms: str | None = strawberry.field(default=strawberry.UNSET,
                                         description="Payment and delivery terms.")
    attachment_url: str | None = strawberry.field(
        default=strawberry.UNSET, description="A link to the signed contract.")
    notes: str | None = strawberry.field(default=strawberry.UNSET, description="Free notes.")
    ship_to_name: str | None = strawberry.field(default=strawberry.UNSET,
                                                description="A new receiver.")
    ship_to_phone: str | None = strawberry.field(default=strawberry.UNSET,
                                                 description="A new receiver's phone.")
    ship_to_address: str | None = strawberry.field(default=strawberry.UNSET,
                                                   description="A new delivery address.")


@strawberry.input(description="New lines for a DRAFT order: the old lines are dropped and the "
                  "totals computed again.")
class ReplaceOrderLinesInput:
    id: strawberry.ID = strawberry.field(description="The DRAFT order.")
    expected_version: int | None = strawberry.field(
        default=None, description="Refuse with CONFLICT if the order changed since.")
    lines: list[OrderLineInput] = strawberry.field(
        description="1 to 200 lines, in the order they are printed.")


@strawberry.input(description="A DRAFT order to confirm, reserving its stock.")
class ConfirmOrderInput:
    id: strawberry.ID = strawberry.field(description="The DRAFT order.")
    warehouse_id: strawberry.ID | None = strawberry.field(
        default=None, description="Where to reserve; defaults to the order's warehouse, else "
        "the workspace's default warehouse.")
    idempotency_key: str | None = strawberry.field(default=None, description=_IDEMPOTENCY)


@strawberry.input(description="A DRAFT or CONFIRMED order to cancel; one with payments is "
                  "refused until they are refunded.")
class CancelOrderInput:
    id: strawberry.ID = strawberry.field(description="The order.")
    reason: str | None = strawberry.field(
        default=None, description="Why, kept as the order's cancelReason.")


@strawberry.input(description="How many units of one order line a shipment or return takes.")
class LineQuantityInput:
    order_line_id: strawberry.ID = strawberry.field(description="A line of the same order.")
    quantity: int = strawberry.field(
        description="Units, more than zero: at most what is left to ship (a shipment), or what "
        "was shipped and is not claimed by another return (a return).")


@strawberry.input(description="Goods leaving the order's warehouse for a CONFIRMED or "
                  "PARTIALLY_SHIPPED order; their reserved stock goes out with them.")
class CreateShipmentInput:
    order_id: strawberry.ID = strawberry.field(description="The order to ship.")
    lines: list[LineQuantityInput] | None = strawberry.field(
        default=None, description="Omit to ship everything not yet shipped.")
    carrier: str | None = strawberry.field(default=None,
                                           description="Who carries it, e.g. SF Express.")
    tracking_number: str | None = strawberry.field(
        default=None, description="The carrier's tracking number.")
    idempotency_key: str | None = strawberry.field(default=None, description=_IDEMPOTENCY)


@strawberry.input(description="A step of a shipment's journey as the carrier reports it: "
                  "forward only, PENDING -> IN_TRANSIT -> DELIVERED (in transit may be skipped).")
class UpdateShipmentStatusInput:
    id: strawberry.ID = strawberry.field(description="The shipment.")
    status: models.ShipmentStatus = strawberry.field(
        description="The status it reached: IN_TRANSIT or DELIVERED.")
    location: str | None = strawberry.field(
        default=None, description="Where it happened, as the carrier says.")
    note: str | None = strawberry.field(default=None, description="What the carrier said.")
    occurred_at: dt.datetime | None = strawberry.field(
        default=None, description="When it happened; defaults to now. Becomes the shipment's "
        "shippedAt or deliveredAt.")


@strawberry.input(description="Money received against an order that is neither DRAFT nor "
                  "CANCELLED (回款); more than its balance due is refused.")
class RecordPaymentInput:
    order_id: strawberry.ID = strawberry.field(description="The order paid for.")
    amount: MoneyInput = strawberry.field(
        description="More than zero, in the order's currency, at most its balanceDue.")
    method: models.PaymentMethod = strawberry.field(
        default=models.PaymentMethod.BANK_TRANSFER, description="How the money came.")
    received_on: dt.date | None = strawberry.field(
        default=None, description="When the money arrived; defaults to today.")
    reference: str | None = strawberry.field(
        default=None, description="The bank's or the payer's reference, at most 120 characters.")
    idempotency_key: str | None = strawberry.field(default=None, description=_IDEMPOTENCY)


@strawberry.input(description="Goods of an order that has shipped something, coming back for "
                  "money (RETURN) or for the same goods again (EXCHANGE).")
class CreateReturnRequestInput:
    order_id: strawberry.ID = strawberry.field(description="The order the goods shipped for.")
    kind: models.ReturnKind = strawberry.field(default=models.ReturnKind.RETURN,
                                               description="Money back or replacement.")
    reason: str = strawberry.field(description="Why the customer returns the goods; required.")
    lines: list[LineQuantityInput] = strawberry.field(
        description="What comes back, per order line.")
    warehouse_id: strawberry.ID | None = strawberry.field(
        default=None, description="Where the goods come back to; defaults to the order's "
        "warehouse.")
    idempotency_key: str | None = strawberry.field(default=None, description=_IDEMPOTENCY)


@strawberry.input(description="A REQUESTED or APPROVED return to refuse; its quantities may be "
                  "claimed again.")
class RejectReturnInput:
    id: strawberry.ID = strawberry.field(description="The return request.")
    reason: str = strawberry.field(description="Why it is refused; required, shown as "
                                   "rejectReason.")


@strawberry.input(description="A RECEIVED return (not an exchange) to pay back as a negative "
                  "payment; the return is REFUNDED afterwards.")
class RefundReturnInput:
    id: strawberry.ID = strawberry.field(description="The return request.")
    amount: Decimal | None = strawberry.field(
        default=None, description="In the order's currency, e.g. \"99.50\"; at most the returned "
        "goods' value and what was paid. Defaults to the smaller of the two.")
    method: models.PaymentMethod = strawberry.field(
        default=models.PaymentMethod.BANK_TRANSFER, description="How the money goes back.")
    received_on: dt.date | None = strawberry.field(
        default=None, description="When the refund was paid; defaults to today.")
    reference: str | None = strawberry.field(
        default=None, description="The bank's reference of the refund.")


# --- payloads ----------------------------------------------------------------------------------

@strawberry.type(description="The order as the mutation left it, or why it did not change.")
class OrderPayload:
    order: Order | None = result_field("the order", current_on_conflict=True)
    errors: list[UserError] = errors_field()


@strawberry.type(description="The shipment written, or why not.")
class ShipmentPayload:
    shipment: Shipment | None = result_field("the shipment")
    errors: list[UserError] = errors_field()


@strawberry.type(description="The payment recorded, or why not.")
class PaymentPayload:
    payment: Payment | None = result_field("the payment")
    errors: list[UserError] = errors_field()


@strawberry.type(description="The return request as the mutation left it, or why it did not "
                 "change.")
class ReturnRequestPayload:
    return_request: ReturnRequest | None = result_field("the return request")
    errors: list[UserError] = errors_field()


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

# The warehouse's queue: shipments by where they are, oldest first (first packed, first handed
# to the carrier), with the order they belong to.
SHIPMENT_FILTER = FilterSpec("Shipment", [
    choice("status", models.ShipmentStatus,
           description="Where it is: PENDING waits for the carrier, IN_TRANSIT is on its way."),
    text("carrier"), text("tracking_number"),
    # the number on the packing slip, which is what the warehouse has in hand
    text("order_number", "order__number", policy="order",
         description="Match on the number of the order it belongs to (SO-2026-000123)."),
    ref("order", "Order"), ref("warehouse", "Warehouse"),
    when("shipped_at"), when("created_at"),
], "ShipmentFilter", __name__, "Which shipments to list.")
SHIPMENT_SORT = SortSpec("Shipment", {
    "CREATED_AT": ("created_at", "createdAt"), "SHIPPED_AT": ("shipped_at", "shippedAt"),
}, [SortKey("created_at")], "ShipmentSort", __name__)
