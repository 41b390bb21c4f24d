"""Compiled reads: a query's selection, with the actor's row scope and field policy, becomes one
SQL statement per root field that builds the response JSON in the database.

The resolver path stays the reference: this path compiles what it can express exactly the same
way and hands everything else to it.

- A root list (`list_field`) and what is selected under it (columns, `id`, `__typename`,
  declared relations of every kind, connections with their paging and `totalCount`) compile;
  a field with its own resolver does not, and its root field runs on the resolver path while
  the other root fields of the operation stay compiled.
- Rows come from the same query functions, filters, sorts, keysets and row-scope conditions as
  the resolver path (Tortoise renders them into the statement), so the two cannot disagree on
  which rows an actor reads.
- The field policy is compiled in: a masked field is masked in SQL, an owner rule is a CASE on
  the owner column. Where the resolver path would report an error (a field the role may not
  read, a related row outside the row scope) the statement writes a marker instead; a result
  with a marker is thrown away and the root field is answered by the resolver path, which says
  exactly which paths were refused.
- Plans are cached per document, operation and role; the rendered statement per plan, actor and
  variables, so a repeated query costs one statement and no planning.
"""

from __future__ import annotations

import base64
import datetime as dt
import enum
import logging
import time
from collections import OrderedDict
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import orjson
from graphql import (
    DocumentNode,
    ExecutionResult,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLEnumType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    GraphQLSchema,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    get_named_type,
)
from graphql.execution.values import get_argument_values, get_directive_values
from graphql.type import GraphQLIncludeDirective, GraphQLSkipDirective
from pypika_tortoise.terms import Parameterizer
from strawberry.extensions import SchemaExtension
from strawberry.types.arguments import convert_arguments
from strawberry.types.field import StrawberryField
from tortoise import fields as tfields
from tortoise.expressions import Case, RawSQL, When
from tortoise.queryset import QuerySet
from tortoise.router import router

from crm.core.connections import SortKey, keyset, ordering
from crm.core.lru import LRU, text_key, variables_key
from crm.core.money import MONEY_TERMS, exponents
from crm.core.policy import Access, Actor
from crm.core.scoping import NOTHING, owns_q, readable, row_scope_condition

log = logging.getLogger(__name__)

# Written where the resolver path would report an error: no stored text can hold it, since
# text inputs refuse NUL (and PostgreSQL cannot store one).
MARKER = '"\\u0000crm-refused"'


# Literal 1/0, not parameters: PostgreSQL cannot type a bare parameter in a CASE.
ONE: Any = RawSQL("1")
ZERO: Any = RawSQL("0")


class Unsupported(Exception):
    """This selection cannot be compiled: the resolver path answers it."""


# --- SQL text --------------------------------------------------------------------------------

class Sql:
    """SQL text with Tortoise querysets in it, rendered into one statement with one set of
    parameters (so the placeholders of every part are numbered in order)."""

    def __init__(self, *parts: Any) -> None:
        self.parts: list[Any] = list(parts)

    def render(self, ctx: Any, out: list[str]) -> None:
        for part in self.parts:
            if isinstance(part, str):
                out.append(part)
            elif isinstance(part, Sql):
                part.render(ctx, out)
            else:
                part._choose_db_if_not_chosen()
                part._make_query()
                out.append(part.query.get_sql(ctx))


def join(separator: str, items: list[Any]) -> Sql:
    out = Sql()
    for i, item in enumerate(items):
        if i:
            out.parts.append(separator)
        out.parts.append(item)
    return out


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def col(alias: str, column: str) -> str:
    return f'"{alias}"."{column}"'


class Dialect:
    name = ""

    def obj(self, pairs: list[tuple[str, Any]]) -> Sql:
        raise NotImplementedError

    def embed(self, subquery: Sql) -> Sql:
        return Sql("(", subquery, ")")

    def array(self, value: Any, source: Sql, order: str) -> Sql:
        raise NotImplementedError

    def gid(self, type_name: str, column: str) -> str:
        raise NotImplementedError

    def datetime(self, column: str) -> str:
        raise NotImplementedError

    def date(self, column: str) -> str:
        raise NotImplementedError

    def boolean(self, column: str) -> str:
        return column

    def json_bool(self, condition: str) -> str:
        raise NotImplementedError

    def mask(self, kind: str, column: str) -> str:
        raise NotImplementedError

    def marker(self) -> str:
        raise NotImplementedError

    def money(self, minor: str, currency: str) -> str:
        """The amount of `minor` units as Decimal text with the currency's places."""
        raise NotImplementedError

    def cursor(self, values: list[tuple[str, bool]]) -> str:
        """The cursor of a row from its sort values, each with whether its text is plain (needs
        no escaping in JSON)."""
        raise NotImplementedError


