"""Typed filters (`eq, ne, in, lt, lte, gt, gte, contains, startsWith, isNull`) turned into
queries, with the field policy deciding which fields a caller may filter and sort on."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from typing import Any

import strawberry
from tortoise.expressions import Q

from crm.core.connections import SortDirection, SortKey
from crm.core.errors import BadInput, ClientError, ErrorCode
from crm.core.ids import decode_id
from crm.core.policy import Access, Actor

_OP_TEXT = {
    "eq": "Equal to this value.",
    "ne": "Not equal to this value.",
    "in_": "Equal to one of these values.",
    "lt": "Less than (before) this value.",
    "lte": "Less than (before) or equal to this value.",
    "gt": "Greater than (after) this value.",
    "gte": "Greater than (after) or equal to this value.",
    "contains": "Contains this text, ignoring case.",
    "starts_with": "Starts with this text, ignoring case.",
    "is_null": "true: only records without a value; false: only records with one.",
}


def _op(key: str) -> Any:
    """One operator of a filter input, described once for every filter that offers it."""
    return strawberry.field(name="in" if key == "in_" else None, default=strawberry.UNSET,
                            description=_OP_TEXT[key])


@strawberry.input(description="Conditions on a text field; all given conditions must hold.")
class StringFilter:
    eq: str | None = _op("eq")
    ne: str | None = _op("ne")
    in_: list[str] | None = _op("in_")
    contains: str | None = _op("contains")
    starts_with: str | None = _op("starts_with")
    is_null: bool | None = _op("is_null")


@strawberry.input(description="Conditions on a reference to another record, by its global id.")
class IDFilter:
    eq: strawberry.ID | None = _op("eq")
    ne: strawberry.ID | None = _op("ne")
    in_: list[strawberry.ID] | None = _op("in_")
    is_null: bool | None = _op("is_null")


@strawberry.input(description="Conditions on a moment in time; all given conditions must hold.")
class DateTimeFilter:
    eq: dt.datetime | None = _op("eq")
    ne: dt.datetime | None = _op("ne")
    lt: dt.datetime | None = _op("lt")
    lte: dt.datetime | None = _op("lte")
    gt: dt.datetime | None = _op("gt")
    gte: dt.datetime | None = _op("gte")
    is_null: bool | None = _op("is_null")


@strawberry.input(description="Conditions on a calendar date; all given conditions must hold.")
class DateFilter:
    eq: dt.date | None = _op("eq")
    ne: dt.date | None = _op("ne")
    lt: dt.date | None = _op("lt")
    lte: dt.date | None = _op("lte")
    gt: dt.date | None = _op("gt")
    gte: dt.date | None = _op("gte")
    is_null: bool | None = _op("is_null")


@strawberry.input(description="Conditions on a whole number; all given conditions must hold.")
class IntFilter:
    eq: int | None = _op("eq")
    ne: int | None = _op("ne")
    in_: list[int] | None = _op("in_")
    lt: int | None = _op("lt")
    lte: int | None = _op("lte")
    gt: int | None = _op("gt")
    gte: int | None = _op("gte")
    is_null: bool | None = _op("is_null")


@strawberry.input(description="Conditions on a decimal amount; all given conditions must hold.")
class DecimalFilter:
    eq: Decimal | None = _op("eq")
    lt: Decimal | None = _op("lt")
    lte: Decimal | None = _op("lte")
    gt: Decimal | None = _op("gt")
    gte: Decimal | None = _op("gte")
    is_null: bool | None = _op("is_null")


@strawberry.input(description="Conditions on a yes/no field.")
class BooleanFilter:
    eq: bool | None = _op("eq")
    is_null: bool | None = _op("is_null")


_ENUM_FILTERS: dict[type, type] = {}


def enum_filter(enum: type[Enum]) -> type:
    """An `eq / ne / in / isNull` filter input for one enum (e.g. `LifecycleStageFilter`)."""
    if enum in _ENUM_FILTERS:
        return _ENUM_FILTERS[enum]
    name = f"{enum.__name__}Filter"
    cls = type(name, (), {
        "__annotations__": {
            "eq": enum | None, "ne": enum | None, "in_": list[enum] | None,  # type: ignore[valid-type]
            "is_null": bool | None,
        },
        "eq": _op("eq"), "ne": _op("ne"), "in_": _op("in_"), "is_null": _op("is_null"),
    })
    result = strawberry.input(name=name, description=f"Conditions on a {enum.__name__} value.")(cls)
    _ENUM_FILTERS[enum] = result
    return result


def _given(value: Any) -> bool:
    return value is not strawberry.UNSET and value is not None


_OPS = {"eq": "", "ne": "not", "lt": "lt", "lte": "lte", "gt": "gt", "gte": "gte",
        "contains": "icontains", "starts_with": "istartswith", "in_": "in"}


def scalar_q(column: str, flt: Any, convert: Callable[[Any], Any] | None = None) -> Q:
    """The conditions of one scalar filter input on one column, joined with AND."""
    parts: list[Q] = []
    for attr, op in _OPS.items():
        value = getattr(flt, attr, strawberry.UNSET)
        if not _given(value):
            continue
        if convert is not None:
            value = [convert(v) for v in value] if attr == "in_" else convert(value)
        if isinstance(value, Enum):
            value = value.value
        if attr == "in_":
            value = [v.value if isinstance(v, Enum) else v for v in value]
        lookup = column if not op else f"{column}__{op}"
        parts.append(Q(**{lookup: value}))
    is_null = getattr(flt, "is_null", strawberry.UNSET)
    if _given(is_null):
        parts.append(Q(**{f"{column}__isnull": is_null}))
    return Q(*parts) if parts else Q()


def id_converter(type_name: str, field: str) -> Callable[[Any], Any]:
    return lambda v: decode_id(str(v), type_name, field)


def require_readable(actor: Actor, type_name: str, field: str, purpose: str) -> None:
    if actor.field_access(type_name, field).rank < Access.READ.rank:
        raise ClientError(
            f"You may not {purpose} on {type_name}.{field}", ErrorCode.FORBIDDEN, field=field
        )


# --- filters declared once: the input type and the query condition come from one spec ---------

@dataclass(frozen=True)
class FilterOn:
    """One field of a filter input: its GraphQL input type, the condition it builds, and the
    field of the filtered type whose read access it needs (a filter on a field you may not read
    would be an oracle)."""

    name: str
    input_type: Any
    build: Callable[[Any, Actor], Q]
    policy_field: str | None
    description: str


def _policy_name(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p.title() for p in rest)


def text(name: str, column: str | None = None, *, policy: str | None = None,
         description: str | None = None) -> FilterOn:
    col = column or name
    return FilterOn(name, StringFilter, lambda f, _a: scalar_q(col, f), policy or _policy_name(name),
                    description or f"Match on {_policy_name(name)}.")


def choice(name: str, enum: type[Enum], column: str | None = None, *,
           description: str | None = None) -> FilterOn:
    col = column or name
    return FilterOn(name, enum_filter(enum), lambda f, _a: scalar_q(col, f), _policy_name(name),
                    description or f"Match on {_policy_name(name)}.")


def ref(name: str, type_name: str, column: str | None = None, *,
        description: str | None = None) -> FilterOn:
    """An id filter on a to-one column (`owner` on `owner_id`), taking global ids."""
    col = column or f"{name}_id"
    convert = id_converter(type_name, name)
    return FilterOn(name, IDFilter, lambda f, _a: scalar_q(col, f, convert), _policy_name(name),
                    description or f"Match on the {type_name} id of {_policy_name(name)}.")


def flag_filter(name: str, column: str | None = None, *, description: str | None = None) -> FilterOn:
    col = column or name
    return FilterOn(name, BooleanFilter, lambda f, _a: scalar_q(col, f), _policy_name(name),
                    description or f"Match on {_policy_name(name)}.")


def when(name: str, column: str | None = None, *, date: bool = False,
         policy: str | None = None, description: str | None = None) -> FilterOn:
    col = column or name
    return FilterOn(name, DateFilter if date else DateTimeFilter, lambda f, _a: scalar_q(col, f),
                    policy or _policy_name(name),
                    description or f"Match on {_policy_name(name)}.")


def number(name: str, column: str | None = None, *, description: str | None = None) -> FilterOn:
    col = column or name
    return FilterOn(name, IntFilter, lambda f, _a: scalar_q(col, f), _policy_name(name),
                    description or f"Match on {_policy_name(name)}.")


def custom(name: str, input_type: Any, build: Callable[[Any, Actor], Q], *, policy: str | None,
           description: str) -> FilterOn:
    return FilterOn(name, input_type, build, policy, description)


@dataclass(eq=False)
class FilterSpec:
    """The filter of one type, declared once: its input type is built from it on first use (at
    schema build, so higher modules may `add` fields first: sales adds `Customer.opportunity`),
    and `q` turns a value into a condition, checking the field policy of every field used."""

    type_name: str
    fields: list[FilterOn]
    name: str
    module: str
    description: str
    logic: bool = True  # and / or / not
    _input: Any = None

    def add(self, *more: FilterOn) -> None:
        if self._input is not None:
            raise RuntimeError(f"{self.name} is already built; add filters before the schema")
        self.fields.extend(more)

    @property
    def input_cls(self) -> Any:
        """The Strawberry input type, registered in `module`'s namespace (so its own name
        resolves in the and/or/not fields)."""
        if self._input is not None:
            return self._input
        import sys
        annotations: dict[str, Any] = {}
        namespace: dict[str, Any] = {}
        for f in self.fields:
            tp = f.input_type.input_cls if isinstance(f.input_type, FilterSpec) else f.input_type
            annotations[f.name] = tp | None
            namespace[f.name] = strawberry.field(default=strawberry.UNSET, description=f.description)
        if self.logic:
            name = self.name
            annotations.update({"and_": f"list[{name}] | None", "or_": f"list[{name}] | None",
                                "not_": f"{name} | None"})
            namespace["and_"] = strawberry.field(name="and", default=strawberry.UNSET,
                                                 description="Every one of these matches.")
            namespace["or_"] = strawberry.field(name="or", default=strawberry.UNSET,
                                                description="At least one of these matches.")
            namespace["not_"] = strawberry.field(name="not", default=strawberry.UNSET,
                                                 description="This does not match.")
        namespace["__annotations__"] = annotations
        namespace["__module__"] = self.module
        cls = type(self.name, (), namespace)
        sys.modules[self.module].__dict__[self.name] = cls
        self._input = strawberry.input(name=self.name, description=self.description)(cls)
        return self._input

    def q(self, actor: Actor, value: Any) -> Q:
        """The condition of a filter value, refusing fields the actor cannot read."""
        if value is None or value is strawberry.UNSET:
            return Q()
        parts: list[Q] = []
        for f in self.fields:
            v = getattr(value, f.name, strawberry.UNSET)
            if not _given(v):
                continue
            if f.policy_field is not None:
                require_readable(actor, self.type_name, f.policy_field, "filter")
            parts.append(f.build(v, actor))
        if self.logic:
            for sub in getattr(value, "and_", None) or []:
                parts.append(self.q(actor, sub))
            ors = getattr(value, "or_", None)
            if _given(ors) and ors:
                alternatives = [self.q(actor, sub) for sub in ors]
                either = alternatives[0]
                for alt in alternatives[1:]:
                    either = either | alt
                parts.append(either)
            negated = getattr(value, "not_", None)
            if _given(negated):
                parts.append(~self.q(actor, negated))
        return Q(*parts) if parts else Q()


def related(name: str, spec: FilterSpec, model: Any, column: str, source: str = "id", *,
            policy: str | None, description: str) -> FilterOn:
    """Match rows having a related row like this: among the `model` rows the actor may read,
    `column` points at the filtered row's `source` column. The related type's field policy
    applies to what the nested filter uses, and its row scope to the rows it matches."""
    from tortoise.expressions import Subquery

    from crm.core.scoping import readable

    def build(value: Any, actor: Actor) -> Q:
        matching = readable(model, actor).filter(spec.q(actor, value)).values(column)
        lookup: dict[str, Any] = {f"{source}__in": Subquery(matching)}
        return Q(**lookup)

    return FilterOn(name, spec, build, policy, description)


# --- sorts declared once ---------------------------------------------------------------------

@dataclass(eq=False)
class SortSpec:
    """The sort of one type: `columns` maps each enum name (e.g. "NAME") to (model column,
    field of the type whose read access sorting needs). Builds `<Type>SortField` (the enum) and
    `<Type>Sort` (the input of orderBy) on first use."""

    type_name: str
    columns: dict[str, tuple[str, str]]
    default: list[SortKey]
    name: str
    module: str
    _input: Any = None

    @property
    def input_cls(self) -> Any:
        if self._input is not None:
            return self._input
        import sys
        name = self.name
        members = {k: strawberry.enum_value(k, description=f"Sort by {v[1]}.")
                   for k, v in self.columns.items()}
        enum_cls = Enum(f"{name}Field", members)  # type: ignore[misc]
        enum_cls.__module__ = self.module
        enum_type = strawberry.enum(enum_cls, name=f"{name}Field",  # type: ignore[arg-type]
                                    description=f"What a {self.type_name} list can be sorted by.")
        namespace: dict[str, Any] = {
            "__annotations__": {"field": f"{name}Field", "direction": "SortDirection"},
            "__module__": self.module,
            "field": strawberry.field(description="The field to sort on."),
            "direction": strawberry.field(default=SortDirection.ASC,
                                          description="Ascending (default) or descending."),
        }
        module_ns = sys.modules[self.module].__dict__
        module_ns[f"{name}Field"] = enum_type
        module_ns.setdefault("SortDirection", SortDirection)
        cls = type(name, (), namespace)
        module_ns[name] = cls
        self._input = strawberry.input(name=name, description=(
            f"One key of a {self.type_name} sort; later keys break ties."))(cls)
        return self._input

    def keys(self, actor: Actor, order_by: list[Any] | None) -> list[SortKey]:
        if not order_by:
            return self.default
        keys: list[SortKey] = []
        for item in order_by:
            name = item.field.name if isinstance(item.field, Enum) else str(item.field)
            if name not in self.columns:
                raise BadInput(f"Cannot sort by {name}", "orderBy")
            column_name, policy_field = self.columns[name]
            require_readable(actor, self.type_name, policy_field, "sort")
            keys.append(SortKey(column_name, item.direction == SortDirection.DESC))
        return keys
