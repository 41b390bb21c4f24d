"""DataLoaders of warehouses and stock levels: one statement per relation per request."""

from __future__ import annotations

import uuid
from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.types import Info

from crm.core.graphql import actor_of, loaders_of
from crm.core.loaders import by_key, grouped
from crm.stock.models import StockLevel, Warehouse


def warehouse_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[Any]:
        rows = await Warehouse.filter(workspace_id=actor.workspace_id, id__in=list(set(ids)))
        return by_key(rows, ids)

    return loaders_of(info).get("warehouse", load)


def levels_of_product_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[list[Any]]:
        rows = await StockLevel.filter(workspace_id=actor.workspace_id,
                                       product_id__in=list(set(ids))).order_by("warehouse_id")
        return grouped(rows, ids, "product_id")

    return loaders_of(info).get("levels_of_product", load)
