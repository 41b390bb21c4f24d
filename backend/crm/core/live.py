"""What every subscription field shares: waiting for change notices of the subscriber's
workspace, with the subscriber's access read again before each push.

A subscription field picks the notices it cares about and reloads the record each one names
through the same scoped read its query uses, so row scope and field policy apply to a push
exactly as to a query (the field policy wraps the pushed type's fields as it wraps them
everywhere). What the subscriber may not read is never pushed.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from typing import Any

from graphql import ExecutionResult
from strawberry.extensions import SchemaExtension
from strawberry.types import Info
from strawberry.types.graphql import OperationType

from crm.core import bus
from crm.core.errors import ClientError, ErrorCode
from crm.core.graphql import Context
from crm.core.loaders import Loaders
from crm.core.policy import Actor


class SocketOperations(SchemaExtension):
    """Over the socket only subscriptions run, and only over the socket. Queries and mutations
    go over HTTP, where rate limits, persisted documents and the after-commit change notices
    apply."""

    def on_execute(self) -> Any:
        ctx = self.execution_context
        over_socket = getattr(ctx.context, "socket", False)
        if ctx.operation_type is OperationType.SUBSCRIPTION and not over_socket:
            # Strawberry would run one over HTTP (multipart); ours wait for committed notices,
            # which only the socket's long-lived operation receives. Raised: a subscription
            # starts whatever result is set here.
            raise ClientError("Subscriptions run over the socket: graphql-transport-ws at "
                              "/graphql", ErrorCode.INVALID)
        if over_socket and ctx.operation_type is not OperationType.SUBSCRIPTION:
            ctx.result = ExecutionResult(data=None, errors=[ClientError(
                "Send queries and mutations over HTTP; the socket carries subscriptions",
                ErrorCode.INVALID)])
        yield


async def notices(info: Info, wanted: Callable[[bus.Notice], bool]
                  ) -> AsyncIterator[tuple[Actor, bus.Notice]]:
    """Each notice of the subscriber's workspace that `wanted` keeps, with the subscriber's
    actor as it stands now: the token is checked again (expiry, revocation, a changed role)
    before every push, and a refused one ends the socket."""
    ctx: Context = info.context
    actor = ctx.require_actor()
    async with bus.listen(actor.workspace_id) as listener:
        while True:
            try:
                notice = await listener.next()
            except bus.Overflow:
                raise ClientError("This subscription fell too far behind; subscribe again",
                                  ErrorCode.LIMIT_REACHED) from None
            if not wanted(notice):
                continue
            if ctx.reauthenticate is not None:
                actor = await ctx.reauthenticate()
            # The context lives as long as the socket: each push reads through loaders of
            # its own, never through what an earlier push cached.
            ctx.loaders = Loaders(ctx.require_actor)
            yield actor, notice
