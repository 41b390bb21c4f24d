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


@strawberry.input
class StringFilter:
    eq: str | None = strawberry.UNSET
    ne: str | None = strawberry.UNSET
    in_: list[str] | None = strawberry.field(name="in", default=strawberry.UNSET)
    contains: str | None = strawberry.UNSET
    starts_with: str | None = strawberry.UNSET
    is_null: bool | None = strawberry.UNSET


@strawberry.input
class IDFilter:
    eq: strawberry.ID | None = strawberry.UNSET
    ne: strawberry.ID | None = strawberry.UNSET
    in_: list[strawberry.ID] | None = strawberry.field(name="in", default=strawberry.UNSET)
    is_null: bool | None = strawberry.UNSET


@strawberry.input
class DateTimeFilter:
    eq: dt.datetime | None = strawberry.UNSET
    ne: dt.datetime | None = strawberry.UNSET
    lt: dt.datetime | None = strawberry.UNSET
    lte: dt.datetime | None = strawberry.UNSET
    gt: dt.datetime | None = strawberry.UNSET
    gte: dt.datetime | None = strawberry.UNSET
    is_null: bool | None = strawberry.UNSET


@strawberry.input
class DateFilter:
    eq: dt.date | None = strawberry.UNSET
    ne: dt.date | None = strawberry.UNSET
    lt: dt.date | None = strawberry.UNSET
    lte: dt.date | None = strawberry.UNSET
    gt: dt.date | None = strawberry.UNSET
    gte: dt.date | None = strawberry.UNSET
    is_null: bool | None = strawberry.UNSET


@strawberry.input
class IntFilter:
    eq: int | None = strawberry.UNSET
    ne: int | None = strawberry.UNSET
    in_: list[int] | None = strawberry.field(name="in", default=strawberry.UNSET)
    lt: int | None = strawberry.UNSET
    lte: int | None = strawberry.UNSET
    gt: int | None = strawberry.UNSET
    gte: int | None = strawberry.UNSET
    is_null: bool | None = strawberry.UNSET


@strawberry.input
class DecimalFilter:
    eq: Decimal | None = strawberry.UNSET
    lt: Decimal | None = strawberry.UNSET
    lte: Decimal | None = strawberry.UNSET
    gt: Decimal | None = strawberry.UNSET
    gte: Decimal | None = strawberry.UNSET
    is_null: bool | None = strawberry.UNSET


@strawberry.input
class BooleanFilter:
    eq: bool | None = strawberry.UNSET
    is_null: bool | None = strawberry.UNSET


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
        "eq": strawberry.UNSET, "ne": strawberry.UNSET,
        "in_": strawberry.field(name="in", default=strawberry.UNSET),
        "is_null": strawberry.UNSET,
    })
    result = strawberry.input(name=name)(cls)
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


@dataclass(frozen=True)
class FilterField:
    """How one filter input field maps onto the model, and which policy field guards it."""

    policy_field: str | None
    build: Callable[[Any, Actor], Q]


def column(column_name: str, policy_field: str | None,
           convert: Callable[[Any], Any] | None = None) -> FilterField:
    return FilterField(policy_field, lambda flt, _actor: scalar_q(column_name, flt, convert))


def require_readable(actor: Actor, type_name: str, field: str, purpose: str) -> None:
    if actor.field_access(type_name, field).rank < Access.READ.rank:
        raise ClientError(
            f"You may not {purpose} on {type_name}.{field}", ErrorCode.FORBIDDEN, field=field
        )


def build_filter(actor: Actor, type_name: str, flt: Any, spec: dict[str, FilterField]) -> Q:
    """The query condition of a typed filter input, refusing fields the actor cannot read."""
    if flt is None or flt is strawberry.UNSET:
        return Q()
    parts: list[Q] = []
    for name, field in spec.items():
        value = getattr(flt, name, strawberry.UNSET)
        if not _given(value):
            continue
        if field.policy_field is not None:
            require_readable(actor, type_name, field.policy_field, "filter")
        parts.append(field.build(value, actor))
    for sub in getattr(flt, "and_", None) or []:
        parts.append(build_filter(actor, type_name, sub, spec))
    ors = getattr(flt, "or_", None)
    if _given(ors) and ors:
        alternatives = [build_filter(actor, type_name, sub, spec) for sub in ors]
        either = alternatives[0]
        for alt in alternatives[1:]:
            either = either | alt
        parts.append(either)
    negated = getattr(flt, "not_", None)
    if _given(negated):
        parts.append(~build_filter(actor, type_name, negated, spec))
    return Q(*parts) if parts else Q()


def build_order(
    actor: Actor,
    type_name: str,
    order_by: list[Any] | None,
    columns: dict[str, tuple[str, str]],
    default: list[SortKey],
) -> list[SortKey]:
    """Sort keys from `orderBy: [{field, direction}]`; `columns` maps the enum value to
    (model column, policy field)."""
    if not order_by:
        return default
    keys: list[SortKey] = []
    for item in order_by:
        name = item.field.value if isinstance(item.field, Enum) else str(item.field)
        if name not in columns:
            raise BadInput(f"Cannot sort by {name}", "orderBy")
        column_name, policy_field = columns[name]
        require_readable(actor, type_name, policy_field, "sort")
        keys.append(SortKey(column_name, item.direction == SortDirection.DESC))
    return keys
