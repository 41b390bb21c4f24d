"""Builds the one schema from the modules' api.py and applies the field policy to it."""

from __future__ import annotations

import datetime
import decimal
import uuid
from typing import Annotated, Any

import strawberry
from strawberry.extensions import (
    AddValidationRules,
    DisableIntrospection,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    ParserCache,
    QueryDepthLimiter,
    ValidationCache,
)
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import Info

from crm.core import tracing
from crm.core.compiled import CompiledReads
from crm.core.cost import register_cost_hint, unknown_hints
from crm.core.errors import BadInput
from crm.core.extensions import MaskServerErrors
from crm.core.graphql import (
    NODE_TYPES,
    Node,
    actor_of,
    apply_policy,
    describe_mutation_inputs,
    model_of,
)
from crm.core.ids import parse_global_id
from crm.core.limits import FragmentFanOut, InputBounds, RequestLimits, input_bounds_rule
from crm.core.live import SocketOperations
from crm.core.models import WorkspaceScoped
from crm.core.money import DecimalScalar
from crm.core.policy import load_policy
from crm.core.relations import BoundSchema, bind_relations
from crm.core.replicas import ReplicaReads
from crm.core.scalars import DateScalar, DateTimeScalar, TextInputLimits
from crm.core.scoping import parent_rule_problems
from crm.modules import model_modules, submodules
from crm.settings import Settings, get_settings


async def _resolve_nodes(info: Info, ids: list[strawberry.ID]) -> list[Any]:
    """Nodes by global id, through each type's row scope: what the actor cannot read is null."""
    actor = actor_of(info)
    parsed = [parse_global_id(str(i)) for i in ids]
    by_type: dict[str, list[uuid.UUID]] = {}
    for type_name, pk in parsed:
        by_type.setdefault(type_name, []).append(pk)
    found: dict[tuple[str, uuid.UUID], Any] = {}
    for type_name, pks in by_type.items():
        spec = NODE_TYPES.get(type_name)
        if spec is None:
            continue
        for pk, row in (await spec.fetch(actor, pks)).items():
            found[(type_name, pk)] = row
    return [found.get(key) for key in parsed]


@strawberry.type
class NodeQuery:
    @strawberry.field(description="Any object by its global id, if you may read it.")
    async def node(self, info: Info, id: Annotated[strawberry.ID, strawberry.argument(
            description="The global id, as any object's `id` gives it.")]) -> Node | None:
        return (await _resolve_nodes(info, [id]))[0]

    @strawberry.field(description="Objects by global ids, in order; null where you may not read.")
    async def nodes(self, info: Info, ids: Annotated[list[strawberry.ID], strawberry.argument(
            description="Global ids, at most 100.")]) -> list[Node | None]:
        if len(ids) > get_settings().max_page_size:
            raise BadInput(f"At most {get_settings().max_page_size} ids", "ids")
        return await _resolve_nodes(info, ids)


register_cost_hint("Query", "nodes", size_arg="ids")

_APIS = submodules("api")
_COST_HINTS = submodules("cost")  # each module's register_cost_hint calls run on import
Query = merge_types("Query", (NodeQuery, *(m.Query for m in _APIS if hasattr(m, "Query"))))
Mutation = merge_types("Mutation", tuple(m.Mutation for m in _APIS if hasattr(m, "Mutation")))
Subscription = merge_types("Subscription", tuple(m.Subscription for m in _APIS
                                                  if hasattr(m, "Subscription")))
Subscription.__strawberry_definition__.description = (  # type: ignore[attr-defined]
    "Live changes over graphql-transport-ws (the token goes in connection_init's payload as "
    "`authorization`): each pushes records as the matching query would return them, and "
    "nothing you could not query.")
Query.__strawberry_definition__.description = (  # type: ignore[attr-defined]
    "Everything you may read, each list limited to your row scope.")
Mutation.__strawberry_definition__.description = (  # type: ignore[attr-defined]
    "Every change. Business errors come back in the payload's `errors`; a mutation with "
    "errors changed nothing.")


