"""The rules of outbound webhooks: endpoints, the outbox written with every write, and the
delivery log. Sending is the relay's (`crm.webhooks.relay`)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import secrets
import time
import uuid
from typing import Any
from urllib.parse import urlsplit

from tortoise.transactions import in_transaction

from crm.core import audit
from crm.core.errors import ErrorCode, ServiceError, not_found
from crm.core.hooks import AUDIT_RECORDED
from crm.core.models import AuditEvent
from crm.core.policy import Actor
from crm.core.records import find_for_write, require_write_scope, update_versioned, utcnow
from crm.core.scoping import scoped
from crm.settings import get_settings
from crm.webhooks.events import SUBSCRIBABLE, EventType, event_types_for
from crm.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from crm.webhooks.relay import is_public
from crm.webhooks.secrets import SecretUnreadable, reveal, seal

# --- which endpoints hear which events -----------------------------------------------------
#
# Checked on every write, so it must cost no statement where nobody subscribed: one
# process-wide map of the enabled endpoints of every workspace, read in one statement and kept
# for `CRM_WEBHOOKS_CACHE_SECONDS`. A change of a workspace's endpoints empties the map of the
# process that made it and, with REDIS_URL, moves that workspace's generation counter in Redis;
# every process compares the counter on each write of the workspace and reads that workspace's
# endpoints again when it moved. When Redis cannot be reached, the timed reload still holds.

Subscriptions = dict[uuid.UUID, dict[str, list[uuid.UUID]]]
GENERATION = "crm:webhooks:generation:"
# How long one reading of a workspace's generation serves its writes: a bulk action of 500
# records asks Redis once, not 500 times (and a Redis that hangs costs its timeout once per
# second, not per record); other processes see a change within this, not at once.
GENERATION_FRESH_SECONDS = 1.0


async def shared_generation(workspace_id: uuid.UUID) -> bytes | None:
    """The workspace's generation in Redis; None without Redis or when it cannot answer."""
    url = get_settings().redis_url
    if not url:
        return None
    from redis.exceptions import RedisError

    from crm.core.shared import redis_client
    try:
        found = await redis_client(url).get(GENERATION + str(workspace_id))
    except (RedisError, OSError):
        return None
    return found or b"0"


async def _move_generation(workspace_id: uuid.UUID) -> None:
    url = get_settings().redis_url
    if not url:
        return
    from redis.exceptions import RedisError

    from crm.core.shared import redis_client
    try:
        await redis_client(url).incr(GENERATION + str(workspace_id))
    except (RedisError, OSError):
        # Other processes cannot be told: they see it within CRM_WEBHOOKS_CACHE_SECONDS.
        pass


def _add(by_type: dict[str, list[uuid.UUID]], endpoint_id: uuid.UUID, types: Any) -> None:
    for t in types or ():
        by_type.setdefault(t, []).append(endpoint_id)


class SubscriptionCache:
    """Which endpoints of a workspace hear which event types, as one process knows it."""

    def __init__(self) -> None:
        self._map: Subscriptions | None = None
        self._loaded_at = 0.0
        # The Redis generation each workspace's part of the map was read at.
        self._generations: dict[uuid.UUID, bytes] = {}
        # The last reading of each workspace's generation, and when it was taken.
        self._read: dict[uuid.UUID, tuple[float, bytes | None]] = {}

    def clear(self) -> None:
        self._map = None
        self._generations.clear()
        self._read.clear()

    async def _generation(self, workspace_id: uuid.UUID) -> bytes | None:
        now = time.monotonic()
        last = self._read.get(workspace_id)
        if last is not None and now - last[0] < GENERATION_FRESH_SECONDS:
            return last[1]
        generation = await shared_generation(workspace_id)
        self._read[workspace_id] = (now, generation)
        return generation

    async def _all(self) -> Subscriptions:
        ttl = get_settings().webhooks_cache_seconds
        if self._map is not None and (ttl == 0 or time.monotonic() - self._loaded_at < ttl):
            return self._map
        fresh: Subscriptions = {}
        rows = await WebhookEndpoint.filter(enabled=True, deleted_at=None).values_list(
            "workspace_id", "id", "event_types")
        for workspace_id, endpoint_id, types in rows:
            _add(fresh.setdefault(workspace_id, {}), endpoint_id, types)
        self._map, self._loaded_at = fresh, time.monotonic()
        return fresh

    async def of(self, workspace_id: uuid.UUID) -> dict[str, list[uuid.UUID]]:
        # The generation is read before the endpoints: a change between the two reads is seen
        # by the next write, never lost.
        generation = await self._generation(workspace_id)
        subscriptions = await self._all()
        if generation is not None and self._generations.get(workspace_id) != generation:
            by_type: dict[str, list[uuid.UUID]] = {}
            rows = await WebhookEndpoint.filter(
                workspace_id=workspace_id, enabled=True, deleted_at=None).values_list(
                "id", "event_types")
            for endpoint_id, types in rows:
                _add(by_type, endpoint_id, types)
            subscriptions[workspace_id] = by_type
            self._generations[workspace_id] = generation
        return subscriptions.get(workspace_id, {})


