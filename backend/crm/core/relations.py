"""Relations as declarations: declared once on a type, loaded by generated per-request
loaders, and held to the target's row scope by this one mechanism.

    @strawberry.type
    class Opportunity(Node):
        customer: Customer | None = to_one("customer_id")
        stage_history: Connection[StageChange] = connection("opportunity_id", sort=[...])

    @extend(Customer)                       # a higher module adds to a lower module's type
    class CustomerOrders:
        orders: Connection[Order] = connection("customer_id", sort=[SortKey("created_at", True)])

The field is a `RelationField`, Strawberry's own `StrawberryField` with a resolver that asks a
loader generated from the declaration (model, key column, conditions, order). The target model
comes from the field's type when the schema is built (`bind_relations`), which also refuses a
schema where a field returns rows of a policed type without being a declared relation (or
saying which service scoped them): no type places a row check by hand.

What the row scope does on each kind:
- to-one: the target is loaded with its scope as a CASE; outside it the field is null with one
  FORBIDDEN error; a deleted or missing target is null without error.
- to-many, many-to-many, connections: only rows inside the target's scope are returned.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from strawberry.annotation import StrawberryAnnotation
from strawberry.types.arguments import StrawberryArgument
from strawberry.types.base import StrawberryList, StrawberryOptional, has_object_definition
from strawberry.types.field import StrawberryField
from strawberry.types.lazy_type import LazyType
from tortoise.expressions import Case, Q, RawSQL, When
from tortoise.models import Model

from crm.core.connections import (
    Connection,
    SortKey,
    page_arguments,
    page_of_many,
    page_size,
)
from crm.core.errors import Forbidden
from crm.core.models import WorkspaceScoped
from crm.core.policy import Actor, PolicyTable, RowScope
from crm.core.scoping import NOTHING, readable, row_scope_condition, type_name_of


@dataclass(frozen=True)
class Arg:
    """An argument of a relation field that narrows it (e.g. `openOnly`)."""

    name: str
    type: Any
    default: Any
    description: str
    condition: Callable[[Any], Q | None]


@dataclass(eq=False)
class Relation:
    """The declaration: what to load, by which column, in which order. Bound at schema build."""

    kind: str  # one | many | through | page
    key: str
    description: str
    order_by: tuple[str, ...] = ()
    sort: tuple[SortKey, ...] = ()
    args: tuple[Arg, ...] = ()
    where: Q | None = None
    through: type[Model] | None = None
    through_target: str = ""
    # Expected rows per parent of a plain list, for the query cost.
    size: int = 10
    # Set this attribute of each loaded row to the source row (audit events read their subject
    # to apply owner-based field access to the changes they show).
    with_source: str | None = None
    # Filled in by bind_relations.
    owner_type: str = ""
    field_name: str = ""
    target_type: str = ""
    target_model: type[WorkspaceScoped] | None = None
    source_model: type[WorkspaceScoped] | None = None
    nullable: bool = True

    @property
    def path(self) -> str:
        return f"{self.owner_type}.{self.field_name}"

    def condition(self, kwargs: dict[str, Any]) -> Q | None:
        parts = [self.where] if self.where is not None else []
        for arg in self.args:
            extra = arg.condition(kwargs.get(arg.name, arg.default))
            if extra is not None:
                parts.append(extra)
        return Q(*parts) if parts else None

    def variant(self, kwargs: dict[str, Any]) -> tuple[Any, ...]:
        return tuple(kwargs.get(a.name, a.default) for a in self.args)


class RelationField(StrawberryField):
    """A field whose value is loaded through its declared relation."""

    def __init__(self, *, relation: Relation | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        assert relation is not None
        self.relation = relation
        arguments = [StrawberryArgument(python_name=a.name, graphql_name=None,
                                        type_annotation=StrawberryAnnotation(a.type),
                                        default=a.default, description=a.description)
                     for a in relation.args]
        if relation.kind == "page":
            arguments += page_arguments()
        self.arguments = arguments

    def __copy__(self) -> RelationField:
        new = RelationField(relation=self.relation, python_name=self.python_name,
                            graphql_name=self.graphql_name, type_annotation=self.type_annotation,
                            origin=self.origin, description=self.description,
                            deprecation_reason=self.deprecation_reason)
        return new

    @property
    def is_basic_field(self) -> bool:
        return False

    def get_result(self, source: Any, info: Any, args: list[Any], kwargs: Any) -> Any:
        return resolve(self.relation, source, info, kwargs)




# --- declaring ----------------------------------------------------------------------------------

def to_one(key: str, *, description: str) -> Any:
    """A related row named by the source's `key` column (e.g. `customer_id`)."""
    return RelationField(relation=Relation("one", key, description), description=description)


