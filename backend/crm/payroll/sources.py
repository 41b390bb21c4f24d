"""The seam to the orders module: revenue collected and booked per rep.

`crm.orders` is built in parallel; until it exists these return nothing (no commission, no
revenue), and once it does they call its service, the only door between modules.
"""

from __future__ import annotations

import datetime as dt
import importlib
import uuid
from types import ModuleType
from typing import Any


def _orders() -> ModuleType | None:
    try:
        return importlib.import_module("crm.orders.service")
    except ModuleNotFoundError as exc:
        if exc.name in ("crm.orders", "crm.orders.service"):
            return None
        raise


async def collected_payments(workspace_id: uuid.UUID, start: dt.date, end: dt.date
                             ) -> list[Any]:
    """Payments received (refunds negative) with start <= received_on < end."""
    orders = _orders()
    if orders is None:
        return []
    return list(await orders.collected_payments(workspace_id, start, end))


async def booked_revenue(workspace_id: uuid.UUID, start: dt.date, end: dt.date
                         ) -> dict[uuid.UUID | None, list[tuple[int, str]]]:
    """Per order owner: the totals (minor units, currency) of orders booked in the period."""
    orders = _orders()
    if orders is None:
        return {}
    return dict(await orders.booked_revenue(workspace_id, start, end))
