"""The relay: sends committed outbox rows (pending deliveries) to their endpoints.

Its work is plain task functions (`deliver_due`, `run_relay`) so that whatever runs jobs (the
API process's lifespan, `crm webhooks-relay`, `crm worker`, a job queue) runs the same code.

Claiming: a short transaction picks due rows (`FOR UPDATE SKIP LOCKED` on PostgreSQL, so
relays do not wait on each other) and takes them with one conditional UPDATE that repeats the
due condition and stamps a claim token; only rows carrying this pass's token are sent, so two
relays never send one row twice, on SQLite as on PostgreSQL. Taking a row moves its
`next_attempt_at` past the end of a lease. The HTTP call happens after that transaction: if
the process dies during it, the lease runs out and the row is sent again. Delivery is thus at
least once, and receivers deduplicate on `CRM-Event-Id`.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import hmac
import ipaddress
import logging
import random
import socket
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import orjson
from tortoise.expressions import F
from tortoise.transactions import in_transaction

from crm.auth import service as auth
from crm.core.ids import to_global_id
from crm.core.policy import Actor, system_actor
from crm.core.records import utcnow
from crm.settings import get_settings
from crm.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from crm.webhooks.secrets import SecretUnreadable, reveal

log = logging.getLogger("crm.webhooks")

USER_AGENT = "crm-webhooks/1"


def sign(secret: str, timestamp: int, body: bytes) -> str:
    """The `CRM-Signature` header of a body sent at `timestamp` (unix seconds)."""
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return f"t={timestamp},v1={digest.hexdigest()}"


def envelope(event_id: uuid.UUID, event_type: str, created_at: dt.datetime,
             workspace_id: uuid.UUID, data: Any) -> dict[str, Any]:
    return {"id": str(event_id), "type": event_type,
            "createdAt": created_at.astimezone(dt.UTC).isoformat().replace("+00:00", "Z"),
            "workspace": str(workspace_id), "data": data}


# --- the payload, as the endpoint's owner may read it ---------------------------------------

_SELECTIONS: dict[str, str] = {}


def _selection(type_name: str) -> str | None:
    """The plain fields of a type as a GraphQL selection: scalars and enums, money as amount
    and currency, to-one relations as their id. Lists and connections are left out (a payload
    is one record)."""
    if type_name in _SELECTIONS:
        return _SELECTIONS[type_name]
    from graphql import GraphQLEnumType, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLScalarType

    from crm.schema import get_schema

    gtype = get_schema()._schema.type_map.get(type_name)
    if not isinstance(gtype, GraphQLObjectType):
        return None
    parts = []
    for name, gfield in gtype.fields.items():
        if any(isinstance(a.type, GraphQLNonNull) for a in gfield.args.values()):
            continue
        inner = gfield.type.of_type if isinstance(gfield.type, GraphQLNonNull) else gfield.type
        if isinstance(inner, GraphQLList):
            continue
        if isinstance(inner, (GraphQLScalarType, GraphQLEnumType)):
            parts.append(name)
        elif isinstance(inner, GraphQLObjectType):
            if inner.name == "Money":
                parts.append(f"{name} {{ amount currency }}")
            elif "id" in inner.fields and any(i.name == "Node" for i in inner.interfaces):
                parts.append(f"{name} {{ id }}")
    _SELECTIONS[type_name] = " ".join(parts)
    return _SELECTIONS[type_name]


async def owner_actor(endpoint: WebhookEndpoint) -> Actor | None:
    """Whom a payload is read as: the admin who made the endpoint (as their role is now);
    None when they left or nobody did, so the payload carries no record data."""
    if endpoint.created_by_id is None:
        # No admin to read as (made by a service account before those were refused): no
        # data, never the system's reading of everything.
        return None
    try:
        user = await auth.get_user(system_actor(endpoint.workspace_id, "webhooks"),
                                   endpoint.created_by_id)
    except Exception:
        return None
    if not user.is_active:
        return None
    return await auth.actor_for_user(user, request_id=f"webhook-{endpoint.id}")


async def render_record(actor: Actor, type_name: str, object_id: uuid.UUID) -> Any:
    """The record through the graph as `actor` reads it: masked fields masked, denied fields
    left out (their path comes back null with an error), unreadable rows as their id only."""
    from crm.core.graphql import Context
    from crm.schema import get_schema

    gid = to_global_id(type_name, object_id)
    selection = _selection(type_name)
    if not selection:
        return {"id": gid}
    query = f"query($id: ID!) {{ node(id: $id) {{ ... on {type_name} {{ {selection} }} }} }}"
    result = await get_schema().execute(
        query, variable_values={"id": gid},
        context_value=Context(request=None, response=None, actor=actor,
                              request_id=actor.request_id or "webhooks"))
    node = (result.data or {}).get("node")
    if not isinstance(node, dict):
        return {"id": gid}
    for error in result.errors or ():
        path = list(error.path or ())
        if len(path) >= 2 and path[0] == "node":
            node.pop(str(path[1]), None)
    return node


async def build_payload(delivery: WebhookDelivery, endpoint: WebhookEndpoint) -> dict[str, Any]:
    data: Any = None
    if delivery.object_type and delivery.object_id:
        actor = await owner_actor(endpoint)
        data = (await render_record(actor, delivery.object_type, delivery.object_id)
                if actor is not None else None)
    return envelope(delivery.event_id, delivery.event_type, delivery.created_at,
                    delivery.workspace_id, data)


# --- sending ------------------------------------------------------------------------------

class Refused(Exception):
    """The URL may not be called (a private address without CRM_WEBHOOKS_ALLOW_PRIVATE)."""


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Whether a webhook may call this address: globally routable only. An IPv6 address that
    carries an IPv4 one (mapped `::ffff:a.b.c.d`, 6to4, NAT64) is judged by that one, since
    that is where the packets end up."""
    if isinstance(address, ipaddress.IPv6Address):
        inner = address.ipv4_mapped or address.sixtofour
        if inner is None and address in _NAT64:
            inner = ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if inner is not None:
            return is_public(inner)
    return address.is_global and not address.is_multicast


