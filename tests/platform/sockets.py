"""A graphql-transport-ws client over a real socket (the `websockets` package), and the app
served by a real uvicorn in the test's own event loop, for the subscription tests."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import orjson
import uvicorn
from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

from tests.platform.servers import free_port

PROTOCOL = Subprotocol("graphql-transport-ws")
# A safety net only: a push that never comes fails the test instead of hanging it. No test
# asserts how long anything takes.
PATIENCE = 20.0


@asynccontextmanager
async def serving(app: Any) -> AsyncIterator[str]:
    """The app on a real port of this event loop (so it shares the test's database
    connections); yields the ws:// URL of /graphql."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, lifespan="off",
                                           log_config=None, access_log=False))
    task = asyncio.create_task(server.serve())
    while not server.started:
        assert not task.done(), "the test server did not start"
        await asyncio.sleep(0.02)
    try:
        yield f"ws://127.0.0.1:{port}/graphql"
    finally:
        server.should_exit = True
        await task


class Socket:
    def __init__(self, ws: ClientConnection) -> None:
        self.ws = ws
        self.ids = itertools.count(1)

    async def send(self, message: dict[str, Any]) -> None:
        await self.ws.send(orjson.dumps(message).decode())

    async def receive(self) -> dict[str, Any]:
        """The next message that is not a ping."""
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), PATIENCE)
            message: dict[str, Any] = orjson.loads(raw)
            if message.get("type") == "ping":
                await self.send({"type": "pong"})
                continue
            return message

    async def init(self, token: str | None) -> dict[str, Any]:
        await self.send({"type": "connection_init",
                         "payload": {"authorization": f"Bearer {token}"} if token else {}})
        return await self.receive()

    async def subscribe(self, query: str, variables: dict[str, Any] | None = None) -> str:
        op = str(next(self.ids))
        await self.send({"id": op, "type": "subscribe",
                         "payload": {"query": query, "variables": variables or {}}})
        return op

    async def next_of(self, op: str) -> dict[str, Any]:
        """The payload of the next `next` message of an operation (errors fail the test)."""
        message = await self.receive()
        assert message.get("id") == op and message["type"] == "next", message
        assert not message["payload"].get("errors"), message["payload"]["errors"]
        return message["payload"]["data"]  # type: ignore[no-any-return]

    async def closed_with(self) -> int:
        """The close code the server ended the socket with."""
        try:
            while True:
                await asyncio.wait_for(self.ws.recv(), PATIENCE)
        except ConnectionClosed as exc:
            assert exc.rcvd is not None, "the server did not send a close frame"
            return exc.rcvd.code
        raise AssertionError("unreachable")


def listeners_of(workspace_id: Any) -> int:
    """How many subscriptions of the workspace the server (on this event loop) listens for."""
    from crm.core import bus
    return sum(1 for listener in bus._listeners if listener.workspace_id == workspace_id)


async def until_listening(workspace_id: Any, before: int) -> None:
    """Wait until the server listens for one more subscription of the workspace than `before`:
    a subscription reads the database before it listens, and a write the test makes in that
    window is, rightly, not pushed (on a busy machine the window is long)."""
    deadline = asyncio.get_running_loop().time() + PATIENCE
    while listeners_of(workspace_id) <= before:
        assert asyncio.get_running_loop().time() < deadline, "the subscription never listened"
        await asyncio.sleep(0.01)


@asynccontextmanager
async def socket(url: str, token: str | None = None, *, protocol: Subprotocol = PROTOCOL,
                 init: bool = True) -> AsyncIterator[Socket]:
    """A socket to /graphql, acknowledged for `token` unless `init` is False."""
    async with connect(url, subprotocols=[protocol], open_timeout=PATIENCE,
                       max_size=None) as ws:
        s = Socket(ws)
        if init:
            ack = await s.init(token)
            assert ack["type"] == "connection_ack", ack
        yield s
