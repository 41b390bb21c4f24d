"""The rules of stock: receiving, adjusting, transferring, and the reservations of orders.

Every change of a level appends its `StockMovement` in the same transaction, so a level always
equals the sum of its ledger. Stock never goes negative under concurrency: a change that takes
stock away first locks the levels it touches (`SELECT ... FOR UPDATE`, in primary-key order so
two transactions never wait on each other in a cycle), checks, then applies `F()` updates. On
SQLite Tortoise runs one transaction at a time on its single connection, which gives the same
guarantee.

`reserve_stock`, `release_reservation`, `ship_reserved` and `receive_return` are called by
`crm.orders.service` inside its own transaction, after it checked the actor may act on the order;
they do not open their own transaction or check the actor's role.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from tortoise.exceptions import IntegrityError
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from crm.core import audit
from crm.core.errors import ErrorCode, ServiceError, UserError, in_client_language, not_found
from crm.core.policy import Actor
from crm.core.records import earlier_create, require_write_scope
from crm.core.scoping import scoped
from crm.core.validation import check_fields, clean_text
from crm.stock.models import MovementKind, StockLevel, StockMovement, Warehouse


class InsufficientStock(ServiceError):
    """Some lines cannot be reserved: one error per short line, naming what is available."""

    def __init__(self, errors: list[UserError]) -> None:
        super().__init__(ErrorCode.INSUFFICIENT_STOCK, "; ".join(e.message for e in errors),
                         errors[0].field if errors else None)
        self.errors = errors

    def as_user_errors(self) -> list[UserError]:
        return [in_client_language(e) for e in self.errors]


@dataclass(frozen=True)
class StockRequest:
    """A quantity of one product in one warehouse, for one line of a document."""

    product_id: uuid.UUID
    warehouse_id: uuid.UUID
    quantity: int
    field: str = "quantity"  # where an error about it points, e.g. `lines.2.quantity`
    label: str = ""  # how an error names it, e.g. the SKU


# --- warehouses --------------------------------------------------------------------------------

async def create_warehouse(actor: Actor, values: dict[str, Any],
                           warehouse_id: uuid.UUID | None = None) -> Warehouse:
    require_write_scope(actor, "Warehouse")
    values = clean_text(values)
    check_fields(Warehouse, values)
    if (earlier := await earlier_create(actor, Warehouse, warehouse_id,
                                        request=values)) is not None:
        return earlier
    async with in_transaction("default"):
        if await Warehouse.filter(workspace_id=actor.workspace_id, code=values["code"]).exists():
            raise ServiceError(ErrorCode.DUPLICATE, "A warehouse with this code exists", "code")
        if values.get("is_default"):
            await Warehouse.filter(workspace_id=actor.workspace_id).update(is_default=False)
        elif not await Warehouse.filter(workspace_id=actor.workspace_id, deleted_at=None).exists():
            values["is_default"] = True
        row = await Warehouse.create(id=warehouse_id or uuid.uuid4(),
                                     workspace_id=actor.workspace_id,
                                     created_by_id=actor.user_id, **values)
        await audit.record_created(actor, row)
    return row


async def default_warehouse(workspace_id: uuid.UUID) -> Warehouse | None:
    rows = await Warehouse.filter(workspace_id=workspace_id, deleted_at=None,
                                  active=True).order_by("-is_default", "created_at").limit(1)
    return rows[0] if rows else None


async def get_warehouse(actor: Actor, pk: uuid.UUID, field: str = "warehouseId") -> Warehouse:
    row = await Warehouse.filter(workspace_id=actor.workspace_id, id=pk, deleted_at=None).first()
    if row is None:
        raise not_found("Warehouse", field)
    if not row.active:
        raise ServiceError(ErrorCode.INVALID_STATE, f"Warehouse {row.code} is not active", field)
    return row


# --- levels and the ledger ---------------------------------------------------------------------

async def ensure_level(workspace_id: uuid.UUID, product_id: uuid.UUID,
                       warehouse_id: uuid.UUID) -> StockLevel:
    """The level of a product in a warehouse, created empty on first use."""
    level = await StockLevel.filter(workspace_id=workspace_id, product_id=product_id,
                                    warehouse_id=warehouse_id).first()
    if level is not None:
        return level
    try:
        async with in_transaction("default"):  # a savepoint: a lost race does not spoil the caller's
            return await StockLevel.create(workspace_id=workspace_id, product_id=product_id,
                                           warehouse_id=warehouse_id)
    except IntegrityError:
        return await StockLevel.get(workspace_id=workspace_id, product_id=product_id,
                                    warehouse_id=warehouse_id)


async def _locked_levels(workspace_id: uuid.UUID, keys: set[tuple[uuid.UUID, uuid.UUID]]
                         ) -> dict[tuple[uuid.UUID, uuid.UUID], StockLevel]:
    """The levels of (product, warehouse) pairs, created if missing, locked in id order."""
    ids = [(await ensure_level(workspace_id, p, w)).id for p, w in sorted(keys)]
    rows = await StockLevel.filter(id__in=ids).order_by("id").select_for_update()
    return {(r.product_id, r.warehouse_id): r for r in rows}


async def _move(actor: Actor, level: StockLevel, kind: MovementKind, quantity: int, *,
                on_hand: int = 0, reserved: int = 0, reason: str | None = None,
                reference_type: str | None = None,
                reference_id: uuid.UUID | None = None) -> StockMovement:
    """Apply deltas to a level and append the movement that explains them."""
    await StockLevel.filter(id=level.id).update(on_hand=F("on_hand") + on_hand,
                                                reserved=F("reserved") + reserved)
    level.on_hand += on_hand
    level.reserved += reserved
    return await StockMovement.create(
        workspace_id=actor.workspace_id, level_id=level.id, product_id=level.product_id,
        warehouse_id=level.warehouse_id, kind=kind, quantity=quantity, on_hand_delta=on_hand,
        reserved_delta=reserved, reason=reason, reference_type=reference_type,
        reference_id=reference_id, created_by_id=actor.user_id)


def _check_quantity(quantity: int, field: str = "quantity") -> None:
    if quantity <= 0:
        raise ServiceError(ErrorCode.INVALID, "Quantity must be greater than zero", field)
    if quantity > 10**9:
        raise ServiceError(ErrorCode.INVALID, "Quantity is too large", field)


async def _product(actor: Actor, product_id: uuid.UUID) -> Any:
    from crm.catalogue.service import get_product
    product = await get_product(actor, product_id, "productId")
    if not product.track_stock:
        raise ServiceError(ErrorCode.INVALID, f"{product.sku} is not stock-tracked", "productId")
    return product


async def receive_stock(actor: Actor, product_id: uuid.UUID, warehouse_id: uuid.UUID,
                        quantity: int, reason: str | None = None) -> StockLevel:
    """Goods arrived in a warehouse (入库)."""
    require_write_scope(actor, "StockLevel")
    _check_quantity(quantity)
    product = await _product(actor, product_id)
    await get_warehouse(actor, warehouse_id)
    async with in_transaction("default"):
        levels = await _locked_levels(actor.workspace_id, {(product.id, warehouse_id)})
        level = levels[(product.id, warehouse_id)]
        move = await _move(actor, level, MovementKind.RECEIVE, quantity, on_hand=quantity,
                           reason=reason)
        await audit.record(actor, "StockLevel", level.id, "receive",
                           {"onHand": [level.on_hand - quantity, level.on_hand]},
                           note=f"movement {move.id}")
    return level


async def adjust_stock(actor: Actor, product_id: uuid.UUID, warehouse_id: uuid.UUID,
                       delta: int, reason: str) -> StockLevel:
    """A stock count found more or less than the books say; never below what is reserved."""
    require_write_scope(actor, "StockLevel")
    if delta == 0:
        raise ServiceError(ErrorCode.INVALID, "An adjustment must change the quantity", "delta")
    if abs(delta) > 10**9:
        raise ServiceError(ErrorCode.INVALID, "Quantity is too large", "delta")
    if not reason or not reason.strip():
        raise ServiceError(ErrorCode.INVALID, "Say why the stock is adjusted", "reason")
    product = await _product(actor, product_id)
    await get_warehouse(actor, warehouse_id)
    async with in_transaction("default"):
        level = (await _locked_levels(actor.workspace_id, {(product.id, warehouse_id)}))[
            (product.id, warehouse_id)]
        if delta < 0 and level.available < -delta:
            raise ServiceError(ErrorCode.INSUFFICIENT_STOCK,
                               f"Only {level.available} of {product.sku} are available to remove",
                               "delta", params={"product": product.sku,
                                                "available": max(level.available, 0)})
        await _move(actor, level, MovementKind.ADJUST, abs(delta), on_hand=delta,
                    reason=reason.strip()[:300])
        await audit.record(actor, "StockLevel", level.id, "adjust",
                           {"onHand": [level.on_hand - delta, level.on_hand]},
                           note=reason.strip()[:300])
    return level


async def transfer_stock(actor: Actor, product_id: uuid.UUID, from_warehouse_id: uuid.UUID,
                         to_warehouse_id: uuid.UUID, quantity: int,
                         reason: str | None = None) -> tuple[StockLevel, StockLevel]:
    """Move available stock from one warehouse to another (调拨)."""
    require_write_scope(actor, "StockLevel")
    _check_quantity(quantity)
    if from_warehouse_id == to_warehouse_id:
        raise ServiceError(ErrorCode.INVALID, "Pick two different warehouses", "toWarehouseId")
    product = await _product(actor, product_id)
    await get_warehouse(actor, from_warehouse_id, "fromWarehouseId")
    await get_warehouse(actor, to_warehouse_id, "toWarehouseId")
    transfer_id = uuid.uuid4()
    async with in_transaction("default"):
        levels = await _locked_levels(actor.workspace_id, {(product.id, from_warehouse_id),
                                                           (product.id, to_warehouse_id)})
        source = levels[(product.id, from_warehouse_id)]
        target = levels[(product.id, to_warehouse_id)]
        if source.available < quantity:
            raise ServiceError(ErrorCode.INSUFFICIENT_STOCK,
                               f"Only {source.available} of {product.sku} are available to move",
                               "quantity", params={"product": product.sku,
                                                   "available": max(source.available, 0)})
        await _move(actor, source, MovementKind.TRANSFER_OUT, quantity, on_hand=-quantity,
                    reason=reason, reference_type="Transfer", reference_id=transfer_id)
        await _move(actor, target, MovementKind.TRANSFER_IN, quantity, on_hand=quantity,
                    reason=reason, reference_type="Transfer", reference_id=transfer_id)
        await audit.record(actor, "StockLevel", source.id, "transfer",
                           {"quantity": [None, quantity]}, note=f"to {to_warehouse_id}")
    return source, target


async def set_reorder_rule(actor: Actor, product_id: uuid.UUID, warehouse_id: uuid.UUID,
                           reorder_point: int, reorder_quantity: int) -> StockLevel:
    require_write_scope(actor, "StockLevel")
    if reorder_point < 0 or reorder_quantity < 0:
        raise ServiceError(ErrorCode.INVALID, "Reorder point and quantity must not be negative",
                           "reorderPoint")
    product = await _product(actor, product_id)
    await get_warehouse(actor, warehouse_id)
    async with in_transaction("default"):
        level = await ensure_level(actor.workspace_id, product.id, warehouse_id)
        before = audit.snapshot(level, ["reorder_point", "reorder_quantity"])
        level.reorder_point, level.reorder_quantity = reorder_point, reorder_quantity
        await StockLevel.filter(id=level.id).update(reorder_point=reorder_point,
                                                    reorder_quantity=reorder_quantity)
        await audit.record(actor, "StockLevel", level.id, "update", audit.diff(
            before, audit.snapshot(level, ["reorder_point", "reorder_quantity"])))
    return level


# --- reservations of orders (called inside the order's transaction) -----------------------------

def _by_level(requests: list[StockRequest]) -> dict[tuple[uuid.UUID, uuid.UUID], int]:
    need: dict[tuple[uuid.UUID, uuid.UUID], int] = defaultdict(int)
    for r in requests:
        need[(r.product_id, r.warehouse_id)] += r.quantity
    return need


async def reserve_stock(actor: Actor, requests: list[StockRequest], *, reference_type: str,
                        reference_id: uuid.UUID) -> None:
    """Reserve every request or none: a shortfall raises `InsufficientStock` naming each short
    line and what is available, before anything is written."""
    if not requests:
        return
    need = _by_level(requests)
    levels = await _locked_levels(actor.workspace_id, set(need))
    errors: list[UserError] = []
    for r in requests:
        key = (r.product_id, r.warehouse_id)
        available = levels[key].available
        if need[key] > available:
            errors.append(UserError(
                field=r.field, code=ErrorCode.INSUFFICIENT_STOCK,
                message=f"{r.label or 'This product'}: {r.quantity} wanted, {max(available, 0)} "
                        "available" + (f" ({need[key]} wanted by all lines)"
                                       if need[key] != r.quantity else ""),
                params={"product": r.label or "", "wanted": r.quantity,
                        "available": max(available, 0)}))
    if errors:
        raise InsufficientStock(errors)
    for key, quantity in need.items():
        await _move(actor, levels[key], MovementKind.RESERVE, quantity, reserved=quantity,
                    reference_type=reference_type, reference_id=reference_id)


async def release_reservation(actor: Actor, requests: list[StockRequest], *, reference_type: str,
                              reference_id: uuid.UUID, reason: str | None = None) -> None:
    """Give reserved stock back to what is available (a cancelled order)."""
    need = _by_level([r for r in requests if r.quantity > 0])
    if not need:
        return
    levels = await _locked_levels(actor.workspace_id, set(need))
    for key, quantity in need.items():
        if levels[key].reserved < quantity:
            raise ServiceError(ErrorCode.INVALID_STATE, "Less stock is reserved than released")
        await _move(actor, levels[key], MovementKind.RELEASE, quantity, reserved=-quantity,
                    reason=reason, reference_type=reference_type, reference_id=reference_id)


async def ship_reserved(actor: Actor, requests: list[StockRequest], *, reference_type: str,
                        reference_id: uuid.UUID) -> None:
    """Reserved goods leave the warehouse: on hand and reserved both go down."""
    need = _by_level(requests)
    if not need:
        return
    levels = await _locked_levels(actor.workspace_id, set(need))
    for key, quantity in need.items():
        level = levels[key]
        if level.reserved < quantity or level.on_hand < quantity:
            raise ServiceError(ErrorCode.INVALID_STATE,
                               "Less stock is reserved than this shipment takes")
        await _move(actor, level, MovementKind.SHIP, quantity, on_hand=-quantity,
                    reserved=-quantity, reference_type=reference_type, reference_id=reference_id)


async def receive_return(actor: Actor, requests: list[StockRequest], *, reference_type: str,
                         reference_id: uuid.UUID, reason: str | None = None) -> None:
    """Returned goods are back on the shelf."""
    need = _by_level(requests)
    if not need:
        return
    levels = await _locked_levels(actor.workspace_id, set(need))
    for key, quantity in need.items():
        await _move(actor, levels[key], MovementKind.RETURN, quantity, on_hand=quantity,
                    reason=reason, reference_type=reference_type, reference_id=reference_id)


# --- reading -----------------------------------------------------------------------------------

def levels_query(actor: Actor) -> Any:
    return scoped(StockLevel, actor)


def movements_query(actor: Actor) -> Any:
    return scoped(StockMovement, actor)


def warehouses_query(actor: Actor) -> Any:
    return scoped(Warehouse, actor)


async def levels_of(actor: Actor, product_id: uuid.UUID) -> list[StockLevel]:
    return list(await scoped(StockLevel, actor).filter(product_id=product_id))


@dataclass
class LowStock:
    level: StockLevel
    suggested_quantity: int


async def low_stock(actor: Actor, warehouse_id: uuid.UUID | None = None) -> list[LowStock]:
    """Levels whose available stock is at or below their reorder point (a point of 0 means no
    rule). Suggested order: enough to bring available back to the reorder point plus the
    reorder quantity."""
    qs = scoped(StockLevel, actor).filter(reorder_point__gt=0)
    if warehouse_id is not None:
        qs = qs.filter(warehouse_id=warehouse_id)
    qs = qs.annotate(available_now=F("on_hand") - F("reserved"))
    rows = await qs.filter(available_now__lte=F("reorder_point")).order_by("product_id")
    return [LowStock(r, r.reorder_point - r.available + max(r.reorder_quantity, 1)) for r in rows]


async def ledger_mismatches(workspace_id: uuid.UUID) -> list[uuid.UUID]:
    """Levels whose on hand or reserved differ from the sums of their movements (should be none)."""
    from tortoise.functions import Sum
    sums = await StockMovement.filter(workspace_id=workspace_id).annotate(
        on_hand=Sum("on_hand_delta"), reserved=Sum("reserved_delta")).group_by(
        "level_id").values("level_id", "on_hand", "reserved")
    by_level = {s["level_id"]: (int(s["on_hand"] or 0), int(s["reserved"] or 0)) for s in sums}
    bad = []
    for level in await StockLevel.filter(workspace_id=workspace_id):
        if by_level.get(level.id, (0, 0)) != (level.on_hand, level.reserved) \
                or level.on_hand < 0 or level.reserved < 0 or level.reserved > level.on_hand:
            bad.append(level.id)
    return bad
