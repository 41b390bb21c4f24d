"""The GraphQL side of the core: request context, the Node interface, and the one mechanism
that applies the field policy to every field of the built schema."""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import strawberry
from graphql import GraphQLObjectType, GraphQLSchema, default_field_resolver, get_named_type
from strawberry.types import Info

from crm.core.errors import Forbidden, Unauthenticated
from crm.core.ids import to_global_id
from crm.core.loaders import Loaders
from crm.core.policy import (
    NOT_SENSITIVE,
    SENSITIVE,
    Access,
    Actor,
    PolicyTable,
    describe_field_rule,
    describe_object_rule,
    mask_value,
)


@dataclass
class Context:
    request: Any
    response: Any
    actor: Actor | None
    request_id: str
    auth_error: str | None = None
    # A subscription socket: its init payload, and how each push reads the token again.
    socket: bool = False
    connection_params: dict[str, Any] | None = None
    reauthenticate: Callable[[], Awaitable[Actor]] | None = None
    token_watch: Any = None
    # Whom the socket counts against (CRM_MAX_SOCKETS_PER_CALLER), and whether it was one too
    # many.
    socket_caller: str | None = None
    over_limit: bool = False
    loaders: Loaders = field(init=False)

    def __post_init__(self) -> None:
        self.loaders = Loaders(self.require_actor)

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
# Every Strawberry type backed by a Tortoise model (Nodes and the rest), for the relations.
MODEL_TYPES: dict[type, type] = {}

Fetch = Callable[[Actor, list[uuid.UUID]], Awaitable[dict[uuid.UUID, Any]]]


def model_type(model: type) -> Callable[[type], type]:
    """Back a Strawberry type with a Tortoise model: its rows resolve as that type (interfaces,
    unions) and relations to it load that model."""

    def register(cls: type) -> type:
        def is_type_of(obj: Any, _info: Any) -> bool:
            return isinstance(obj, (cls, model))

        cls.is_type_of = staticmethod(is_type_of)  # type: ignore[attr-defined]
        cls.__strawberry_definition__.is_type_of = is_type_of  # type: ignore[attr-defined]
        MODEL_TYPES[cls] = model
        return cls

    return register


def _readable_fetch(model: type) -> Fetch:
    async def fetch(actor: Actor, ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
        from crm.core.scoping import readable
        rows: list[Any] = await readable(model, actor).filter(id__in=ids)
        return {r.id: r for r in rows}
    return fetch


def node_type(model: type, fetch: Fetch | None = None) -> Callable[[type], type]:
    """Register a Strawberry type as a Node resolvable from `node(id:)`, backed by `model`;
    by default `node(id:)` returns the rows the actor's row scope reads."""

    def register(cls: type) -> type:
        model_type(model)(cls)
        name = cls.__strawberry_definition__.name  # type: ignore[attr-defined]
        NODE_TYPES[name] = NodeSpec(name, cls, model, fetch or _readable_fetch(model))
        return cls

    return register


def model_of(cls: Any) -> Any:
    return MODEL_TYPES.get(cls)


def extend(base: type) -> Callable[[type], type]:
    """Add the fields of the decorated class to `base`, a type of a lower module: how a module
    hangs its relations on the types below it (orders adds `Customer.orders`) without the lower
    module knowing it."""

    def add(cls: type) -> type:
        mixin = strawberry.type(cls)
        definition = base.__strawberry_definition__  # type: ignore[attr-defined]
        taken = {f.python_name for f in definition.fields}
        for f in mixin.__strawberry_definition__.fields:  # type: ignore[attr-defined]
            if f.python_name in taken:
                raise ValueError(f"{definition.name}.{f.python_name} is declared twice")
            definition.fields.append(f)
        return mixin

    return add


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


def _with_rule(description: str | None, rule: str) -> str:
    return f"{description}\n\n{rule}" if description else rule


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
            gfield.description = _with_rule(gfield.description, describe_field_rule(
                rule, table.objects.get(type_name)))
        obj_rule = table.objects.get(type_name)
        if obj_rule is not None and "Rows readable by role" not in (gtype.description or ""):
            gtype.description = _with_rule(gtype.description, describe_object_rule(obj_rule))
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


def describe_mutation_inputs(schema: GraphQLSchema) -> None:
    """A mutation's one `input` argument is described by its input type, once, there: the
    argument repeats that text rather than each mutation restating it by hand."""
    if schema.mutation_type is None:
        return
    for mutation in schema.mutation_type.fields.values():
        argument = mutation.args.get("input")
        if argument is not None and not argument.description:
            argument.description = get_named_type(argument.type).description
