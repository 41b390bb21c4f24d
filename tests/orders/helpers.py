"""A small shop for order and stock tests: two warehouses, a catalogue, stock, and customers."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from crm.core.ids import to_global_id
from crm.core.money import MoneyInput


@dataclass
class Shop:
    main: Any  # warehouse
    second: Any  # warehouse
    line: Any  # product line
    widget: Any  # tracked, 199.99 CNY, 13% tax
    gadget: Any  # tracked, 50.00 CNY, no tax
    service: Any  # not tracked, 1000 CNY
    customer: Any  # owned by rep1
    other_customer: Any  # owned by rep3


def gid(type_name: str, pk: uuid.UUID) -> str:
    return to_global_id(type_name, pk)


async def make_shop(world: Any, *, widgets: int = 100, gadgets: int = 20) -> Shop:
    from crm.catalogue import service as catalogue
    from crm.customers.service import create_customer
    from crm.stock import service as stock

    admin = await world.actor("admin")
    main = await stock.create_warehouse(admin, {"code": "SH", "name": "上海仓 Shanghai",
                                                "is_default": True})
    second = await stock.create_warehouse(admin, {"code": "GZ", "name": "广州仓 Guangzhou"})
    line = await catalogue.create_product_line(admin, "Hardware")
    widget = await catalogue.create_product(
        admin, {"sku": "W-1", "name": "Widget", "line_id": line.id},
        list_price=MoneyInput(amount=Decimal("199.99"), currency="CNY"),
        cost_price=MoneyInput(amount=Decimal("120.00"), currency="CNY"), tax_rate=Decimal("13"))
    gadget = await catalogue.create_product(
        admin, {"sku": "G-1", "name": "Gadget", "line_id": line.id},
        list_price=MoneyInput(amount=Decimal("50.00"), currency="CNY"),
        cost_price=MoneyInput(amount=Decimal("20.00"), currency="CNY"))
    service_product = await catalogue.create_product(
        admin, {"sku": "S-1", "name": "Installation", "track_stock": False},
        list_price=MoneyInput(amount=Decimal("1000"), currency="CNY"))
    if widgets:
        await stock.receive_stock(admin, widget.id, main.id, widgets, "opening stock")
    if gadgets:
        await stock.receive_stock(admin, gadget.id, main.id, gadgets, "opening stock")
    rep1 = await world.actor("rep1")
    rep3 = await world.actor("rep3")
    customer = await create_customer(rep1, {"name": f"Acme {uuid.uuid4().hex[:6]}"})
    other = await create_customer(rep3, {"name": f"Globex {uuid.uuid4().hex[:6]}"})
    return Shop(main, second, line, widget, gadget, service_product, customer, other)


async def level(shop_or_ws: Any, product: Any, warehouse: Any) -> tuple[int, int]:
    from crm.stock.models import StockLevel
    row = await StockLevel.get_or_none(product_id=product.id, warehouse_id=warehouse.id)
    return (row.on_hand, row.reserved) if row else (0, 0)


async def assert_ledger(world: Any) -> None:
    """Every level equals the sum of its movements, and none is negative."""
    from crm.stock.service import ledger_mismatches
    assert await ledger_mismatches(world.workspace.id) == []


async def counts(world: Any) -> dict[str, int]:
    """How many rows of each written table the workspace holds (to prove nothing was written)."""
    from crm.core.models import AuditEvent, IdempotencyKey
    from crm.orders.models import (
        Order,
        OrderLine,
        Payment,
        ReturnRequest,
        Shipment,
    )
    from crm.stock.models import StockMovement
    ws = world.workspace.id
    out = {}
    for model in (Order, OrderLine, Shipment, Payment, ReturnRequest, StockMovement, AuditEvent,
                  IdempotencyKey):
        out[model.__name__] = await model.filter(workspace_id=ws).count()
    return out


async def paid_shipped_order(world: Any, shop: Shop, product: Any, quantity: int, *,
                             paid_on: Any = None) -> tuple[Any, Any]:
    """rep1's confirmed order of `quantity` of one product, shipped and paid in full:
    (the order, its line)."""
    from crm.orders import service
    from crm.orders.service import LineInput, QuantityInput

    rep = await world.actor("rep1")
    order = await service.confirm_order(rep, (await service.create_order(
        rep, customer_id=shop.customer.id, lines=[LineInput(product.id, quantity)])).id)
    line = (await service.order_lines(order.id))[0]
    await service.create_shipment(await world.actor("warehouse"), order.id,
                                  [QuantityInput(line.id, quantity)])
    await service.record_payment(await world.actor("finance"), order.id,
                                 Decimal(order.total_minor) / 100, "CNY", received_on=paid_on)
    return order, line


async def refunded_return(world: Any, order: Any, line: Any, quantity: int, reason: str, *,
                          refunded_on: Any = None) -> Any:
    """`quantity` of the line sent back: requested by rep1, approved by the manager, received
    by the warehouse and refunded by finance (the refund defaults to the goods' value)."""
    from crm.orders import service
    from crm.orders.models import ReturnKind
    from crm.orders.service import QuantityInput

    ret = await service.create_return_request(await world.actor("rep1"), order.id,
                                              ReturnKind.RETURN, reason,
                                              [QuantityInput(line.id, quantity)])
    await service.approve_return(await world.actor("manager"), ret.id)
    await service.receive_return(await world.actor("warehouse"), ret.id)
    return await service.refund_return(await world.actor("finance"), ret.id,
                                       received_on=refunded_on)
