"""DataLoaders of products, orders and what hangs off an order: one statement per relation per
request, so a page of orders costs the same number of statements whatever its size."""

from __future__ import annotations

import uuid
from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.types import Info

from crm.core.graphql import actor_of, loaders_of
from crm.core.loaders import by_key, grouped
from crm.orders.models import (
    Order,
    OrderLine,
    Payment,
    Product,
    ProductLine,
    ReturnLine,
    ReturnRequest,
    Shipment,
    ShipmentLine,
    TrackingEvent,
)


def _by_id(name: str, model: Any, info: Info) -> DataLoader[uuid.UUID, Any]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[Any]:
        rows = await model.filter(workspace_id=actor.workspace_id, id__in=list(set(ids)))
        return by_key(rows, ids)

    return loaders_of(info).get(name, load)


def _children(name: str, model: Any, column: str, order: tuple[str, ...], info: Info
              ) -> DataLoader[uuid.UUID, list[Any]]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[list[Any]]:
        rows = await model.filter(workspace_id=actor.workspace_id,
                                  **{f"{column}__in": list(set(ids))}).order_by(*order)
        return grouped(rows, ids, column)

    return loaders_of(info).get(name, load)


def product_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    return _by_id("product", Product, info)


def product_line_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    return _by_id("product_line", ProductLine, info)


def order_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    return _by_id("order", Order, info)


def order_line_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    return _by_id("order_line", OrderLine, info)


def lines_of_order_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    return _children("lines_of_order", OrderLine, "order_id", ("position",), info)


def payments_of_order_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    return _children("payments_of_order", Payment, "order_id", ("received_on", "created_at"), info)


def shipments_of_order_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    return _children("shipments_of_order", Shipment, "order_id", ("created_at",), info)


def returns_of_order_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    return _children("returns_of_order", ReturnRequest, "order_id", ("created_at",), info)


def lines_of_shipment_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    return _children("lines_of_shipment", ShipmentLine, "shipment_id", ("created_at",), info)


def events_of_shipment_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    return _children("events_of_shipment", TrackingEvent, "shipment_id", ("occurred_at",), info)


def lines_of_return_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    return _children("lines_of_return", ReturnLine, "return_request_id", ("created_at",), info)


def orders_of_customer_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[list[Any]]:
        rows = await Order.filter(workspace_id=actor.workspace_id, customer_id__in=list(set(ids)),
                                  deleted_at=None).order_by("-created_at")
        return grouped(rows, ids, "customer_id")

    return loaders_of(info).get("orders_of_customer", load)


def customer_stats_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[Any]:
        from crm.orders.service import customer_order_stats
        stats = await customer_order_stats(actor.workspace_id, ids)
        return [stats[i] for i in ids]

    return loaders_of(info).get("customer_order_stats", load)
