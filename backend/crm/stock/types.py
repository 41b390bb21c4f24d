"""GraphQL types of warehouses, stock levels and the movements ledger."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from crm.catalogue.types import Product
from crm.core.connections import SortKey
from crm.core.errors import UserError
from crm.core.filters import FilterSpec, SortSpec, choice, number, ref, text, when
from crm.core.graphql import Node, extend, node_type
from crm.core.ids import to_global_id
from crm.core.relations import scoped_by, to_many, to_one
from crm.stock import models

MovementKind = strawberry.enum(models.MovementKind, name="StockMovementKind",
                               description="Why stock moved.")


@node_type(models.Warehouse)
@strawberry.type(description="A place that holds stock (仓库).")
class Warehouse(Node):
    code: str = strawberry.field(description="A short code, unique in the workspace.")
    name: str = strawberry.field(description="The warehouse's name.")
    location: str | None = strawberry.field(description="Where it is.")
    is_default: bool = strawberry.field(description="Orders reserve here unless told otherwise.")
    active: bool = strawberry.field(description="Still in use.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")


@node_type(models.StockLevel)
@strawberry.type(description="Stock of one product in one warehouse: available = onHand - "
                 "reserved.")
class StockLevel(Node):
    on_hand: int = strawberry.field(description="Units in the warehouse.")
    reserved: int = strawberry.field(description="Units held for confirmed orders.")
    reorder_point: int = strawberry.field(description="Reorder when available falls to this.")
    reorder_quantity: int = strawberry.field(description="How many to reorder.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")
    product: Product = to_one("product_id", description="The product.")
    warehouse: Warehouse = to_one("warehouse_id", description="The warehouse.")

    @strawberry.field(description="On hand minus reserved for confirmed orders.")
    def available(self, root: strawberry.Parent[Any]) -> int:
        return int(root.on_hand - root.reserved)


@node_type(models.StockMovement)
@strawberry.type(description="One line of the append-only stock ledger.")
class StockMovement(Node):
    kind: MovementKind = strawberry.field(description="Why stock moved.")  # type: ignore[valid-type]
    quantity: int = strawberry.field(description="Units moved, as the person entered it.")
    on_hand_delta: int = strawberry.field(description="Change of on hand (negative: out).")
    reserved_delta: int = strawberry.field(description="Change of reserved (negative: released).")
    reason: str | None = strawberry.field(description="Why, in the mover's words.")
    reference_type: str | None = strawberry.field(
        description="Order, Shipment, ReturnRequest or Transfer.")
    created_at: dt.datetime = strawberry.field(description="When it moved.")
    product: Product = to_one("product_id", description="The product.")
    warehouse: Warehouse = to_one("warehouse_id", description="The warehouse.")

    @strawberry.field(description="The id of the order, shipment, return or transfer behind it.")
    def reference_id(self, root: strawberry.Parent[Any]) -> strawberry.ID | None:
        if root.reference_id is None:
            return None
        if root.reference_type in ("Order", "Shipment", "ReturnRequest"):
            return strawberry.ID(to_global_id(root.reference_type, root.reference_id))
        return strawberry.ID(str(root.reference_id))

    @strawberry.field(description="Who made the change (a User id).")
    def created_by_id(self, root: strawberry.Parent[Any]) -> strawberry.ID | None:
        return strawberry.ID(to_global_id("User", root.created_by_id)) \
            if root.created_by_id else None


@extend(Product)
class ProductStock:
    """What stock adds to a product."""

    stock: list[StockLevel] = to_many("product_id", order_by=["warehouse_id"], size=3,
                                      description="Stock of this product per warehouse.")


@strawberry.type(description="A level at or below its reorder point.")
class LowStockItem:
    level: StockLevel = strawberry.field(
        description="The level.", metadata=scoped_by("stock.service.low_stock: scoped levels"))
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


# --- lists ---------------------------------------------------------------------------------------

STOCK_LEVEL_FILTER = FilterSpec("StockLevel", [
    ref("product", "Product"), ref("warehouse", "Warehouse"), number("on_hand"),
    number("reserved"),
], "StockLevelFilter", __name__, "Which stock levels to list.")
STOCK_LEVEL_SORT = SortSpec("StockLevel", {
    "PRODUCT": ("product_id", "product"), "ON_HAND": ("on_hand", "onHand"),
    "UPDATED_AT": ("updated_at", "updatedAt"),
}, [SortKey("product_id")], "StockLevelSort", __name__)
STOCK_MOVEMENT_FILTER = FilterSpec("StockMovement", [
    ref("product", "Product"), ref("warehouse", "Warehouse"), choice("kind", models.MovementKind),
    text("reference_type"), when("created_at"),
], "StockMovementFilter", __name__, "Which ledger lines to list.")
STOCK_MOVEMENT_SORT = SortSpec("StockMovement", {
    "CREATED_AT": ("created_at", "createdAt"),
}, [SortKey("created_at", descending=True)], "StockMovementSort", __name__)
