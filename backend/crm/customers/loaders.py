"""DataLoaders of customers, contacts and tags: one statement per relation per request."""

from __future__ import annotations

import uuid
from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.types import Info

from crm.core.graphql import actor_of, loaders_of
from crm.core.loaders import by_key, grouped
from crm.customers.models import Contact, Customer, CustomerTag, Tag


def customer_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    """Customers by id, unscoped within the workspace: callers apply `require_visible`."""
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[Any]:
        rows = await Customer.filter(workspace_id=actor.workspace_id, id__in=list(set(ids)),
                                     deleted_at=None)
        return by_key(rows, ids)

    return loaders_of(info).get("customer", load)


def contacts_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[list[Any]]:
        rows = await Contact.filter(workspace_id=actor.workspace_id, customer_id__in=list(set(ids)),
                                    deleted_at=None).order_by("-is_primary", "name")
        return grouped(rows, ids, "customer_id")

    return loaders_of(info).get("contacts_of_customer", load)


def tags_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[list[Any]]:
        links = await CustomerTag.filter(workspace_id=actor.workspace_id,
                                         customer_id__in=list(set(ids))).values_list(
                                             "customer_id", "tag_id")
        tag_ids = {t for _, t in links}
        tags = {t.id: t for t in await Tag.filter(workspace_id=actor.workspace_id,
                                                  id__in=list(tag_ids), deleted_at=None)}
        result: dict[uuid.UUID, list[Any]] = {}
        for customer_id, tag_id in links:
            if tag_id in tags:
                result.setdefault(customer_id, []).append(tags[tag_id])
        return [sorted(result.get(i, []), key=lambda t: t.name) for i in ids]

    return loaders_of(info).get("tags_of_customer", load)


def contact_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    """Contacts by id, through the caller's row scope (the pool included, masked by policy)."""
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[Any]:
        from crm.core.scoping import scoped
        rows = await scoped(Contact, actor, include_pool=True).filter(id__in=list(set(ids)))
        return by_key(rows, ids)

    return loaders_of(info).get("contact", load)
