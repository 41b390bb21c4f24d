"""Outbound webhooks against a real HTTP receiver: the outbox written with the write, signed
deliveries after commit, retries with backoff until dead, disabling, redelivery, pings, and
payloads read under the endpoint owner's field policy."""

from __future__ import annotations

import asyncio
import datetime as dt
from collections.abc import AsyncIterator
from decimal import Decimal

import pytest
from tortoise.transactions import in_transaction

from crm.catalogue import service as catalogue
from crm.core.ids import to_global_id
from crm.core.money import MoneyInput
from crm.core.records import utcnow
from crm.settings import get_settings, override_settings
from crm.webhooks import relay
from crm.webhooks import service as webhooks
from crm.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from tests import factories as f
from tests.conftest import DB_KIND, SQLCounter, World
from tests.webhooks.receiver import receiver, verify

CREATE = """mutation($input: CreateWebhookEndpointInput!) {
  createWebhookEndpoint(input: $input) {
    endpoint { id url eventTypes enabled secretHint } secret errors { field code message }
  }
}"""
DELIVERIES = """query($e: ID!) { webhookDeliveries(endpoint: $e) {
  id eventId eventType status attempts lastResponseCode lastError nextAttemptAt payload } }"""
LATER = dt.timedelta(days=2)


@pytest.fixture(autouse=True)
async def webhook_settings() -> AsyncIterator[None]:
    """Loopback receivers allowed, three attempts, disabled after two dead deliveries; every
    endpoint of the test is switched off after it, so later tests send nothing to it."""
    before = get_settings()
    override_settings(before.model_copy(update={
        "webhooks_allow_private": True, "webhooks_retry_delays": "10,40",
        "webhooks_disable_after": 2, "webhooks_timeout": 5.0}))
    # Others' endpoints (another test's fixture) are not this test's receivers.
    await WebhookEndpoint.filter(enabled=True).update(enabled=False)
    webhooks.invalidate()
    yield
    await WebhookEndpoint.filter(enabled=True).update(enabled=False)
    webhooks.invalidate()
    override_settings(before)


async def endpoint(world: World, url: str, *types: str) -> tuple[str, str]:
    body = await world.gql("admin", CREATE, {"input": {"url": url, "eventTypes": list(types),
                                                       "description": "partner"}})
    payload = body["data"]["createWebhookEndpoint"]
    assert payload["errors"] == []
    return payload["endpoint"]["id"], payload["secret"]


async def deliver_all(now: dt.datetime | None = None) -> int:
    total = 0
    while sent := await relay.deliver_due(now=now):
        total += sent
    return total


async def test_a_write_is_delivered_signed_after_commit(world: World):
    with receiver() as hook:
        eid, secret = await endpoint(world, hook.url, "CUSTOMER_CREATED", "CUSTOMER_UPDATED")
        listed = (await world.gql("admin", "{ webhookEndpoints { id url secretHint } }"))[
            "data"]["webhookEndpoints"]
        assert [e["id"] for e in listed] == [eid]
        assert secret not in str(listed) and listed[0]["secretHint"].startswith("whsec_")

        customer = await f.customer(world, "rep1", name="星辰科技", phone="13812345678")
        await catalogue.create_product(await world.actor("admin"), {"sku": "NOT-SUBSCRIBED",
                                                                     "name": "x"})
        assert hook.received == []  # nothing is sent by the write itself
        assert await deliver_all() == 1
        [got] = hook.received
        assert verify(secret, got.headers["crm-signature"], got.body)
        assert not verify(secret + "x", got.headers["crm-signature"], got.body)
        event = got.json
        assert got.headers["crm-event-id"] == event["id"]
        assert got.headers["crm-event-type"] == event["type"] == "customer.created"
        assert event["workspace"] == str(world.workspace.id)
        assert event["data"]["id"] == to_global_id("Customer", customer.id)
        assert event["data"]["name"] == "星辰科技"
        assert event["data"]["phone"] == "13812345678"  # the admin reads it whole

        log = (await world.gql("admin", DELIVERIES, {"e": eid}))["data"]["webhookDeliveries"]
        assert [(d["status"], d["attempts"], d["lastResponseCode"], d["nextAttemptAt"])
                for d in log] == [("SUCCEEDED", 1, 200, None)]
        assert log[0]["eventId"] == event["id"]
        assert await deliver_all(utcnow() + LATER) == 0  # succeeded: never sent again


async def test_a_rolled_back_write_leaves_no_event(world: World):
    with receiver() as hook:
        await endpoint(world, hook.url, "CUSTOMER_CREATED")
        with pytest.raises(RuntimeError):
            async with in_transaction("default"):
                await f.customer(world, "rep1", name="Never")
                raise RuntimeError("the write fails after its audit event")
        assert await WebhookDelivery.filter(workspace_id=world.workspace.id).count() == 0
        await f.customer(world, "rep1", name="Kept")
        assert await WebhookDelivery.filter(workspace_id=world.workspace.id).count() == 1
        await deliver_all()
        assert [r.json["data"]["name"] for r in hook.received] == ["Kept"]


