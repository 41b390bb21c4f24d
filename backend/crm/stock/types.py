"""GraphQL types of warehouses, stock levels and the movements ledger."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from strawberry.types import Info

from crm.core.errors import UserError
from crm.core.graphql import Node, node_type
from crm.core.scoping import scoped
from crm.stock import models
from crm.stock.loaders import warehouse_loader

if TYPE_CHECKING:
    from crm.orders.types import Product

OrdersLazy = "crm.orders.types"
MovementKind = strawberry.enum(models.MovementKind, name="StockMovementKind")


async def _fetch_warehouses(actor: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    return {r.id: r for r in await scoped(models.Warehouse, actor).filter(id__in=ids)}


async def _fetch_levels(actor: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    return {r.id: r for r in await scoped(models.StockLevel, actor).filter(id__in=ids)}


async def _fetch_movements(actor: Any, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    return {r.id: r for r in await scoped(models.StockMovement, actor).filter(id__in=ids)}


async def _product(info: Info, product_id: uuid.UUID) -> Any:
    from crm.orders.loaders import product_loader
    return await product_loader(info).load(product_id)


@node_type(models.Warehouse, _fetch_warehouses)
@strawberry.type(description="A place that holds stock (仓库).")
class Warehouse(Node):
    code: str
    name: str
    location: str | None
    is_default: bool
    active: bool
    version: int
    created_at: dt.datetime


@node_type(models.StockLevel, _fetch_levels)
@strawberry.type(description="Stock of one product in one warehouse: available = onHand - "
                 "reserved.")
class StockLevel(Node):
    on_hand: int
    reserved: int
    reorder_point: int
    reorder_quantity: int
    updated_at: dt.datetime

    @strawberry.field(description="On hand minus reserved for confirmed orders.")
    def available(self, root: strawberry.Parent[Any]) -> int:
        return int(root.on_hand - root.reserved)

    @strawberry.field
    async def product(self, root: strawberry.Parent[Any], info: Info
                      ) -> Annotated[Product, strawberry.lazy(OrdersLazy)]:
        return await _product(info, root.product_id)

    @strawberry.field
    async def warehouse(self, root: strawberry.Parent[Any], info: Info) -> Warehouse:
        return await warehouse_loader(info).load(root.warehouse_id)


@node_type(models.StockMovement, _fetch_movements)
@strawberry.type(description="One line of the append-only stock ledger.")
class StockMovement(Node):
    kind: models.MovementKind
    quantity: int
    on_hand_delta: int
    reserved_delta: int
    reason: str | None
    reference_type: str | None = strawberry.field(
        description="Order, Shipment, ReturnRequest or Transfer.")
    created_at: dt.datetime

    @strawberry.field
    def reference_id(self, root: strawberry.Parent[Any]) -> strawberry.ID | None:
        if root.reference_id is None:
            return None
        if root.reference_type in ("Order", "Shipment", "ReturnRequest"):
            from crm.core.ids import to_global_id
            return strawberry.ID(to_global_id(root.reference_type, root.reference_id))
        return strawberry.ID(str(root.reference_id))

    @strawberry.field
    async def product(self, root: strawberry.Parent[Any], info: Info
                      ) -> Annotated[Product, strawberry.lazy(OrdersLazy)]:
        return await _product(info, root.product_id)

    @strawberry.field
    async def warehouse(self, root: strawberry.Parent[Any], info: Info) -> Warehouse:
        return await warehouse_loader(info).load(root.warehouse_id)

    @strawberry.field(description="Who made the change.")
    def created_by_id(self, root: strawberry.Parent[Any]) -> strawberry.ID | None:
        from crm.core.ids import to_global_id
        return strawberry.ID(to_global_id("User", root.created_by_id)) \
            if root.created_by_id else None


@strawberry.type(description="A level at or below its reorder point.")
class LowStockItem:
    level: StockLevel
    suggested_quantity: int = strawberry.field(
        description="Enough to bring available back to the reorder point plus the reorder "
        "quantity.")


# --- inputs and payloads -----------------------------------------------------------------------

@strawberry.input
class CreateWarehouseInput:
    id: strawberry.ID | None = None
    code: str
    name: str
    location: str | None = None
    is_default: bool = False


@strawberry.input
class ReceiveStockInput:
    product_id: strawberry.ID
    warehouse_id: strawberry.ID
    quantity: int
    reason: str | None = None


@strawberry.input
class AdjustStockInput:
    product_id: strawberry.ID
    warehouse_id: strawberry.ID
    delta: int = strawberry.field(description="Positive adds, negative removes.")
    reason: str


@strawberry.input
class TransferStockInput:
    product_id: strawberry.ID
    from_warehouse_id: strawberry.ID
    to_warehouse_id: strawberry.ID
    quantity: int
    reason: str | None = None


@strawberry.input
class SetReorderRuleInput:
    product_id: strawberry.ID
    warehouse_id: strawberry.ID
    reorder_point: int
    reorder_quantity: int


@strawberry.input
class StockLevelFilter:
    product_id: strawberry.ID | None = None
    warehouse_id: strawberry.ID | None = None


@strawberry.type
class WarehousePayload:
    warehouse: Warehouse | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class StockLevelPayload:
    level: StockLevel | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)


@strawberry.type
class TransferStockPayload:
    source: StockLevel | None = None
    target: StockLevel | None = None
    errors: list[UserError] = strawberry.field(default_factory=list)
