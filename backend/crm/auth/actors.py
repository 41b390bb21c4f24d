"""What a valid access token's user may do, remembered between requests: authenticating a
request costs no SQL statement while the user's facts (role, team reach, active) are unchanged.

Every save or delete of a user or a team moves its workspace's generation on (Tortoise signals),
in this process at once and, with Redis, in every process (one counter per workspace); an
entry of an older generation, or older than CRM_ACTOR_CACHE_SECONDS, is read again from the
database. Without Redis, other processes see a change within that many seconds.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Any

from tortoise.signals import post_delete, post_save

from crm.auth.models import Team, User
from crm.settings import get_settings

PREFIX = "crm:actors:"
LIMIT = 50_000


@dataclass(frozen=True)
class Facts:
    """The part of an Actor that comes from the database."""

    role: str
    team_id: uuid.UUID | None
    team_member_ids: frozenset[uuid.UUID]
    email: str
    generation: tuple[int, bytes | None]
    made: float


_facts: dict[tuple[uuid.UUID, uuid.UUID], Facts] = {}
_local: dict[uuid.UUID, int] = {}


async def generation(workspace_id: uuid.UUID) -> tuple[int, bytes | None] | None:
    """The workspace's generation here and in Redis; None when Redis cannot say (the caller
    then reads the database rather than trust a cache it cannot check)."""
    url = get_settings().redis_url
    shared = None
    if url:
        from redis.exceptions import RedisError

        from crm.core.shared import redis_client
        try:
            shared = await redis_client(url).get(PREFIX + str(workspace_id))
        except (RedisError, OSError):
            return None
        shared = shared or b"0"
    return _local.get(workspace_id, 0), shared


def cached(workspace_id: uuid.UUID, user_id: uuid.UUID,
           current: tuple[int, bytes | None] | None) -> Facts | None:
    seconds = get_settings().actor_cache_seconds
    found = _facts.get((workspace_id, user_id))
    if found is None or current is None or found.generation != current:
        return None
    if time.monotonic() - found.made > seconds:
        return None
    return found


def remember(workspace_id: uuid.UUID, user_id: uuid.UUID, facts: Facts) -> None:
    if get_settings().actor_cache_seconds <= 0:
        return
    if len(_facts) >= LIMIT:
        _facts.clear()
    _facts[(workspace_id, user_id)] = facts


async def changed(workspace_id: uuid.UUID) -> None:
    """Users or teams of the workspace changed: every remembered actor of it is stale."""
    _local[workspace_id] = _local.get(workspace_id, 0) + 1
    url = get_settings().redis_url
    if url:
        from redis.exceptions import RedisError

        from crm.core.shared import redis_client
        try:
            await redis_client(url).incr(PREFIX + str(workspace_id))
        except (RedisError, OSError):
            # Other processes cannot be told: they read again within the cache's lifetime.
            pass


@post_save(User)
@post_save(Team)
async def _saved(_sender: Any, instance: Any, *_args: Any, **_kwargs: Any) -> None:
    await changed(instance.workspace_id)


@post_delete(User)
@post_delete(Team)
async def _deleted(_sender: Any, instance: Any, *_args: Any, **_kwargs: Any) -> None:
    await changed(instance.workspace_id)