class Postgres(Dialect):
    name = "postgres"

    def obj(self, pairs: list[tuple[str, Any]]) -> Sql:
        if len(pairs) > 50:
            raise Unsupported("more than 50 fields in one object")
        if not pairs:
            return Sql("json_build_object()")
        return Sql("json_build_object(", join(", ", [Sql(literal(k), ", ", v) for k, v in pairs]),
                   ")")

    def array(self, value: Any, source: Sql, order: str) -> Sql:
        return Sql("(SELECT coalesce(json_agg(", value, f" ORDER BY {order}), '[]'::json) FROM ",
                   source, ")")

    def gid(self, type_name: str, column: str) -> str:
        return (f"replace(encode(convert_to({literal(type_name + ':')} || {column}::text, "
                f"'UTF8'), 'base64'), E'\\n', '')")

    def datetime(self, column: str) -> str:
        # Python's isoformat: microseconds only when there are some, and the UTC offset. One
        # to_char with the fraction, which is then dropped when it is all zeros (the text has
        # no other run of six zeros before the offset).
        return (f"replace(to_char(({column} AT TIME ZONE 'UTC'), "
                f"'YYYY-MM-DD\"T\"HH24:MI:SS.US+00:00'), '.000000+', '+')")

    def date(self, column: str) -> str:
        return f"to_char({column}, 'YYYY-MM-DD')"

    def json_bool(self, condition: str) -> str:
        return f"({condition})"

    def mask(self, kind: str, column: str) -> str:
        if kind == "phone":
            # Python's strip of ASCII whitespace; PostgreSQL reads E'\\v' as a plain "v".
            d = f"btrim({column}, E' \\t\\n\\r\\f\\x0b\\x1c\\x1d\\x1e\\x1f')"
            n = f"length({d})"
            head = f"CASE WHEN {n} >= 9 THEN 3 ELSE 1 END"
            return (f"CASE WHEN {column} IS NULL THEN NULL WHEN {n} <= 4 THEN repeat('*', {n}) "
                    f"ELSE substr({d}, 1, {head}) || repeat('*', {n} - {head} - 4) || "
                    f"substr({d}, {n} - 3) END")
        text = (f"CASE WHEN length({column}) <= 1 THEN '*' ELSE substr({column}, 1, 1) || "
                f"repeat('*', least(length({column}) - 1, 8)) END")
        if kind == "email":
            at = f"strpos({column}, '@')"
            return (f"CASE WHEN {column} IS NULL THEN NULL WHEN {at} = 0 THEN {text} ELSE "
                    f"coalesce(nullif(substr({column}, 1, least({at} - 1, 1)), ''), '*') || "
                    f"'***@' || substr({column}, {at} + 1) END")
        return f"CASE WHEN {column} IS NULL THEN NULL ELSE {text} END"

    def marker(self) -> str:
        return f"{literal(MARKER)}::json"

    def money(self, minor: str, currency: str) -> str:
        places = "CASE " + currency + " " + " ".join(
            f"WHEN {literal(code)} THEN {n}" for code, n in sorted(exponents().items())) + " ELSE 2 END"
        return f"round({minor}::numeric / power(10::numeric, {places}), {places})::text"

    def cursor(self, values: list[tuple[str, bool]]) -> str:
        # The text orjson writes for the same values (no spaces), base64url like encode_cursor.
        # A value known to need no JSON escaping (times, dates, uuids) is quoted by hand.
        items = " || ',' || ".join(
            f"coalesce('\"' || {v} || '\"', 'null')" if plain
            else f"coalesce(to_json({v})::text, 'null')" for v, plain in values)
        return (f"translate(encode(convert_to('[' || {items} || ']', 'UTF8'), 'base64'), "
                f"E'+/\\n', '-_')")


class Sqlite(Dialect):
    name = "sqlite"

    def obj(self, pairs: list[tuple[str, Any]]) -> Sql:
        return Sql("json_object(", join(", ", [Sql(literal(k), ", ", v) for k, v in pairs]), ")")

    def embed(self, subquery: Sql) -> Sql:
        return Sql("json((", subquery, "))")

    def array(self, value: Any, source: Sql, order: str) -> Sql:
        # SQLite 3.40 has no ORDER BY inside an aggregate: it aggregates an ordered subquery.
        return Sql("json((SELECT json_group_array(json(\"_v\")) FROM (SELECT ", value,
                   ' AS "_v" FROM ', source, f" ORDER BY {order})))")

    def gid(self, type_name: str, column: str) -> str:
        return f"crm_gid({literal(type_name)}, {column})"

    def datetime(self, column: str) -> str:
        return f"crm_datetime({column})"

    def date(self, column: str) -> str:
        return column

    def boolean(self, column: str) -> str:
        return self.json_bool(f"{column}")

    def json_bool(self, condition: str) -> str:
        return f"CASE WHEN ({condition}) IS NULL THEN NULL WHEN ({condition}) THEN json('true') " \
               f"ELSE json('false') END"

    def mask(self, kind: str, column: str) -> str:
        return f"crm_mask({literal(kind)}, {column})"

    def marker(self) -> str:
        return f"json({literal(MARKER)})"

    def money(self, minor: str, currency: str) -> str:
        return f"crm_money({minor}, {currency})"

    def cursor(self, values: list[tuple[str, bool]]) -> str:
        return f"crm_cursor(json_array({', '.join(v for v, _ in values)}))"


def _sqlite_datetime(value: str | None) -> str | None:
    if value is None:
        return None
    return dt.datetime.fromisoformat(value).astimezone(dt.UTC).isoformat()


def _sqlite_mask(kind: str, value: Any) -> Any:
    from crm.core.policy import mask_value
    return mask_value(value, kind)


def _sqlite_gid(type_name: str, pk: str | None) -> str | None:
    from crm.core.ids import to_global_id
    return None if pk is None else to_global_id(type_name, pk)


def _sqlite_money(minor: int | None, currency: str | None) -> str | None:
    from crm.core.money import from_minor
    return None if minor is None or currency is None else format(from_minor(minor, currency), "f")


def _sqlite_cursor(text: str) -> str:
    return base64.urlsafe_b64encode(text.encode()).decode()


async def _sqlite_functions(db: Any) -> None:
    """The few functions SQLite lacks (base64, masks, UTC times), registered on the connection
    once: the embedded database has no stored functions."""
    conn = getattr(db, "_connection", None)
    if conn is None or getattr(conn, "_crm_functions", False):
        return
    await conn.create_function("crm_datetime", 1, _sqlite_datetime, deterministic=True)
    await conn.create_function("crm_mask", 2, _sqlite_mask, deterministic=True)
    await conn.create_function("crm_gid", 2, _sqlite_gid, deterministic=True)
    await conn.create_function("crm_cursor", 1, _sqlite_cursor, deterministic=True)
    await conn.create_function("crm_money", 2, _sqlite_money, deterministic=True)
    conn._crm_functions = True


def dialect_of(db: Any) -> Dialect:
    return Sqlite() if "sqlite" in type(db).__module__ else Postgres()


# --- plans ---------------------------------------------------------------------------------