async def test_failures_back_off_then_die_and_the_endpoint_switches_off(world: World):
    with receiver(500) as hook:
        eid, _secret = await endpoint(world, hook.url, "CUSTOMER_CREATED")
        await f.customer(world, "rep1", name="First")
        waits = []
        for _ in range(3):
            assert await relay.deliver_due(now=utcnow() + LATER) == 1
            row = await WebhookDelivery.get(workspace_id=world.workspace.id)
            if row.status is DeliveryStatus.FAILED:
                waits.append((row.next_attempt_at - row.last_attempt_at).total_seconds())
        assert row.status is DeliveryStatus.DEAD and row.attempts == 3
        assert row.last_response_code == 500 and "receiver says no" in (row.last_error or "")
        # Backoff from CRM_WEBHOOKS_RETRY_DELAYS (10 s, then 40 s), each with up to 20% jitter.
        assert 8 <= waits[0] <= 12 and 32 <= waits[1] <= 48
        assert len({r.headers["crm-event-id"] for r in hook.received}) == 1
        assert len(hook.received) == 3
        first_event = hook.received[0].headers["crm-event-id"]

        end = await WebhookEndpoint.get(id=row.endpoint_id)
        assert end.enabled and end.consecutive_failures == 1
        await f.customer(world, "rep1", name="Second")
        await deliver_all(utcnow() + LATER)
        await deliver_all(utcnow() + LATER * 2)
        end = await WebhookEndpoint.get(id=row.endpoint_id)
        assert not end.enabled and end.consecutive_failures == 2
        assert "2 deliveries in a row" in (end.disabled_reason or "")
        # Switched off: new writes queue nothing for it.
        await f.customer(world, "rep1", name="Third")
        assert await WebhookDelivery.filter(workspace_id=world.workspace.id).count() == 2

        # The receiver is fixed; the admin switches the endpoint on and sends the first again.
        hook.statuses[:] = [200]
        on = await world.gql("admin", """mutation($i: UpdateWebhookEndpointInput!) {
          updateWebhookEndpoint(input: $i) { endpoint { enabled consecutiveFailures
          disabledReason } errors { code } } }""", {"i": {"id": eid, "enabled": True}})
        assert on["data"]["updateWebhookEndpoint"]["endpoint"] == {
            "enabled": True, "consecutiveFailures": 0, "disabledReason": None}
        again = await world.gql("admin", """mutation($i: IdInput!) {
          redeliverWebhook(input: $i) { delivery { id eventId status attempts } errors { code } }
        }""", {"i": {"id": to_global_id("WebhookDelivery", row.id)}})
        queued = again["data"]["redeliverWebhook"]["delivery"]
        assert (queued["eventId"], queued["status"], queued["attempts"]) == (
            first_event, "PENDING", 0)
        before = len(hook.received)
        assert await deliver_all() == 1
        assert hook.received[before].headers["crm-event-id"] == first_event
        assert hook.received[before].json["data"]["name"] == "First"
        log = (await world.gql("admin", DELIVERIES, {"e": eid}))["data"]["webhookDeliveries"]
        assert [d["status"] for d in log] == ["SUCCEEDED", "DEAD", "DEAD"]


async def test_a_ping_is_sent_at_once_and_does_not_count(world: World):
    with receiver(200, 503) as hook:
        eid, secret = await endpoint(world, hook.url, "ORDER_PAID")
        ping = """mutation($i: IdInput!) { testWebhookEndpoint(input: $i) {
          delivery { eventType status lastResponseCode attempts } errors { code } } }"""
        ok = await world.gql("admin", ping, {"i": {"id": eid}})
        assert ok["data"]["testWebhookEndpoint"]["delivery"] == {
            "eventType": "PING", "status": "SUCCEEDED", "lastResponseCode": 200, "attempts": 1}
        assert verify(secret, hook.received[0].headers["crm-signature"], hook.received[0].body)
        assert hook.received[0].json["type"] == "ping"
        bad = await world.gql("admin", ping, {"i": {"id": eid}})
        assert bad["data"]["testWebhookEndpoint"]["delivery"]["status"] == "DEAD"
        end = await WebhookEndpoint.get(id=(await WebhookDelivery.filter(
            workspace_id=world.workspace.id).first()).endpoint_id)
        assert end.enabled and end.consecutive_failures == 0
        assert await deliver_all(utcnow() + LATER) == 0  # a ping is never retried


