"""The outbox survives the process: a real API process commits a write and is killed (-9)
before its relay sends anything; a new process started on the same database delivers the
event, with the event id the write recorded."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest

from tests.platform.databases import fresh_database
from tests.platform.servers import BIN, ROOT, clean_environment, free_port, wait_for
from tests.webhooks.receiver import receiver, verify

SETUP = """
import asyncio
from crm.core.db import init_db, close_db
from crm.auth.service import create_workspace
from crm.auth.models import User
from crm.auth.passwords import hash_password

async def main():
    await init_db()
    ws = await create_workspace("Crash Co", "crash", {})
    await User.create(workspace_id=ws.id, email="admin@crash.test", name="Admin", role="admin",
                      password_hash=hash_password("crash-pass-123"))
    await close_db()

asyncio.run(main())
"""


@pytest.fixture
async def database_url(tmp_path: Path) -> AsyncIterator[str]:
    """A migrated, empty database of the run's kind, for the API processes of one test."""
    async with fresh_database(tmp_path, "crm_crash") as url:
        yield url


def start(env: dict[str, str], log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    with log.open("ab") as out:
        proc = subprocess.Popen([str(BIN / "crm"), "serve", "--port", str(port)], env=env,
                                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    return proc, f"http://127.0.0.1:{port}"


async def gql(base: str, token: str | None, query: str, variables: dict | None = None) -> dict:
    headers = {"authorization": f"Bearer {token}"} if token else {}
    async with httpx.AsyncClient(timeout=30) as c:
        resp = await c.post(f"{base}/graphql", json={"query": query, "variables": variables or {}},
                            headers=headers)
    body = resp.json()
    assert not body.get("errors"), body
    return body["data"]


async def test_a_process_killed_after_commit_still_delivers_after_restart(
        database_url: str, tmp_path: Path):
    env = clean_environment(DATABASE_URL=database_url, CRM_WEBHOOKS_ALLOW_PRIVATE="true",
                            CRM_STATIC_DIR=str(tmp_path / "no-spa"), CRM_LOG_FORMAT="text",
                            CRM_WEBHOOKS_POLL_SECONDS="0.2")
    for args in (["crm", "migrate"], [sys.executable, "-c", SETUP]):
        cmd = [str(BIN / "crm"), "migrate"] if args[0] == "crm" else args
        done = await asyncio.to_thread(subprocess.run, cmd, env=env, cwd=ROOT,
                                       capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    log = tmp_path / "serve.log"
    with receiver() as hook:
        # First process: its relay is off, so the event can only sit in the outbox.
        first, base = start({**env, "CRM_WEBHOOKS_RELAY": "false"}, log)
        try:
            await wait_for(f"{base}/livez", 200)
            token = (await gql(base, None, """mutation { login(input: {email: "admin@crash.test",
                password: "crash-pass-123"}) { accessToken } }"""))["login"]["accessToken"]
            made = await gql(base, token, """mutation($i: CreateWebhookEndpointInput!) {
              createWebhookEndpoint(input: $i) { endpoint { id } secret } }""",
                             {"i": {"url": hook.url, "eventTypes": ["CUSTOMER_CREATED"]}})
            endpoint = made["createWebhookEndpoint"]["endpoint"]["id"]
            secret = made["createWebhookEndpoint"]["secret"]
            await gql(base, token, """mutation { createCustomer(input: {name: "Survivor"}) {
              customer { id } } }""")
        finally:
            os.kill(first.pid, signal.SIGKILL)
            await asyncio.to_thread(first.wait, 15)
        assert first.returncode == -signal.SIGKILL
        assert hook.received == []

        second, base = start(env, log)
        try:
            await wait_for(f"{base}/livez", 200)
            deadline = time.monotonic() + 60
            while not hook.received:
                assert time.monotonic() < deadline, log.read_text()[-3000:]
                await asyncio.sleep(0.2)
            await asyncio.sleep(1)  # a second send would land now
            log_rows = (await gql(base, token, """query($e: ID!) { webhookDeliveries(
              endpoint: $e) { eventId status attempts } }""", {"e": endpoint})
                        )["webhookDeliveries"]
        finally:
            second.terminate()
            await asyncio.to_thread(second.wait, 15)
    [got] = hook.received
    assert verify(secret, got.headers["crm-signature"], got.body)
    assert got.json["type"] == "customer.created"
    assert got.json["data"]["name"] == "Survivor"
    assert log_rows == [{"eventId": got.headers["crm-event-id"], "status": "SUCCEEDED",
                         "attempts": 1}]
