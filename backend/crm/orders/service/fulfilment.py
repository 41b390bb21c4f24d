"""Goods leaving and coming back: shipments with tracking, returns and exchanges."""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from tortoise.expressions import F
from tortoise.transactions import in_transaction

from crm.catalogue import service as catalogue
from crm.core import audit
from crm.core.audit import api_names
from crm.core.errors import ErrorCode, ServiceError, UserError, ValidationFailed, not_found
from crm.core.hooks import GuardedOperation, require_approval
from crm.core.idempotency import idempotent
from crm.core.money import format_money, parse_money
from crm.core.policy import Actor
from crm.core.records import require_write_scope, utcnow
from crm.core.scoping import scoped
from crm.core.validation import check_fields, clean_text
from crm.orders.models import (
    Order,
    OrderLine,
    OrderStatus,
    Payment,
    PaymentMethod,
    ReturnKind,
    ReturnLine,
    ReturnRequest,
    ReturnStatus,
    Shipment,
    ShipmentLine,
    ShipmentStatus,
    TrackingEvent,
)
from crm.orders.service.amounts import SHIPPABLE, SHIPPED_SOME, payment_status_after, returned_value
from crm.orders.service.lifecycle import QuantityInput, lock_order, order_lines, set_order, status_error
from crm.orders.service.payments import check_received_on
from crm.stock import service as stock
from crm.stock.service import StockRequest

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


async def create_shipment(actor: Actor, order_id: uuid.UUID, lines: list[QuantityInput] | None,
                          *, carrier: str | None = None, tracking_number: str | None = None,
                          idempotency_key: str | None = None) -> Shipment:
    """Ship some or all of what is left of a confirmed order (partial shipments allowed); no
    lines means everything not yet shipped."""
    request = {"order": order_id,
               "lines": None if lines is None else [line.__dict__ for line in lines],
               "carrier": carrier, "tracking": tracking_number}

    async def work() -> Shipment:
        wanted = lines
        if wanted is None:
            wanted = [QuantityInput(line.id, line.quantity - line.shipped_quantity)
                      for line in await order_lines(order_id)
                      if line.quantity > line.shipped_quantity]
        return await _create_shipment(actor, order_id, wanted, carrier, tracking_number)

    return await idempotent(actor, idempotency_key, "createShipment", request, work)


async def _create_shipment(actor: Actor, order_id: uuid.UUID, lines: list[QuantityInput],
                           carrier: str | None, tracking_number: str | None) -> Shipment:
    values = clean_text({"carrier": carrier, "tracking_number": tracking_number})
    check_fields(Shipment, {k: v for k, v in values.items() if v})
    async with in_transaction("default"):
        order = await lock_order(actor, order_id, "Shipment")
        if order.status not in SHIPPABLE:
            raise status_error(order, "ship")
        all_lines = await order_lines(order.id)
        by_id = {line.id: line for line in all_lines}
        wanted = _quantities(lines, by_id, lambda ln: ln.quantity - ln.shipped_quantity, "to ship")
        products = await catalogue.products_in_workspace(
            actor.workspace_id, [by_id[i].product_id for i in wanted])
        tracked = {i: q for i, q in wanted.items() if by_id[i].reserved_quantity > 0
                   and products[by_id[i].product_id].track_stock}
        warehouse_id = order.warehouse_id
        shipment = await Shipment.create(workspace_id=actor.workspace_id, order_id=order.id,
                                         warehouse_id=warehouse_id,
                                         created_by_id=actor.user_id,
                                         **{k: v or None for k, v in values.items()})
        await audit.record_created(actor, shipment, customer_id=order.customer_id)
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
        await set_order(actor, order, changes, "ship", note=f"shipment {shipment.id}")
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
    async with in_transaction("default"):
        order = await lock_order(actor, found.order_id, "Shipment")
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
                await set_order(actor, order, {"status": OrderStatus.DELIVERED,
                                                "delivered_at": at}, "deliver")
    return shipment



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
    async with in_transaction("default"):
        order = await lock_order(actor, order_id, "ReturnRequest")
        if order.status not in SHIPPED_SOME:
            raise status_error(order, "return goods")
        all_lines = await order_lines(order.id)
        by_id = {line.id: line for line in all_lines}
        wanted = _quantities(lines, by_id,
                             lambda ln: ln.shipped_quantity - ln.returned_quantity, "to return")
        ret = await ReturnRequest.create(workspace_id=actor.workspace_id, order_id=order.id,
                                         kind=kind, reason=reason[:500], currency=order.currency,
                                         warehouse_id=warehouse_id or order.warehouse_id,
                                         created_by_id=actor.user_id)
        await ReturnLine.bulk_create([
            ReturnLine(workspace_id=actor.workspace_id, return_request_id=ret.id,
                       order_line_id=i, quantity=q) for i, q in wanted.items()])
        for i, q in wanted.items():
            await OrderLine.filter(id=i).update(returned_quantity=F("returned_quantity") + q)
        await audit.record(actor, "ReturnRequest", ret.id, "create",
                           audit.diff({}, audit.snapshot(ret, audit.created_columns(ret))),
                           customer_id=order.customer_id, note=reason[:500])
    return ret