def to_many(key: str, *, order_by: Sequence[str], description: str, args: Sequence[Arg] = (),
            where: Q | None = None, size: int = 10) -> Any:
    """The target rows whose `key` column holds the source's id, in `order_by` order."""
    rel = Relation("many", key, description, order_by=tuple(order_by), args=tuple(args),
                   where=where, size=size)
    return RelationField(relation=rel, description=description)


def many_to_many(through: type[Model], source: str, target: str, *, order_by: Sequence[str],
                 description: str, size: int = 10) -> Any:
    """Target rows linked through a join table (`source` and `target` are its columns)."""
    rel = Relation("through", source, description, order_by=tuple(order_by), through=through,
                   through_target=target, size=size)
    return RelationField(relation=rel, description=description)


def connection(key: str, *, sort: Sequence[SortKey], description: str, args: Sequence[Arg] = (),
               where: Q | None = None, with_source: str | None = None) -> Any:
    """A paged list (Relay connection) of the target rows whose `key` holds the source's id."""
    rel = Relation("page", key, description, sort=tuple(sort), args=tuple(args), where=where,
                   with_source=with_source)
    return RelationField(relation=rel, description=description)


def flag(name: str, description: str, when_true: Q) -> Arg:
    """A boolean argument that, when true, keeps only the rows matching `when_true`."""
    return Arg(name, bool, False, description, lambda v: when_true if v else None)


# --- resolving ----------------------------------------------------------------------------------

def resolve(rel: Relation, source: Any, info: Any, kwargs: dict[str, Any]) -> Any:
    loaders = info.context.loaders
    if rel.kind == "one":
        key = getattr(source, rel.key)
        if key is None:
            return None
        loader = loaders.built(rel, (), lambda actor: _one_loader(rel, actor))
        return _checked_one(rel, loader.load(key))
    if rel.kind == "page":
        return _page(rel, source, info, kwargs)
    variant = rel.variant(kwargs)
    condition = rel.condition(kwargs)
    if rel.kind == "through":
        loader = loaders.built(rel, variant, lambda actor: _through_loader(rel, actor))
    else:
        loader = loaders.built(rel, variant, lambda actor: _many_loader(rel, actor, condition))
    return loader.load(source.id)


async def _checked_one(rel: Relation, pending: Awaitable[Any]) -> Any:
    found = await pending
    if found is None:
        if not rel.nullable:
            raise LookupError(f"{rel.path} points at a missing {rel.target_type}")
        return None
    row, visible = found
    if not visible:
        raise Forbidden(f"You may not see this {rel.target_type}")
    return row


def live_rows(model: type[WorkspaceScoped], actor: Actor) -> Any:
    """The rows of the actor's workspace that are not deleted, before any row scope."""
    qs = model.filter(workspace_id=actor.workspace_id)
    if "deleted_at" in model._meta.fields_map:
        qs = qs.filter(deleted_at=None)
    return qs


def _one_loader(rel: Relation, actor: Actor) -> Callable[[list[Any]], Awaitable[list[Any]]]:
    model = rel.target_model
    assert model is not None
    condition = row_scope_condition(model, actor, include_pool=True)

    async def load(keys: list[Any]) -> list[Any]:
        if condition is NOTHING:
            # The role reads no row of the type: no statement needed to say so.
            return [(None, False) for _ in keys]
        qs = live_rows(model, actor).filter(id__in=list(set(keys)))
        if condition is None:
            rows = {r.id: (r, True) for r in await qs}
        else:
            # Literal 1/0, not parameters: PostgreSQL cannot type a bare parameter in a CASE.
            qs = qs.annotate(_in_scope=Case(When(condition, then=RawSQL("1")),  # type: ignore[arg-type]
                                            default=RawSQL("0")))  # type: ignore[arg-type]
            rows = {r.id: (r, bool(r._in_scope)) for r in await qs}
        return [rows.get(k) for k in keys]

    return load


def target_rows(rel: Relation, actor: Actor, condition: Q | None) -> Any:
    """The readable target rows, with the relation's own conditions. When the target is scoped
    by its parent and the parent is the source we came from, the source was already readable:
    the parent's subquery would only repeat that."""
    model = rel.target_model
    assert model is not None
    parent = model.scope_parent
    if parent is not None and rel.source_model is not None and parent[0] == rel.key and (
            type_name_of(rel.source_model) == parent[1]):
        own = actor.policy.objects.get(type_name_of(model))
        qs = live_rows(model, actor)
        if own is not None and actor.row_scope(type_name_of(model)) is RowScope.NONE:
            qs = qs.filter(NOTHING)
    else:
        qs = readable(model, actor)
    return qs if condition is None else qs.filter(condition)