_cache = SubscriptionCache()


def invalidate() -> None:
    """Forget the map in this process (tests; `changed` does it for real changes)."""
    _cache.clear()


async def changed(workspace_id: uuid.UUID) -> None:
    """The workspace's endpoints changed: this process reads them at once, the others (with
    Redis) at their next write of that workspace."""
    _cache.clear()
    await _move_generation(workspace_id)


async def enqueue_for_audit_event(actor: Actor, event: AuditEvent) -> None:
    """The outbox rows of one audit event: a pending delivery per subscribed endpoint, in the
    write's own transaction (this runs inside `audit.record`)."""
    subscribed = await _cache.of(event.workspace_id)
    if not subscribed:
        return
    types = event_types_for(event.object_type, event.action, event.changes or {})
    rows = [WebhookDelivery(workspace_id=event.workspace_id, endpoint_id=endpoint_id,
                            event_id=event.id, event_type=t.value, object_type=event.object_type,
                            object_id=event.object_id, next_attempt_at=event.created_at)
            for t in types for endpoint_id in subscribed.get(t.value, ())]
    if rows:
        await WebhookDelivery.bulk_create(rows)


AUDIT_RECORDED.register(enqueue_for_audit_event)


# --- endpoints -----------------------------------------------------------------------------

def new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def check_url(url: str, field: str = "url") -> str:
    """An absolute http(s) URL without credentials. Whether its host may be private is decided
    when sending (names can move); a literal private address is refused here already."""
    url = url.strip()
    bad = ServiceError(ErrorCode.INVALID, "The URL must start with https:// or http://, then "
                       "a host name and an optional port of 1 to 65535", field)
    try:
        parts = urlsplit(url)
        # Read here so that the sender never meets them: a bracketed host that is no IPv6
        # address, a port past 65535 or not a number, a name DNS cannot carry (IDNA).
        port = parts.port
        if parts.hostname:
            parts.hostname.encode("idna")
    except (ValueError, UnicodeError):
        raise bad from None
    if parts.scheme not in ("http", "https") or not parts.hostname or port == 0:
        raise bad
    if parts.username or parts.password:
        raise ServiceError(ErrorCode.INVALID, "The URL must not carry a user or password", field)
    if len(url) > 2000:
        raise ServiceError(ErrorCode.INVALID, "The URL is too long (2000 characters at most)",
                           field)
    if not get_settings().webhooks_allow_private:
        try:
            address = ipaddress.ip_address(parts.hostname)
        except ValueError:
            address = None
        if address is not None and not is_public(address):
            raise ServiceError(ErrorCode.INVALID, "Webhooks may not call private or loopback "
                               "addresses", field)
    return url


def _signed_in(actor: Actor) -> None:
    """Webhooks are managed by a signed-in admin, never through a third party's token: an
    endpoint's payloads are read as the admin who made it, beyond any token's scopes, so a
    token that could make, repoint or replay one (or read its log) would reach every record
    its user may, and a service account (no user) everything."""
    if actor.client_id is not None or actor.user_id is None:
        raise ServiceError(ErrorCode.FORBIDDEN, "Only a signed-in admin manages webhooks")


def check_event_types(types: list[EventType]) -> list[str]:
    if not types:
        raise ServiceError(ErrorCode.INVALID, "Choose at least one event type", "eventTypes")
    if EventType.PING in types:
        raise ServiceError(ErrorCode.INVALID, "Ping events are sent by a test only",
                           "eventTypes")
    return sorted({t.value for t in types if t in SUBSCRIBABLE})


