"""The demo seed: the catalogue, stock and 300 orders in every status, ledger intact."""

from __future__ import annotations

from crm.auth.models import Workspace
from crm.catalogue.models import Product, ProductLine
from crm.orders.models import (
    Order,
    OrderStatus,
    Payment,
    ReturnRequest,
    Shipment,
)
from crm.stock.models import Warehouse
from crm.stock.service import ledger_mismatches


async def test_demo_seed_has_orders_in_every_status_and_a_true_ledger(database):
    from crm.seed import DEMO_SLUG, seed_demo
    ws = await Workspace.get_or_none(slug=DEMO_SLUG) or await seed_demo(1, echo=lambda _m: None)
    assert await ProductLine.filter(workspace_id=ws.id).count() == 4
    assert await Product.filter(workspace_id=ws.id).count() == 30
    assert await Warehouse.filter(workspace_id=ws.id).count() == 2
    assert await Order.filter(workspace_id=ws.id).count() == 300
    statuses = set(await Order.filter(workspace_id=ws.id).values_list("status", flat=True))
    assert statuses == {s.value for s in OrderStatus}
    assert await Shipment.filter(workspace_id=ws.id).count() > 100
    assert await Payment.filter(workspace_id=ws.id, amount_minor__lt=0).exists()
    kinds = set(await ReturnRequest.filter(workspace_id=ws.id).values_list("kind", flat=True))
    assert kinds == {"return", "exchange"}
    assert await ledger_mismatches(ws.id) == []
    for order in await Order.filter(workspace_id=ws.id):
        assert 0 <= order.paid_minor <= order.total_minor - order.returned_minor or \
            order.paid_minor == 0