@dataclass
class Value:
    """A column of the row as the response shows it."""

    column: str  # db column
    kind: str  # text | int | bool | datetime | date | enum | id
    enum_names: dict[Any, str] | None = None
    access: str = "read"  # read | masked | marker
    owner_access: str | None = None  # the access on the actor's own rows, when it differs
    mask: str = "text"
    # kind "money": the signed minor-unit columns, the currency column, what is selected of it
    terms: tuple[tuple[str, int], ...] = ()
    currency: str = ""
    money: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ObjectPlan:
    type_name: str
    model: Any
    fields: list[tuple[str, Any]] = field(default_factory=list)

    @property
    def needs_owner(self) -> bool:
        return any(isinstance(p, Value) and p.owner_access is not None for _, p in self.fields)


@dataclass
class Typename:
    name: str


@dataclass
class GlobalId:
    type_name: str


@dataclass
class RelationPlan:
    relation: Any
    node: Any  # ObjectPlan or ConnectionPlan
    field_node: FieldNode
    strawberry_field: StrawberryField
    field_def: Any


@dataclass
class ConnectionPlan:
    node: ObjectPlan | None
    # (response key, what): "totalCount" | ("edges", EdgePlan) | ("pageInfo", [(key, what)])
    fields: list[tuple[str, Any]] = field(default_factory=list)


@dataclass
class EdgePlan:
    fields: list[tuple[str, Any]]  # "cursor" | ObjectPlan | Typename


@dataclass
class RootPlan:
    key: str
    list_field: Any
    field_node: FieldNode
    field_def: Any
    connection: ConnectionPlan


_SCALAR_KINDS = {"String": "text", "Int": "int", "Boolean": "bool", "DateTime": "datetime",
                 "Date": "date", "ID": "text"}


