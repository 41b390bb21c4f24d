"""GraphQL types of warehouses, stock levels and the movements ledger."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from crm.catalogue.types import Product
from crm.core.connections import SortKey
from crm.core.enums import public_enum
from crm.core.errors import UserError
from crm.core.filters import FilterSpec, SortSpec, choice, number, ref, text, when
from crm.core.graphql import Node, extend, node_type
from crm.core.ids import to_global_id
from crm.core.payloads import errors_field, result_field
from crm.core.relations import scoped_by, to_many, to_one
from crm.stock import models

MovementKind = public_enum(
    models.MovementKind, name="StockMovementKind",
    description="Why stock moved; each kind changes on hand, reserved or both.",
    values={
        "RECEIVE": "Goods arrived (receiveStock): on hand goes up.",
        "RESERVE": "Held for a confirmed order or a replacement shipment: reserved goes up.",
        "RELEASE": "A reservation given back when its order was cancelled: reserved goes down.",
        "SHIP": "Reserved goods left with a shipment: on hand and reserved both go down.",
        "ADJUST": "A correction after a count (adjustStock): on hand goes up or down.",
        "RETURN": "Returned goods are back on the shelf: on hand goes up.",
        "TRANSFER_OUT": "Sent to another warehouse (transferStock): on hand goes down here.",
        "TRANSFER_IN": "Received from another warehouse (transferStock): on hand goes up here.",
    })


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

_PRODUCT = "A stock-tracked product."
_WAREHOUSE = "An active warehouse."


@strawberry.input(description="A new warehouse; the workspace's first one becomes its default.")
class CreateWarehouseInput:
    id: strawberry.ID | None = strawberry.field(
        default=None, description="A UUID chosen by the client (offline creation, retries).")
    code: str = strawberry.field(description="A short code, unique in the workspace.")
    name: str = strawberry.field(description="The warehouse's name.")
    location: str | None = strawberry.field(default=None,
                                            description="Where it is, e.g. its address.")
    is_default: bool = strawberry.field(
        default=False, description="Make it the warehouse orders reserve from unless told "
        "otherwise; the previous default stops being it.")


@strawberry.input(description="Goods that arrived in a warehouse (入库), e.g. from a supplier.")
class ReceiveStockInput:
    product_id: strawberry.ID = strawberry.field(description=_PRODUCT)
    warehouse_id: strawberry.ID = strawberry.field(description=_WAREHOUSE)
    quantity: int = strawberry.field(description="Units received, more than zero.")
    reason: str | None = strawberry.field(
        default=None, description="Why, e.g. a purchase order number; kept on the movement.")


@strawberry.input(description="A correction of on hand after a count; reserved units are never "
                  "removed.")
class AdjustStockInput:
    product_id: strawberry.ID = strawberry.field(description=_PRODUCT)
    warehouse_id: strawberry.ID = strawberry.field(description=_WAREHOUSE)
    delta: int = strawberry.field(
        description="Positive adds, negative removes; not zero, and at most the available "
        "units (on hand minus reserved) may be removed.")
    reason: str = strawberry.field(
        description="Why the count differs; required, kept on the movement.")


@strawberry.input(description="Available stock of one product moved between two warehouses "
                  "(调拨).")
class TransferStockInput:
    product_id: strawberry.ID = strawberry.field(description=_PRODUCT)
    from_warehouse_id: strawberry.ID = strawberry.field(
        description="The active warehouse the stock leaves.")
    to_warehouse_id: strawberry.ID = strawberry.field(
        description="The active warehouse the stock goes to; not the one it leaves.")
    quantity: int = strawberry.field(
        description="Units moved, more than zero and at most what the source has available "
        "(on hand minus reserved).")
    reason: str | None = strawberry.field(default=None,
                                          description="Why, kept on both movements.")


@strawberry.input(description="When one product's level in one warehouse counts as low "
                  "(lowStock), and how much to reorder then.")
class SetReorderRuleInput:
    product_id: strawberry.ID = strawberry.field(description=_PRODUCT)
    warehouse_id: strawberry.ID = strawberry.field(description=_WAREHOUSE)
    reorder_point: int = strawberry.field(
        description="Low when available falls to this many units or fewer; 0 switches the rule "
        "off.")
    reorder_quantity: int = strawberry.field(
        description="Units to order on top of what brings available back to the reorder point; "
        "not negative.")


@strawberry.type(description="The warehouse created, or why not.")
class WarehousePayload:
    warehouse: Warehouse | None = result_field("the warehouse")
    errors: list[UserError] = errors_field()


@strawberry.type(description="The stock level after the change, or why nothing changed.")
class StockLevelPayload:
    level: StockLevel | None = result_field("the product's level in the warehouse")
    errors: list[UserError] = errors_field()


@strawberry.type(description="Both levels after a transfer, or why nothing moved.")
class TransferStockPayload:
    source: StockLevel | None = result_field("the level of the warehouse the stock left")
    target: StockLevel | None = result_field("the level of the warehouse the stock went to")
    errors: list[UserError] = errors_field()


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