def _many_loader(rel: Relation, actor: Actor, condition: Q | None
                 ) -> Callable[[list[Any]], Awaitable[list[list[Any]]]]:
    async def load(keys: list[uuid.UUID]) -> list[list[Any]]:
        qs = target_rows(rel, actor, condition).filter(**{f"{rel.key}__in": list(set(keys))})
        rows = await qs.order_by(*rel.order_by, "id")
        groups: dict[Any, list[Any]] = defaultdict(list)
        for r in rows:
            groups[getattr(r, rel.key)].append(r)
        return [groups.get(k, []) for k in keys]

    return load


def _through_loader(rel: Relation, actor: Actor) -> Callable[[list[Any]], Awaitable[list[list[Any]]]]:
    through = rel.through
    model = rel.target_model
    assert through is not None and model is not None

    async def load(keys: list[uuid.UUID]) -> list[list[Any]]:
        links = await through.filter(workspace_id=actor.workspace_id, **{
            f"{rel.key}__in": list(set(keys))}).values_list(rel.key, rel.through_target)
        targets = await readable(model, actor).filter(
            id__in=list({t for _, t in links})).order_by(*rel.order_by, "id")
        position = {t.id: (i, t) for i, t in enumerate(targets)}
        groups: dict[Any, list[tuple[int, Any]]] = defaultdict(list)
        for source_id, target_id in links:
            if target_id in position:
                groups[source_id].append(position[target_id])
        return [[t for _, t in sorted(groups.get(k, []), key=lambda p: p[0])] for k in keys]

    return load


def _page(rel: Relation, source: Any, info: Any, kwargs: dict[str, Any]) -> Any:
    first, last = kwargs.get("first"), kwargs.get("last")
    after, before = kwargs.get("after"), kwargs.get("before")
    page_size(first, last)  # refuse bad sizes before anything loads
    condition = rel.condition(kwargs)
    variant = (*rel.variant(kwargs), first, after, last, before)
    loaders = info.context.loaders

    def make(actor: Actor) -> Callable[[list[Any]], Awaitable[list[Connection[Any]]]]:
        async def load(keys: list[uuid.UUID]) -> list[Connection[Any]]:
            qs = target_rows(rel, actor, condition)
            counter = loaders.built(rel, ("count", *rel.variant(kwargs)),
                                    lambda _a: _count_loader(rel, qs))
            return await page_of_many(qs, rel.key, keys, list(rel.sort), first=first,
                                      after=after, last=last, before=before,
                                      count=counter.load)
        return load

    pending = loaders.built(rel, variant, make).load(source.id)
    if rel.with_source is None:
        return pending
    return _attach_source(rel.with_source, source, pending)


async def _attach_source(attr: str, source: Any, pending: Awaitable[Connection[Any]]
                         ) -> Connection[Any]:
    page = await pending
    for edge in page.edges:
        setattr(edge.node, attr, source)
    return page


def _count_loader(rel: Relation, qs: Any) -> Callable[[list[Any]], Awaitable[list[int]]]:
    from tortoise.functions import Count

    async def load(keys: list[uuid.UUID]) -> list[int]:
        rows = await qs.filter(**{f"{rel.key}__in": list(set(keys))}).annotate(
            n=Count("id")).group_by(rel.key).values_list(rel.key, "n")
        counts = dict(rows)
        return [int(counts.get(k, 0)) for k in keys]

    return load


# --- binding at schema build --------------------------------------------------------------------

class RelationBuildError(RuntimeError):
    """A relation is declared wrongly, or rows of a policed type escape the relations."""


# The metadata key of a field that returns rows of a policed type which a service has already
# scoped (its value says which service and how): the build check accepts it.
ROWS_SCOPED_BY = "crm.rows_scoped_by"


def scoped_by(reason: str) -> dict[str, str]:
    """Metadata for `strawberry.field(metadata=...)`: the rows come from a service that applies
    the row scope itself (the reason names it)."""
    return {ROWS_SCOPED_BY: reason}


def unwrap(tp: Any) -> tuple[Any, bool, bool]:
    """The object type inside a field's type, whether it is a list, whether it is nullable."""
    nullable = False
    is_list = False
    while True:
        if isinstance(tp, StrawberryOptional):
            nullable = True
            tp = tp.of_type
        elif isinstance(tp, StrawberryList):
            is_list = True
            tp = tp.of_type
        elif isinstance(tp, LazyType):
            tp = tp.resolve_type()
        else:
            return tp, is_list, nullable


def node_of_connection(tp: Any) -> Any:
    """`T` of a `Connection[T]` type, else None."""
    definition = getattr(tp, "__strawberry_definition__", None)
    if definition is None or not definition.name.endswith("Connection"):
        return None
    var_map = getattr(definition, "type_var_map", None) or {}
    for value in var_map.values():
        return unwrap(value)[0]
    return None