class Planner:
    def __init__(self, schema: Any, document: DocumentNode, operation: OperationDefinitionNode,
                 variables: dict[str, Any], actor: Actor) -> None:
        self.strawberry = schema
        self.schema: GraphQLSchema = schema._schema
        self.fragments = {d.name.value: d for d in document.definitions
                          if isinstance(d, FragmentDefinitionNode)}
        self.operation = operation
        self.variables = variables
        self.actor = actor

    # selections ------------------------------------------------------------------------

    def collect(self, selection_set: SelectionSetNode | None, gtype: GraphQLObjectType,
                out: OrderedDict[str, list[FieldNode]] | None = None) -> OrderedDict[str, list[FieldNode]]:
        out = OrderedDict() if out is None else out
        if selection_set is None:
            return out
        for sel in selection_set.selections:
            if not self._included(sel):
                continue
            if isinstance(sel, FieldNode):
                key = sel.alias.value if sel.alias else sel.name.value
                out.setdefault(key, []).append(sel)
            elif isinstance(sel, InlineFragmentNode):
                if sel.type_condition is None or self._applies(sel.type_condition.name.value, gtype):
                    self.collect(sel.selection_set, gtype, out)
            elif isinstance(sel, FragmentSpreadNode):
                frag = self.fragments.get(sel.name.value)
                if frag is not None and self._applies(frag.type_condition.name.value, gtype):
                    self.collect(frag.selection_set, gtype, out)
        return out

    def _included(self, node: Any) -> bool:
        skip = get_directive_values(GraphQLSkipDirective, node, self.variables)  # type: ignore[arg-type]
        if skip and skip.get("if") is True:
            return False
        include = get_directive_values(GraphQLIncludeDirective, node, self.variables)  # type: ignore[arg-type]
        return not (include and include.get("if") is False)

    def _applies(self, condition: str, gtype: GraphQLObjectType) -> bool:
        if condition == gtype.name:
            return True
        return any(i.name == condition for i in gtype.interfaces)

    def merged(self, nodes: list[FieldNode], gtype: GraphQLObjectType) -> OrderedDict[str, list[FieldNode]]:
        out: OrderedDict[str, list[FieldNode]] = OrderedDict()
        for node in nodes:
            self.collect(node.selection_set, gtype, out)
        return out

    # fields -----------------------------------------------------------------------------

    def strawberry_fields(self, type_name: str) -> dict[str, StrawberryField]:
        from crm.core.relations import strawberry_name
        definition = self.strawberry.get_type_by_name(type_name)
        if definition is None:
            raise Unsupported(f"{type_name} is not an object type")
        return {strawberry_name(f): f for f in definition.fields}

    def root(self, key: str, nodes: list[FieldNode]) -> RootPlan:
        from crm.core.lists import ListField
        query_type = self.schema.query_type
        assert query_type is not None
        name = nodes[0].name.value
        if name == "__typename":
            raise Unsupported("__typename at the root")
        sfield = self.strawberry_fields(query_type.name).get(name)
        if not isinstance(sfield, ListField):
            raise Unsupported(f"Query.{name} is not a declared list")
        field_def = query_type.fields[name]
        conn_type = get_named_type(field_def.type)
        assert isinstance(conn_type, GraphQLObjectType)
        return RootPlan(key, sfield, nodes[0], field_def, self.connection(conn_type, nodes))

    def connection(self, conn_type: GraphQLObjectType, nodes: list[FieldNode]) -> ConnectionPlan:
        plan = ConnectionPlan(node=None)
        for key, sub in self.merged(nodes, conn_type).items():
            name = sub[0].name.value
            if name == "__typename":
                plan.fields.append((key, Typename(conn_type.name)))
            elif name == "totalCount":
                plan.fields.append((key, "totalCount"))
            elif name == "pageInfo":
                info_type = get_named_type(conn_type.fields["pageInfo"].type)
                assert isinstance(info_type, GraphQLObjectType)
                items = [(k, Typename(info_type.name) if s[0].name.value == "__typename"
                          else s[0].name.value) for k, s in self.merged(sub, info_type).items()]
                plan.fields.append((key, ("pageInfo", items)))
            elif name == "edges":
                edge_type = get_named_type(conn_type.fields["edges"].type)
                assert isinstance(edge_type, GraphQLObjectType)
                edge_fields: list[tuple[str, Any]] = []
                for ekey, esub in self.merged(sub, edge_type).items():
                    ename = esub[0].name.value
                    if ename == "__typename":
                        edge_fields.append((ekey, Typename(edge_type.name)))
                    elif ename == "cursor":
                        edge_fields.append((ekey, "cursor"))
                    else:
                        node_type = get_named_type(edge_type.fields["node"].type)
                        assert isinstance(node_type, GraphQLObjectType)
                        if plan.node is not None:
                            raise Unsupported("node selected twice under different keys")
                        plan.node = self.object(node_type, esub)
                        edge_fields.append((ekey, plan.node))
                plan.fields.append((key, ("edges", EdgePlan(edge_fields))))
            else:
                raise Unsupported(f"{conn_type.name}.{name}")
        return plan

    def object(self, gtype: GraphQLObjectType, nodes: list[FieldNode]) -> ObjectPlan:
        from crm.core.graphql import model_of
        from crm.core.relations import RelationField
        sfields = self.strawberry_fields(gtype.name)
        definition = self.strawberry.get_type_by_name(gtype.name)
        model = model_of(definition.origin)
        if model is None:
            raise Unsupported(f"{gtype.name} is not backed by a model")
        plan = ObjectPlan(gtype.name, model)
        for key, sub in self.merged(nodes, gtype).items():
            name = sub[0].name.value
            if name == "__typename":
                plan.fields.append((key, Typename(gtype.name)))
                continue
            sfield = sfields.get(name)
            if sfield is None:
                raise Unsupported(f"{gtype.name}.{name}")
            if isinstance(sfield, RelationField):
                # A relation the role reads in full compiles; one it reads masked or not at
                # all (a null, or FORBIDDEN, per row) is the resolver path's to answer.
                if self.actor.field_access(gtype.name, name).rank < Access.READ.rank:
                    raise Unsupported(f"{gtype.name}.{name} is not read in full by "
                                      f"{self.actor.role}")
                plan.fields.append((key, self.relation(gtype, name, sfield, sub)))
                continue
            if name == "id" and sfield.base_resolver is not None and any(
                    i.name == "Node" for i in gtype.interfaces):
                plan.fields.append((key, GlobalId(gtype.name)))
                continue
            plan.fields.append((key, self.value(gtype, name, sfield, model, sub)))
        return plan

    def value(self, gtype: GraphQLObjectType, name: str, sfield: StrawberryField,
              model: Any, nodes: list[FieldNode]) -> Value:
        money = dict(sfield.metadata or {}).get(MONEY_TERMS)
        if money is not None:
            return self.policed(gtype, name, self.money(gtype, name, model, money, nodes))
        if sfield.base_resolver is not None:
            raise Unsupported(f"{gtype.name}.{name} has a resolver")
        fmap = model._meta.fields_map
        mfield = fmap.get(sfield.python_name)
        if mfield is None or isinstance(mfield, tfields.relational.RelationalField):
            raise Unsupported(f"{gtype.name}.{name} is not a column")
        ftype = get_named_type(gtype.fields[name].type)
        if isinstance(gtype.fields[name].type, GraphQLList) or (
                isinstance(gtype.fields[name].type, GraphQLNonNull)
                and isinstance(gtype.fields[name].type.of_type, GraphQLList)):
            raise Unsupported(f"{gtype.name}.{name} is a list")
        column = model._meta.fields_db_projection[sfield.python_name]
        if isinstance(ftype, GraphQLEnumType):
            names = {(v.value.value if isinstance(v.value, enum.Enum) else v.value): n
                     for n, v in ftype.values.items()}
            value = Value(column, "enum", enum_names=names)
        elif isinstance(ftype, GraphQLScalarType) and ftype.name in _SCALAR_KINDS:
            kind = _SCALAR_KINDS[ftype.name]
            if kind == "text" and not isinstance(mfield, tfields.CharField | tfields.TextField
                                                 | tfields.UUIDField):
                raise Unsupported(f"{gtype.name}.{name}: {type(mfield).__name__} as text")
            if kind == "int" and not isinstance(mfield, tfields.IntField | tfields.SmallIntField
                                                | tfields.BigIntField):
                raise Unsupported(f"{gtype.name}.{name}: {type(mfield).__name__} as Int")
            value = Value(column, kind)
        else:
            raise Unsupported(f"{gtype.name}.{name}: scalar {ftype.name}")
        return self.policed(gtype, name, value)

    def money(self, gtype: GraphQLObjectType, name: str, model: Any, money: Any,
              nodes: list[FieldNode]) -> Value:
        terms, currency = money
        proj = model._meta.fields_db_projection
        if any(column not in proj for column, _ in terms) or currency not in proj:
            raise Unsupported(f"{gtype.name}.{name}: money of columns the model lacks")
        money_type = get_named_type(gtype.fields[name].type)
        assert isinstance(money_type, GraphQLObjectType)
        selected = [(key, sub[0].name.value) for key, sub in self.merged(nodes, money_type).items()]
        if any(what not in ("amount", "currency", "__typename") for _, what in selected):
            raise Unsupported(f"{gtype.name}.{name}: a Money field beyond amount and currency")
        return Value("", "money", terms=tuple((proj[c], sign) for c, sign in terms),
                     currency=proj[currency], money=selected)

    def policed(self, gtype: GraphQLObjectType, name: str, value: Value) -> Value:
        rule = self.actor.policy.fields.get(f"{gtype.name}.{name}")
        if rule is None:
            return value
        access = self.actor.field_access(gtype.name, name)
        value.mask = rule.mask
        value.access = _access_word(access)
        if rule.owner is not None and access.rank < rule.owner.rank:
            value.owner_access = _access_word(rule.owner)
        if value.access == "marker" and value.owner_access is None:
            raise Unsupported(f"{gtype.name}.{name} is refused to {self.actor.role}")
        return value

    def relation(self, gtype: GraphQLObjectType, name: str, sfield: Any,
                 nodes: list[FieldNode]) -> RelationPlan:
        rel = sfield.relation
        field_def = gtype.fields[name]
        target = get_named_type(field_def.type)
        assert isinstance(target, GraphQLObjectType)
        if rel.kind == "page":
            node: Any = self.connection(target, nodes)
        else:
            node = self.object(target, nodes)
        if rel.with_source is not None:
            raise Unsupported(f"{gtype.name}.{name} reads its source")
        return RelationPlan(rel, node, nodes[0], sfield, field_def)


