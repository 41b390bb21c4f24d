"""An order's life: created as a draft, confirmed (stock reserved), cancelled or completed."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from crm.auth import service as auth
from crm.catalogue import service as catalogue
from crm.core import audit
from crm.core.audit import api_names
from crm.core.errors import ErrorCode, ServiceError, UserError, ValidationFailed, not_found
from crm.core.hooks import GuardedOperation, require_approval
from crm.core.idempotency import idempotent
from crm.core.money import parse_money, parse_percent, valid_currency
from crm.core.policy import Actor, RowScope
from crm.core.records import earlier_create, require_write_scope, update_versioned, utcnow
from crm.core.scoping import scoped
from crm.core.validation import check_fields, clean_text
from crm.orders.models import (
    Order,
    OrderLine,
    OrderSequence,
    OrderStatus,
)
from crm.orders.service.amounts import (
    BOOKED,
    MAX_LINES,
    MAX_QUANTITY,
    line_amounts,
    payment_status,
    payment_status_after,
)
from crm.sales import service as sales

if TYPE_CHECKING:
    from crm.catalogue.models import Product
from crm.stock import service as stock
from crm.stock.service import StockRequest

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
    ship_to_name: str | None = None
    ship_to_phone: str | None = None
    ship_to_address: str | None = None


async def _next_number(workspace_id: uuid.UUID, year: int) -> str:
    """`SO-2026-000123`: the next number of the workspace's year, taken inside the caller's
    transaction (the UPDATE holds the counter's row until commit)."""
    if not await OrderSequence.filter(workspace_id=workspace_id, year=year).exists():
        try:
            async with in_transaction("default"):
                await OrderSequence.create(workspace_id=workspace_id, year=year, last_number=0)
        except IntegrityError:
            pass
    await OrderSequence.filter(workspace_id=workspace_id, year=year).update(
        last_number=F("last_number") + 1)
    seq = await OrderSequence.get(workspace_id=workspace_id, year=year)
    return f"SO-{year}-{seq.last_number:06d}"


async def lock_order(actor: Actor, order_id: uuid.UUID, acting_on: str = "Order") -> Order:
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


def status_error(order: Order, doing: str) -> ServiceError:
    return ServiceError(ErrorCode.INVALID_STATE,
                        f"Cannot {doing}: order {order.number} is {order.status.value}", "orderId")


async def set_order(actor: Actor, order: Order, changes: dict[str, Any], action: str,
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
        raise ServiceError(ErrorCode.LIMIT_REACHED, f"At most {MAX_LINES} lines", "lines",
                           params={"limit": MAX_LINES})
    products = await catalogue.products_by_ids(actor, [line.product_id for line in lines])
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
        ordered_on=ordered_on, contract=contract or ContractFields(), order_id=order_id,
        request=request))