class CRMSchema(strawberry.Schema):
    def process_errors(self, errors: list[Any], execution_context: Any = None) -> None:
        """Strawberry would log every error with its traceback; MaskServerErrors already logs the
        server's own errors once, with the request id, and client errors are not ours to log."""


def validation_rules(settings: Settings) -> list[Any]:
    """The rule classes of the depth, alias and input limits, built once: the validation
    cache keys on the rules tuple, so rules built per request would never hit it."""
    return [
        *QueryDepthLimiter(max_depth=settings.max_depth).validation_rules,
        *MaxAliasesLimiter(max_alias_count=settings.max_aliases).validation_rules,
        input_bounds_rule(InputBounds.of(settings)),
    ]


def build_schema(settings: Settings | None = None) -> strawberry.Schema:
    settings = settings or get_settings()
    rules = validation_rules(settings)
    # Production shows neither the schema nor "Did you mean ...?" to strangers: both map the
    # API for an attacker. A setting turns introspection back on where clients need it.
    production_guards = [] if settings.introspection else [DisableIntrospection]
    schema = CRMSchema(
        query=Query,
        mutation=Mutation,
        subscription=Subscription,
        types=[spec.graphql_type for spec in NODE_TYPES.values()],
        config=StrawberryConfig(
            scalar_map={decimal.Decimal: DecimalScalar, datetime.datetime: DateTimeScalar,
                        datetime.date: DateScalar},
            disable_field_suggestions=settings.is_production),
        extensions=[
            *production_guards,
            SocketOperations,
            TextInputLimits,
            lambda: AddValidationRules(rules),
            lambda: MaxTokensLimiter(max_token_count=settings.max_tokens),
            lambda: ParserCache(maxsize=256),
            FragmentFanOut,
            lambda: ValidationCache(maxsize=256),
            RequestLimits,
            MaskServerErrors,
            *tracing.graphql_extensions(settings),
            ReplicaReads,
            CompiledReads,
        ],
    )
    table = load_policy()
    global BOUND
    BOUND = bind_relations(_object_classes(schema), model_of, table)
    for rel in BOUND.relations:
        if rel.kind in ("many", "through"):
            # A plain list's expected length, from its declaration, weighs its subtree.
            register_cost_hint(rel.owner_type, rel.field_name, size=rel.size)
    if problems := parent_rule_problems(model_of_all(), table):
        raise RuntimeError("Row rules that say what their rows do not do: " + "; ".join(problems))
    if missing := unknown_hints(schema._schema):
        raise RuntimeError("Cost hints name fields the schema does not have: " + ", ".join(missing))
    table.schema_fields = apply_policy(schema._schema, table)
    describe_mutation_inputs(schema._schema)
    return schema


def model_of_all() -> list[type[WorkspaceScoped]]:
    """Every model class of every module that keeps rows of a workspace."""
    import importlib
    out: list[type[WorkspaceScoped]] = []
    for name in model_modules():
        module = importlib.import_module(name)
        out += [v for v in vars(module).values() if isinstance(v, type)
                and issubclass(v, WorkspaceScoped) and not v._meta.abstract]
    return list(dict.fromkeys(out))


def _object_classes(schema: strawberry.Schema) -> list[type]:
    """The Python classes of the schema's object types (generics included, as specialised)."""
    from strawberry.types.base import StrawberryObjectDefinition
    out = []
    for concrete in schema.schema_converter.type_map.values():
        definition = concrete.definition
        if isinstance(definition, StrawberryObjectDefinition) and not definition.is_input \
                and not definition.is_interface:
            out.append(definition.origin)
    return out


# What binding found when the schema was built: every relation (for tests and the compiler).
BOUND: BoundSchema | None = None


_schema: strawberry.Schema | None = None


def get_schema() -> strawberry.Schema:
    global _schema
    if _schema is None:
        _schema = build_schema()
    return _schema


def export_sdl() -> str:
    return get_schema().as_str().rstrip() + "\n"
