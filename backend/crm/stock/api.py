"""Query and Mutation fields of warehouses and stock."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from crm.core.connections import Connection
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, optional_id, parse_client_uuid
from crm.core.lists import list_field
from crm.core.payloads import respond
from crm.stock import service
from crm.stock.types import (
    STOCK_LEVEL_FILTER,
    STOCK_LEVEL_SORT,
    STOCK_MOVEMENT_FILTER,
    STOCK_MOVEMENT_SORT,
    AdjustStockInput,
    CreateWarehouseInput,
    LowStockItem,
    ReceiveStockInput,
    SetReorderRuleInput,
    StockLevel,
    StockLevelPayload,
    StockMovement,
    TransferStockInput,
    TransferStockPayload,
    Warehouse,
    WarehousePayload,
)


@strawberry.type
class StockQuery:
    @strawberry.field(description="Warehouses of the workspace, the default first, then by "
                      "code.")
    async def warehouses(self, info: Info) -> list[Warehouse]:
        return await service.warehouses_query(actor_of(info)).order_by(  # type: ignore[no-any-return]
            "-is_default", "code")

    stock_levels: Connection[StockLevel] = list_field(
        service.levels_query, STOCK_LEVEL_FILTER, STOCK_LEVEL_SORT,
        description="Stock levels per product and warehouse.")
    stock_movements: Connection[StockMovement] = list_field(
        service.movements_query, STOCK_MOVEMENT_FILTER, STOCK_MOVEMENT_SORT,
        description="The stock ledger, newest first.")

    @strawberry.field(description="Levels at or below their reorder point, with what to order.")
    async def low_stock(
        self, info: Info,
        warehouse_id: Annotated[strawberry.ID | None, strawberry.argument(
            description="Only this warehouse's levels; omit for every warehouse.")] = None,
    ) -> list[LowStockItem]:
        rows = await service.low_stock(actor_of(info),
                                       optional_id(warehouse_id, "Warehouse", "warehouseId"))
        return [LowStockItem(level=r.level, suggested_quantity=r.suggested_quantity)  # type: ignore[arg-type]
                for r in rows]


@strawberry.type
class StockMutation:
    @strawberry.mutation(description="Add a warehouse; a code the workspace already has is "
                         "refused (DUPLICATE).")
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
        return await respond(TransferStockPayload, None, service.transfer_stock(
            actor_of(info), decode_id(input.product_id, "Product", "productId"),
            decode_id(input.from_warehouse_id, "Warehouse", "fromWarehouseId"),
            decode_id(input.to_warehouse_id, "Warehouse", "toWarehouseId"), input.quantity,
            input.reason), shape=lambda pair: {"source": pair[0], "target": pair[1]})

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
