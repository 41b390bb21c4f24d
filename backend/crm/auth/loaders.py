"""DataLoaders of users and teams (one per relation, built per request)."""

from __future__ import annotations

import uuid
from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.types import Info

from crm.auth.models import Team, User
from crm.core.graphql import actor_of, loaders_of
from crm.core.loaders import by_key, grouped


def user_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[Any]:
        return by_key(await User.filter(workspace_id=actor.workspace_id, id__in=list(set(ids))), ids)

    return loaders_of(info).get("user", load)


def team_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[Any]:
        return by_key(await Team.filter(workspace_id=actor.workspace_id, id__in=list(set(ids))), ids)

    return loaders_of(info).get("team", load)


def users_of_team_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[list[Any]]:
        rows = await User.filter(workspace_id=actor.workspace_id, team_id__in=list(set(ids)))
        return grouped(rows, ids, "team_id")

    return loaders_of(info).get("users_of_team", load)