def has_column(model: type[Model], name: str) -> bool:
    """A column or attribute of the model, a foreign key's `<name>_id` included (before
    Tortoise is initialised, the `_id` attributes do not exist yet)."""
    fields_map = model._meta.fields_map
    if name in fields_map:
        return True
    from tortoise.fields.relational import ForeignKeyFieldInstance, OneToOneFieldInstance
    return name.endswith("_id") and isinstance(
        fields_map.get(name[:-3]), ForeignKeyFieldInstance | OneToOneFieldInstance)


@dataclass
class BoundSchema:
    """What binding found: every relation, and every field that returns policed rows."""

    relations: list[Relation] = field(default_factory=list)
    scoped_elsewhere: dict[str, str] = field(default_factory=dict)


def _holder_is_trusted(type_name: str) -> bool:
    # Root fields start from `scoped()`; payloads, results and pages carry rows a query or a
    # service produced under the actor's scope.
    return type_name in ("Query", "Mutation", "Subscription") or type_name.endswith(
        ("Payload", "Result", "Edge", "Connection"))


def bind_relations(classes: Sequence[type], model_of: Callable[[Any], type[WorkspaceScoped] | None],
                   table: PolicyTable) -> BoundSchema:
    """Resolve each relation's target model and check that rows of policed types are reached
    only through relations; `classes` are the Strawberry types of the schema."""
    bound = BoundSchema()
    problems: list[str] = []
    for cls in classes:
        definition = cls.__strawberry_definition__  # type: ignore[attr-defined]
        type_name = definition.name
        for f in definition.fields:
            name = strawberry_name(f)
            target = f.type
            inner, is_list, nullable = unwrap(target)
            page_node = node_of_connection(inner)
            target_cls = page_node if page_node is not None else inner
            target_model = model_of(target_cls) if has_object_definition(target_cls) else None
            if isinstance(f, RelationField):
                rel = f.relation
                rel.owner_type, rel.field_name = type_name, name
                rel.source_model = model_of(cls)
                if target_model is None:
                    problems.append(f"{type_name}.{name}: its type is not backed by a model")
                    continue
                rel.target_model = target_model
                rel.target_type = target_cls.__strawberry_definition__.name
                rel.nullable = nullable
                problems += _check_relation(rel, is_list, page_node is not None, table)
                bound.relations.append(rel)
                continue
            if target_model is None or _holder_is_trusted(type_name):
                continue
            target_type = type_name_of(target_model)
            if target_type not in table.objects:
                continue
            reason = (f.metadata or {}).get(ROWS_SCOPED_BY)
            if reason:
                bound.scoped_elsewhere[f"{type_name}.{name}"] = reason
                continue
            problems.append(f"{type_name}.{name} returns {target_type} rows without a declared "
                            "relation (use core.relations, or metadata=scoped_by(...))")
    if problems:
        raise RelationBuildError("; ".join(problems))
    return bound


def _check_relation(rel: Relation, is_list: bool, is_page: bool, table: PolicyTable) -> list[str]:
    model, source = rel.target_model, rel.source_model
    assert model is not None
    out = []
    if rel.kind == "one":
        if is_list or is_page:
            out.append(f"{rel.path}: a to-one relation must return one object")
        if source is not None and not has_column(source, rel.key):
            out.append(f"{rel.path}: {source.__name__} has no column {rel.key}")
        if not rel.nullable and not _every_reader_reaches_all(rel, table):
            out.append(f"{rel.path}: must be nullable, since some readers of {rel.owner_type} "
                       f"may not read every {rel.target_type}")
    elif rel.kind == "page":
        if not is_page:
            out.append(f"{rel.path}: a connection relation must return a Connection")
        if not has_column(model, rel.key):
            out.append(f"{rel.path}: {model.__name__} has no column {rel.key}")
    else:
        if not is_list:
            out.append(f"{rel.path}: a to-many relation must return a list")
        holder = rel.through if rel.kind == "through" else model
        assert holder is not None
        if not has_column(holder, rel.key):
            out.append(f"{rel.path}: {holder.__name__} has no column {rel.key}")
    return out


def _every_reader_reaches_all(rel: Relation, table: PolicyTable) -> bool:
    source_rule = table.objects.get(rel.owner_type)
    target_rule = table.objects.get(rel.target_type)
    if target_rule is None:
        return True
    readers = [r for r, s in (source_rule.read.items() if source_rule else []) if s is not RowScope.NONE]
    return all(target_rule.read.get(r, RowScope.NONE) is RowScope.ALL for r in readers)


def strawberry_name(f: StrawberryField) -> str:
    if f.graphql_name:
        return f.graphql_name
    from strawberry.utils.str_converters import to_camel_case
    return to_camel_case(f.python_name)