async def test_the_payload_is_what_the_endpoint_owner_may_read(world: World):
    with receiver() as hook:
        await endpoint(world, hook.url, "CUSTOMER_CREATED", "PRODUCT_CREATED")
        admin = await world.actor("admin")
        price = MoneyInput(amount=Decimal("100.00"), currency="CNY")
        cost = MoneyInput(amount=Decimal("60.00"), currency="CNY")
        await catalogue.create_product(admin, {"sku": "P-1", "name": "Pump"},
                                       list_price=price, cost_price=cost)
        await deliver_all()
        assert hook.received[-1].json["data"]["costPrice"] == {"amount": "60.00",
                                                               "currency": "CNY"}
        # The admin who made the endpoint is now in marketing: payloads follow their role.
        await world.users["admin"].__class__.filter(id=world.users["admin"].id).update(
            role="marketing")
        await catalogue.create_product(admin, {"sku": "P-2", "name": "Valve"},
                                       list_price=price, cost_price=cost)
        await f.customer(world, "rep1", name="Masked Co", phone="13812345678",
                         email="boss@masked.cn")
        await deliver_all()
        product, customer = (r.json["data"] for r in hook.received[-2:])
        assert product["sku"] == "P-2" and product["listPrice"]["amount"] == "100.00"
        assert "costPrice" not in product and "margin" not in product
        assert customer["phone"] != "13812345678" and "****" in customer["phone"]
        assert "13812345678" not in hook.received[-1].body.decode()
        assert "boss@masked.cn" not in hook.received[-1].body.decode()


async def test_only_admins_manage_webhooks(world: World):
    body = await world.gql("rep1", CREATE, {"input": {"url": "https://example.com/h",
                                                      "eventTypes": ["ORDER_PAID"]}},
                          expect_errors=True)
    assert body["data"]["createWebhookEndpoint"]["errors"][0]["code"] == "FORBIDDEN"
    assert await WebhookEndpoint.filter(workspace_id=world.workspace.id).count() == 0
    listed = await world.gql("rep1", "{ webhookEndpoints { id } }", expect_errors=True)
    assert listed["data"] is None or listed["data"]["webhookEndpoints"] in (None, [])


async def test_private_addresses_are_refused_unless_allowed(world: World):
    override_settings(get_settings().model_copy(update={"webhooks_allow_private": False}))
    body = await world.gql("admin", CREATE, {"input": {"url": "http://127.0.0.1:9/h",
                                                       "eventTypes": ["ORDER_PAID"]}})
    assert body["data"]["createWebhookEndpoint"]["errors"][0] == {
        "field": "url", "code": "INVALID",
        "message": body["data"]["createWebhookEndpoint"]["errors"][0]["message"]}
    with receiver() as hook:
        # A name is checked when sending: `localhost` resolves to loopback.
        eid, _ = await endpoint(world, hook.url.replace("127.0.0.1", "localhost"),
                                "CUSTOMER_CREATED")
        await f.customer(world, "rep1")
        await relay.deliver_due()
        assert hook.received == []
        row = await WebhookDelivery.get(workspace_id=world.workspace.id)
        assert row.status is DeliveryStatus.FAILED and "refused" in (row.last_error or "")
        assert eid


@pytest.mark.skipif(DB_KIND != "postgres", reason="several relays at once need PostgreSQL")
async def test_relays_running_at_once_never_send_one_delivery_twice(world: World):
    with receiver() as hook:
        await endpoint(world, hook.url, "CUSTOMER_CREATED")
        for i in range(12):
            await f.customer(world, "rep1", name=f"Parallel {i}")
        sent = await asyncio.gather(*(relay.deliver_due(limit=3) for _ in range(6)))
        assert sum(sent) == 12
        ids = [r.headers["crm-event-id"] for r in hook.received]
        assert len(ids) == len(set(ids)) == 12


async def test_writes_of_a_workspace_without_endpoints_cost_no_statement(world: World):
    """The outbox check is a lookup in memory: once the map of endpoints is loaded, a write
    where nobody subscribed sends no statement about webhooks; creating an endpoint
    reloads the map at once in this process."""
    await f.customer(world, "rep1")  # loads the map
    with SQLCounter() as sql:
        await f.customer(world, "rep1")
    assert sql.count > 0 and not [s for s in sql.statements if "webhook" in s.lower()]
    with receiver() as hook:
        await endpoint(world, hook.url, "CUSTOMER_CREATED")
        await f.customer(world, "rep1")  # seen at once: no wait for the cache to expire
        assert await WebhookDelivery.filter(workspace_id=world.workspace.id).count() == 1


@pytest.mark.parametrize("cleared", ["url", "eventTypes", "enabled"])
async def test_an_endpoint_cannot_be_left_without_its_url_events_or_switch(world: World,
                                                                           cleared: str):
    eid, _ = await endpoint(world, "https://example.com/h", "ORDER_PAID")
    body = await world.gql("admin", """mutation($i: UpdateWebhookEndpointInput!) {
      updateWebhookEndpoint(input: $i) { endpoint { url eventTypes enabled }
      errors { field code } } }""", {"i": {"id": eid, cleared: None}})
    payload = body["data"]["updateWebhookEndpoint"]
    assert payload["errors"] == [{"field": cleared, "code": "INVALID"}]
    row = await WebhookEndpoint.get(workspace_id=world.workspace.id)
    assert (row.url, row.event_types, row.enabled) == ("https://example.com/h", ["order.paid"],
                                                       True)
