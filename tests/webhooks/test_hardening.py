"""Hardening of outbound webhooks: signing secrets sealed at rest, the checked address pinned
for the connection (DNS rebinding), subscription changes seen by other processes through
Redis, and claims that stay exclusive between relay processes on one SQLite file."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import hashlib
import importlib
import ipaddress
import pkgutil
import ssl
import subprocess
import sys
import threading
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from cryptography.fernet import Fernet, InvalidToken
from tortoise import connections

import crm.migrations
from crm.settings import get_settings, override_settings
from crm.webhooks import relay
from crm.webhooks import secrets as sealing
from crm.webhooks import service as webhooks
from crm.webhooks.models import DeliveryStatus, WebhookDelivery, WebhookEndpoint
from tests import factories as f
from tests.conftest import World
from tests.platform.databases import fresh_sqlite
from tests.platform.servers import BIN, ROOT, clean_environment
from tests.webhooks.receiver import receiver, verify
from tests.webhooks.test_webhooks import deliver_all, endpoint


@pytest.fixture(autouse=True)
async def webhook_settings(request: pytest.FixtureRequest) -> AsyncIterator[None]:
    """Loopback receivers allowed; with the test database, only this test's endpoints on."""
    before = get_settings()
    override_settings(before.model_copy(update={
        "webhooks_allow_private": True, "webhooks_retry_delays": "10,40",
        "webhooks_timeout": 5.0}))
    uses_db = "world" in request.fixturenames
    if uses_db:
        await WebhookEndpoint.filter(enabled=True).update(enabled=False)
    webhooks.invalidate()
    yield
    if uses_db:
        await WebhookEndpoint.filter(enabled=True).update(enabled=False)
    webhooks.invalidate()
    override_settings(before)


async def stored_secret(world: World) -> str:
    """The column as stored (the field is a plain string: no decoding on the way)."""
    [stored] = await WebhookEndpoint.filter(workspace_id=world.workspace.id).values_list(
        "secret", flat=True)
    return str(stored)


# --- 1. secrets at rest ----------------------------------------------------------------------

async def test_the_stored_secret_is_sealed_and_deliveries_still_verify(world: World):
    with receiver() as hook:
        eid, secret = await endpoint(world, hook.url, "CUSTOMER_CREATED")
        stored = await stored_secret(world)
        assert stored.startswith("v1:")
        assert secret not in stored and secret[6:] not in stored and "whsec_" not in stored
        listed = (await world.gql("admin", "{ webhookEndpoints { secretHint } }"))[
            "data"]["webhookEndpoints"]
        assert listed == [{"secretHint": webhooks.secret_hint(secret)}]

        await f.customer(world, "rep1", name="Sealed Co")
        assert await deliver_all() == 1
        [got] = hook.received
        assert verify(secret, got.headers["crm-signature"], got.body)

        rotated = await world.gql("admin", """mutation($i: IdInput!) {
          rotateWebhookSecret(input: $i) { secret errors { code } } }""", {"i": {"id": eid}})
        new_secret = rotated["data"]["rotateWebhookSecret"]["secret"]
        assert new_secret not in await stored_secret(world)
        assert (await stored_secret(world)).startswith("v1:")


async def test_a_secret_sealed_under_another_key_is_refused_not_sent(world: World):
    with receiver() as hook:
        await endpoint(world, hook.url, "CUSTOMER_CREATED")
        before = get_settings()
        override_settings(before.model_copy(update={"secret_key": "another-key-" * 4}))
        try:
            # (Tokens are signed with SECRET_KEY too: the hint is read from the service.)
            assert webhooks.stored_hint(await stored_secret(world)) is None
            await f.customer(world, "rep1")
            await relay.deliver_due()
        finally:
            override_settings(before)
        assert hook.received == []
        row = await WebhookDelivery.get(workspace_id=world.workspace.id)
        assert row.status is DeliveryStatus.FAILED and "SECRET_KEY" in (row.last_error or "")


def test_the_key_is_derived_not_the_secret_key_itself():
    key = get_settings().secret_key
    sealed = sealing.seal("whsec_example")
    direct = Fernet(base64.urlsafe_b64encode(hashlib.sha256(key.encode()).digest()))
    with pytest.raises(InvalidToken):
        direct.decrypt(sealed[3:].encode())
    assert sealing.reveal(sealed) == "whsec_example"
    assert sealing.reveal("whsec_plain") == "whsec_plain"  # a row the migration did not reach


async def test_the_migration_seals_plain_secrets(world: World):
    with receiver() as hook:
        _, secret = await endpoint(world, hook.url, "CUSTOMER_CREATED")
        # As the table was before sealing existed.
        await WebhookEndpoint.filter(workspace_id=world.workspace.id).update(secret=secret)
        assert await stored_secret(world) == secret
        step = next(m.seal_plain_secrets for m in (
            importlib.import_module(f"crm.migrations.{info.name}")
            for info in pkgutil.iter_modules(crm.migrations.__path__))
            if hasattr(m, "seal_plain_secrets"))

        class Editor:
            client = connections.get("default")
        await step(None, Editor())
        stored = await stored_secret(world)
        assert stored.startswith("v1:") and secret not in stored
        await step(None, Editor())  # sealed values are left alone
        assert await stored_secret(world) == stored
        await f.customer(world, "rep1")
        await deliver_all()
        [got] = hook.received
        assert verify(secret, got.headers["crm-signature"], got.body)


