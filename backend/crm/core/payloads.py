"""Mutation payloads: the result, or the business errors that stopped it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from crm.core.errors import ServiceError

P = TypeVar("P")


async def respond(payload: Callable[..., P], field: str, call: Awaitable[Any], *,
                  with_current: bool = False,
                  on_error: Callable[[ServiceError], dict[str, Any]] | None = None) -> P:
    """Await a service call and shape its payload. With `with_current`, a CONFLICT carries the
    record as it is now, so the client can show it and retry; `on_error` adds other details."""
    try:
        result = await call
    except ServiceError as exc:
        extra = {field: exc.details.get("current")} if with_current else {}
        if on_error is not None:
            extra.update(on_error(exc))
        return payload(errors=exc.as_user_errors(), **extra)
    return payload(**{field: result})
