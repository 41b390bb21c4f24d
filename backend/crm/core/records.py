"""What every versioned, soft-deleted record does the same way: find for writing, update
with optimistic versions, soft delete and restore, each with its audit event."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, TypeVar

from tortoise.expressions import F

from crm.core import audit
from crm.core.errors import ErrorCode, ServiceError
from crm.core.models import AuditEvent, Record
from crm.core.policy import Actor, RowScope, denied_write_fields
from crm.core.scoping import scoped
from crm.core.validation import camel, check_version

R = TypeVar("R", bound=Record)


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def require_write_scope(actor: Actor, type_name: str) -> None:
    if actor.write_scope(type_name) is RowScope.NONE:
        raise ServiceError(ErrorCode.FORBIDDEN, f"Your role may not change {type_name} records")


async def find_for_write(
    actor: Actor, model: type[R], pk: uuid.UUID, *, include_deleted: bool = False,
    lock: bool = False,
) -> R:
    """The row if the actor may write it; FORBIDDEN if they may only read it; else NOT_FOUND."""
    type_name = model.policy_type
    require_write_scope(actor, type_name)
    qs = scoped(model, actor, write=True, include_deleted=include_deleted).filter(id=pk)
    if lock:
        qs = qs.select_for_update()
    row = await qs.first()
    if row is not None:
        return row
    if await scoped(model, actor, include_deleted=include_deleted, include_pool=True).filter(
            id=pk).exists():
        raise ServiceError(ErrorCode.FORBIDDEN, f"You may read this {type_name} but not change it",
                           "id")
    raise ServiceError(ErrorCode.NOT_FOUND, f"{type_name} not found", "id")


async def earlier_create(actor: Actor, model: type[R], pk: uuid.UUID | None, *,
                         request: dict[str, Any] | None = None, **same: Any) -> R | None:
    """A create retried with the client's own id (offline creation, a lost response): the first
    one won, so hand back what it made, provided the retry asks for the same thing. `request`
    is the create's whole input as the service received it: with the same id and another input
    it is a CONFLICT (an app that reused an id must not believe its second record was saved).
    The id of anything else is a CONFLICT too.

    When the id is free, the digest of `request` is remembered for the create event the service
    is about to write (`audit.pending_create`)."""
    if pk is None:
        return None
    digest = audit.request_digest(model.policy_type, request) if request is not None else None
    existing = await model.get_or_none(id=pk)
    if existing is None:
        if digest is not None:
            audit.pending_create.set((model.policy_type, pk, digest))
        return None
    if existing.workspace_id == actor.workspace_id and all(
            getattr(existing, k) == v for k, v in same.items()) and actor.can_read_row(
                model.policy_type, existing):
        if digest is not None:
            first = await AuditEvent.filter(
                workspace_id=actor.workspace_id, object_id=pk, object_type=model.policy_type,
                action="create").order_by("created_at").limit(1).values_list(
                    "request_hash", flat=True)
            # No digest: made before digests were kept, or without a client id; replay as before.
            if first and first[0] is not None and first[0] != digest:
                raise ServiceError(
                    ErrorCode.CONFLICT,
                    f"This id was already used to create a {model.policy_type} from a different "
                    "input; choose a new id for a new record", "id")
        return existing
    raise ServiceError(ErrorCode.CONFLICT, "That id is already taken", "id")


def check_field_writes(actor: Actor, type_name: str, row: Any, columns: list[str]) -> None:
    denied = denied_write_fields(actor, type_name, row, [camel(c) for c in columns])
    if denied:
        raise ServiceError(ErrorCode.FORBIDDEN,
                           f"You may not change {', '.join(denied)} of this {type_name}",
                           denied[0])


async def update_versioned(
    actor: Actor,
    row: R,
    changes: dict[str, Any],
    expected_version: int | None,
    *,
    customer_id: uuid.UUID | None = None,
    action: str = "update",
    also: dict[str, list[Any]] | None = None,
) -> R:
    """Apply `changes` only if nobody changed the row since `expected_version` (or since it was
    read); the audit event goes in the same transaction as the caller's. `also` holds audited
    changes that are not columns of the row (an order's lines, old and new): the row's version
    moves for them too."""
    model = type(row)
    check_version(row, expected_version)
    changes = {k: v for k, v in changes.items() if getattr(row, k) != v}
    also = {k: pair for k, pair in (also or {}).items() if pair[0] != pair[1]}
    if not changes and not also:
        return row
    before = audit.snapshot(row, list(changes))
    updated = await model.filter(id=row.id, version=row.version).update(
        **changes, version=F("version") + 1, updated_at=utcnow())
    if not updated:
        current = await model.get(id=row.id)
        raise ServiceError(ErrorCode.CONFLICT, "The record changed while you were saving it",
                           "expectedVersion", details={"current": current})
    for k, v in changes.items():
        setattr(row, k, v)
    row.version += 1
    await audit.record(actor, model.policy_type, row.id, action,
                       {**audit.api_names(audit.diff(before, audit.snapshot(row, list(changes)))),
                        **also},
                       customer_id=customer_id)
    return row


async def soft_delete(actor: Actor, row: R, *, customer_id: uuid.UUID | None = None) -> R:
    if row.deleted_at is not None:
        return row
    return await update_versioned(actor, row, {"deleted_at": utcnow()}, None,
                                  customer_id=customer_id, action="delete")


async def restore(actor: Actor, row: R, *, customer_id: uuid.UUID | None = None) -> R:
    if row.deleted_at is None:
        return row
    return await update_versioned(actor, row, {"deleted_at": None}, None,
                                  customer_id=customer_id, action="restore")


async def move_rows(actor: Actor, model: type[Any], filters: dict[str, Any],
                    changes: dict[str, Any], *, customer_id: uuid.UUID | None = None,
                    action: str = "merge", note: str | None = None) -> int:
    """Change the rows matching `filters` in one update (a merge re-pointing a customer's
    records, a customer's tasks following it to a new owner), with an audit event of each
    row's own: the row's history says what happened to it. Versions move on, so a client
    holding an older one gets CONFLICT rather than overwriting the move."""
    rows = list(await model.filter(**filters))
    if not rows:
        return 0
    fields_map = model._meta.fields_map
    upkeep: dict[str, Any] = {}
    if "version" in fields_map:
        upkeep["version"] = F("version") + 1
    if "updated_at" in fields_map:
        upkeep["updated_at"] = utcnow()
    await model.filter(id__in=[row.id for row in rows]).update(**changes, **upkeep)
    for row in rows:
        before = audit.snapshot(row, list(changes))
        for k, v in changes.items():
            setattr(row, k, v)
        if changed := audit.diff(before, audit.snapshot(row, list(changes))):
            await audit.record(actor, model.policy_type, row.id, action,
                               audit.api_names(changed), customer_id=customer_id, note=note)
    return len(rows)
