"""Idempotency keys: a mutation sent again with the same key (a retry after a lost response, an
offline queue replaying) gets the first result back and writes nothing."""

from __future__ import annotations

import hashlib
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import orjson
from tortoise import Tortoise
from tortoise.exceptions import IntegrityError
from tortoise.transactions import in_transaction

from crm.core.errors import ErrorCode, ServiceError
from crm.core.models import IdempotencyKey
from crm.core.policy import Actor

T = TypeVar("T")


def _request_hash(actor: Actor, operation: str, request: dict[str, Any]) -> str:
    # The caller is the user and, for a third party's token, its client: service accounts
    # have no user, so the user alone would let one client replay another's result. The
    # app's own sign-ins hash as they always did, so a retry across an upgrade still matches.
    caller: dict[str, Any] = {"user": actor.user_id}
    if actor.client_id is not None:
        caller["client"] = actor.client_id
    body = orjson.dumps({"op": operation, **caller, "request": request},
                        default=str, option=orjson.OPT_SORT_KEYS)
    return hashlib.sha256(body).hexdigest()


async def idempotent(actor: Actor, key: str | None, operation: str, request: dict[str, Any],
                     work: Callable[[], Awaitable[T]]) -> T:
    """Run `work` once per idempotency key: a retry with the same input gets the first result
    back and writes nothing; the same key with another input is a CONFLICT.

    The key is inserted first, inside the work's transaction: of two concurrent retries the
    unique index lets one through; the other waits for it, fails on the index, and then reads
    the first result.
    """
    if key is None:
        return await work()
    key = key.strip()
    if not key or len(key) > 100:
        raise ServiceError(ErrorCode.INVALID, "An idempotency key has 1 to 100 characters",
                           "idempotencyKey")
    digest = _request_hash(actor, operation, request)
    for _attempt in range(3):
        try:
            async with in_transaction("default"):
                existing = await IdempotencyKey.filter(workspace_id=actor.workspace_id,
                                                       key=key).first()
                if existing is not None:
                    return await _replay(actor, existing, operation, digest)  # type: ignore[no-any-return]
                row = await IdempotencyKey.create(workspace_id=actor.workspace_id, key=key,
                                                  operation=operation, request_hash=digest,
                                                  user_id=actor.user_id)
                result = await work()
                await IdempotencyKey.filter(id=row.id).update(
                    result_type=type(result).__name__, result_id=getattr(result, "id", None))
                return result
        except IntegrityError:
            continue  # a concurrent request with this key won: read its result
    raise ServiceError(ErrorCode.CONFLICT, "This idempotency key is in use; retry",
                       "idempotencyKey")


async def _replay(actor: Actor, existing: IdempotencyKey, operation: str, digest: str) -> Any:
    if existing.operation != operation or existing.request_hash != digest:
        raise ServiceError(ErrorCode.CONFLICT,
                           "This idempotency key was used for a different request",
                           "idempotencyKey")
    model = Tortoise.apps["crm"].get(existing.result_type or "")
    if model is None or existing.result_id is None:
        raise ServiceError(ErrorCode.CONFLICT, "The first request with this key is still running",
                           "idempotencyKey")
    return await model.get(id=existing.result_id, workspace_id=actor.workspace_id)