_NAT64 = ipaddress.ip_network("64:ff9b::/96")

Resolver = Callable[[str, int], Awaitable[list[str]]]


async def system_resolve(host: str, port: int) -> list[str]:
    """The addresses of a name, in the order the system prefers them."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(info[4][0]).split("%")[0] for info in infos]


async def pick_address(host: str, port: int, resolve: Resolver = system_resolve, *,
                       check: bool = True) -> str:
    """The address to connect to for `host`: resolved once, every address checked (a name
    with one private address among public ones is refused, or a resolver could choose)."""
    try:
        literal = ipaddress.ip_address(host)
    except ValueError:
        literal = None
    if literal is not None:
        addresses = [str(literal)]
    else:
        try:
            addresses = await resolve(host, port)
        except (OSError, UnicodeError) as exc:
            raise Refused(f"cannot resolve {host}: {exc}") from None
        if not addresses:
            raise Refused(f"cannot resolve {host}")
    for text in addresses if check else ():
        address = ipaddress.ip_address(text)
        if not is_public(address):
            raise Refused(f"{host} resolves to the non-public address {address}")
    return addresses[0]


class PinnedTransport(httpx.AsyncHTTPTransport):
    """Connects to the address that passed the check, not to whatever the name resolves to a
    moment later (DNS rebinding): the URL is rewritten to that IP while the request keeps its
    `Host` header and TLS keeps the name for SNI and certificate verification."""

    def __init__(self, *, resolve: Resolver = system_resolve, check: bool = True,
                 **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._resolve = resolve
        self._check = check

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        # The ASCII (punycode) form: what DNS, SNI and the certificate know an IDN name as.
        host = request.url.raw_host.decode("ascii")
        port = request.url.port or (443 if request.url.scheme == "https" else 80)
        address = await pick_address(host, port, self._resolve, check=self._check)
        if address != host:
            # `Host` was set from the original URL when the request was built.
            request.url = request.url.copy_with(host=address)
            if request.url.scheme == "https":
                request.extensions = {**request.extensions, "sni_hostname": host}
        return await super().handle_async_request(request)


def http_client(timeout: float, transport: httpx.AsyncBaseTransport | None = None
                ) -> httpx.AsyncClient:
    """The client of one attempt: without CRM_WEBHOOKS_ALLOW_PRIVATE every connection goes
    to the checked, pinned address."""
    if transport is None and not get_settings().webhooks_allow_private:
        transport = PinnedTransport()
    return httpx.AsyncClient(timeout=timeout, follow_redirects=False, trust_env=False,
                             transport=transport)


def retry_delay(attempts: int) -> float | None:
    """Seconds to wait after the `attempts`-th failed attempt, with jitter (up to a fifth
    either way, so a receiver back from an outage is not hit by every retry at once); None
    when no attempt is left."""
    delays = get_settings().webhook_delays
    if attempts > len(delays):
        return None
    base = delays[attempts - 1]
    return base * random.uniform(0.8, 1.2)


async def attempt(delivery: WebhookDelivery, endpoint: WebhookEndpoint, *,
                  last_attempt: bool | None = None, counts: bool | None = None
                  ) -> WebhookDelivery:
    """One HTTP attempt of a claimed delivery, and its outcome written back. `last_attempt`
    forces the end (a test ping is never retried); pings never count towards disabling."""
    settings = get_settings()
    counts = delivery.event_type != "ping" if counts is None else counts
    if delivery.payload is None:
        delivery.payload = await build_payload(delivery, endpoint)
    body = orjson.dumps(delivery.payload)
    timestamp = int(time.time())
    headers = {
        "content-type": "application/json",
        "user-agent": USER_AGENT,
        "crm-event-id": str(delivery.event_id),
        "crm-event-type": delivery.event_type,
        "crm-delivery-id": str(delivery.id),
    }
    code: int | None = None
    error: str | None = None
    started = time.perf_counter()
    try:
        headers["crm-signature"] = sign(reveal(endpoint.secret), timestamp, body)
        async with http_client(settings.webhooks_timeout) as client:
            response = await client.post(endpoint.url, content=body, headers=headers)
        code = response.status_code
        if not 200 <= code < 300:
            error = f"HTTP {code}: {response.text[:300]}"
    except Refused as exc:
        error = f"refused: {exc}"
    except SecretUnreadable as exc:
        error = str(exc)
    except (httpx.HTTPError, httpx.InvalidURL, UnicodeError, ValueError) as exc:
        # InvalidURL is not an HTTPError: a URL saved before its checks were this strict
        # fails its delivery, never the relay.
        error = f"{type(exc).__name__}: {exc}"[:1000] or type(exc).__name__
    duration = int((time.perf_counter() - started) * 1000)
    now = utcnow()
    changes: dict[str, Any] = {"payload": delivery.payload, "last_response_code": code,
                               "last_error": error, "duration_ms": duration,
                               "last_attempt_at": now}
    disable = False
    if error is None:
        changes.update(status=DeliveryStatus.SUCCEEDED, delivered_at=now)
        if counts and endpoint.consecutive_failures:
            await WebhookEndpoint.filter(id=endpoint.id).update(consecutive_failures=0)
    else:
        delay = None if last_attempt else retry_delay(delivery.attempts)
        if delay is not None:
            changes.update(status=DeliveryStatus.FAILED,
                           next_attempt_at=now + dt.timedelta(seconds=delay))
        else:
            changes["status"] = DeliveryStatus.DEAD
            if counts:
                disable = await _count_dead(endpoint)
    await WebhookDelivery.filter(id=delivery.id).update(**changes)
    for k, v in changes.items():
        setattr(delivery, k, v)
    if disable:
        from crm.webhooks.service import changed
        await changed(endpoint.workspace_id)
    log.info("webhook %s %s to %s: %s", delivery.event_type, delivery.id, endpoint.url,
             code if error is None else error)
    return delivery


async def _count_dead(endpoint: WebhookEndpoint) -> bool:
    """One more dead delivery in a row; True when that switched the endpoint off."""
    limit = get_settings().webhooks_disable_after
    await WebhookEndpoint.filter(id=endpoint.id).update(
        consecutive_failures=F("consecutive_failures") + 1)
    endpoint.consecutive_failures += 1
    row = await WebhookEndpoint.filter(id=endpoint.id).only("id", "consecutive_failures").first()
    failures = row.consecutive_failures if row is not None else 0
    if failures >= limit:
        reason = f"{failures} deliveries in a row failed every attempt"
        updated = await WebhookEndpoint.filter(id=endpoint.id, enabled=True).update(
            enabled=False, disabled_reason=reason, version=F("version") + 1)
        endpoint.enabled = False
        endpoint.disabled_reason = reason
        return bool(updated)
    return False


def _is_postgres() -> bool:
    from tortoise import connections
    return connections.get("default").capabilities.dialect == "postgres"


async def claim(now: dt.datetime, limit: int, workspace_id: uuid.UUID | None = None
                ) -> list[WebhookDelivery]:
    """Take up to `limit` due deliveries for this process (of one workspace when given),
    leased for one attempt."""
    settings = get_settings()
    lease = dt.timedelta(seconds=settings.webhooks_timeout + 60)
    endpoints = WebhookEndpoint.filter(enabled=True, deleted_at=None)
    if workspace_id is not None:
        endpoints = endpoints.filter(workspace_id=workspace_id)
    enabled = await endpoints.values_list("id", flat=True)
    if not enabled:
        return []
    token = uuid.uuid4()
    due = {"status__in": [DeliveryStatus.PENDING, DeliveryStatus.FAILED],
           "next_attempt_at__lte": now}
    query = WebhookDelivery.filter(**due, endpoint_id__in=list(enabled)).order_by(
        "next_attempt_at").limit(limit)

    async def take() -> list[uuid.UUID]:
        # Whole rows: `values_list` would drop the FOR UPDATE SKIP LOCKED.
        candidates = [row.id for row in await query]
        if candidates:
            # The UPDATE repeats the due condition: a relay that took a row first has moved
            # it past `now`, so it is not taken again; the token says which rows this pass won.
            await WebhookDelivery.filter(id__in=candidates, **due).update(
                next_attempt_at=now + lease, attempts=F("attempts") + 1, claim_token=token)
        return candidates

    if _is_postgres():
        query = query.select_for_update(skip_locked=True)
        async with in_transaction("default"):
            candidates = await take()
    else:
        # No transaction around it on SQLite: a read transaction that then writes deadlocks
        # with another process doing the same ("database is locked"), and the conditional
        # UPDATE alone is atomic there.
        candidates = await take()
    if not candidates:
        return []
    return list(await WebhookDelivery.filter(claim_token=token, id__in=candidates))


async def deliver_due(*, now: dt.datetime | None = None, limit: int | None = None,
                      workspace_id: uuid.UUID | None = None) -> int:
    """Send the deliveries due at `now` (default: now), of one workspace when given; how many
    were attempted. Safe to run from several processes at once (the job
    `webhooks.deliver_due` runs it)."""
    rows = await claim(now or utcnow(), limit or get_settings().webhooks_batch, workspace_id)
    if not rows:
        return 0
    endpoints = {e.id: e for e in await WebhookEndpoint.filter(
        id__in=list({r.endpoint_id for r in rows}))}
    outcomes = await asyncio.gather(*(attempt(r, endpoints[r.endpoint_id]) for r in rows),
                                    return_exceptions=True)
    for row, outcome in zip(rows, outcomes, strict=True):
        # Left leased: it is tried again when the lease ends.
        if isinstance(outcome, BaseException):
            log.error("webhook delivery %s failed before sending: %r", row.id, outcome)
    return len(rows)


async def run_relay(stop: asyncio.Event | None = None) -> None:
    """Deliver until `stop` is set: at once while there is work, else every poll interval."""
    stop = stop or asyncio.Event()
    poll = get_settings().webhooks_poll_seconds
    while not stop.is_set():
        try:
            sent = await deliver_due()
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("webhook relay pass failed; retrying")
            sent = 0
        if sent:
            continue
        try:
            await asyncio.wait_for(stop.wait(), timeout=poll)
        except TimeoutError:
            pass
