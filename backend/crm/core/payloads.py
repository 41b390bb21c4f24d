"""Mutation payloads: the result, or the business errors that stopped it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

import strawberry

from crm.core.errors import ServiceError

P = TypeVar("P")


async def respond(payload: Callable[..., P], field: str | None, call: Awaitable[Any], *,
                  with_current: bool = False,
                  on_error: Callable[[ServiceError], dict[str, Any]] | None = None,
                  shape: Callable[[Any], dict[str, Any]] | None = None) -> P:
    """Await a service call and shape its payload: the only path from a `ServiceError` to a
    payload's `errors`. With `with_current`, a CONFLICT carries the record as it is now, so the
    client can show it and retry; `on_error` adds other details; `shape` builds the payload's
    fields from the result when it is more than one record (bulk results, several records)."""
    try:
        result = await call
    except ServiceError as exc:
        extra = {field: exc.details.get("current")} if with_current and field else {}
        if on_error is not None:
            extra.update(on_error(exc))
        return payload(errors=exc.as_user_errors(), **extra)
    if shape is not None:
        return payload(**shape(result))
    assert field is not None
    return payload(**{field: result})


def errors_field() -> Any:
    """A payload's `errors`, described once for every mutation."""
    return strawberry.field(
        default_factory=list,
        description="Why the mutation did not happen, one item per problem; empty when it did.")


def result_field(what: str, *, current_on_conflict: bool = False) -> Any:
    """A payload's result field: `what` names the record, e.g. "the customer". With
    `current_on_conflict` (payloads of updates answered by `respond(with_current=True)`), a
    CONFLICT still carries the record, as it is now."""
    text = f"{what[:1].upper()}{what[1:]} as saved; null when `errors` stopped the mutation"
    if current_on_conflict:
        text += (", except on a CONFLICT (it changed since the version you sent), which returns "
                 f"{what} as it is now, to show and retry")
    return strawberry.field(default=None, description=text + ".")
