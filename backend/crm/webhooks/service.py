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

# --- which endpoints hear which events -----------------------------------------------------
#
# Checked on every write, so it must cost nothing where nobody subscribed: one process-wide
# map of the enabled endpoints of every workspace, read in one statement and kept for
# `CRM_WEBHOOKS_CACHE_SECONDS` (other API processes learn of a change within that time; this
# process at once, through `invalidate`).

Subscriptions = dict[uuid.UUID, dict[str, list[uuid.UUID]]]
_cache: Subscriptions | None = None
_loaded_at = 0.0


def invalidate() -> None:
    global _cache
    _cache = None


async def _subscriptions() -> Subscriptions:
    global _cache, _loaded_at
    ttl = get_settings().webhooks_cache_seconds
    if _cache is not None and (ttl == 0 or time.monotonic() - _loaded_at < ttl):
        return _cache
    fresh: Subscriptions = {}
    rows = await WebhookEndpoint.filter(enabled=True, deleted_at=None).values_list(
        "workspace_id", "id", "event_types")
    for workspace_id, endpoint_id, types in rows:
        by_type = fresh.setdefault(workspace_id, {})
        for t in types or ():
            by_type.setdefault(t, []).append(endpoint_id)
    _cache, _loaded_at = fresh, time.monotonic()
    return fresh


async def enqueue_for_audit_event(actor: Actor, event: AuditEvent) -> None:
    """The outbox rows of one audit event: a pending delivery per subscribed endpoint, in the
    write's own transaction (this runs inside `audit.record`)."""
    subscribed = (await _subscriptions()).get(event.workspace_id)
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
        if address is not None and not address.is_global:
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
        row = await WebhookEndpoint.create(workspace_id=actor.workspace_id, secret=secret,
                                           created_by_id=actor.user_id, **values)
        # The secret is recorded as its hint: history never holds a signing key.
        await audit.record(actor, "WebhookEndpoint", row.id, "create",
                           audit.diff({}, {**values, "enabled": True,
                                           "secret_hint": secret_hint(secret)}))
    invalidate()
    return row, secret


async def update_endpoint(actor: Actor, endpoint_id: uuid.UUID, changes: dict[str, Any],
                          expected_version: int | None = None) -> WebhookEndpoint:
    """Change the URL, events, description, or switch it on or off. Switching it on again
    clears the failure count that switched it off."""
    _signed_in(actor)
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
    invalidate()
    return row


async def rotate_secret(actor: Actor, endpoint_id: uuid.UUID) -> tuple[WebhookEndpoint, str]:
    """A new signing secret, shown this once; the old one stops signing at once."""
    _signed_in(actor)
    secret = new_secret()
    async with in_transaction("default"):
        row = await find_for_write(actor, WebhookEndpoint, endpoint_id)
        old_hint = secret_hint(row.secret)
        row.secret = secret
        row.version += 1
        await WebhookEndpoint.filter(id=row.id).update(secret=secret, version=row.version,
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
    invalidate()
    return row.id


def secret_hint(secret: str) -> str:
    """Enough of a secret to tell which one a receiver holds."""
    return f"{secret[:6]}…{secret[-4:]}"


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
