"""What every module's GraphQL layer does the same way with inputs: read the fields a client
sent, take one id, and soft-delete or restore a record through its service."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import strawberry
from strawberry.types import Info

from crm.core.graphql import actor_of
from crm.core.ids import decode_id
from crm.core.payloads import respond
from crm.core.policy import Actor


def given(input_obj: Any, names: list[str]) -> dict[str, Any]:
    """The fields the client sent (UNSET = not sent; null = clear it)."""
    out = {}
    for n in names:
        v = getattr(input_obj, n, strawberry.UNSET)
        if v is not strawberry.UNSET:
            out[n] = v
    return out


@strawberry.input(description="One object, by its global id.")
class IdInput:
    id: strawberry.ID = strawberry.field(description="The object's global id.")


Action = Callable[[Actor, uuid.UUID], Awaitable[Any]]


def id_mutation(action: Action, type_name: str, payload: type, field: str, *,
                description: str) -> Any:
    """A mutation taking `IdInput` that calls one service action on that record and returns
    its payload (`deleteTag`, `restoreTag`, ...)."""

    async def resolve(info: Info, input: IdInput) -> Any:
        return await respond(payload, field, action(actor_of(info), decode_id(input.id, type_name)))

    resolve.__annotations__ = {"info": Info, "input": IdInput, "return": payload}
    return strawberry.mutation(resolver=resolve, description=description)


def delete_and_restore(type_name: str, payload: type, field: str, delete: Action,
                       restore: Action) -> tuple[Any, Any]:
    """The soft delete and the restore of one type: deleted rows vanish from lists, `node`,
    counts and search until restored."""
    return (
        id_mutation(delete, type_name, payload, field,
                    description=f"Soft-delete a {type_name} (restore brings it back)."),
        id_mutation(restore, type_name, payload, field,
                    description=f"Bring back a deleted {type_name}."),
    )
