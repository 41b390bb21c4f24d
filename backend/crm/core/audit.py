"""The audit trail: every write records who changed what, in the write's own transaction."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from contextvars import ContextVar
from decimal import Decimal
from enum import Enum
from typing import Any

import orjson

from crm.core import bus, requests
from crm.core.hooks import AUDIT_RECORDED
from crm.core.models import AuditEvent
from crm.core.policy import BOOKKEEPING_COLUMNS, Actor


def plain(value: Any) -> Any:
    """A JSON-safe copy of a field value."""
    if isinstance(value, (uuid.UUID, Decimal)):
        return str(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def snapshot(obj: Any, columns: list[str]) -> dict[str, Any]:
    return {c: plain(getattr(obj, c)) for c in columns}


# Columns derived from others for indexing (e.g. digits of a masked phone), or computed from
# a record and rules (a lead's score and grade, recomputed whenever either changes): never
# audited.
DERIVED = frozenset({"name_key", "phone_key", "name_sort", "score", "grade"})


def api_names(changes: dict[str, Any]) -> dict[str, Any]:
    """Audit changes keyed by the field the API shows (`paid_minor` -> `paid`, `tax_rate_bp`
    -> `tax_rate`), so the field policy hides money from history exactly as it hides it from
    the type."""
    out = {}
    for k, v in changes.items():
        for suffix in ("_minor", "_bp"):
            if k.endswith(suffix):
                k = k[:-len(suffix)]
                break
        out[k] = v
    return out


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    return {k: [before.get(k), v] for k, v in after.items()
            if before.get(k) != v and k not in DERIVED}


# The create a service is about to make with a client-chosen id: (type, id, digest of its
# input), set by `records.earlier_create` and written onto that record's create event, whichever
# helper of the service writes it, in the create's own transaction.
# Why a write happened when no person asked for it directly (a workflow's run): written as the
# note of every audit event recorded meanwhile that carries none of its own.
acting_for: ContextVar[str | None] = ContextVar("crm_acting_for", default=None)


pending_create: ContextVar[tuple[str, uuid.UUID, str] | None] = ContextVar(
    "crm_pending_create", default=None)


def request_digest(type_name: str, request: dict[str, Any]) -> str:
    """The digest of a create's input: equal for the same input, whatever its key order."""
    body = orjson.dumps({"type": type_name, "request": request}, default=str,
                        option=orjson.OPT_SORT_KEYS | orjson.OPT_NON_STR_KEYS)
    return hashlib.sha256(body).hexdigest()


async def record(
    actor: Actor,
    object_type: str,
    object_id: uuid.UUID,
    action: str,
    changes: dict[str, list[Any]] | None = None,
    *,
    customer_id: uuid.UUID | None = None,
    note: str | None = None,
) -> AuditEvent:
    info = requests.current()
    pending = pending_create.get() if action == "create" else None
    request_hash = pending[2] if pending and pending[:2] == (object_type, object_id) else None
    event = await AuditEvent.create(
        workspace_id=actor.workspace_id,
        actor_user_id=actor.user_id,
        actor_role=actor.role,
        client_id=actor.client_id,
        request_id=actor.request_id or "-",
        client_request_id=info.client_request_id if info else None,
        object_type=object_type,
        object_id=object_id,
        customer_id=customer_id,
        action=action,
        changes=changes or {},
        note=note if note is not None else acting_for.get(),
        request_hash=request_hash,
    )
    bus.note_recorded(event.id)  # published as a change notice if its transaction commits
    # The outbox rows of this write go in its own transaction: rolled back with it, or
    # committed with it and never lost.
    for step in AUDIT_RECORDED.registered():
        await step(actor, event)
    return event


def created_columns(row: Any) -> list[str]:
    """Every column of a new record that holds a value, but for its upkeep and derived keys:
    what its create event records, so a column the user gave or the business set (a number,
    a status, a total, an owner) cannot be left out by a list that forgot it."""
    return [c for c in sorted(type(row)._meta.db_fields)
            if c not in BOOKKEEPING_COLUMNS and c not in DERIVED and getattr(row, c) is not None]


async def record_created(actor: Actor, row: Any, columns: list[str] | None = None, *,
                         customer_id: uuid.UUID | None = None) -> AuditEvent:
    """The audit event of a new record: each column (by default every one holding a value,
    see `created_columns`) from nothing to its value."""
    return await record(actor, type(row).policy_type, row.id, "create",
                        diff({}, snapshot(row, columns or created_columns(row))),
                        customer_id=customer_id)