def _access_word(access: Access) -> str:
    if access is Access.NONE:
        return "marker"
    return "masked" if access is Access.MASKED else "read"


# --- rendering -----------------------------------------------------------------------------

class Renderer:
    def __init__(self, planner: Planner, dialect: Dialect) -> None:
        self.ctes: list[Sql] = []
        self.planner = planner
        self.actor = planner.actor
        self.dialect = dialect
        self.aliases = 0

    def alias(self) -> str:
        self.aliases += 1
        return f"_t{self.aliases}"

    def arguments(self, sfield: StrawberryField, field_def: Any, node: FieldNode) -> dict[str, Any]:
        raw = get_argument_values(field_def, node, self.planner.variables)  # type: ignore[arg-type]
        schema = self.planner.strawberry
        return convert_arguments(raw, sfield.arguments, scalar_registry=schema.schema_converter
                                 .scalar_registry, config=schema.config)

    # the root ---------------------------------------------------------------------------

    def root(self, plan: RootPlan) -> Sql:
        lf = plan.list_field
        kwargs = self.arguments(lf, plan.field_def, plan.field_node)
        actor = self.actor
        qs = lf.query(actor)
        if lf.filter_spec is not None:
            qs = qs.filter(lf.filter_spec.q(actor, kwargs.get("filter")))
        keys = lf.sort_spec.keys(actor, kwargs.get("order_by")) if lf.sort_spec is not None else []
        return self.connection(plan.connection, qs, keys, kwargs, correlate=None)

    # connections --------------------------------------------------------------------------

    def connection(self, plan: ConnectionPlan, qs: QuerySet[Any], keys: list[SortKey],
                   kwargs: dict[str, Any], correlate: tuple[str, str] | None) -> Sql:
        """A page of `qs` as a connection object. `correlate` (child column, parent column)
        ties the rows to the row being built, for a connection under an object."""
        first, last = kwargs.get("first"), kwargs.get("last")
        after, before = kwargs.get("after"), kwargs.get("before")
        page, keys, size, backwards = keyset(qs, keys, first=first, after=after, last=last,
                                             before=before)
        model = qs.model
        proj = model._meta.fields_db_projection
        d = self.dialect
        q = self.alias()
        if any(k.column not in proj for k in keys):
            raise Unsupported("a sort on a computed value")
        order = ", ".join(f'{col(q, proj[c.lstrip("-")])} {"DESC" if c.startswith("-") else "ASC"}'
                          for c in ordering(keys, backwards))
        where = f" WHERE {col(q, correlate[0])} = {correlate[1]}" if correlate else ""
        extra = self._annotations(plan.node, model)
        inner = page if not extra else page.annotate(**extra)
        rows = Sql(f'(SELECT "{q}".*, row_number() OVER (ORDER BY {order}) AS "_n" FROM (', inner,
                   f') "{q}"{where} ORDER BY {order} LIMIT {size + 1 if size else 0})')
        if correlate is None:
            # The root's page is read once and referred to by edges, cursors and hasNextPage.
            name = f'"_page{len(self.ctes) + 1}"'
            self.ctes.append(Sql(f"{name} AS ", rows))
            rows = Sql(name)

        def cursor(t: str) -> str:
            return d.cursor([self._cursor_value(model, k, t) for k in keys])

        def pick(n_filter: str, descending: bool) -> Sql:
            t = self.alias()
            return Sql(f"(SELECT {cursor(t)} FROM ", rows, f' "{t}" WHERE "{t}"."_n" {n_filter} '
                       f'ORDER BY "{t}"."_n" {"DESC" if descending else "ASC"} LIMIT 1)')

        pairs: list[tuple[str, Any]] = []
        for key, what in plan.fields:
            if isinstance(what, Typename):
                pairs.append((key, literal(what.name)))
            elif what == "totalCount":
                c = self.alias()
                cwhere = f" WHERE {col(c, correlate[0])} = {correlate[1]}" if correlate else ""
                pairs.append((key, Sql("(SELECT count(*) FROM (", qs, f') "{c}"{cwhere})')))
            elif what[0] == "pageInfo":
                info: list[tuple[str, Any]] = []
                for ikey, item in what[1]:
                    if isinstance(item, Typename):
                        info.append((ikey, literal(item.name)))
                    elif item in ("hasNextPage", "hasPreviousPage"):
                        # Counting from the start, more rows than the page means a next page;
                        # from the end, a previous one. The other way, a cursor given says so.
                        if (item == "hasNextPage") != backwards:
                            t = self.alias()
                            info.append((ikey, Sql("(SELECT ", d.json_bool(f"count(*) > {size}"),
                                                   " FROM ", rows, f' "{t}")')))
                        else:
                            given = before if item == "hasNextPage" else after
                            info.append((ikey, d.json_bool("1 = 1" if given else "1 = 0")))
                    elif item in ("startCursor", "endCursor"):
                        if (item == "endCursor") != backwards:
                            info.append((ikey, pick(f"<= {size}", True)))
                        else:
                            info.append((ikey, pick("= 1", False)))
                    else:
                        raise Unsupported(f"PageInfo.{item}")
                pairs.append((key, d.obj(info)))
            else:  # edges
                t = self.alias()
                edge_pairs: list[tuple[str, Any]] = []
                for ekey, ewhat in what[1].fields:
                    if isinstance(ewhat, Typename):
                        edge_pairs.append((ekey, literal(ewhat.name)))
                    elif ewhat == "cursor":
                        edge_pairs.append((ekey, cursor(t)))
                    else:
                        edge_pairs.append((ekey, self.object(ewhat, t)))
                source = Sql(rows, f' "{t}" WHERE "{t}"."_n" <= {size}')
                direction = "DESC" if backwards else "ASC"
                pairs.append((key, d.array(d.obj(edge_pairs), source, f'"{t}"."_n" {direction}')))
        return d.obj(pairs)

    def _cursor_value(self, model: Any, key: SortKey, alias: str) -> tuple[str, bool]:
        fmap = model._meta.fields_map
        mfield = fmap.get(key.column)
        column = col(alias, model._meta.fields_db_projection[key.column])
        if isinstance(mfield, tfields.DatetimeField):
            return self.dialect.datetime(column), True
        if isinstance(mfield, tfields.DateField):
            return self.dialect.date(column), True
        if isinstance(mfield, tfields.BooleanField):
            raise Unsupported("a cursor on a boolean column")
        if self.dialect.name == "postgres" and (
                isinstance(mfield, tfields.UUIDField | tfields.relational.ForeignKeyFieldInstance)
                or key.column == "id" or key.column.endswith("_id")):
            return f"{column}::text", isinstance(mfield, tfields.UUIDField)
        return column, False

    # objects ------------------------------------------------------------------------------

    def _annotations(self, plan: ObjectPlan | None, model: Any) -> dict[str, Any]:
        if plan is None or not plan.needs_owner:
            return {}
        condition = owns_q(model, self.actor)
        if condition is NOTHING:
            return {"_owns": RawSQL("0")}
        return {"_owns": Case(When(condition, then=ONE), default=ZERO)}

    def object(self, plan: ObjectPlan, t: str) -> Sql:
        d = self.dialect
        pairs: list[tuple[str, Any]] = []
        for key, what in plan.fields:
            if isinstance(what, Typename):
                pairs.append((key, literal(what.name)))
            elif isinstance(what, GlobalId):
                pairs.append((key, d.gid(what.type_name, col(t, "id"))))
            elif isinstance(what, Value):
                pairs.append((key, self.value(what, t)))
            else:
                pairs.append((key, self.relation(what, plan, t)))
        return d.obj(pairs)

    def value(self, v: Value, t: str) -> str:
        d = self.dialect
        column = col(t, v.column)
        if v.kind == "money":
            raw = self.money(v, t)
        elif v.kind == "datetime":
            raw = d.datetime(column)
        elif v.kind == "date":
            raw = d.date(column)
        elif v.kind == "bool":
            raw = d.boolean(column)
        elif v.kind == "enum":
            assert v.enum_names is not None
            whens = " ".join(f"WHEN {_sql_value(k)} THEN {literal(n)}"
                             for k, n in v.enum_names.items())
            raw = f"CASE {column} {whens} END"
        elif v.kind == "text" and d.name == "postgres":
            raw = f"{column}::text"
        else:
            raw = column

        def shown(access: str) -> str:
            if access == "read":
                return raw
            if access == "marker":
                return d.marker()
            if v.kind != "text":
                return "NULL"
            return d.mask(v.mask, column)

        if v.owner_access is None:
            return shown(v.access)
        return f'CASE WHEN "{t}"."_owns" = 1 THEN {shown(v.owner_access)} ELSE {shown(v.access)} END'

    def money(self, v: Value, t: str) -> str:
        d = self.dialect
        minor = " + ".join(f"{'-' if sign < 0 else ''}{col(t, c)}" for c, sign in v.terms)
        currency = col(t, v.currency)
        present = " AND ".join(f"{col(t, c)} IS NOT NULL" for c, _ in v.terms)
        pairs: list[tuple[str, Any]] = []
        for key, what in v.money:
            if what == "__typename":
                pairs.append((key, literal("Money")))
            elif what == "currency":
                pairs.append((key, f"{currency}::text" if d.name == "postgres" else currency))
            else:
                pairs.append((key, d.money(f"({minor})", currency)))
        text: list[str] = []
        d.obj(pairs).render(None, text)  # columns and literals only: no parameters to number
        return f"CASE WHEN {present} AND {currency} IS NOT NULL THEN {''.join(text)} END"

    def relation(self, plan: RelationPlan, parent: ObjectPlan, t: str) -> Sql:
        from crm.core.relations import live_rows, target_rows
        rel = plan.relation
        d = self.dialect
        actor = self.actor
        model = rel.target_model
        kwargs = self.arguments(plan.strawberry_field, plan.field_def, plan.field_node)
        if rel.kind == "one":
            node: ObjectPlan = plan.node
            key_col = col(t, parent.model._meta.fields_db_projection[rel.key])
            condition = row_scope_condition(model, actor, include_pool=True)
            missing = d.marker() if not rel.nullable else "NULL"
            if condition is NOTHING:
                return Sql(f"CASE WHEN {key_col} IS NULL THEN {missing} ELSE {d.marker()} END")
            qs = live_rows(model, actor)
            extra = self._annotations(node, model)
            if condition is not None:
                extra["_in_scope"] = Case(When(condition, then=ONE), default=ZERO)
            if extra:
                qs = qs.annotate(**extra)
            u = self.alias()
            built = self.object(node, u)
            if condition is not None:
                built = Sql(f'CASE WHEN "{u}"."_in_scope" = 1 THEN ', built, f" ELSE {d.marker()} END")
            found = d.embed(Sql("SELECT ", built, " FROM (", qs,
                                f') "{u}" WHERE "{u}"."id" = {key_col}'))
            if rel.nullable:
                return Sql(f"CASE WHEN {key_col} IS NULL THEN NULL ELSE ", found, " END")
            return Sql(f"CASE WHEN {key_col} IS NULL THEN {missing} ELSE coalesce(", found,
                       f", {missing}) END")
        condition = rel.condition(kwargs)
        if rel.kind == "page":
            qs = target_rows(rel, actor, condition)
            conn = self.connection(plan.node, qs, list(rel.sort), kwargs,
                                   correlate=(model._meta.fields_db_projection.get(rel.key, rel.key),
                                              col(t, "id")))
            return conn
        node = plan.node
        u = self.alias()
        proj = model._meta.fields_db_projection
        if rel.kind == "through":
            qs = readable(model, actor)
            through = rel.through
            tproj = through._meta.fields_db_projection
            links = through.filter(workspace_id=actor.workspace_id)
            lk = self.alias()
            target_col = col(lk, tproj.get(rel.through_target, rel.through_target))
            tie = Sql(f'"{u}"."id" IN (SELECT {target_col} FROM (', links,
                      f') "{lk}" WHERE {col(lk, tproj.get(rel.key, rel.key))} = {col(t, "id")})')
        else:
            qs = target_rows(rel, actor, condition)
            tie = Sql(f'{col(u, proj.get(rel.key, rel.key))} = {col(t, "id")}')
        extra = self._annotations(node, model)
        if extra:
            qs = qs.annotate(**extra)
        order_cols = [*rel.order_by, "id"]
        order = ", ".join(f'{col(u, proj[c.lstrip("-")])} {"DESC" if c.startswith("-") else "ASC"}'
                          for c in order_cols)
        source = Sql("(", qs, f') "{u}" WHERE ', tie)
        return d.array(self.object(node, u), source, order)



