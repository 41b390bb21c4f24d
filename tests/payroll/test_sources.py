"""The seam to the orders module: empty while `crm.orders` does not exist, and once it does,
the contract payroll relies on (function names, parameters, payment fields)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import inspect

from crm.payroll import sources
from tests.conftest import World

USED_FIELDS = {"payment_id", "order_id", "order_number", "owner_id", "amount_minor", "currency",
               "received_on", "customer_id"}


def _orders_exist() -> bool:
    return importlib.util.find_spec("crm.orders") is not None


async def test_seam_matches_the_orders_contract(world: World):
    start, end = dt.date(2026, 1, 1), dt.date(2026, 2, 1)
    if not _orders_exist():
        assert await sources.collected_payments(world.workspace.id, start, end) == []
        assert await sources.booked_revenue(world.workspace.id, start, end) == {}
        return
    from crm.orders import service as orders

    for name in ("collected_payments", "booked_revenue"):
        params = list(inspect.signature(getattr(orders, name)).parameters)
        assert params[:3] == ["workspace_id", "start", "end"], (name, params)
    fields = {f.name for f in dataclasses.fields(orders.CollectedPayment)}
    assert USED_FIELDS <= fields
    # A fresh workspace has no payments: the seam answers through the real service.
    assert await sources.collected_payments(world.workspace.id, start, end) == []