async def create_endpoint(actor: Actor, url: str, event_types: list[EventType],
                          description: str = "") -> tuple[WebhookEndpoint, str]:
    """A new endpoint and its signing secret, which is shown this once."""
    _signed_in(actor)
    require_write_scope(actor, "WebhookEndpoint")
    values: dict[str, Any] = {"url": check_url(url),
                              "event_types": check_event_types(event_types),
                              "description": (description or "").strip()[:500]}
    secret = new_secret()
    async with in_transaction("default"):
        row = await WebhookEndpoint.create(workspace_id=actor.workspace_id, secret=seal(secret),
                                           created_by_id=actor.user_id, **values)
        # The secret is recorded as its hint: history never holds a signing key.
        await audit.record(actor, "WebhookEndpoint", row.id, "create",
                           audit.diff({}, {**values, "enabled": True,
                                           "secret_hint": secret_hint(secret)}))
    await changed(actor.workspace_id)
    return row, secret


async def update_endpoint(actor: Actor, endpoint_id: uuid.UUID, changes: dict[str, Any],
                          expected_version: int | None = None) -> WebhookEndpoint:
    """Change the URL, events, description, or switch it on or off. Switching it on again
    clears the failure count that switched it off."""
    _signed_in(actor)
    for name, field in (("url", "url"), ("event_types", "eventTypes"), ("enabled", "enabled")):
        # null is "clear it" elsewhere; an endpoint cannot be without these.
        if name in changes and changes[name] is None:
            raise ServiceError(ErrorCode.INVALID, f"{field} cannot be empty", field)
    if "url" in changes:
        changes["url"] = check_url(changes["url"])
    if "event_types" in changes:
        changes["event_types"] = check_event_types(changes["event_types"])
    if "description" in changes:
        changes["description"] = (changes["description"] or "").strip()[:500]
    async with in_transaction("default"):
        row = await find_for_write(actor, WebhookEndpoint, endpoint_id)
        if changes.get("enabled") is True and not row.enabled:
            changes.update(consecutive_failures=0, disabled_reason=None)
        elif changes.get("enabled") is False and row.enabled:
            changes["disabled_reason"] = "disabled by an admin"
        row = await update_versioned(actor, row, changes, expected_version)
    await changed(actor.workspace_id)
    return row


async def rotate_secret(actor: Actor, endpoint_id: uuid.UUID) -> tuple[WebhookEndpoint, str]:
    """A new signing secret, shown this once; the old one stops signing at once."""
    _signed_in(actor)
    secret = new_secret()
    async with in_transaction("default"):
        row = await find_for_write(actor, WebhookEndpoint, endpoint_id)
        old_hint = stored_hint(row.secret)
        row.secret = seal(secret)
        row.version += 1
        await WebhookEndpoint.filter(id=row.id).update(secret=row.secret, version=row.version,
                                                       updated_at=utcnow())
        await audit.record(actor, "WebhookEndpoint", row.id, "rotate_secret",
                           {"secret_hint": [old_hint, secret_hint(secret)]})
    return row, secret


async def delete_endpoint(actor: Actor, endpoint_id: uuid.UUID) -> uuid.UUID:
    """Delete an endpoint; its undelivered events are dropped (marked dead)."""
    _signed_in(actor)
    async with in_transaction("default"):
        row = await find_for_write(actor, WebhookEndpoint, endpoint_id)
        await update_versioned(actor, row, {"deleted_at": utcnow(), "enabled": False}, None,
                               action="delete")
        await WebhookDelivery.filter(endpoint_id=row.id, status__in=[
            DeliveryStatus.PENDING, DeliveryStatus.FAILED]).update(
            status=DeliveryStatus.DEAD, last_error="endpoint deleted")
    await changed(actor.workspace_id)
    return row.id


def secret_hint(secret: str) -> str:
    """Enough of a secret to tell which one a receiver holds."""
    return f"{secret[:6]}…{secret[-4:]}"


def stored_hint(stored: str) -> str | None:
    """The hint of a stored (sealed) secret; None when this SECRET_KEY cannot open it."""
    try:
        return secret_hint(reveal(stored))
    except SecretUnreadable:
        return None


def endpoints_query(actor: Actor) -> Any:
    return scoped(WebhookEndpoint, actor)


async def get_endpoint(actor: Actor, endpoint_id: uuid.UUID, field: str = "id"
                       ) -> WebhookEndpoint:
    row = await scoped(WebhookEndpoint, actor).filter(id=endpoint_id).first()
    if row is None:
        raise not_found("Webhook endpoint", field)
    return row