def _sql_value(value: Any) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    return literal(str(value))


# --- running ---------------------------------------------------------------------------------

def _operation(document: DocumentNode, name: str | None) -> OperationDefinitionNode | None:
    ops = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
    if name:
        ops = [o for o in ops if o.name is not None and o.name.value == name]
    return ops[0] if len(ops) == 1 else None


@dataclass
class Statement:
    """One root field's compiled statement; the model picks the database (primary or replica)
    when it runs."""

    sql: str
    params: list[Any]
    model: Any
    sqlite: bool


@dataclass
class Recipe:
    """What a query compiles to for one actor and one set of variables."""

    operation: OperationDefinitionNode
    keys: list[str]
    statements: dict[str, Statement]
    reasons: dict[str, str]
    made: float = 0.0


@dataclass
class Outcome:
    """What ran: the JSON of each compiled root field by response key, and why each other root
    field runs on the resolver path."""

    operation: OperationDefinitionNode
    compiled: dict[str, orjson.Fragment]
    reasons: dict[str, str]
    keys: list[str]


# Rendered statements by (query, operation, variables, actor): a repeated query costs one
# statement and no planning. An entry lives a few seconds at most, since a filter may hold the
# time it was made ("overdue" compares with now).
RECIPES: LRU[Recipe] = LRU(512)
RECIPE_SECONDS = 10.0
# The request note naming the recipe whose statements handed the query back (a refused row or
# field): the rest of the request answers it on the resolver path without running them again.
HANDED_BACK = "kept_handed_back"