async def _create_order(actor: Actor, *, customer_id: uuid.UUID | None, lines: list[LineInput],
                        currency: str | None, opportunity_id: uuid.UUID | None,
                        owner_id: uuid.UUID | None, warehouse_id: uuid.UUID | None,
                        ordered_on: dt.date | None, contract: ContractFields,
                        order_id: uuid.UUID | None, request: dict[str, Any]) -> Order:
    from crm.customers.service import get_customer

    require_write_scope(actor, "Order")
    if (earlier := await earlier_create(actor, Order, order_id, request=request)) is not None:
        return earlier
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
            await auth.workspace_setting(actor.workspace_id, "currency")
    assert currency is not None
    if not valid_currency(currency):
        raise ServiceError(ErrorCode.INVALID, f"{currency!r} is not an ISO 4217 currency code",
                           "currency")
    owner_id = owner_id or customer.owner_id or actor.user_id
    if owner_id is not None and owner_id != actor.user_id:
        await auth.assignable_owner(actor, "Order", owner_id)
    if warehouse_id is not None:
        await stock.get_warehouse(actor, warehouse_id)
    fields_ = clean_text({k: v for k, v in contract.__dict__.items() if isinstance(v, str)})
    # Unless told otherwise, the goods go to the customer, as the customer record says now.
    for column, default in (("ship_to_name", customer.name), ("ship_to_phone", customer.phone),
                            ("ship_to_address", customer.address)):
        if not fields_.get(column) and default:
            fields_[column] = default
    check_fields(Order, fields_)
    if contract.contract_start and contract.contract_end and \
            contract.contract_end < contract.contract_start:
        raise ServiceError(ErrorCode.INVALID, "The contract ends before it starts", "contractEnd")
    checked = await _check_lines(actor, currency, lines)
    today = ordered_on or utcnow().date()
    async with in_transaction("default"):
        number = await _next_number(actor.workspace_id, today.year)
        order = Order(id=order_id or uuid.uuid4(), workspace_id=actor.workspace_id, number=number,
                      customer_id=customer.id, opportunity_id=opportunity_id, owner_id=owner_id,
                      warehouse_id=warehouse_id, currency=currency, ordered_on=today,
                      created_by_id=actor.user_id, **{**contract.__dict__, **fields_})
        rows = _line_rows(actor, order.id, order.currency, checked)
        for column, value in _totals(rows).items():
            setattr(order, column, value)
        order.payment_status = payment_status(order)
        await order.save(force_create=True)
        await OrderLine.bulk_create(rows)
        await audit.record(actor, "Order", order.id, "create",
                           {**api_names(audit.diff({}, audit.snapshot(
                               order, audit.created_columns(order)))),
                            "lines": [None, lines_audited(rows)]},
                           customer_id=customer.id)
    return order


ORDER_TEXT_COLUMNS = ["contract_signed_on", "contract_start", "contract_end", "terms",
                      "attachment_url", "notes", "ship_to_name", "ship_to_phone",
                      "ship_to_address"]


async def update_order(actor: Actor, order_id: uuid.UUID, changes: dict[str, Any],
                       expected_version: int | None = None) -> Order:
    """Change an order's contract fields and notes (any status but cancelled)."""
    changes = clean_text({k: v for k, v in changes.items() if k in ORDER_TEXT_COLUMNS})
    check_fields(Order, {k: v for k, v in changes.items() if isinstance(v, str)})
    async with in_transaction("default"):
        order = await lock_order(actor, order_id)
        if order.status is OrderStatus.CANCELLED:
            raise status_error(order, "change")
        start = changes.get("contract_start", order.contract_start)
        end = changes.get("contract_end", order.contract_end)
        if start and end and end < start:
            raise ServiceError(ErrorCode.INVALID, "The contract ends before it starts",
                               "contractEnd")
        return await update_versioned(actor, order, changes, expected_version,
                                    customer_id=order.customer_id)


async def replace_order_lines(actor: Actor, order_id: uuid.UUID, lines: list[LineInput],
                              expected_version: int | None = None) -> Order:
    """Replace the lines of a draft; totals are computed again by the same rule."""
    async with in_transaction("default"):
        order = await lock_order(actor, order_id)
        if order.status is not OrderStatus.DRAFT:
            raise status_error(order, "change the lines")
        checked = await _check_lines(actor, order.currency, lines)
        previous = await order_lines(order.id)
        old_lines = lines_audited(previous)
        await OrderLine.filter(order_id=order.id).delete()
        rows = _line_rows(actor, order.id, order.currency, checked)
        _keep_pricers(previous, rows)
        await OrderLine.bulk_create(rows)
        totals = _totals(rows)
        order = await update_versioned(actor, order, {
            **totals, "payment_status": payment_status_after(
                Order(total_minor=totals["total_minor"]), paid=order.paid_minor)},
            expected_version, customer_id=order.customer_id, action="update_lines",
            also={"lines": [old_lines, lines_audited(rows)]})
    return order


