"""The `changes` query: what a mobile app syncs from."""

from __future__ import annotations

from typing import Annotated

import strawberry
from strawberry.types import Info

from crm.core.cost import register_cost_hint
from crm.core.graphql import actor_of
from crm.core.ids import to_global_id
from crm.sync import service
from crm.sync.types import ChangeFeed, ChangeType, Removal, RemovalReason


@strawberry.type
class SyncQuery:
    @strawberry.field(description=(
        "What changed since `since` among the records you may read: created and updated "
        "records as they are now, and removals (deleted, or out of your reach now), with the "
        "cursor to send next time. Start with `since: null`; while `hasMore`, ask again at once."))
    async def changes(
        self, info: Info,
        since: Annotated[str | None, strawberry.argument(
            description="The `cursor` of your last page; null for everything from the start "
            "of the audit trail.")] = None,
        types: Annotated[list[ChangeType] | None, strawberry.argument(
            description="Only these kinds of record (default: every kind).")] = None,
        first: Annotated[int | None, strawberry.argument(
            description="Most records in the page (1 to 500; default 100).")] = None,
    ) -> ChangeFeed:
        page = await service.changes(actor_of(info), since,
                                     [str(t.value) for t in types] if types else None, first)
        return ChangeFeed(
            nodes=page.records,
            removals=[Removal(type=ChangeType(r.type_name),
                              id=strawberry.ID(to_global_id(r.type_name, r.id)),
                              reason=RemovalReason(r.reason.value)) for r in page.removals],
            cursor=page.cursor, has_more=page.has_more)


# `changes(first:)` already multiplies what is under it: its lists hold one page, not ten.
register_cost_hint("ChangeFeed", "nodes", size=1)
register_cost_hint("ChangeFeed", "removals", size=1, weight=0)

Query = SyncQuery