def recipe_key(query: str, operation_name: str | None, variables: dict[str, Any],
               actor: Actor) -> Any:
    written = variables_key(variables)
    if written is None:
        return None
    return (text_key(query, operation_name), written, actor.workspace_id, actor.user_id,
            actor.role, actor.team_member_ids, actor.client_id, actor.scopes)


def prepare(schema: Any, document: DocumentNode, operation_name: str | None,
            raw_variables: dict[str, Any], actor: Actor) -> Recipe | None:
    """Plan and render what can be compiled of a query; None for anything but a query."""
    from graphql.execution.values import get_variable_values
    operation = _operation(document, operation_name)
    if operation is None or operation.operation is not OperationType.QUERY:
        return None
    gschema: GraphQLSchema = schema._schema
    coerced = get_variable_values(gschema, operation.variable_definitions or (), raw_variables)
    if isinstance(coerced, list):
        return None  # the resolver path reports bad variables
    planner = Planner(schema, document, operation, coerced, actor)  # type: ignore[arg-type]
    query_type = gschema.query_type
    assert query_type is not None
    roots = planner.collect(operation.selection_set, query_type)
    recipe = Recipe(operation, list(roots), {}, {}, time.monotonic())
    for key, nodes in roots.items():
        try:
            recipe.statements[key] = _render_root(planner, planner.root(key, nodes))
        except Unsupported as exc:
            recipe.reasons[key] = str(exc)
        except Exception as exc:
            from graphql import GraphQLError

            from crm.core.errors import ServiceError
            if not isinstance(exc, ServiceError | GraphQLError):
                log.warning("compiling %s failed; the resolver path answers: %r", key, exc)
            recipe.reasons[key] = type(exc).__name__
    return recipe


async def run_compiled(schema: Any, query: str, document: DocumentNode,
                       operation_name: str | None, raw_variables: dict[str, Any],
                       actor: Actor) -> Outcome | None:
    """Run what compiles of a query (from the recipe cache when it was seen just now)."""
    key = recipe_key(query, operation_name, raw_variables, actor)
    recipe = RECIPES.get(key) if key is not None else None
    if recipe is None or time.monotonic() - recipe.made > RECIPE_SECONDS:
        recipe = prepare(schema, document, operation_name, raw_variables, actor)
        if recipe is None:
            return None
        if key is not None:
            RECIPES.put(key, recipe)
    # The operation of this request's document: a kept recipe's may belong to a document parsed
    # earlier (the parse cache forgets), and only_fields finds the operation by identity.
    operation = _operation(document, operation_name) or recipe.operation
    outcome = Outcome(operation, {}, dict(recipe.reasons), recipe.keys)
    for root, statement in recipe.statements.items():
        try:
            found = await _execute(statement)
        except Exception as exc:
            log.warning("compiled read of %s failed; the resolver path answers: %r", root, exc)
            outcome.reasons[root] = type(exc).__name__
            continue
        if found is None:
            outcome.reasons[root] = "a field or row is refused: the resolver path says where"
        else:
            outcome.compiled[root] = found
    return outcome