async def _lock_return(actor: Actor, return_id: uuid.UUID
                       ) -> tuple[Order, ReturnRequest, list[ReturnLine]]:
    found = await scoped(ReturnRequest, actor).filter(id=return_id).first()
    if found is None:
        raise not_found("Return request")
    order = await lock_order(actor, found.order_id, "ReturnRequest")
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
    async with in_transaction("default"):
        order, ret, _ = await _lock_return(actor, return_id)
        if ret.status is not ReturnStatus.REQUESTED:
            raise ServiceError(ErrorCode.INVALID_STATE, f"The return is {ret.status.value}")
        return await _set_return(actor, order, ret, {"status": ReturnStatus.APPROVED,
                                                     "approved_at": utcnow()}, "approve")


async def reject_return(actor: Actor, return_id: uuid.UUID, reason: str) -> ReturnRequest:
    if not reason or not reason.strip():
        raise ServiceError(ErrorCode.INVALID, "Say why the return is rejected", "reason")
    async with in_transaction("default"):
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
    async with in_transaction("default"):
        order, ret, rlines = await _lock_return(actor, return_id)
        if ret.status is not ReturnStatus.APPROVED:
            raise ServiceError(ErrorCode.INVALID_STATE,
                               f"Approve the return first (it is {ret.status.value})")
        by_id = {line.id: line for line in await order_lines(order.id)}
        products = await catalogue.products_in_workspace(
            actor.workspace_id, [line.product_id for line in by_id.values()])
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
        await audit.record_created(actor, replacement, customer_id=order.customer_id)
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


def _refund_minor(order: Order, ret: ReturnRequest, amount: Decimal | None) -> int:
    """What a refund of `ret` pays back: `amount`, or by default the returned goods' value
    capped by what the customer paid."""
    if ret.kind is not ReturnKind.RETURN or ret.status is not ReturnStatus.RECEIVED:
        raise ServiceError(ErrorCode.INVALID_STATE,
                           "Only a received return (not an exchange) is refunded")
    value = ret.refund_minor
    minor = min(value, max(order.paid_minor, 0)) if amount is None else parse_money(
        amount, order.currency, "amount")
    if minor > value or minor > order.paid_minor:
        raise ServiceError(ErrorCode.INVALID,
                           f"At most {format_money(min(value, order.paid_minor), order.currency)} "
                           "can be refunded", "amount")
    return minor


def _refund_to_approve(order: Order, ret: ReturnRequest, amount: Decimal | None
                       ) -> GuardedOperation:
    try:
        minor = _refund_minor(order, ret, amount)
    except ServiceError:
        minor = 0  # refused for its own reason, inside the transaction
    return GuardedOperation(kind="return.refund", subject_type="ReturnRequest", subject_id=ret.id,
                            label=order.number, facts={"currency": order.currency,
                                                       "amountMinor": minor})


async def refund_return(actor: Actor, return_id: uuid.UUID, *, amount: Decimal | None = None,
                        method: PaymentMethod = PaymentMethod.BANK_TRANSFER,
                        received_on: dt.date | None = None,
                        reference: str | None = None) -> ReturnRequest:
    """Pay back a received return as a negative payment linked to it; the amount defaults to
    the returned goods' value, capped by what the customer paid."""
    require_write_scope(actor, "Payment")
    check_received_on(received_on)
    # Approval rules on refunds are asked before the refund's transaction, whose rollback
    # would take the approval request with it, and again on the locked rows.
    found = await scoped(ReturnRequest, actor).filter(id=return_id).first()
    if found is not None:
        placed = await scoped(Order, actor).filter(id=found.order_id).first()
        if placed is not None:
            await require_approval(actor, _refund_to_approve(placed, found, amount))
    async with in_transaction("default"):
        order, ret, _ = await _lock_return(actor, return_id)
        minor = _refund_minor(order, ret, amount)
        await require_approval(actor, _refund_to_approve(order, ret, amount))
        value = ret.refund_minor
        if minor > 0:
            payment = await Payment.create(
                workspace_id=actor.workspace_id, order_id=order.id, customer_id=order.customer_id,
                amount_minor=-minor, currency=order.currency, method=method,
                received_on=received_on or utcnow().date(), reference=reference,
                recorded_by_id=actor.user_id, return_request_id=ret.id)
            await audit.record_created(actor, payment, customer_id=order.customer_id)
            note = f"refund {payment.id}"
        else:
            note = "nothing paid, nothing refunded"
        paid, returned = order.paid_minor - minor, order.returned_minor + value
        await set_order(actor, order, {
            "paid_minor": paid, "returned_minor": returned,
            "payment_status": payment_status_after(order, paid=paid, returned=returned)}, "refund",
            note=note)
        return await _set_return(actor, order, ret, {"status": ReturnStatus.REFUNDED,
                                                     "refund_minor": minor,
                                                     "closed_at": utcnow()}, "refund")