# --- 2. addresses: checked once, connected to as checked ----------------------------------

@pytest.mark.parametrize("host", ["localhost", "[::1]", "[::ffff:127.0.0.1]", "0.0.0.0",
                                  "169.254.169.254", "100.64.0.1", "10.0.0.1",
                                  "[2002:7f00:1::]", "[64:ff9b::7f00:1]", "[fe80::1]"])
async def test_private_destinations_are_refused_before_connecting(host: str):
    override_settings(get_settings().model_copy(update={"webhooks_allow_private": False}))
    with receiver() as hook:
        port = hook.url.split(":")[2].split("/")[0]
        async with relay.http_client(5) as client:
            with pytest.raises(relay.Refused):
                await client.post(f"http://{host}:{port}/hook", content=b"{}")
        assert hook.received == []


@pytest.mark.parametrize("literal", ["http://[::1]/h", "http://[::ffff:127.0.0.1]/h",
                                     "http://0.0.0.0/h", "http://169.254.169.254/h",
                                     "http://100.64.0.1/h", "http://[64:ff9b::a00:1]/h"])
def test_private_literals_are_refused_when_the_endpoint_is_saved(literal: str):
    override_settings(get_settings().model_copy(update={"webhooks_allow_private": False}))
    with pytest.raises(webhooks.ServiceError):
        webhooks.check_url(literal)


def test_public_addresses_pass():
    for text in ("93.184.216.34", "2606:4700:4700::1111", "::ffff:93.184.216.34"):
        assert relay.is_public(ipaddress.ip_address(text))


async def rebinding_name(host: str, port: int) -> list[str]:
    """A resolver for a name the system cannot resolve (`.invalid`): if anything resolved it
    again after the check, the connection would fail."""
    assert host == "hooks.rebind.invalid"
    return ["127.0.0.1"]


async def test_the_connection_goes_to_the_checked_address_with_the_original_host():
    with receiver() as hook:
        port = hook.url.split(":")[2].split("/")[0]
        transport = relay.PinnedTransport(resolve=rebinding_name, check=False)
        async with relay.http_client(5, transport) as client:
            response = await client.post(f"http://hooks.rebind.invalid:{port}/hook",
                                         content=b"{}")
        assert response.status_code == 200
        [got] = hook.received
        assert got.headers["host"] == f"hooks.rebind.invalid:{port}"
        # Checking: the same answer is refused when private addresses are not allowed.
        async with relay.http_client(5, relay.PinnedTransport(resolve=rebinding_name)) as c:
            with pytest.raises(relay.Refused):
                await c.post(f"http://hooks.rebind.invalid:{port}/hook", content=b"{}")
        assert len(hook.received) == 1


