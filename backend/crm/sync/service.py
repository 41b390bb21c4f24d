"""The change feed a mobile app syncs from: what changed since its cursor, read from the audit
trail, each record as it is now and only if the caller may read it now.

The audit trail is the source because every write records its event in its own transaction: a
change the feed cannot see was not committed. The events only say *which* records to look at;
whether the caller still reaches a record is decided by re-reading it through the same scoped
query its list uses, never by what the event says. A record that is not read back, and whose
events in the page could have moved it out of reach (its owner, assignee, pool flag or deletion
changed, or its customer's), is a removal: DELETED when it is soft-deleted, OUT_OF_SCOPE
otherwise. One that is not read back and did not move was never the caller's (a colleague's
customer edited): it is left out, so a rep's feed is not filled with the whole team's work.

Cursor safety. Events are read in (created_at, id) order, but transactions commit out of that
order: a transaction that stamped its event at 10:00:00 may commit after one stamped 10:00:01,
and a reader whose cursor already passed 10:00:01 would never see it. So the feed hands out
only events older than a horizon before which nothing can still arrive, and its cursor never
passes the horizon:

- every database: `now - sync_lag` (API processes' clocks versus each other, and on SQLite a
  writer that stamped its event just before it got the single write lock);
- PostgreSQL also: the start of the oldest transaction now holding a transaction id (one that
  has written), minus `sync_lag`. An uncommitted event was stamped after its transaction
  began, so everything older than that start is committed or never will be. The API's
  database role sees the transaction ids of its own sessions (the server's role writes every
  event); a long writing transaction (a large import) holds the feed back until it ends.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

import orjson
from tortoise import connections
from tortoise.expressions import Q

from crm.catalogue import service as catalogue
from crm.core.errors import BadInput
from crm.core.models import AuditEvent
from crm.core.policy import Actor, RowScope
from crm.core.replicas import replica_reads
from crm.customers import service as customers
from crm.orders import service as orders
from crm.sales import service as sales
from crm.settings import get_settings

# Events read per statement while filling a page: a record changed many times takes many
# events, so a page may need more than one read; MAX_SCANS bounds the statements of a page.
SCAN_CHUNK = 2000
MAX_SCANS = 5
DEFAULT_PAGE = 100
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


class RemovalReason(Enum):
    DELETED = "DELETED"
    OUT_OF_SCOPE = "OUT_OF_SCOPE"


@dataclass(frozen=True)
class Source:
    """A type the feed carries: its audit/policy/GraphQL name and the scoped query of its list."""

    type_name: str
    query: Callable[[Actor], Any]


SOURCES: dict[str, Source] = {s.type_name: s for s in (
    Source("Customer", lambda actor: customers.customers_query(actor, pool=False)),
    Source("Contact", customers.contacts_query),
    Source("Interaction", sales.interactions_query),
    Source("Lead", sales.leads_query),
    Source("Opportunity", sales.opportunities_query),
    Source("Task", sales.tasks_query),
    Source("Order", orders.orders_query),
    Source("Product", catalogue.products_query),
)}
# Audited columns whose change can move a record, and the records read through it, in or out of
# a caller's reach.
SCOPE_COLUMNS = frozenset({"owner_id", "assignee_id", "in_pool", "deleted_at", "team_id"})
SCOPE_ACTIONS = frozenset({"delete", "restore", "merge"})


@dataclass(frozen=True)
class Cursor:
    at: dt.datetime
    event_id: uuid.UUID | None = None

    def encode(self) -> str:
        body = {"t": self.at.isoformat(), "e": str(self.event_id) if self.event_id else None}
        return base64.urlsafe_b64encode(orjson.dumps(body)).decode()

    @classmethod
    def decode(cls, value: str | None) -> Cursor:
        if value is None:
            return cls(_EPOCH)
        try:
            body = orjson.loads(base64.urlsafe_b64decode(value.encode()))
            stamp, event = body["t"], body.get("e")
            # A cursor comes back from the client: every part is checked for its kind, since
            # uuid.UUID and fromisoformat fail on other kinds with errors of their own.
            if not isinstance(stamp, str) or not isinstance(event, str | None):
                raise TypeError(value)
            at = dt.datetime.fromisoformat(stamp)
            if at.tzinfo is None:
                raise ValueError(value)
            # In UTC, as the feed compares it: an offset past the calendar's ends overflows.
            at = at.astimezone(dt.UTC)
            return cls(at, uuid.UUID(event) if event else None)
        except (ValueError, KeyError, TypeError, OverflowError, binascii.Error,
                orjson.JSONDecodeError):
            raise BadInput("This is not a cursor `changes` gave", "since") from None


@dataclass(frozen=True)
class Removal:
    type_name: str
    id: uuid.UUID
    reason: RemovalReason


@dataclass
class ChangePage:
    records: list[Any] = field(default_factory=list)
    removals: list[Removal] = field(default_factory=list)
    cursor: str = ""
    has_more: bool = False


def _is_postgres() -> bool:
    return "sqlite" not in type(connections.get("default")).__module__


async def horizon(now: dt.datetime | None = None) -> dt.datetime:
    """The instant before which no event can still be committed (see the module's text)."""
    lag = dt.timedelta(seconds=get_settings().sync_lag)
    edge = (now or dt.datetime.now(dt.UTC)) - lag
    if _is_postgres():
        rows = await connections.get("default").execute_query_dict(
            "SELECT min(xact_start) AS oldest FROM pg_stat_activity "
            "WHERE backend_xid IS NOT NULL AND datname = current_database() "
            "AND backend_type = 'client backend'")
        oldest = rows[0]["oldest"] if rows else None
        if oldest is not None:
            edge = min(edge, oldest - lag)
    return edge


def _after(cursor: Cursor) -> Q:
    if cursor.event_id is None:
        return Q(created_at__gte=cursor.at)
    return Q(created_at__gt=cursor.at) | Q(created_at=cursor.at, id__gt=cursor.event_id)


def _moves_scope(action: str, changes: Any) -> bool:
    # A create names its owner too, but nobody held the record before it: nothing to drop.
    if action == "create":
        return False
    return action in SCOPE_ACTIONS or (isinstance(changes, dict)
                                       and not SCOPE_COLUMNS.isdisjoint(changes))


def page_limit(first: int | None) -> int:
    limit = get_settings().sync_max_page
    if first is None:
        return min(DEFAULT_PAGE, limit)
    if first < 1 or first > limit:
        raise BadInput(f"`first` is 1 to {limit}", "first")
    return first


async def changes(actor: Actor, since: str | None, types: list[str] | None = None,
                  first: int | None = None, *, now: dt.datetime | None = None) -> ChangePage:
    """The records changed after `since` (each once, as it is now), those that left the caller's
    reach, and the cursor to send next time."""
    size = page_limit(first)
    cursor = Cursor.decode(since)
    # A type the role may not read at all is not scanned: its removals would only tell the
    # caller which records of it exist and when they change.
    wanted = [t for t in (types or list(SOURCES))
              if t in SOURCES and actor.row_scope(t) is not RowScope.NONE]
    # The parents of the types asked for are scanned too, for their moves only: contacts asked
    # for alone still leave with a customer that changed hands.
    parents = {p[1] for t in wanted if (p := SOURCES[t].query(actor).model.scope_parent)
               and p[1] in SOURCES and p[1] not in wanted}
    # Every read of the feed goes to the primary: a lagging replica would let the cursor pass
    # events it has not replayed yet.
    with replica_reads(False):
        edge = await horizon(now)
        picked: dict[tuple[str, uuid.UUID], None] = {}
        moved: dict[str, set[uuid.UUID]] = {}
        has_more = False
        for _scan in range(MAX_SCANS):
            rows = await AuditEvent.filter(
                _after(cursor), workspace_id=actor.workspace_id, created_at__lt=edge,
                object_type__in=[*wanted, *sorted(parents)],
            ).order_by("created_at", "id").limit(SCAN_CHUNK).values_list(
                "id", "created_at", "object_type", "object_id", "action", "changes")
            for event_id, at, type_name, object_id, action, changed in rows:
                key = (type_name, object_id)
                if type_name in parents:
                    if _moves_scope(action, changed):
                        moved.setdefault(type_name, set()).add(object_id)
                    cursor = Cursor(at, event_id)
                    continue
                if key not in picked and len(picked) >= size:
                    has_more = True
                    break
                picked[key] = None
                if _moves_scope(action, changed):
                    moved.setdefault(type_name, set()).add(object_id)
                cursor = Cursor(at, event_id)
            if has_more or len(rows) < SCAN_CHUNK:
                break
        else:
            has_more = True
        page = await _current(actor, list(picked), moved, wanted)
    page.cursor = cursor.encode()
    page.has_more = has_more
    return page


async def _current(actor: Actor, keys: list[tuple[str, uuid.UUID]],
                   moved: dict[str, set[uuid.UUID]], wanted: list[str]) -> ChangePage:
    """Each record as the caller may read it now, one statement per type; what is not read
    back is a removal. Records read through a parent that changed hands (a customer's contacts)
    are looked at again too: no event of their own says they moved."""
    by_type: dict[str, list[uuid.UUID]] = {}
    for type_name, pk in keys:
        by_type.setdefault(type_name, []).append(pk)
    for type_name in wanted:
        model = SOURCES[type_name].query(actor).model
        parent = model.scope_parent
        if parent is None or not moved.get(parent[1]):
            continue
        column, parent_type = parent
        children = await model.filter(
            workspace_id=actor.workspace_id,
            **{f"{column}__in": sorted(moved[parent_type])}).values_list("id", flat=True)
        known = set(by_type.get(type_name, []))
        extra = [pk for pk in children if pk not in known]
        if extra:
            by_type.setdefault(type_name, []).extend(extra)
            keys = keys + [(type_name, pk) for pk in extra]
        moved.setdefault(type_name, set()).update(children)
    found: dict[tuple[str, uuid.UUID], Any] = {}
    missing: dict[str, list[uuid.UUID]] = {}
    for type_name, pks in by_type.items():
        rows = await SOURCES[type_name].query(actor).filter(id__in=pks)
        for row in rows:
            found[(type_name, row.id)] = row
        if lost := [pk for pk in pks if (type_name, pk) not in found]:
            missing[type_name] = lost
    deleted: set[tuple[str, uuid.UUID]] = set()
    for type_name, pks in missing.items():
        pks = [pk for pk in pks if pk in moved.get(type_name, ())]
        if not pks:
            continue
        model = SOURCES[type_name].query(actor).model
        gone = await model.filter(workspace_id=actor.workspace_id, id__in=pks,
                                  deleted_at__not_isnull=True).values_list("id", flat=True)
        deleted.update((type_name, pk) for pk in gone)
    page = ChangePage()
    for key in keys:
        if key in found:
            page.records.append(found[key])
        elif key[1] in moved.get(key[0], ()):
            reason = RemovalReason.DELETED if key in deleted else RemovalReason.OUT_OF_SCOPE
            page.removals.append(Removal(key[0], key[1], reason))
        # Else the record changed but did not move: the caller could not read it before this
        # change either (a colleague's customer edited), so there is nothing to drop.
    return page
