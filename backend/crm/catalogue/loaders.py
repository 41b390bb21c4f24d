"""Loaders of the catalogue that are not relations (those are declared on the types)."""

from __future__ import annotations

import uuid
from typing import Any

from crm.catalogue.models import ProductLine
from crm.core.loaders import LoaderKey, by_key
from crm.core.policy import Actor
from crm.core.scoping import readable


async def _product_lines(actor: Actor, ids: list[uuid.UUID]) -> list[Any]:
    return by_key(await readable(ProductLine, actor).filter(id__in=list(set(ids))), ids)


# Product lines by id, within the actor's row scope (e.g. the lines of report rows).
PRODUCT_LINES = LoaderKey[uuid.UUID, Any]("product_lines", _product_lines)
