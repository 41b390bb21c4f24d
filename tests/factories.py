"""Making records through the services, as a user would."""

from __future__ import annotations

import itertools
from decimal import Decimal
from typing import Any

from crm.core.ids import to_global_id

_seq = itertools.count(1)


async def customer(world: Any, who: str = "rep1", **values: Any) -> Any:
    from crm.customers import service
    n = next(_seq)
    values.setdefault("name", f"Customer {n}")
    values.setdefault("phone", f"1380000{n:04d}")
    values.setdefault("email", f"c{n}@example.com")
    contacts = values.pop("contacts", [{"name": f"Contact {n}", "phone": f"1390000{n:04d}",
                                        "email": f"p{n}@example.com", "im_handle": f"wx{n}",
                                        "is_primary": True}])
    tag_ids = values.pop("tag_ids", [])
    return await service.create_customer(await world.actor(who), values, contacts=contacts,
                                         tag_ids=tag_ids, allow_duplicate=True)


async def tag(world: Any, name: str, who: str = "admin") -> Any:
    from crm.customers import service
    return await service.create_tag(await world.actor(who), {"name": name})


async def opportunity(world: Any, cust: Any, who: str = "rep1", amount: str = "1000.00",
                      **values: Any) -> Any:
    from crm.sales import service
    values.setdefault("title", "Deal")
    return await service.create_opportunity(
        await world.actor(who), {"customer_id": cust.id, "amount": Decimal(amount),
                                 "currency": "CNY", **values})


async def interaction(world: Any, cust: Any, who: str = "rep1", **values: Any) -> Any:
    from crm.sales import service
    from crm.sales.models import InteractionKind
    values.setdefault("kind", InteractionKind.CALL)
    values.setdefault("summary", "Called")
    return await service.log_interaction(await world.actor(who), {"customer_id": cust.id, **values})


def gid(type_name: str, row: Any) -> str:
    return to_global_id(type_name, row.id)