def lines_audited(rows: list[OrderLine]) -> list[dict[str, Any]]:
    """An order's lines as its history shows them: what and how many. Their amounts are in the
    order's totals, audited beside them, and judged by the money fields' policy; a line's
    price is not repeated here, where whoever reads the lines would read it."""
    return [{"product": str(r.product_id), "description": r.description,
             "quantity": r.quantity} for r in sorted(rows, key=lambda r: r.position)]


def _keep_pricers(previous: list[OrderLine], rows: list[OrderLine]) -> None:
    """A line sent back unchanged (same product, price and discount) keeps who priced it: the
    actor replacing the lines set only the lines they changed (a rep adding a line keeps the
    manager's price of another, judged by the manager's discount limit)."""
    earlier: dict[tuple[Any, int, int], list[uuid.UUID | None]] = {}
    for line in previous:
        earlier.setdefault((line.product_id, line.unit_price_minor, line.discount_bp),
                           []).append(line.priced_by_id)
    for row in rows:
        same = earlier.get((row.product_id, row.unit_price_minor, row.discount_bp))
        if same:
            row.priced_by_id = same.pop(0)


def _line_rows(actor: Actor, order_id: uuid.UUID, currency: str,
               checked: list[tuple[LineInput, Product, int, int, int]]) -> list[OrderLine]:
    rows = []
    for position, (line, product, price, discount, tax) in enumerate(checked):
        amounts = line_amounts(line.quantity, price, discount, tax)
        rows.append(OrderLine(
            id=uuid.uuid4(), workspace_id=actor.workspace_id, order_id=order_id,
            position=position, product_id=product.id, product_line_id=product.line_id,
            description=(line.description or product.name)[:300], quantity=line.quantity,
            unit_price_minor=price, currency=currency, discount_bp=discount, tax_rate_bp=tax,
            priced_by_id=actor.user_id, net_minor=amounts.net_minor, tax_minor=amounts.tax_minor,
            total_minor=amounts.total_minor, unit_cost_minor=product.cost_price_minor))
    return rows


def _totals(rows: list[OrderLine]) -> dict[str, int]:
    return {"subtotal_minor": sum(r.net_minor for r in rows),
            "tax_minor": sum(r.tax_minor for r in rows),
            "total_minor": sum(r.total_minor for r in rows),
            "cost_minor": sum(r.unit_cost_minor * r.quantity for r in rows)}


async def _won_opportunity(actor: Actor, opportunity_id: uuid.UUID) -> Any:
    return await sales.won_opportunity(actor, opportunity_id, "opportunityId")


async def order_lines(order_id: uuid.UUID) -> list[OrderLine]:
    return list(await OrderLine.filter(order_id=order_id).order_by("position"))


async def confirm_order(actor: Actor, order_id: uuid.UUID, *,
                        warehouse_id: uuid.UUID | None = None,
                        idempotency_key: str | None = None) -> Order:
    """Confirm a draft: reserve stock for every stock-tracked line, all or nothing. Approval
    rules (order amount, line discount) are asked first, outside the confirmation's
    transaction: a refusal keeps the approval request it made."""
    draft = await scoped(Order, actor).filter(id=order_id, status=OrderStatus.DRAFT).first()
    if draft is not None:
        await require_approval(actor, await confirmation_to_approve(draft))
    request = {"order": order_id, "warehouse": warehouse_id}
    return await idempotent(actor, idempotency_key, "confirmOrder", request,
                            lambda: _confirm_order(actor, order_id, warehouse_id))