@contextmanager
def tls_receiver(tmp_path: Path, name: str) -> Iterator[tuple[int, list[str], Path]]:
    """An HTTPS server with a certificate for `name` only, recording the SNI it was sent."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(days=1))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(name)]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    names: list[str] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    context.sni_callback = lambda sock, server_name, ctx: names.append(server_name) and None

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("content-length", "0")))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1], names, cert_file
    finally:
        server.shutdown()
        server.server_close()


async def test_https_keeps_the_name_for_sni_and_certificate_checks(tmp_path: Path):
    async def resolve(host: str, port: int) -> list[str]:
        return ["127.0.0.1"]

    with tls_receiver(tmp_path, "hooks.rebind.invalid") as (port, names, cert_file):
        trusted = ssl.create_default_context(cafile=str(cert_file))
        transport = relay.PinnedTransport(resolve=resolve, check=False, verify=trusted)
        async with relay.http_client(5, transport) as client:
            response = await client.post(f"https://hooks.rebind.invalid:{port}/h", content=b"")
        assert response.status_code == 204
        assert names == ["hooks.rebind.invalid"]


# --- 3. subscriptions across processes ---------------------------------------------------

async def test_an_endpoint_change_reaches_another_process_at_once_through_redis(
        world: World, shared_redis: Any, monkeypatch: pytest.MonkeyPatch):
    override_settings(get_settings().model_copy(update={"webhooks_cache_seconds": 3600}))
    # Each write reads the generation afresh here (in production one reading serves a second).
    monkeypatch.setattr(webhooks, "GENERATION_FRESH_SECONDS", 0.0)
    other = webhooks.SubscriptionCache()  # another API process's map, loaded before
    assert await other.of(world.workspace.id) == {}
    with receiver() as hook:
        eid, _ = await endpoint(world, hook.url, "CUSTOMER_CREATED")
        seen = await other.of(world.workspace.id)
        assert list(seen) == ["customer.created"]
        off = await world.gql("admin", """mutation($i: UpdateWebhookEndpointInput!) {
          updateWebhookEndpoint(input: $i) { errors { code } } }""",
                              {"i": {"id": eid, "enabled": False}})
        assert off["data"]["updateWebhookEndpoint"]["errors"] == []
        assert await other.of(world.workspace.id) == {}

        # Redis gone: no error, and the map is as fresh as CRM_WEBHOOKS_CACHE_SECONDS allows.
        await WebhookEndpoint.filter(workspace_id=world.workspace.id).update(enabled=True)
        override_settings(get_settings().model_copy(update={
            "redis_url": "redis://127.0.0.1:1/0"}))
        assert await other.of(world.workspace.id) == {}
        # A lifetime shorter than anything takes: the next read is a timed reload.
        override_settings(get_settings().model_copy(update={"webhooks_cache_seconds": 1e-6}))
        assert list(await other.of(world.workspace.id)) == ["customer.created"]


async def test_a_burst_of_writes_asks_redis_for_the_generation_once(
        world: World, shared_redis: Any, monkeypatch: pytest.MonkeyPatch):
    asked: list[uuid.UUID] = []
    real = webhooks.shared_generation

    async def counted(workspace_id: uuid.UUID) -> bytes | None:
        asked.append(workspace_id)
        return await real(workspace_id)

    monkeypatch.setattr(webhooks, "shared_generation", counted)
    monkeypatch.setattr(webhooks, "GENERATION_FRESH_SECONDS", 3600.0)
    with receiver() as hook:
        await endpoint(world, hook.url, "CUSTOMER_CREATED")
        asked.clear()
        for i in range(5):
            await f.customer(world, "rep1", name=f"Burst {i}")
        assert asked == [world.workspace.id]
        assert await WebhookDelivery.filter(workspace_id=world.workspace.id).count() == 5


# --- 4. two relay processes on one SQLite file -------------------------------------------

SETUP = """
import asyncio, sys, uuid
from crm.core.db import init_db, close_db
from crm.core.records import utcnow
from crm.auth.service import create_workspace
from crm.webhooks.models import WebhookDelivery, WebhookEndpoint
from crm.webhooks.secrets import seal

async def main():
    await init_db()
    ws = await create_workspace("Relay Co", "relay", {})
    e = await WebhookEndpoint.create(workspace_id=ws.id, url=sys.argv[1],
                                     event_types=["customer.created"], secret=seal("whsec_x"))
    now = utcnow()
    await WebhookDelivery.bulk_create([WebhookDelivery(
        workspace_id=ws.id, endpoint_id=e.id, event_id=uuid.uuid4(),
        event_type="customer.created", next_attempt_at=now) for _ in range(int(sys.argv[2]))])
    await close_db()

asyncio.run(main())
"""

RELAY = """
import asyncio, pathlib, sys, time
from crm.core.db import init_db, close_db
from crm.webhooks.relay import deliver_due

async def main():
    await init_db()
    go = pathlib.Path(sys.argv[1])
    pathlib.Path(sys.argv[2]).touch()
    while not go.exists():
        time.sleep(0.01)
    while await deliver_due(limit=2):
        pass
    await close_db()

asyncio.run(main())
"""


async def test_two_relay_processes_on_one_sqlite_file_send_each_delivery_once(tmp_path: Path):
    count = 40
    url = await asyncio.to_thread(fresh_sqlite, tmp_path / "relay.sqlite3")
    env = clean_environment(DATABASE_URL=url,
                            CRM_WEBHOOKS_ALLOW_PRIVATE="true", CRM_LOG_FORMAT="text")
    with receiver() as hook:
        for cmd in ([str(BIN / "crm"), "migrate"],
                    [sys.executable, "-c", SETUP, hook.url, str(count)]):
            done = await asyncio.to_thread(subprocess.run, cmd, env=env, cwd=ROOT,
                                           capture_output=True, text=True, timeout=120)
            assert done.returncode == 0, done.stderr
        go = tmp_path / "go"
        # Popen only starts them; they are waited for in threads below.
        relays = [subprocess.Popen([sys.executable, "-c", RELAY, str(go),  # noqa: ASYNC220
                                    str(tmp_path / f"ready{i}")], env=env, cwd=ROOT,
                                   stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
                  for i in range(2)]
        try:
            while not all((tmp_path / f"ready{i}").exists() for i in range(2)):
                assert all(r.poll() is None for r in relays)
                await asyncio.sleep(0.05)
            go.touch()  # both start claiming together
            outputs = [await asyncio.to_thread(r.communicate, timeout=120) for r in relays]
        finally:
            for r in relays:
                if r.poll() is None:
                    r.kill()
        assert [r.returncode for r in relays] == [0, 0], outputs
        ids = [r.headers["crm-event-id"] for r in hook.received]
        assert len(ids) == len(set(ids)) == count
