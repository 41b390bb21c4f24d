"""Query and Mutation fields of warehouses and stock."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from crm.core.connections import Connection, SortKey, paginate
from crm.core.errors import ServiceError
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, parse_client_uuid
from crm.core.payloads import respond
from crm.core.scoping import scoped
from crm.stock import service
from crm.stock.models import StockMovement as MovementModel
from crm.stock.models import Warehouse as WarehouseModel
from crm.stock.types import (
    AdjustStockInput,
    CreateWarehouseInput,
    LowStockItem,
    ReceiveStockInput,
    SetReorderRuleInput,
    StockLevel,
    StockLevelFilter,
    StockLevelPayload,
    StockMovement,
    TransferStockInput,
    TransferStockPayload,
    Warehouse,
    WarehousePayload,
)


def _id(value: Any, type_name: str, field: str) -> Any:
    return decode_id(str(value), type_name, field) if value else None


@strawberry.type
class StockQuery:
    @strawberry.field(description="Warehouses of the workspace.")
    async def warehouses(self, info: Info) -> list[Warehouse]:
        return await scoped(WarehouseModel, actor_of(info)).order_by(  # type: ignore[return-value]
            "-is_default", "code")

    @strawberry.field(description="Stock levels per product and warehouse.")
    async def stock_levels(
        self, info: Info, filter: StockLevelFilter | None = None, first: int | None = None,
        after: str | None = None,
    ) -> Connection[StockLevel]:
        qs = service.levels_query(actor_of(info))
        if filter is not None and filter.product_id:
            qs = qs.filter(product_id=_id(filter.product_id, "Product", "productId"))
        if filter is not None and filter.warehouse_id:
            qs = qs.filter(warehouse_id=_id(filter.warehouse_id, "Warehouse", "warehouseId"))
        return await paginate(qs, [SortKey("product_id")], first=first, after=after)

    @strawberry.field(description="The stock ledger, newest first.")
    async def stock_movements(
        self, info: Info, product_id: strawberry.ID | None = None,
        warehouse_id: strawberry.ID | None = None, first: int | None = None,
        after: str | None = None,
    ) -> Connection[StockMovement]:
        qs = scoped(MovementModel, actor_of(info))
        if product_id:
            qs = qs.filter(product_id=_id(product_id, "Product", "productId"))
        if warehouse_id:
            qs = qs.filter(warehouse_id=_id(warehouse_id, "Warehouse", "warehouseId"))
        return await paginate(qs, [SortKey("created_at", True)], first=first, after=after)

    @strawberry.field(description="Levels at or below their reorder point, with what to order.")
    async def low_stock(self, info: Info, warehouse_id: strawberry.ID | None = None
                        ) -> list[LowStockItem]:
        rows = await service.low_stock(actor_of(info),
                                       _id(warehouse_id, "Warehouse", "warehouseId"))
        return [LowStockItem(level=r.level, suggested_quantity=r.suggested_quantity)  # type: ignore[arg-type]
                for r in rows]


@strawberry.type
class StockMutation:
    @strawberry.mutation
    async def create_warehouse(self, info: Info, input: CreateWarehouseInput) -> WarehousePayload:
        return await respond(
            WarehousePayload, "warehouse",
            service.create_warehouse(
            actor_of(info), {"code": input.code, "name": input.name,
                             "location": input.location, "is_default": input.is_default},
            parse_client_uuid(input.id)))

    @strawberry.mutation(description="Goods arrived in a warehouse (入库).")
    async def receive_stock(self, info: Info, input: ReceiveStockInput) -> StockLevelPayload:
        return await respond(
            StockLevelPayload, "level",
            service.receive_stock(
            actor_of(info), decode_id(input.product_id, "Product", "productId"),
            decode_id(input.warehouse_id, "Warehouse", "warehouseId"), input.quantity,
            input.reason))

    @strawberry.mutation(description="Correct a level after a count, with a reason.")
    async def adjust_stock(self, info: Info, input: AdjustStockInput) -> StockLevelPayload:
        return await respond(
            StockLevelPayload, "level",
            service.adjust_stock(
            actor_of(info), decode_id(input.product_id, "Product", "productId"),
            decode_id(input.warehouse_id, "Warehouse", "warehouseId"), input.delta,
            input.reason))

    @strawberry.mutation(description="Move available stock between warehouses (调拨).")
    async def transfer_stock(self, info: Info, input: TransferStockInput) -> TransferStockPayload:
        try:
            source, target = await service.transfer_stock(
                actor_of(info), decode_id(input.product_id, "Product", "productId"),
                decode_id(input.from_warehouse_id, "Warehouse", "fromWarehouseId"),
                decode_id(input.to_warehouse_id, "Warehouse", "toWarehouseId"), input.quantity,
                input.reason)
        except ServiceError as exc:
            return TransferStockPayload(errors=exc.as_user_errors())
        return TransferStockPayload(source=source, target=target)  # type: ignore[arg-type]

    @strawberry.mutation(description="Set when a level counts as low and how much to reorder.")
    async def set_reorder_rule(self, info: Info, input: SetReorderRuleInput) -> StockLevelPayload:
        return await respond(
            StockLevelPayload, "level",
            service.set_reorder_rule(
            actor_of(info), decode_id(input.product_id, "Product", "productId"),
            decode_id(input.warehouse_id, "Warehouse", "warehouseId"), input.reorder_point,
            input.reorder_quantity))


Query = StockQuery
Mutation = StockMutation