async def deliveries(actor: Actor, endpoint_id: uuid.UUID, first: int = 50
                     ) -> list[WebhookDelivery]:
    """An endpoint's delivery log, newest first (its payloads are the endpoint owner's
    reading, so a token's scopes could not narrow them)."""
    _signed_in(actor)
    if not 1 <= first <= 100:
        raise ServiceError(ErrorCode.LIMIT_REACHED, "Ask for 1 to 100 deliveries", "first")
    endpoint = await get_endpoint(actor, endpoint_id, "endpoint")
    return await scoped(WebhookDelivery, actor).filter(  # type: ignore[no-any-return]
        endpoint_id=endpoint.id).order_by("-created_at", "-id").limit(first)


async def redeliver(actor: Actor, delivery_id: uuid.UUID) -> WebhookDelivery:
    """A fresh delivery of the same event (same event id and body), due now, with its own
    attempts: the original stays in the log as it ended."""
    _signed_in(actor)
    require_write_scope(actor, "WebhookDelivery")
    original = await scoped(WebhookDelivery, actor).filter(id=delivery_id).first()
    if original is None:
        raise not_found("Webhook delivery", "id")
    await get_endpoint(actor, original.endpoint_id, "id")
    async with in_transaction("default"):
        row = await WebhookDelivery.create(
            workspace_id=original.workspace_id, endpoint_id=original.endpoint_id,
            event_id=original.event_id, event_type=original.event_type,
            object_type=original.object_type, object_id=original.object_id,
            payload=original.payload, next_attempt_at=utcnow())
        # The delivery row is itself the log; the admin's act is the endpoint's event.
        await audit.record(actor, "WebhookEndpoint", original.endpoint_id, "redeliver", {},
                           note=f"event {original.event_id} as delivery {row.id}")
    return row


async def test_endpoint(actor: Actor, endpoint_id: uuid.UUID) -> WebhookDelivery:
    """Send a `ping` event now and return its delivery with the outcome (enabled or not)."""
    from crm.webhooks import relay

    _signed_in(actor)
    require_write_scope(actor, "WebhookEndpoint")
    endpoint = await get_endpoint(actor, endpoint_id)
    now = utcnow()
    event_id = uuid.uuid4()
    async with in_transaction("default"):
        # Leased for the attempt below, so no relay takes it meanwhile.
        row = await WebhookDelivery.create(
            workspace_id=endpoint.workspace_id, endpoint_id=endpoint.id, event_id=event_id,
            event_type=EventType.PING.value, next_attempt_at=now + dt.timedelta(minutes=5),
            attempts=1, last_attempt_at=now,
            payload=relay.envelope(event_id, EventType.PING.value, now, endpoint.workspace_id,
                                   {"endpoint": str(endpoint.id)}))
        await audit.record(actor, "WebhookEndpoint", endpoint.id, "test", {},
                           note=f"ping {event_id} as delivery {row.id}")
    # Sent after the commit, as every delivery is.
    return await relay.attempt(row, endpoint, last_attempt=True)


# --- workflows' webhook steps ----------------------------------------------------------------

async def endpoint_visible(actor: Actor, endpoint_id: uuid.UUID) -> bool:
    """Whether the actor may send to this endpoint (an admin's, of their workspace)."""
    if actor.user_id is None or actor.client_id is not None:
        return False
    return bool(await endpoints_query(actor).filter(id=endpoint_id).exists())


async def deliver_for_workflow(actor: Actor, endpoint_id: uuid.UUID, data: dict[str, Any],
                               object_type: str | None, object_id: uuid.UUID | None
                               ) -> WebhookDelivery:
    """Queue a signed delivery of a workflow step to one endpoint, in the caller's transaction:
    the relay sends it after the commit and retries it like any other."""
    from crm.webhooks import relay

    _signed_in(actor)
    require_write_scope(actor, "WebhookEndpoint")
    endpoint = await get_endpoint(actor, endpoint_id)
    if not endpoint.enabled:
        raise ServiceError(ErrorCode.INVALID_STATE, "The webhook endpoint is switched off",
                           "endpointId")
    now = utcnow()
    event_id = uuid.uuid4()
    return await WebhookDelivery.create(
        workspace_id=endpoint.workspace_id, endpoint_id=endpoint.id, event_id=event_id,
        event_type=EventType.WORKFLOW.value, object_type=object_type, object_id=object_id,
        next_attempt_at=now,
        payload=relay.envelope(event_id, EventType.WORKFLOW.value, now, endpoint.workspace_id,
                               data))
