"""The rules of products, orders, shipments, payments and returns.

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

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, TypeVar

import orjson
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.functions import Max, Sum
from tortoise.transactions import in_transaction

from crm.auth.models import User, Workspace
from crm.core import audit
from crm.core.errors import ErrorCode, ServiceError, UserError, ValidationFailed, not_found
from crm.core.money import parse_money, valid_currency
from crm.core.policy import Actor, RowScope
from crm.core.records import earlier_create, find_for_write, require_write_scope, utcnow
from crm.core.scoping import scoped
from crm.core.validation import check_fields, check_version, clean_text
from crm.orders.models import (
    IdempotencyKey,
    Order,
    OrderLine,
    OrderSequence,
    OrderStatus,
    Payment,
    PaymentMethod,
    PaymentStatus,
    Product,
    ProductLine,
    ReturnKind,
    ReturnLine,
    ReturnRequest,
    ReturnStatus,
    Shipment,
    ShipmentLine,
    ShipmentStatus,
    TrackingEvent,
)
from crm.stock import service as stock
from crm.stock.service import StockRequest

T = TypeVar("T")
MAX_LINES = 200
MAX_QUANTITY = 10**7
SHIPPABLE = (OrderStatus.CONFIRMED, OrderStatus.PARTIALLY_SHIPPED)
SHIPPED_SOME = (OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.DELIVERED,
                OrderStatus.COMPLETED)
BOOKED = (OrderStatus.CONFIRMED, *SHIPPED_SOME)


# --- amounts -----------------------------------------------------------------------------------

def round_half_up(value: Decimal) -> int:
    return int(value.quantize(Decimal(1), rounding=ROUND_HALF_UP))


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


def parse_percent(value: Decimal, field: str) -> int:
    """Basis points of a percentage between 0 and 100 with at most two decimals."""
    if value < 0 or value > 100:
        raise ServiceError(ErrorCode.INVALID, "A percentage is between 0 and 100", field)
    bp = value * 100
    if bp != bp.to_integral_value():
        raise ServiceError(ErrorCode.INVALID, "A percentage has at most two decimals", field)
    return int(bp)


def payment_status(order: Order) -> PaymentStatus:
    due = order.total_minor - order.returned_minor
    if order.paid_minor <= 0 and due > 0:
        return PaymentStatus.UNPAID
    if order.paid_minor >= due:
        return PaymentStatus.PAID
    return PaymentStatus.PARTIALLY_PAID


def _status_after(order: Order, *, paid: int, returned: int | None = None) -> PaymentStatus:
    """The payment status the order will have once paid (and returned) change."""
    probe = Order(total_minor=order.total_minor, paid_minor=paid,
                  returned_minor=order.returned_minor if returned is None else returned)
    return payment_status(probe)


# --- idempotency -------------------------------------------------------------------------------

def _request_hash(actor: Actor, operation: str, request: dict[str, Any]) -> str:
    body = orjson.dumps({"op": operation, "user": actor.user_id, "request": request},
                        default=str, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(body).hexdigest()



async def idempotent(actor: Actor, key: str | None, operation: str, request: dict[str, Any],
                     work: Callable[[], Awaitable[T]]) -> T:
    """Run `work` once per idempotency key: a retry with the same input gets the first result
    back and writes nothing; the same key with another input is a CONFLICT.

    The key is inserted first, inside the work's transaction: of two concurrent retries the
    unique index lets one through; the other waits for it, fails on the index, and then reads
    the first result.
    """
    if key is None:
        return await work()
    key = key.strip()
    if not key or len(key) > 100:
        raise ServiceError(ErrorCode.INVALID, "An idempotency key has 1 to 100 characters",
                           "idempotencyKey")
    digest = _request_hash(actor, operation, request)
    for _attempt in range(3):
        try:
            async with in_transaction():
                existing = await IdempotencyKey.filter(workspace_id=actor.workspace_id,
                                                       key=key).first()
                if existing is not None:
                    return await _replay(actor, existing, operation, digest)
                row = await IdempotencyKey.create(workspace_id=actor.workspace_id, key=key,
                                                  operation=operation, request_hash=digest,
                                                  user_id=actor.user_id)
                result = await work()
                await IdempotencyKey.filter(id=row.id).update(
                    result_type=type(result).__name__, result_id=getattr(result, "id", None))
                return result
        except IntegrityError:
            continue  # a concurrent request with this key won: read its result
    raise ServiceError(ErrorCode.CONFLICT, "This idempotency key is in use; retry",
                       "idempotencyKey")


async def _replay(actor: Actor, existing: IdempotencyKey, operation: str, digest: str) -> Any:
    if existing.operation != operation or existing.request_hash != digest:
        raise ServiceError(ErrorCode.CONFLICT,
                           "This idempotency key was used for a different request",
                           "idempotencyKey")
    model = {"Order": Order, "Shipment": Shipment, "Payment": Payment,
             "ReturnRequest": ReturnRequest}.get(existing.result_type or "")
    if model is None or existing.result_id is None:
        raise ServiceError(ErrorCode.CONFLICT, "The first request with this key is still running",
                           "idempotencyKey")
    return await model.get(id=existing.result_id, workspace_id=actor.workspace_id)


# --- products ----------------------------------------------------------------------------------

async def create_product_line(actor: Actor, name: str, parent_id: uuid.UUID | None = None,
                              line_id: uuid.UUID | None = None) -> ProductLine:
    require_write_scope(actor, "ProductLine")
    values = clean_text({"name": name})
    check_fields(ProductLine, values)
    if (earlier := await earlier_create(actor, ProductLine, line_id)) is not None:
        return earlier
    if parent_id is not None and not await ProductLine.filter(
            workspace_id=actor.workspace_id, id=parent_id, deleted_at=None).exists():
        raise not_found("Parent product line", "parentId")
    async with in_transaction():
        row = await ProductLine.create(id=line_id or uuid.uuid4(), workspace_id=actor.workspace_id,
                                       parent_id=parent_id, created_by_id=actor.user_id, **values)
        await audit.record(actor, "ProductLine", row.id, "create", {"name": [None, row.name]})
    return row


PRODUCT_COLUMNS = ["sku", "name", "unit", "active", "track_stock", "line_id"]


async def create_product(actor: Actor, values: dict[str, Any], *, list_price: Any = None,
                         cost_price: Any = None, tax_rate: Decimal | None = None,
                         product_id: uuid.UUID | None = None) -> Product:
    """A product; prices are MoneyInput-like objects (amount, currency) of one currency."""
    require_write_scope(actor, "Product")
    values = clean_text(values)
    check_fields(Product, values)
    if (earlier := await earlier_create(actor, Product, product_id)) is not None:
        return earlier
    currency = list_price.currency if list_price is not None else "CNY"
    row_values: dict[str, Any] = dict(values, currency=currency)
    if list_price is not None:
        row_values["list_price_minor"] = parse_money(list_price.amount, currency, "listPrice")
    if cost_price is not None:
        if actor.field_access("Product", "costPrice").rank < 3:
            raise ServiceError(ErrorCode.FORBIDDEN, "You may not set cost prices", "costPrice")
        if cost_price.currency != currency:
            raise ServiceError(ErrorCode.INVALID, "Cost and list price need the same currency",
                               "costPrice.currency")
        row_values["cost_price_minor"] = parse_money(cost_price.amount, currency, "costPrice")
    if tax_rate is not None:
        row_values["tax_rate_bp"] = parse_percent(tax_rate, "taxRate")
    if values.get("line_id") and not await ProductLine.filter(
            workspace_id=actor.workspace_id, id=values["line_id"], deleted_at=None).exists():
        raise not_found("Product line", "lineId")
    async with in_transaction():
        if await Product.filter(workspace_id=actor.workspace_id, sku=values["sku"]).exists():
            raise ServiceError(ErrorCode.DUPLICATE, f"SKU {values['sku']} exists", "sku")
        row = await Product.create(id=product_id or uuid.uuid4(), workspace_id=actor.workspace_id,
                                   created_by_id=actor.user_id, **row_values)
        await audit.record(actor, "Product", row.id, "create",
                           audit.diff({}, audit.snapshot(row, list(row_values))))
    return row


async def set_product_active(actor: Actor, product_id: uuid.UUID, active: bool) -> Product:
    require_write_scope(actor, "Product")
    async with in_transaction():
        row = await get_product(actor, product_id)
        if row.active != active:
            await Product.filter(id=row.id).update(active=active, version=F("version") + 1)
            await audit.record(actor, "Product", row.id, "update", {"active": [row.active, active]})
            row.active = active
            row.version += 1
    return row


async def update_product(actor: Actor, product_id: uuid.UUID, changes: dict[str, Any], *,
                         list_price: Any = None, cost_price: Any = None,
                         tax_rate: Decimal | None = None,
                         expected_version: int | None = None) -> Product:
    """Rename, re-price or re-file a product. Prices keep the product's currency; orders
    already placed keep the prices they were placed at."""
    changes = clean_text({k: v for k, v in changes.items() if k in ("name", "unit", "line_id")})
    check_fields(Product, changes)
    async with in_transaction():
        row = await find_for_write(actor, Product, product_id)
        if list_price is not None:
            if list_price.currency != row.currency:
                raise ServiceError(ErrorCode.INVALID, f"The product is priced in {row.currency}",
                                   "listPrice.currency")
            changes["list_price_minor"] = parse_money(list_price.amount, row.currency,
                                                      "listPrice")
        if cost_price is not None:
            if actor.field_access("Product", "costPrice").rank < 3:
                raise ServiceError(ErrorCode.FORBIDDEN, "You may not set cost prices",
                                   "costPrice")
            if cost_price.currency != row.currency:
                raise ServiceError(ErrorCode.INVALID, f"The product is priced in {row.currency}",
                                   "costPrice.currency")
            changes["cost_price_minor"] = parse_money(cost_price.amount, row.currency,
                                                      "costPrice")
        if tax_rate is not None:
            changes["tax_rate_bp"] = parse_percent(tax_rate, "taxRate")
        if changes.get("line_id") and not await ProductLine.filter(
                workspace_id=actor.workspace_id, id=changes["line_id"], deleted_at=None).exists():
            raise not_found("Product line", "lineId")
        return await _update_record(actor, row, changes, expected_version)


async def _update_record(actor: Actor, row: Any, changes: dict[str, Any],
                         expected_version: int | None, *, customer_id: uuid.UUID | None = None,
                         action: str = "update") -> Any:
    """`update_versioned`, with the audit keyed by API field names (see `api_names`)."""
    check_version(row, expected_version)
    changes = {k: v for k, v in changes.items() if getattr(row, k) != v}
    if not changes:
        return row
    model = type(row)
    before = audit.snapshot(row, list(changes))
    updated = await model.filter(id=row.id, version=row.version).update(
        **changes, version=F("version") + 1, updated_at=utcnow())
    if not updated:
        raise ServiceError(ErrorCode.CONFLICT, "The record changed while you were saving it",
                           "expectedVersion")
    for k, v in changes.items():
        setattr(row, k, v)
    row.version += 1
    await audit.record(actor, model.policy_type, row.id, action,
                       api_names(audit.diff(before, audit.snapshot(row, list(changes)))),
                       customer_id=customer_id)
    return row


async def get_product(actor: Actor, product_id: uuid.UUID, field: str = "id") -> Product:
    row = await scoped(Product, actor).filter(id=product_id).first()
    if row is None:
        raise not_found("Product", field)
    return row


# --- orders ------------------------------------------------------------------------------------

@dataclass
class LineInput:
    product_id: uuid.UUID
    quantity: int
    unit_price: Decimal | None = None
    unit_price_currency: str | None = None
    discount: Decimal = Decimal(0)
    tax_rate: Decimal | None = None
    description: str | None = None


@dataclass
class QuantityInput:
    order_line_id: uuid.UUID
    quantity: int


@dataclass
class ContractFields:
    contract_signed_on: dt.date | None = None
    contract_start: dt.date | None = None
    contract_end: dt.date | None = None
    terms: str | None = None
    attachment_url: str | None = None
    notes: str | None = None


async def _next_number(workspace_id: uuid.UUID, year: int) -> str:
    """`SO-2026-000123`: the next number of the workspace's year, taken inside the caller's
    transaction (the UPDATE holds the counter's row until commit)."""
    if not await OrderSequence.filter(workspace_id=workspace_id, year=year).exists():
        try:
            async with in_transaction():
                await OrderSequence.create(workspace_id=workspace_id, year=year, last_number=0)
        except IntegrityError:
            pass
    await OrderSequence.filter(workspace_id=workspace_id, year=year).update(
        last_number=F("last_number") + 1)
    seq = await OrderSequence.get(workspace_id=workspace_id, year=year)
    return f"SO-{year}-{seq.last_number:06d}"


async def _lock_order(actor: Actor, order_id: uuid.UUID, acting_on: str = "Order") -> Order:
    """The order, locked until the transaction ends, if the actor may act on it."""
    require_write_scope(actor, acting_on)
    qs = scoped(Order, actor, write=acting_on == "Order").filter(id=order_id)
    row = await qs.select_for_update().first()
    if row is not None:
        return row
    if acting_on == "Order" and await scoped(Order, actor).filter(id=order_id).exists():
        raise ServiceError(ErrorCode.FORBIDDEN, "You may read this order but not change it",
                           "orderId")
    raise not_found("Order", "orderId")


def _status_error(order: Order, doing: str) -> ServiceError:
    return ServiceError(ErrorCode.INVALID_STATE,
                        f"Cannot {doing}: order {order.number} is {order.status.value}", "orderId")


def api_names(changes: dict[str, Any]) -> dict[str, Any]:
    """Audit changes keyed by the field the API shows (`paid_minor` -> `paid`), so the field
    policy hides money from history exactly as it hides it from the type."""
    return {(k[:-len("_minor")] if k.endswith("_minor") else k): v for k, v in changes.items()}


async def _set_order(actor: Actor, order: Order, changes: dict[str, Any], action: str,
                     note: str | None = None) -> Order:
    """Apply changes to a locked order and record the order event."""
    before = audit.snapshot(order, list(changes))
    for k, v in changes.items():
        setattr(order, k, v)
    order.version += 1
    await Order.filter(id=order.id).update(**changes, version=order.version, updated_at=utcnow())
    await audit.record(actor, "Order", order.id, action,
                       api_names(audit.diff(before, audit.snapshot(order, list(changes)))),
                       customer_id=order.customer_id, note=note)
    return order


async def _check_lines(actor: Actor, currency: str, lines: list[LineInput]
                       ) -> list[tuple[LineInput, Product, int, int, int]]:
    """Each line's product, unit price, discount and tax rate, or every problem at once."""
    if not lines:
        raise ServiceError(ErrorCode.INVALID, "An order needs at least one line", "lines")
    if len(lines) > MAX_LINES:
        raise ServiceError(ErrorCode.LIMIT_REACHED, f"At most {MAX_LINES} lines", "lines")
    products = {p.id: p for p in await scoped(Product, actor).filter(
        id__in=list({line.product_id for line in lines}))}
    errors: list[UserError] = []
    checked = []
    for i, line in enumerate(lines):
        path = f"lines.{i}"
        try:
            product = products.get(line.product_id)
            if product is None:
                raise ServiceError(ErrorCode.NOT_FOUND, f"Line {i + 1}: product not found",
                                   f"{path}.productId")
            if not product.active:
                raise ServiceError(ErrorCode.INVALID,
                                   f"Line {i + 1}: {product.sku} is not sold any more",
                                   f"{path}.productId")
            if line.quantity <= 0 or line.quantity > MAX_QUANTITY:
                raise ServiceError(ErrorCode.INVALID,
                                   f"Line {i + 1}: quantity must be between 1 and {MAX_QUANTITY}",
                                   f"{path}.quantity")
            if line.unit_price is not None:
                price_currency = line.unit_price_currency or currency
                if price_currency != currency:
                    raise ServiceError(ErrorCode.INVALID,
                                       f"Line {i + 1}: price in {price_currency}, order in "
                                       f"{currency}", f"{path}.unitPrice.currency")
                price = parse_money(line.unit_price, currency, f"{path}.unitPrice")
            else:
                if product.currency != currency:
                    raise ServiceError(ErrorCode.INVALID,
                                       f"Line {i + 1}: {product.sku} is priced in "
                                       f"{product.currency}, the order is in {currency}; "
                                       "give a unit price", f"{path}.unitPrice")
                price = product.list_price_minor
            discount = parse_percent(line.discount, f"{path}.discount")
            tax = product.tax_rate_bp if line.tax_rate is None else parse_percent(
                line.tax_rate, f"{path}.taxRate")
            checked.append((line, product, price, discount, tax))
        except ServiceError as exc:
            errors.extend(exc.as_user_errors())
    if errors:
        raise ValidationFailed(errors)
    return checked


async def create_order(
    actor: Actor,
    *,
    customer_id: uuid.UUID | None,
    lines: list[LineInput],
    currency: str | None = None,
    opportunity_id: uuid.UUID | None = None,
    owner_id: uuid.UUID | None = None,
    warehouse_id: uuid.UUID | None = None,
    ordered_on: dt.date | None = None,
    contract: ContractFields | None = None,
    order_id: uuid.UUID | None = None,
    idempotency_key: str | None = None,
) -> Order:
    """A draft order; from a won opportunity when `opportunity_id` is given."""
    request = {"customer": customer_id, "currency": currency, "opportunity": opportunity_id,
               "owner": owner_id, "warehouse": warehouse_id, "orderedOn": ordered_on,
               "contract": contract.__dict__ if contract else None, "id": order_id,
               "lines": [line.__dict__ for line in lines]}
    return await idempotent(actor, idempotency_key, "createOrder", request, lambda: _create_order(
        actor, customer_id=customer_id, lines=lines, currency=currency,
        opportunity_id=opportunity_id, owner_id=owner_id, warehouse_id=warehouse_id,
        ordered_on=ordered_on, contract=contract or ContractFields(), order_id=order_id))


async def _create_order(actor: Actor, *, customer_id: uuid.UUID | None, lines: list[LineInput],
                        currency: str | None, opportunity_id: uuid.UUID | None,
                        owner_id: uuid.UUID | None, warehouse_id: uuid.UUID | None,
                        ordered_on: dt.date | None, contract: ContractFields,
                        order_id: uuid.UUID | None) -> Order:
    from crm.customers.service import get_customer

    require_write_scope(actor, "Order")
    opportunity = None
    if opportunity_id is not None:
        opportunity = await _won_opportunity(actor, opportunity_id)
        if customer_id is not None and customer_id != opportunity.customer_id:
            raise ServiceError(ErrorCode.INVALID, "The opportunity belongs to another customer",
                               "opportunityId")
        customer_id = opportunity.customer_id
    if customer_id is None:
        raise ServiceError(ErrorCode.INVALID, "Give the customer or a won opportunity",
                           "customerId")
    customer = await get_customer(actor, customer_id)
    if customer.in_pool:
        raise ServiceError(ErrorCode.INVALID_STATE, "Claim the customer from the pool first",
                           "customerId")
    if currency is None:
        currency = opportunity.currency if opportunity else \
            (await Workspace.get(id=actor.workspace_id)).setting("currency")
    assert currency is not None
    if not valid_currency(currency):
        raise ServiceError(ErrorCode.INVALID, f"{currency!r} is not an ISO 4217 currency code",
                           "currency")
    owner_id = owner_id or customer.owner_id or actor.user_id
    if owner_id is not None and owner_id != actor.user_id:
        owner = await User.get_or_none(id=owner_id, workspace_id=actor.workspace_id)
        if owner is None or not owner.is_active:
            raise not_found("Owner", "ownerId")
        if not actor.row_in_scope(actor.write_scope("Order"), owner_id):
            raise ServiceError(ErrorCode.FORBIDDEN, "You may not give orders to that user",
                               "ownerId")
    if warehouse_id is not None:
        await stock.get_warehouse(actor, warehouse_id)
    fields_ = clean_text({k: v for k, v in contract.__dict__.items() if isinstance(v, str)})
    check_fields(Order, fields_)
    if contract.contract_start and contract.contract_end and \
            contract.contract_end < contract.contract_start:
        raise ServiceError(ErrorCode.INVALID, "The contract ends before it starts", "contractEnd")
    checked = await _check_lines(actor, currency, lines)
    if order_id is not None and await Order.filter(id=order_id).exists():
        raise ServiceError(ErrorCode.CONFLICT, "That id is already taken", "id")
    today = ordered_on or utcnow().date()
    async with in_transaction():
        number = await _next_number(actor.workspace_id, today.year)
        order = Order(id=order_id or uuid.uuid4(), workspace_id=actor.workspace_id, number=number,
                      customer_id=customer.id, opportunity_id=opportunity_id, owner_id=owner_id,
                      warehouse_id=warehouse_id, currency=currency, ordered_on=today,
                      created_by_id=actor.user_id, **{**contract.__dict__, **fields_})
        rows = _line_rows(actor, order.id, checked)
        for column, value in _totals(rows).items():
            setattr(order, column, value)
        order.payment_status = payment_status(order)
        await order.save(force_create=True)
        await OrderLine.bulk_create(rows)
        await audit.record(actor, "Order", order.id, "create", {
            "number": [None, number], "status": [None, order.status.value],
            "total": [None, str(order.total_minor)], "currency": [None, currency]},
            customer_id=customer.id)
    return order


ORDER_TEXT_COLUMNS = ["contract_signed_on", "contract_start", "contract_end", "terms",
                      "attachment_url", "notes"]


async def update_order(actor: Actor, order_id: uuid.UUID, changes: dict[str, Any],
                       expected_version: int | None = None) -> Order:
    """Change an order's contract fields and notes (any status but cancelled)."""
    changes = clean_text({k: v for k, v in changes.items() if k in ORDER_TEXT_COLUMNS})
    check_fields(Order, {k: v for k, v in changes.items() if isinstance(v, str)})
    async with in_transaction():
        order = await _lock_order(actor, order_id)
        if order.status is OrderStatus.CANCELLED:
            raise _status_error(order, "change")
        start = changes.get("contract_start", order.contract_start)
        end = changes.get("contract_end", order.contract_end)
        if start and end and end < start:
            raise ServiceError(ErrorCode.INVALID, "The contract ends before it starts",
                               "contractEnd")
        return await _update_record(actor, order, changes, expected_version,
                                    customer_id=order.customer_id)


async def replace_order_lines(actor: Actor, order_id: uuid.UUID, lines: list[LineInput],
                              expected_version: int | None = None) -> Order:
    """Replace the lines of a draft; totals are computed again by the same rule."""
    async with in_transaction():
        order = await _lock_order(actor, order_id)
        if order.status is not OrderStatus.DRAFT:
            raise _status_error(order, "change the lines")
        checked = await _check_lines(actor, order.currency, lines)
        await OrderLine.filter(order_id=order.id).delete()
        rows = _line_rows(actor, order.id, checked)
        await OrderLine.bulk_create(rows)
        totals = _totals(rows)
        order = await _update_record(actor, order, {
            **totals, "payment_status": _status_after(
                Order(total_minor=totals["total_minor"]), paid=order.paid_minor)},
            expected_version, customer_id=order.customer_id, action="update_lines")
    return order


def _line_rows(actor: Actor, order_id: uuid.UUID,
               checked: list[tuple[LineInput, Product, int, int, int]]) -> list[OrderLine]:
    rows = []
    for position, (line, product, price, discount, tax) in enumerate(checked):
        amounts = line_amounts(line.quantity, price, discount, tax)
        rows.append(OrderLine(
            id=uuid.uuid4(), workspace_id=actor.workspace_id, order_id=order_id,
            position=position, product_id=product.id, product_line_id=product.line_id,
            description=(line.description or product.name)[:300], quantity=line.quantity,
            unit_price_minor=price, discount_bp=discount, tax_rate_bp=tax,
            net_minor=amounts.net_minor, tax_minor=amounts.tax_minor,
            total_minor=amounts.total_minor, unit_cost_minor=product.cost_price_minor))
    return rows


def _totals(rows: list[OrderLine]) -> dict[str, int]:
    return {"subtotal_minor": sum(r.net_minor for r in rows),
            "tax_minor": sum(r.tax_minor for r in rows),
            "total_minor": sum(r.total_minor for r in rows),
            "cost_minor": sum(r.unit_cost_minor * r.quantity for r in rows)}


async def _won_opportunity(actor: Actor, opportunity_id: uuid.UUID) -> Any:
    from crm.sales.models import Opportunity, PipelineStage
    opp = await scoped(Opportunity, actor).filter(id=opportunity_id).first()
    if opp is None:
        raise not_found("Opportunity", "opportunityId")
    stage = await PipelineStage.get(id=opp.stage_id)
    if not stage.is_won:
        raise ServiceError(ErrorCode.INVALID_STATE, "Only a won opportunity becomes an order",
                           "opportunityId")
    return opp


async def order_lines(order_id: uuid.UUID) -> list[OrderLine]:
    return list(await OrderLine.filter(order_id=order_id).order_by("position"))


async def confirm_order(actor: Actor, order_id: uuid.UUID, *,
                        warehouse_id: uuid.UUID | None = None,
                        idempotency_key: str | None = None) -> Order:
    """Confirm a draft: reserve stock for every stock-tracked line, all or nothing."""
    request = {"order": order_id, "warehouse": warehouse_id}
    return await idempotent(actor, idempotency_key, "confirmOrder", request,
                            lambda: _confirm_order(actor, order_id, warehouse_id))


async def _confirm_order(actor: Actor, order_id: uuid.UUID,
                         warehouse_id: uuid.UUID | None) -> Order:
    # Confirming reserves stock: a step of fulfilment as much as of selling, so those who may
    # ship (the warehouse) may confirm as well as those who may change the order.
    acting_on = "Order" if actor.write_scope("Order") is not RowScope.NONE else "Shipment"
    async with in_transaction():
        order = await _lock_order(actor, order_id, acting_on)
        if order.status is not OrderStatus.DRAFT:
            raise _status_error(order, "confirm")
        lines = await order_lines(order.id)
        products = {p.id: p for p in await Product.filter(
            id__in=[line.product_id for line in lines])}
        tracked = [line for line in lines if products[line.product_id].track_stock]
        wid = warehouse_id or order.warehouse_id
        if tracked and wid is None:
            default = await stock.default_warehouse(actor.workspace_id)
            if default is None:
                raise ServiceError(ErrorCode.INVALID_STATE, "No warehouse to reserve from",
                                   "warehouseId")
            wid = default.id
        if wid is not None:
            await stock.get_warehouse(actor, wid)
        await stock.reserve_stock(actor, [
            StockRequest(line.product_id, wid, line.quantity, f"lines.{line.position}.quantity",
                         products[line.product_id].sku)
            for line in tracked if wid is not None], reference_type="Order",
            reference_id=order.id)
        for line in tracked:
            await OrderLine.filter(id=line.id).update(reserved_quantity=line.quantity,
                                                      warehouse_id=wid)
        now = utcnow()
        return await _set_order(actor, order, {
            "status": OrderStatus.CONFIRMED, "confirmed_at": now, "confirmed_on": now.date(),
            "warehouse_id": wid}, "confirm")


async def cancel_order(actor: Actor, order_id: uuid.UUID, reason: str | None = None) -> Order:
    """Cancel before anything shipped or was paid; reserved stock goes back."""
    async with in_transaction():
        order = await _lock_order(actor, order_id)
        if order.status not in (OrderStatus.DRAFT, OrderStatus.CONFIRMED):
            raise _status_error(order, "cancel")
        if order.paid_minor != 0:
            raise ServiceError(ErrorCode.INVALID_STATE,
                               "Payments were received: refund them before cancelling", "orderId")
        lines = await order_lines(order.id)
        await stock.release_reservation(actor, [
            StockRequest(line.product_id, line.warehouse_id, line.reserved_quantity)
            for line in lines if line.reserved_quantity and line.warehouse_id],
            reference_type="Order", reference_id=order.id, reason=reason)
        await OrderLine.filter(order_id=order.id).update(reserved_quantity=0)
        return await _set_order(actor, order, {
            "status": OrderStatus.CANCELLED, "cancelled_at": utcnow(),
            "cancel_reason": (reason or "").strip()[:500] or None}, "cancel", note=reason)


async def complete_order(actor: Actor, order_id: uuid.UUID) -> Order:
    async with in_transaction():
        order = await _lock_order(actor, order_id)
        if order.status is not OrderStatus.DELIVERED:
            raise _status_error(order, "complete")
        return await _set_order(actor, order, {"status": OrderStatus.COMPLETED,
                                               "completed_at": utcnow()}, "complete")


# --- shipments ---------------------------------------------------------------------------------

def _quantities(lines: list[QuantityInput], by_id: dict[uuid.UUID, OrderLine],
                room: Callable[[OrderLine], int], what: str) -> dict[uuid.UUID, int]:
    """Requested quantity per order line, or every problem at once."""
    if not lines:
        raise ServiceError(ErrorCode.INVALID, "Give at least one line", "lines")
    errors: list[UserError] = []
    wanted: dict[uuid.UUID, int] = defaultdict(int)
    for i, item in enumerate(lines):
        line = by_id.get(item.order_line_id)
        if line is None:
            errors.append(UserError(field=f"lines.{i}.orderLineId", code=ErrorCode.NOT_FOUND,
                                    message=f"Line {i + 1} is not a line of this order"))
            continue
        if item.quantity <= 0:
            errors.append(UserError(field=f"lines.{i}.quantity", code=ErrorCode.INVALID,
                                    message=f"Line {i + 1}: quantity must be greater than zero"))
            continue
        wanted[line.id] += item.quantity
        if wanted[line.id] > room(line):
            errors.append(UserError(
                field=f"lines.{i}.quantity", code=ErrorCode.INVALID,
                message=f"Line {i + 1}: {wanted[line.id]} {what}, only {room(line)} left"))
    if errors:
        raise ValidationFailed(errors)
    return dict(wanted)


async def create_shipment(actor: Actor, order_id: uuid.UUID, lines: list[QuantityInput], *,
                          carrier: str | None = None, tracking_number: str | None = None,
                          idempotency_key: str | None = None) -> Shipment:
    """Ship some or all of what is left of a confirmed order (partial shipments allowed)."""
    request = {"order": order_id, "lines": [line.__dict__ for line in lines],
               "carrier": carrier, "tracking": tracking_number}
    return await idempotent(actor, idempotency_key, "createShipment", request,
                            lambda: _create_shipment(actor, order_id, lines, carrier,
                                                     tracking_number))


async def _create_shipment(actor: Actor, order_id: uuid.UUID, lines: list[QuantityInput],
                           carrier: str | None, tracking_number: str | None) -> Shipment:
    values = clean_text({"carrier": carrier, "tracking_number": tracking_number})
    check_fields(Shipment, {k: v for k, v in values.items() if v})
    async with in_transaction():
        order = await _lock_order(actor, order_id, "Shipment")
        if order.status not in SHIPPABLE:
            raise _status_error(order, "ship")
        all_lines = await order_lines(order.id)
        by_id = {line.id: line for line in all_lines}
        wanted = _quantities(lines, by_id, lambda ln: ln.quantity - ln.shipped_quantity, "to ship")
        products = {p.id: p for p in await Product.filter(
            id__in=[by_id[i].product_id for i in wanted])}
        tracked = {i: q for i, q in wanted.items() if by_id[i].reserved_quantity > 0
                   and products[by_id[i].product_id].track_stock}
        warehouse_id = order.warehouse_id
        shipment = await Shipment.create(workspace_id=actor.workspace_id, order_id=order.id,
                                         warehouse_id=warehouse_id,
                                         created_by_id=actor.user_id,
                                         **{k: v or None for k, v in values.items()})
        await stock.ship_reserved(actor, [
            StockRequest(by_id[i].product_id, by_id[i].warehouse_id or warehouse_id, q)  # type: ignore[arg-type]
            for i, q in tracked.items()], reference_type="Shipment", reference_id=shipment.id)
        await ShipmentLine.bulk_create([
            ShipmentLine(workspace_id=actor.workspace_id, shipment_id=shipment.id,
                         order_line_id=i, quantity=q) for i, q in wanted.items()])
        for i, q in wanted.items():
            line = by_id[i]
            line.shipped_quantity += q
            line.reserved_quantity = max(line.reserved_quantity - q, 0)
            await OrderLine.filter(id=i).update(shipped_quantity=line.shipped_quantity,
                                                reserved_quantity=line.reserved_quantity)
        await TrackingEvent.create(workspace_id=actor.workspace_id, shipment_id=shipment.id,
                                   status=ShipmentStatus.PENDING, occurred_at=utcnow(),
                                   note="Packed")
        done = all(line.shipped_quantity >= line.quantity for line in all_lines)
        changes: dict[str, Any] = {"status": OrderStatus.SHIPPED if done
                                   else OrderStatus.PARTIALLY_SHIPPED}
        if done:
            changes["shipped_at"] = utcnow()
        await _set_order(actor, order, changes, "ship", note=f"shipment {shipment.id}")
    return shipment


_SHIPMENT_NEXT = {ShipmentStatus.PENDING: (ShipmentStatus.IN_TRANSIT, ShipmentStatus.DELIVERED),
                  ShipmentStatus.IN_TRANSIT: (ShipmentStatus.DELIVERED,),
                  ShipmentStatus.DELIVERED: ()}


async def update_shipment_status(actor: Actor, shipment_id: uuid.UUID, status: ShipmentStatus,
                                 *, location: str | None = None, note: str | None = None,
                                 occurred_at: dt.datetime | None = None) -> Shipment:
    """The carrier picked it up or delivered it; an order whose shipments all arrived is
    DELIVERED."""
    found = await scoped(Shipment, actor).filter(id=shipment_id).first()
    if found is None:
        raise not_found("Shipment")
    async with in_transaction():
        order = await _lock_order(actor, found.order_id, "Shipment")
        shipment = await Shipment.get(id=shipment_id)
        if status not in _SHIPMENT_NEXT[shipment.status]:
            raise ServiceError(ErrorCode.INVALID_STATE,
                               f"A {shipment.status.value} shipment cannot become {status.value}",
                               "status")
        at = occurred_at or utcnow()
        changes: dict[str, Any] = {"status": status}
        if status is ShipmentStatus.IN_TRANSIT or shipment.shipped_at is None:
            changes["shipped_at"] = at
        if status is ShipmentStatus.DELIVERED:
            changes["delivered_at"] = at
        before = audit.snapshot(shipment, list(changes))
        await Shipment.filter(id=shipment.id).update(**changes, version=F("version") + 1)
        for k, v in changes.items():
            setattr(shipment, k, v)
        await TrackingEvent.create(workspace_id=actor.workspace_id, shipment_id=shipment.id,
                                   status=status, occurred_at=at, location=location, note=note)
        await audit.record(actor, "Shipment", shipment.id, "update",
                           audit.diff(before, audit.snapshot(shipment, list(changes))),
                           customer_id=order.customer_id)
        if status is ShipmentStatus.DELIVERED and order.status is OrderStatus.SHIPPED:
            undelivered = await Shipment.filter(order_id=order.id, deleted_at=None).exclude(
                status=ShipmentStatus.DELIVERED).exists()
            if not undelivered:
                await _set_order(actor, order, {"status": OrderStatus.DELIVERED,
                                                "delivered_at": at}, "deliver")
    return shipment


# --- payments ----------------------------------------------------------------------------------

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
    if minor == 0:
        raise ServiceError(ErrorCode.INVALID, "A payment must be more than zero", "amount.amount")
    if reference is not None:
        reference = reference.strip()[:120] or None
    async with in_transaction():
        order = await _lock_order(actor, order_id, "Payment")
        if order.status in (OrderStatus.DRAFT, OrderStatus.CANCELLED):
            raise _status_error(order, "record a payment")
        if currency != order.currency:
            raise ServiceError(ErrorCode.INVALID,
                               f"The order is in {order.currency}, not {currency}",
                               "amount.currency")
        due = order.total_minor - order.returned_minor - order.paid_minor
        if minor > due:
            raise ServiceError(ErrorCode.INVALID,
                               f"Only {_fmt(due, order.currency)} is due on {order.number}",
                               "amount.amount")
        payment = await Payment.create(
            workspace_id=actor.workspace_id, order_id=order.id, customer_id=order.customer_id,
            amount_minor=minor, currency=currency, method=method,
            received_on=received_on or utcnow().date(), reference=reference,
            recorded_by_id=actor.user_id)
        paid = order.paid_minor + minor
        await _set_order(actor, order, {"paid_minor": paid,
                                        "payment_status": _status_after(order, paid=paid)},
                         "payment", note=f"payment {payment.id}")
    return payment


def _fmt(minor: int, currency: str) -> str:
    from crm.core.money import from_minor
    return f"{from_minor(minor, currency)} {currency}"


# --- returns -----------------------------------------------------------------------------------

async def create_return_request(actor: Actor, order_id: uuid.UUID, kind: ReturnKind, reason: str,
                                lines: list[QuantityInput], *,
                                warehouse_id: uuid.UUID | None = None,
                                idempotency_key: str | None = None) -> ReturnRequest:
    """Ask to return or exchange shipped goods, up to what was shipped and not yet claimed."""
    request = {"order": order_id, "kind": kind, "reason": reason, "warehouse": warehouse_id,
               "lines": [line.__dict__ for line in lines]}
    return await idempotent(actor, idempotency_key, "createReturnRequest", request,
                            lambda: _create_return(actor, order_id, kind, reason, lines,
                                                   warehouse_id))


async def _create_return(actor: Actor, order_id: uuid.UUID, kind: ReturnKind, reason: str,
                         lines: list[QuantityInput],
                         warehouse_id: uuid.UUID | None) -> ReturnRequest:
    reason = (reason or "").strip()
    if not reason:
        raise ServiceError(ErrorCode.INVALID, "Say why the goods come back", "reason")
    if warehouse_id is not None:
        await stock.get_warehouse(actor, warehouse_id)
    async with in_transaction():
        order = await _lock_order(actor, order_id, "ReturnRequest")
        if order.status not in SHIPPED_SOME:
            raise _status_error(order, "return goods")
        all_lines = await order_lines(order.id)
        by_id = {line.id: line for line in all_lines}
        wanted = _quantities(lines, by_id,
                             lambda ln: ln.shipped_quantity - ln.returned_quantity, "to return")
        ret = await ReturnRequest.create(workspace_id=actor.workspace_id, order_id=order.id,
                                         kind=kind, reason=reason[:500],
                                         warehouse_id=warehouse_id or order.warehouse_id,
                                         created_by_id=actor.user_id)
        await ReturnLine.bulk_create([
            ReturnLine(workspace_id=actor.workspace_id, return_request_id=ret.id,
                       order_line_id=i, quantity=q) for i, q in wanted.items()])
        for i, q in wanted.items():
            await OrderLine.filter(id=i).update(returned_quantity=F("returned_quantity") + q)
        await audit.record(actor, "ReturnRequest", ret.id, "create", {
            "kind": [None, kind.value], "status": [None, ret.status.value]},
            customer_id=order.customer_id, note=reason[:500])
    return ret


async def _lock_return(actor: Actor, return_id: uuid.UUID
                       ) -> tuple[Order, ReturnRequest, list[ReturnLine]]:
    found = await scoped(ReturnRequest, actor).filter(id=return_id).first()
    if found is None:
        raise not_found("Return request")
    order = await _lock_order(actor, found.order_id, "ReturnRequest")
    ret = await ReturnRequest.get(id=return_id)
    return order, ret, list(await ReturnLine.filter(return_request_id=ret.id))


async def _set_return(actor: Actor, order: Order, ret: ReturnRequest, changes: dict[str, Any],
                      action: str) -> ReturnRequest:
    before = audit.snapshot(ret, list(changes))
    for k, v in changes.items():
        setattr(ret, k, v)
    ret.version += 1
    await ReturnRequest.filter(id=ret.id).update(**changes, version=ret.version,
                                                 updated_at=utcnow())
    await audit.record(actor, "ReturnRequest", ret.id, action,
                       api_names(audit.diff(before, audit.snapshot(ret, list(changes)))),
                       customer_id=order.customer_id)
    return ret


async def approve_return(actor: Actor, return_id: uuid.UUID) -> ReturnRequest:
    async with in_transaction():
        order, ret, _ = await _lock_return(actor, return_id)
        if ret.status is not ReturnStatus.REQUESTED:
            raise ServiceError(ErrorCode.INVALID_STATE, f"The return is {ret.status.value}")
        return await _set_return(actor, order, ret, {"status": ReturnStatus.APPROVED,
                                                     "approved_at": utcnow()}, "approve")


async def reject_return(actor: Actor, return_id: uuid.UUID, reason: str) -> ReturnRequest:
    if not reason or not reason.strip():
        raise ServiceError(ErrorCode.INVALID, "Say why the return is rejected", "reason")
    async with in_transaction():
        order, ret, rlines = await _lock_return(actor, return_id)
        if ret.status not in (ReturnStatus.REQUESTED, ReturnStatus.APPROVED):
            raise ServiceError(ErrorCode.INVALID_STATE, f"The return is {ret.status.value}")
        for rl in rlines:
            await OrderLine.filter(id=rl.order_line_id).update(
                returned_quantity=F("returned_quantity") - rl.quantity)
        return await _set_return(actor, order, ret, {
            "status": ReturnStatus.REJECTED, "closed_at": utcnow(),
            "reject_reason": reason.strip()[:500]}, "reject")


async def receive_return(actor: Actor, return_id: uuid.UUID) -> ReturnRequest:
    """The goods are back: restock them; an exchange ships replacements and is REPLACED."""
    async with in_transaction():
        order, ret, rlines = await _lock_return(actor, return_id)
        if ret.status is not ReturnStatus.APPROVED:
            raise ServiceError(ErrorCode.INVALID_STATE,
                               f"Approve the return first (it is {ret.status.value})")
        by_id = {line.id: line for line in await order_lines(order.id)}
        products = {p.id: p for p in await Product.filter(
            id__in=[line.product_id for line in by_id.values()])}
        wid = ret.warehouse_id or order.warehouse_id
        requests = [StockRequest(by_id[rl.order_line_id].product_id, wid, rl.quantity,
                                 f"lines.{i}.quantity",
                                 products[by_id[rl.order_line_id].product_id].sku)
                    for i, rl in enumerate(rlines)
                    if wid is not None and products[by_id[rl.order_line_id].product_id].track_stock]
        await stock.receive_return(actor, requests, reference_type="ReturnRequest",
                                   reference_id=ret.id, reason=ret.reason)
        now = utcnow()
        if ret.kind is ReturnKind.RETURN:
            value = sum(returned_value(by_id[rl.order_line_id], rl.quantity) for rl in rlines)
            return await _set_return(actor, order, ret, {"status": ReturnStatus.RECEIVED,
                                                         "received_at": now,
                                                         "refund_minor": value}, "receive")
        replacement = await Shipment.create(workspace_id=actor.workspace_id, order_id=order.id,
                                            warehouse_id=wid,
                                            return_request_id=ret.id, created_by_id=actor.user_id)
        await stock.reserve_stock(actor, requests, reference_type="Shipment",
                                  reference_id=replacement.id)
        await stock.ship_reserved(actor, requests, reference_type="Shipment",
                                  reference_id=replacement.id)
        await ShipmentLine.bulk_create([
            ShipmentLine(workspace_id=actor.workspace_id, shipment_id=replacement.id,
                         order_line_id=rl.order_line_id, quantity=rl.quantity) for rl in rlines])
        await TrackingEvent.create(workspace_id=actor.workspace_id, shipment_id=replacement.id,
                                   status=ShipmentStatus.PENDING, occurred_at=now,
                                   note="Replacement packed")
        # The replacement goes out again, so what was returned may be claimed again later.
        for rl in rlines:
            await OrderLine.filter(id=rl.order_line_id).update(
                returned_quantity=F("returned_quantity") - rl.quantity)
        return await _set_return(actor, order, ret, {"status": ReturnStatus.REPLACED,
                                                     "received_at": now, "closed_at": now},
                                 "replace")


async def refund_return(actor: Actor, return_id: uuid.UUID, *, amount: Decimal | None = None,
                        method: PaymentMethod = PaymentMethod.BANK_TRANSFER,
                        received_on: dt.date | None = None,
                        reference: str | None = None) -> ReturnRequest:
    """Pay back a received return as a negative payment linked to it; the amount defaults to
    the returned goods' value, capped by what the customer paid."""
    require_write_scope(actor, "Payment")
    async with in_transaction():
        order, ret, _ = await _lock_return(actor, return_id)
        if ret.kind is not ReturnKind.RETURN or ret.status is not ReturnStatus.RECEIVED:
            raise ServiceError(ErrorCode.INVALID_STATE,
                               "Only a received return (not an exchange) is refunded")
        value = ret.refund_minor
        minor = min(value, max(order.paid_minor, 0)) if amount is None else parse_money(
            amount, order.currency, "amount")
        if minor > value or minor > order.paid_minor:
            raise ServiceError(ErrorCode.INVALID,
                               f"At most {_fmt(min(value, order.paid_minor), order.currency)} "
                               "can be refunded", "amount")
        if minor > 0:
            payment = await Payment.create(
                workspace_id=actor.workspace_id, order_id=order.id, customer_id=order.customer_id,
                amount_minor=-minor, currency=order.currency, method=method,
                received_on=received_on or utcnow().date(), reference=reference,
                recorded_by_id=actor.user_id, return_request_id=ret.id)
            note = f"refund {payment.id}"
        else:
            note = "nothing paid, nothing refunded"
        paid, returned = order.paid_minor - minor, order.returned_minor + value
        await _set_order(actor, order, {
            "paid_minor": paid, "returned_minor": returned,
            "payment_status": _status_after(order, paid=paid, returned=returned)}, "refund",
            note=note)
        return await _set_return(actor, order, ret, {"status": ReturnStatus.REFUNDED,
                                                     "refund_minor": minor,
                                                     "closed_at": utcnow()}, "refund")


# --- reading -----------------------------------------------------------------------------------

def orders_query(actor: Actor) -> Any:
    return scoped(Order, actor)


async def orders_by_ids(actor: Actor, ids: list[uuid.UUID]) -> dict[uuid.UUID, Order]:
    return {o.id: o for o in await scoped(Order, actor).filter(id__in=ids)}


@dataclass
class CustomerOrderStats:
    lifetime: list[tuple[int, str]] = field(default_factory=list)
    last_order_at: dt.datetime | None = None


async def customer_order_stats(workspace_id: uuid.UUID, customer_ids: list[uuid.UUID]
                               ) -> dict[uuid.UUID, CustomerOrderStats]:
    """Per customer: money collected (net of refunds) per currency over booked orders, and
    when the last order was placed. Two grouped SQL queries for any number of customers."""
    ids = list(set(customer_ids))
    out: dict[uuid.UUID, CustomerOrderStats] = {i: CustomerOrderStats() for i in ids}
    base = Order.filter(workspace_id=workspace_id, customer_id__in=ids, deleted_at=None)
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


async def move_customer_orders(actor: Actor, from_id: uuid.UUID, into_id: uuid.UUID) -> int:
    """Re-point the orders and payments of a merged customer (for the customers' merge, inside
    its transaction); returns how many orders moved."""
    ws = actor.workspace_id
    moved = await Order.filter(workspace_id=ws, customer_id=from_id).update(customer_id=into_id)
    await Payment.filter(workspace_id=ws, customer_id=from_id).update(customer_id=into_id)
    return int(moved)


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
    payments = await Payment.filter(workspace_id=workspace_id, received_on__gte=start,
                                    received_on__lt=end).order_by("received_on", "id")
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


@dataclass
class SummaryRow:
    period_start: dt.date
    key_id: uuid.UUID | None
    booked: dict[str, int] = field(default_factory=dict)
    collected: dict[str, int] = field(default_factory=dict)
    orders: int = 0


def bucket(day: dt.date, group_by: str) -> dt.date:
    if group_by == "week":
        return day - dt.timedelta(days=day.weekday())
    if group_by == "month":
        return day.replace(day=1)
    return day


async def sales_summary(actor: Actor, start: dt.date, end: dt.date, group_by: str = "month",
                        by: str = "none") -> list[SummaryRow]:
    """Booked (by confirmation date) and collected (by payment date) amounts over the orders in
    the actor's row scope, per period and per owner or product line. Sums are SQL GROUP BYs by
    day; days are folded into weeks or months here. Collected money has no product line:
    grouped by product line, `collected` stays empty."""
    if actor.field_access("Order", "total").rank < 2:
        raise ServiceError(ErrorCode.FORBIDDEN, "You may not see order amounts")
    if end <= start or (end - start).days > 3660:
        raise ServiceError(ErrorCode.INVALID, "The period must end after it starts (max 10 years)",
                           "period")
    orders = scoped(Order, actor).filter(status__in=[s.value for s in BOOKED],
                                         confirmed_on__gte=start, confirmed_on__lt=end)
    rows: dict[tuple[dt.date, uuid.UUID | None], SummaryRow] = {}

    def row(day: dt.date, key: uuid.UUID | None) -> SummaryRow:
        b = bucket(day, group_by)
        return rows.setdefault((b, key), SummaryRow(b, key))

    if by == "product_line":
        order_days = {o["id"]: (o["confirmed_on"], o["currency"]) for o in await orders.values(
            "id", "confirmed_on", "currency")}
        sums = await OrderLine.filter(workspace_id=actor.workspace_id,
                                      order_id__in=list(order_days)).annotate(
            total=Sum("total_minor")).group_by("order_id", "product_line_id").values(
            "order_id", "product_line_id", "total")
        counted: set[tuple[uuid.UUID, uuid.UUID | None]] = set()
        for s in sums:
            day, currency = order_days[s["order_id"]]
            r = row(day, s["product_line_id"])
            r.booked[currency] = r.booked.get(currency, 0) + int(s["total"] or 0)
            if (s["order_id"], s["product_line_id"]) not in counted:
                counted.add((s["order_id"], s["product_line_id"]))
                r.orders += 1
    else:
        key = "owner_id" if by == "owner" else None
        group = ["confirmed_on", "currency", *([key] if key else [])]
        from tortoise.functions import Count
        sums = await orders.annotate(total=Sum("total_minor"), n=Count("id")).group_by(
            *group).values(*group, "total", "n")
        for s in sums:
            r = row(s["confirmed_on"], s[key] if key else None)
            r.booked[s["currency"]] = r.booked.get(s["currency"], 0) + int(s["total"] or 0)
            r.orders += int(s["n"])
        payments = scoped(Payment, actor).filter(received_on__gte=start, received_on__lt=end)
        pgroup = ["received_on", "currency", *(["order__owner_id"] if key else [])]
        psums = await payments.annotate(total=Sum("amount_minor")).group_by(*pgroup).values(
            *pgroup, "total")
        for s in psums:
            r = row(s["received_on"], s["order__owner_id"] if key else None)
            r.collected[s["currency"]] = r.collected.get(s["currency"], 0) + int(s["total"] or 0)
    return sorted(rows.values(), key=lambda r: (r.period_start, str(r.key_id or "")))

