"""Loaders of users and teams that are not relations (those are declared on the types)."""

from __future__ import annotations

import uuid
from typing import Any

from crm.auth.models import User
from crm.core.loaders import LoaderKey, by_key
from crm.core.policy import Actor
from crm.core.scoping import readable


async def _users(actor: Actor, ids: list[uuid.UUID]) -> list[Any]:
    return by_key(await readable(User, actor).filter(id__in=list(set(ids))), ids)


# Users by id, within the actor's row scope (e.g. the owners of report rows).
USERS = LoaderKey[uuid.UUID, Any]("users", _users)
