"""Which connection a read uses when a read replica is configured (DATABASE_REPLICA_URL).

The API server then opens a second connection, "replica". A GraphQL *query* operation reads
from it: its lists, its analytics, and the records and relations they load. Mutations, sign-in's
token check, reads inside a transaction, and every `crm` command use the primary ("default").

Read-your-writes: a user's mutation leaves a mark for CRM_READ_YOUR_WRITES seconds; while it
lasts that user's queries read from the primary, so the user sees what they just wrote even
when the replica lags. The mark lives in Redis when REDIS_URL is set, so every API process
honours it, else in this process's memory (right for one process only).

The choice is made once per operation (`ReplicaReads`, a schema extension) and kept in a
context variable; Tortoise asks `ReplicaRouter` for every query it builds.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from strawberry.extensions import SchemaExtension
from strawberry.types.graphql import OperationType
from tortoise import connections
from tortoise.backends.base.client import TransactionalDBClient

from crm.settings import get_settings

log = logging.getLogger("crm.replicas")
REPLICA = "replica"
PREFIX = "crm-ryw:"

# Whether reads of the current operation may go to the replica.
_replica_reads: ContextVar[bool] = ContextVar("crm_replica_reads", default=False)


class ReplicaRouter:
    """Tortoise's database router (see Settings.tortoise_config): reads to the replica while
    the operation allows it and no transaction is open; writes always to the primary."""

    def db_for_read(self, model: Any) -> str | None:
        if not _replica_reads.get():
            return None
        # A read inside a transaction belongs to it (it may read what the transaction wrote).
        if isinstance(connections.get("default"), TransactionalDBClient):
            return None
        return REPLICA

    def db_for_write(self, model: Any) -> str | None:
        return None


@contextmanager
def replica_reads(allowed: bool = True) -> Iterator[None]:
    token = _replica_reads.set(allowed)
    try:
        yield
    finally:
        _replica_reads.reset(token)


def replica_configured() -> bool:
    return bool(get_settings().database_replica_url)


# user id -> monotonic deadline of the mark, when there is no Redis.
_memory: dict[str, float] = {}


async def mark_write(user_id: Any) -> None:
    """The user has just written: their reads stay on the primary for the window."""
    settings = get_settings()
    window = settings.read_your_writes
    key = str(user_id)
    if settings.redis_url:
        from redis.exceptions import RedisError

        from crm.core.shared import redis_client
        try:
            await redis_client(settings.redis_url).set(PREFIX + key, b"1", ex=window)
            return
        except (RedisError, OSError) as exc:
            # The other processes may then read this user's data from the replica too early.
            log.warning("Could not record a write in Redis (read-your-writes): %r", exc)
    now = time.monotonic()
    if len(_memory) > 10_000:
        for k in [k for k, at in _memory.items() if at <= now]:
            del _memory[k]
    _memory[key] = now + window


async def wrote_recently(user_id: Any) -> bool:
    settings = get_settings()
    key = str(user_id)
    if _memory.get(key, 0.0) > time.monotonic():
        return True
    if settings.redis_url:
        from redis.exceptions import RedisError

        from crm.core.shared import redis_client
        try:
            return bool(await redis_client(settings.redis_url).exists(PREFIX + key))
        except (RedisError, OSError):
            return True  # unknown: the primary is always right
    return False


async def query_may_use_replica(actor: Any) -> bool:
    """Whether a query of this actor may read from the replica: not within the read-your-writes
    window of their last write."""
    user_id = getattr(actor, "user_id", None)
    return not (user_id is not None and await wrote_recently(user_id))


class ReplicaReads(SchemaExtension):
    """Per operation: a query reads from the replica unless its user wrote within the window;
    a mutation marks its user as having written (before it runs, and again after, so the
    window starts when the write is done)."""

    async def on_execute(self) -> Any:  # type: ignore[override]
        if not replica_configured():
            yield
            return
        ctx = self.execution_context
        actor = getattr(ctx.context, "actor", None)
        user_id = getattr(actor, "user_id", None)
        if ctx.operation_type is OperationType.MUTATION:
            if user_id is not None:
                await mark_write(user_id)
            try:
                with replica_reads(False):
                    yield
            finally:
                if user_id is not None:
                    await mark_write(user_id)
            return
        allowed = ctx.operation_type is OperationType.QUERY and await query_may_use_replica(actor)
        with replica_reads(allowed):
            yield