async def answer_from_recipes(query: str, operation_name: str | None,
                              variables: dict[str, Any], actor: Actor) -> ExecutionResult | None:
    """The answer to a query this actor sent just now with the same variables, when every root
    field of it compiled: its statements run again, and nothing is parsed, validated, costed or
    planned (all of that depends on the text and the variables only, and was done the first
    time). None sends the request down the whole pipeline."""
    from crm.core import quotas, requests
    from crm.core.errors import RateLimited
    from crm.core.limits import COSTS
    from crm.core.quotas import PREPAID
    from crm.core.replicas import query_may_use_replica, replica_configured, replica_reads
    key = recipe_key(query, operation_name, variables, actor)
    if key is None:
        return None
    recipe = RECIPES.get(key)
    if recipe is None or recipe.reasons or time.monotonic() - recipe.made > RECIPE_SECONDS:
        return None
    cost = COSTS.get((key[0], key[1]))
    info = requests.current()
    if cost is None or (info is not None and info.notes.get(HANDED_BACK) == key):
        return None
    # Charged once per operation: when a statement hands the query back below, the view's
    # RequestLimits (and a second look from execute_single) find it paid for this request.
    charged = (key[0], key[1])
    if info is None or info.notes.get(PREPAID) != charged:
        try:
            await quotas.spend(actor, cost)
        except RateLimited as exc:  # refused before anything runs, in the view's words
            return ExecutionResult(data=None, errors=[exc.as_error()], extensions={"cost": cost})
        if info is not None:
            info.notes[PREPAID] = charged
    allowed = replica_configured() and await query_may_use_replica(actor)
    data: dict[str, Any] = {}
    with replica_reads(allowed):
        for root, statement in recipe.statements.items():
            try:
                found = await _execute(statement)
            except Exception:  # the whole pipeline answers, its errors masked and coded
                found = None
            if found is None:
                if info is not None:
                    info.notes[HANDED_BACK] = key
                return None
            data[root] = found
    if info is not None:
        info.notes.pop(PREPAID, None)
    from crm.settings import get_settings
    extensions: dict[str, Any] = {"cost": cost}
    if get_settings().debug:
        extensions["compiled"] = {"compiled": list(data), "resolverPath": {}, "kept": True}
    return ExecutionResult(data=data, extensions=extensions)


def only_fields(document: DocumentNode, operation: OperationDefinitionNode,
                keys: set[str]) -> DocumentNode | None:
    """The document with the operation reduced to the root fields of `keys` (None when its root
    selects through fragments, which cannot be split by key)."""
    from graphql import SelectionSetNode as SetNode
    selections = operation.selection_set.selections
    if not all(isinstance(s, FieldNode) for s in selections):
        return None
    kept = tuple(s for s in selections if isinstance(s, FieldNode)
                 and (s.alias.value if s.alias else s.name.value) in keys)
    reduced = OperationDefinitionNode(
        operation=operation.operation, name=operation.name,
        variable_definitions=operation.variable_definitions, directives=operation.directives,
        selection_set=SetNode(selections=kept))
    return DocumentNode(definitions=tuple(reduced if d is operation else d
                                          for d in document.definitions))


def _render_root(planner: Planner, plan: RootPlan) -> Statement:
    probe = plan.list_field.query(planner.actor)
    probe._choose_db_if_not_chosen()
    probe._make_query()
    dialect = dialect_of(probe._db)
    renderer = Renderer(planner, dialect)
    body = renderer.root(plan)
    statement = Sql("WITH ", join(", ", renderer.ctes), " SELECT ", body) if renderer.ctes \
        else Sql("SELECT ", body)
    ctx = probe.query.QUERY_CLS.SQL_CONTEXT.copy(parameterizer=Parameterizer())
    out: list[str] = []
    statement.render(ctx, out)
    return Statement("".join(out), list(ctx.parameterizer.values), probe.model,
                     dialect.name == "sqlite")


async def _execute(statement: Statement) -> orjson.Fragment | None:
    # The connection a queryset of the model would read from now (the replica when the router
    # allows it), without building one per request.
    db = router.db_for_read(statement.model) or statement.model._meta.db
    if statement.sqlite:
        await _sqlite_functions(db)
    log.debug("compiled statement: %s %r", statement.sql, statement.params)
    _, rows = await db.execute_query(statement.sql, statement.params)
    text = rows[0][0]
    if isinstance(text, bytes):
        text = text.decode()
    if MARKER in text:
        return None
    return orjson.Fragment(text)


class CompiledReads(SchemaExtension):
    """Answers the root fields of a query that compile with one statement each; the rest of the
    operation runs on the resolver path as before. With CRM_DEBUG the response's
    `extensions.compiled` says which root fields compiled and why the others did not."""

    def __init__(self) -> None:
        self.outcome: Outcome | None = None

    @staticmethod
    def handed_back(ctx: Any, actor: Actor) -> bool:
        """Whether this request's kept statements just handed this query back: they would again."""
        from crm.core import requests
        info = requests.current()
        handed = info.notes.get(HANDED_BACK) if info is not None else None
        return handed is not None and handed == recipe_key(
            ctx.query or "", ctx.operation_name, ctx.variables or {}, actor)

    async def on_execute(self) -> AsyncIterator[None]:  # type: ignore[override]
        from crm.settings import get_settings
        ctx = self.execution_context
        actor = getattr(ctx.context, "actor", None)
        if (ctx.result is not None or actor is None or not get_settings().compiled_reads
                or ctx.graphql_document is None or self.handed_back(ctx, actor)):
            yield
            return
        outcome = self.outcome = await run_compiled(
            ctx.schema, ctx.query or "", ctx.graphql_document, ctx.operation_name,
            ctx.variables or {}, actor)
        if outcome is None or not outcome.compiled:
            yield
            return
        if not outcome.reasons:
            ctx.result = ExecutionResult(data=dict(outcome.compiled))
            yield
            return
        rest = only_fields(ctx.graphql_document, outcome.operation, set(outcome.reasons))
        if rest is None:
            outcome.compiled.clear()
            yield
            return
        ctx.graphql_document = rest
        yield
        result = ctx.result
        if result is not None and result.data is not None:
            # In place: Strawberry returns this result object, not the context's attribute.
            data = result.data
            result.data = {k: outcome.compiled[k] if k in outcome.compiled else data.get(k)
                           for k in outcome.keys}

    def get_results(self) -> dict[str, Any]:
        from crm.settings import get_settings
        if not get_settings().debug or self.outcome is None:
            return {}
        return {"compiled": {"compiled": list(self.outcome.compiled),
                             "resolverPath": self.outcome.reasons}}
