"""DataLoaders of the sales records: one statement per relation per request."""

from __future__ import annotations

import uuid
from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.types import Info

from crm.core.graphql import actor_of, loaders_of
from crm.core.loaders import by_key, grouped
from crm.sales.models import Interaction, Opportunity, PipelineStage, StageChange, Task, TaskStatus


def opportunities_of_customer_loader(info: Info, open_only: bool) -> DataLoader[uuid.UUID, list[Any]]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[list[Any]]:
        qs = Opportunity.filter(workspace_id=actor.workspace_id, customer_id__in=list(set(ids)),
                                deleted_at=None)
        if open_only:
            qs = qs.filter(is_open=True)
        return grouped(await qs.order_by("-updated_at"), ids, "customer_id")

    return loaders_of(info).get(f"opportunities_of_customer:{open_only}", load)


def tasks_of_customer_loader(info: Info, open_only: bool) -> DataLoader[uuid.UUID, list[Any]]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[list[Any]]:
        qs = Task.filter(workspace_id=actor.workspace_id, customer_id__in=list(set(ids)),
                         deleted_at=None)
        if open_only:
            qs = qs.filter(status__in=[TaskStatus.OPEN.value, TaskStatus.IN_PROGRESS.value])
        return grouped(await qs.order_by("due_at"), ids, "customer_id")

    return loaders_of(info).get(f"tasks_of_customer:{open_only}", load)


def interaction_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[Any]:
        rows = await Interaction.filter(workspace_id=actor.workspace_id, id__in=list(set(ids)),
                                        deleted_at=None)
        return by_key(rows, ids)

    return loaders_of(info).get("interaction", load)


def opportunity_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[Any]:
        rows = await Opportunity.filter(workspace_id=actor.workspace_id, id__in=list(set(ids)),
                                        deleted_at=None)
        return by_key(rows, ids)

    return loaders_of(info).get("opportunity", load)


def stage_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[Any]:
        rows = await PipelineStage.filter(workspace_id=actor.workspace_id, id__in=list(set(ids)))
        return by_key(rows, ids)

    return loaders_of(info).get("stage", load)


def stage_history_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    """Stage changes of opportunities the caller already reads, oldest first."""
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[list[Any]]:
        rows = await StageChange.filter(workspace_id=actor.workspace_id,
                                        opportunity_id__in=list(set(ids))).order_by("created_at")
        return grouped(rows, ids, "opportunity_id")

    return loaders_of(info).get("stage_history", load)
