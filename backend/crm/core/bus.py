"""Change notices for live subscriptions: what changed, never the record itself.

A write records audit events; when the operation that wrote them has finished (its
transactions committed or rolled back), `committed()` reads which of those events exist in
the database and publishes one small notice per event. A rolled-back write left no event,
so it publishes nothing. Subscribers reload the record through the same scoped reads as
queries, so a notice carries nothing a subscriber could not read (ids and an action).

In one process notices go straight to the local listeners; with `REDIS_URL` they go through
Redis pub/sub, so a write on one API process reaches subscribers of every process.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import uuid
from collections.abc import AsyncIterator
from contextvars import ContextVar
from dataclasses import asdict, dataclass
from typing import Any

import orjson

from crm.settings import get_settings

log = logging.getLogger("crm.bus")
CHANNEL = "crm:changes"
# Notices waiting for one slow subscriber; past it the subscriber is dropped (told so), not
# the process's memory.
QUEUE_SIZE = 1000


@dataclass(frozen=True)
class Notice:
    workspace_id: uuid.UUID
    object_type: str
    object_id: uuid.UUID
    customer_id: uuid.UUID | None
    action: str
    audit_event_id: uuid.UUID

    def encode(self) -> bytes:
        return orjson.dumps({k: (str(v) if isinstance(v, uuid.UUID) else v)
                             for k, v in asdict(self).items()})

    @classmethod
    def decode(cls, raw: bytes | str) -> Notice:
        data = orjson.loads(raw)
        customer = data.get("customer_id")
        return cls(workspace_id=uuid.UUID(data["workspace_id"]), object_type=str(data["object_type"]),
                   object_id=uuid.UUID(data["object_id"]),
                   customer_id=uuid.UUID(customer) if customer else None,
                   action=str(data["action"]), audit_event_id=uuid.UUID(data["audit_event_id"]))


class Overflow(Exception):
    """A subscriber fell more than QUEUE_SIZE notices behind."""


class Listener:
    """One subscriber's queue of the notices of its workspace."""

    def __init__(self, workspace_id: uuid.UUID) -> None:
        self.workspace_id = workspace_id
        self.queue: asyncio.Queue[Notice] = asyncio.Queue(QUEUE_SIZE)
        self.overflowed = False

    def offer(self, notice: Notice) -> None:
        if notice.workspace_id != self.workspace_id:
            return
        try:
            self.queue.put_nowait(notice)
        except asyncio.QueueFull:
            self.overflowed = True

    async def next(self) -> Notice:
        if self.overflowed:
            raise Overflow
        notice = await self.queue.get()
        if self.overflowed:
            raise Overflow
        return notice


_listeners: set[Listener] = set()
# The Redis reader of this process, one per event loop (tests run several loops).
_readers: dict[int, asyncio.Task[None]] = {}


def dispatch(notice: Notice) -> None:
    for listener in list(_listeners):
        listener.offer(notice)


async def _read_redis(url: str) -> None:
    """Hands every notice published by any process to this process's listeners; reconnects
    after a Redis failure (notices published meanwhile are lost: subscribers are live views,
    and a client that must not miss anything reads the change feed)."""
    import redis.asyncio as redis

    while True:
        client = redis.from_url(url)
        try:
            pubsub = client.pubsub()
            await pubsub.subscribe(CHANNEL)
            async for message in pubsub.listen():
                if message.get("type") != "message":
                    continue
                try:
                    dispatch(Notice.decode(message["data"]))
                except (ValueError, KeyError, TypeError):
                    log.warning("Ignored a malformed change notice")
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            log.warning("Change notices from Redis interrupted (%r); reconnecting", exc)
            await asyncio.sleep(1)
        finally:
            with contextlib.suppress(Exception):
                await client.aclose()


def _ensure_reader() -> None:
    url = get_settings().redis_url
    if not url:
        return
    loop = asyncio.get_running_loop()
    reader = _readers.get(id(loop))
    if reader is None or reader.done():
        _readers[id(loop)] = loop.create_task(_read_redis(url))


@contextlib.asynccontextmanager
async def listen(workspace_id: uuid.UUID) -> AsyncIterator[Listener]:
    """The notices of a workspace from now on, while the block runs."""
    listener = Listener(workspace_id)
    _listeners.add(listener)
    _ensure_reader()
    try:
        yield listener
    finally:
        _listeners.discard(listener)


async def publish(notices: list[Notice]) -> None:
    if not notices:
        return
    url = get_settings().redis_url
    if not url:
        for notice in notices:
            dispatch(notice)
        return
    from crm.core.shared import redis_client
    # One round trip for a bulk write's many notices; our own reader hands them to this
    # process's listeners too, once.
    async with redis_client(url).pipeline(transaction=False) as pipe:
        for notice in notices:
            pipe.publish(CHANNEL, notice.encode())
        await pipe.execute()


# --- what an operation recorded ---------------------------------------------------------------

_recorded: ContextVar[list[uuid.UUID] | None] = ContextVar("crm_recorded_audit", default=None)


def note_recorded(audit_event_id: uuid.UUID) -> None:
    """Called by the audit trail for every event it writes, inside or outside a transaction
    that may still roll back: `committed()` checks which ones stayed."""
    recorded = _recorded.get()
    if recorded is not None:
        recorded.append(audit_event_id)


async def notices_of(ids: list[uuid.UUID]) -> list[Notice]:
    """The notices of the given audit events that exist (committed), in the order recorded."""
    from crm.core.models import AuditEvent

    found: dict[uuid.UUID, Notice] = {}
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        rows: list[dict[str, Any]] = await AuditEvent.filter(id__in=chunk).values(
            "id", "workspace_id", "object_type", "object_id", "customer_id", "action")
        for r in rows:
            found[r["id"]] = Notice(r["workspace_id"], r["object_type"], r["object_id"],
                                    r["customer_id"], r["action"], r["id"])
    return [found[i] for i in dict.fromkeys(ids) if i in found]


@contextlib.asynccontextmanager
async def committed() -> AsyncIterator[list[uuid.UUID]]:
    """Collect the audit events written inside the block; when it ends (whatever happened),
    publish the notices of those that were committed. A failure to publish is logged, never
    the caller's: the write itself succeeded."""
    recorded: list[uuid.UUID] = []
    token = _recorded.set(recorded)
    try:
        yield recorded
    finally:
        _recorded.reset(token)
        if recorded:
            try:
                await publish(await notices_of(recorded))
            except Exception as exc:
                log.warning("Could not publish %d change notice(s): %r", len(recorded), exc)