async def _confirm_order(actor: Actor, order_id: uuid.UUID,
                         warehouse_id: uuid.UUID | None) -> Order:
    # Confirming reserves stock: a step of fulfilment as much as of selling, so those who may
    # ship (the warehouse) may confirm as well as those who may change the order.
    acting_on = "Order" if actor.write_scope("Order") is not RowScope.NONE else "Shipment"
    async with in_transaction("default"):
        order = await lock_order(actor, order_id, acting_on)
        if order.status is not OrderStatus.DRAFT:
            raise status_error(order, "confirm")
        # Again on the locked order: its lines may have changed since the check above.
        await require_approval(actor, await confirmation_to_approve(order))
        lines = await order_lines(order.id)
        products = await catalogue.products_in_workspace(
            actor.workspace_id, [line.product_id for line in lines])
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
        order = await set_order(actor, order, {
            "status": OrderStatus.CONFIRMED, "confirmed_at": now, "confirmed_on": now.date(),
            "warehouse_id": wid}, "confirm")
        await _align_opportunity(actor, order)
        return order


async def confirmation_to_approve(order: Order) -> GuardedOperation:
    """The facts an approval of confirming `order` covers: its total and each line's price and
    discount beside its product's list price, and who priced the line."""
    lines = await order_lines(order.id)
    products = await catalogue.products_in_workspace(order.workspace_id,
                                                     [line.product_id for line in lines])
    return GuardedOperation(
        kind="order.confirm", subject_type="Order", subject_id=order.id, label=order.number,
        facts={"currency": order.currency, "totalMinor": order.total_minor, "lines": [
            {"product": str(line.product_id), "quantity": line.quantity,
             "unitPriceMinor": line.unit_price_minor, "discountBp": line.discount_bp,
             "listPriceMinor": products[line.product_id].list_price_minor,
             "listCurrency": products[line.product_id].currency,
             # Lines from before who priced them was recorded say nothing (their facts, and
             # the approvals given on them, stay as they were).
             **({"pricedBy": str(line.priced_by_id)} if line.priced_by_id else {})}
            for line in lines]})


async def _align_opportunity(actor: Actor, order: Order) -> None:
    """A won deal is worth what was ordered from it: its amount becomes the total of its
    booked orders (in its currency), so the pipeline and the books tell the same story."""
    if order.opportunity_id is None:
        return
    totals: list[int] = await Order.filter(  # type: ignore[assignment]
        workspace_id=actor.workspace_id, opportunity_id=order.opportunity_id,
        currency=order.currency, deleted_at=None, status__in=[s.value for s in BOOKED],
    ).values_list("total_minor", flat=True)
    await sales.record_ordered_amount(actor, order.opportunity_id,
                                      sum(totals), order.currency)


async def cancel_order(actor: Actor, order_id: uuid.UUID, reason: str | None = None) -> Order:
    """Cancel before anything shipped or was paid; reserved stock goes back."""
    async with in_transaction("default"):
        order = await lock_order(actor, order_id)
        if order.status not in (OrderStatus.DRAFT, OrderStatus.CONFIRMED):
            raise status_error(order, "cancel")
        if order.paid_minor != 0:
            raise ServiceError(ErrorCode.INVALID_STATE,
                               "Payments were received: refund them before cancelling", "orderId")
        lines = await order_lines(order.id)
        await stock.release_reservation(actor, [
            StockRequest(line.product_id, line.warehouse_id, line.reserved_quantity)
            for line in lines if line.reserved_quantity and line.warehouse_id],
            reference_type="Order", reference_id=order.id, reason=reason)
        await OrderLine.filter(order_id=order.id).update(reserved_quantity=0)
        was_booked = order.status is OrderStatus.CONFIRMED
        order = await set_order(actor, order, {
            "status": OrderStatus.CANCELLED, "cancelled_at": utcnow(),
            "cancel_reason": (reason or "").strip()[:500] or None}, "cancel", note=reason)
        if was_booked:
            await _align_opportunity(actor, order)
        return order


async def complete_order(actor: Actor, order_id: uuid.UUID) -> Order:
    async with in_transaction("default"):
        order = await lock_order(actor, order_id)
        if order.status is not OrderStatus.DELIVERED:
            raise status_error(order, "complete")
        return await set_order(actor, order, {"status": OrderStatus.COMPLETED,
                                               "completed_at": utcnow()}, "complete")
