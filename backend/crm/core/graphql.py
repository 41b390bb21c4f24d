"""The GraphQL side of the core: request context, the Node interface, and the one mechanism
that applies the field policy to every field of the built schema."""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import strawberry
from graphql import GraphQLObjectType, GraphQLSchema, default_field_resolver
from strawberry.types import Info

from crm.core.errors import Forbidden, Unauthenticated
from crm.core.ids import to_global_id
from crm.core.loaders import Loaders
from crm.core.policy import NOT_SENSITIVE, SENSITIVE, Access, Actor, PolicyTable, mask_value


@dataclass
class Context:
    request: Any
    response: Any
    actor: Actor | None
    request_id: str
    loaders: Loaders = field(default_factory=Loaders)
    auth_error: str | None = None

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise Unauthenticated(self.auth_error) if self.auth_error else Unauthenticated()
        return self.actor


def actor_of(info: Info) -> Actor:
    ctx: Context = info.context
    return ctx.require_actor()


def loaders_of(info: Info) -> Loaders:
    ctx: Context = info.context
    return ctx.loaders


@strawberry.interface(name="Node", description="An object with a global id (Relay).")
class Node:
    @strawberry.field(description="The global id: pass it to `node(id:)`.")
    def id(self, root: Any, info: Info) -> strawberry.ID:
        return strawberry.ID(to_global_id(info._raw_info.parent_type.name, root.id))


@dataclass(frozen=True)
class NodeSpec:
    type_name: str
    graphql_type: type
    model: type
    # Loads the rows of the given ids that the actor may read, as {id: row}.
    fetch: Callable[[Actor, list[uuid.UUID]], Awaitable[dict[uuid.UUID, Any]]]


NODE_TYPES: dict[str, NodeSpec] = {}


def node_type(model: type, fetch: Callable[[Actor, list[uuid.UUID]], Awaitable[dict[uuid.UUID, Any]]]
              ) -> Callable[[type], type]:
    """Register a Strawberry type as a Node resolvable from `node(id:)`, backed by `model`."""

    def register(cls: type) -> type:
        name = cls.__strawberry_definition__.name  # type: ignore[attr-defined]

        def is_type_of(obj: Any, _info: Any) -> bool:
            return isinstance(obj, (cls, model))

        cls.is_type_of = staticmethod(is_type_of)  # type: ignore[attr-defined]
        cls.__strawberry_definition__.is_type_of = is_type_of  # type: ignore[attr-defined]
        NODE_TYPES[name] = NodeSpec(name, cls, model, fetch)
        return cls

    return register


def register_model_type(cls: type, model: type) -> type:
    """Let a non-Node Strawberry type be backed by a Tortoise model (for interfaces/unions)."""

    def is_type_of(obj: Any, _info: Any) -> bool:
        return isinstance(obj, (cls, model))

    cls.__strawberry_definition__.is_type_of = is_type_of  # type: ignore[attr-defined]
    return cls


def require_visible(info: Info, type_name: str, row: Any) -> Any:
    """A related row reached through a field: returned only if the actor's row scope admits it."""
    if row is None:
        return None
    if not actor_of(info).can_read_row(type_name, row):
        raise Forbidden(f"You may not see this {type_name}")
    return row


# --- applying the field policy to the built schema ----------------------------------------------

class PolicyBuildError(RuntimeError):
    """A sensitive-looking field has no rule: the schema refuses to build rather than leak."""


def _policed(
    resolve: Callable[..., Any], type_name: str, field_name: str, mask_kind: str
) -> Callable[..., Any]:
    def resolver(source: Any, info: Any, **kwargs: Any) -> Any:
        ctx: Context = info.context
        actor = ctx.require_actor()
        access = actor.field_access_for(type_name, field_name, source)
        if access is Access.NONE:
            raise Forbidden(f"You may not see {type_name}.{field_name}")
        result = resolve(source, info, **kwargs)
        if access is not Access.MASKED:
            return result
        if inspect.isawaitable(result):
            return _mask_later(result, mask_kind)
        return mask_value(result, mask_kind)

    return resolver


async def _mask_later(result: Awaitable[Any], kind: str) -> Any:
    return mask_value(await result, kind)


def apply_policy(schema: GraphQLSchema, table: PolicyTable) -> dict[str, list[str]]:
    """Wrap every restricted field of every object type; return the fields of each type.

    Fields that no role restricts keep their resolver untouched, so they cost nothing.
    """
    fields_by_type: dict[str, list[str]] = {}
    missing: list[str] = []
    for type_name, gtype in schema.type_map.items():
        if not isinstance(gtype, GraphQLObjectType) or type_name.startswith("__"):
            continue
        fields_by_type[type_name] = list(gtype.fields)
        for field_name, gfield in gtype.fields.items():
            key = f"{type_name}.{field_name}"
            rule = table.fields.get(key)
            if rule is None:
                if (
                    SENSITIVE.search(field_name)
                    and key not in NOT_SENSITIVE
                    and type_name not in ("Query", "Mutation", "Subscription")
                    and not type_name.endswith(("Payload", "Connection", "Edge"))
                ):
                    missing.append(key)
                continue
            gfield.resolve = _policed(gfield.resolve or default_field_resolver, type_name,
                                      field_name, rule.mask)
    if missing:
        raise PolicyBuildError(
            "These fields look sensitive but no policy.py names them (add a FieldRule, or list "
            "them in NOT_SENSITIVE if they are not): " + ", ".join(sorted(missing))
        )
    unknown = [k for k in table.fields if k.split(".")[0] in fields_by_type
               and k.split(".")[1] not in fields_by_type[k.split(".")[0]]]
    if unknown:
        raise PolicyBuildError("Policy names fields the schema does not have: " + ", ".join(unknown))
    return fields_by_type
