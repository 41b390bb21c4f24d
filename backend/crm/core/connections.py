"""Relay connections with keyset pagination: page 1000 costs what page 1 costs."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from enum import Enum
from typing import Annotated, Any, Generic, TypeVar

import orjson
import strawberry
from strawberry.annotation import StrawberryAnnotation
from strawberry.types.arguments import StrawberryArgument
from tortoise import fields as tfields
from tortoise.expressions import Q, RawSQL
from tortoise.queryset import QuerySet

from crm.core.errors import BadInput
from crm.settings import get_settings

T = TypeVar("T")
DEFAULT_PAGE = 20

# The paging arguments' descriptions, shared by every connection field.
PAGE_ARGS = {
    "first": "Items from the start (capped at 100; default 20).",
    "after": "Only items after this cursor.",
    "last": "Items from the end (capped at 100).",
    "before": "Only items before this cursor.",
}


def argument(name: str, tp: Any, description: str) -> StrawberryArgument:
    """An argument of a field built in code (list and relation fields)."""
    return StrawberryArgument(python_name=name, graphql_name=None,
                              type_annotation=StrawberryAnnotation(tp), default=None,
                              description=description)


def page_arguments() -> list[StrawberryArgument]:
    return [argument(name, int | None if name in ("first", "last") else str | None, text)
            for name, text in PAGE_ARGS.items()]


# For connection fields written by hand: `first: First = None, after: After = None, ...`.
First = Annotated[int | None, strawberry.argument(description=PAGE_ARGS["first"])]
After = Annotated[str | None, strawberry.argument(description=PAGE_ARGS["after"])]
Last = Annotated[int | None, strawberry.argument(description=PAGE_ARGS["last"])]
Before = Annotated[str | None, strawberry.argument(description=PAGE_ARGS["before"])]


@strawberry.enum(description="Which way a sort key runs.")
class SortDirection(Enum):
    ASC = strawberry.enum_value("asc", description="Smallest, earliest or A first.")
    DESC = strawberry.enum_value("desc", description="Largest, latest or Z first.")


@strawberry.type(description="Where a page sits in the whole list (Relay).")
class PageInfo:
    has_next_page: bool = strawberry.field(
        description="Whether items follow this page (pass `endCursor` as `after` to get them).")
    has_previous_page: bool = strawberry.field(
        description="Whether items precede this page (pass `startCursor` as `before`).")
    start_cursor: str | None = strawberry.field(
        description="The cursor of the page's first item; null on an empty page.")
    end_cursor: str | None = strawberry.field(
        description="The cursor of the page's last item; null on an empty page.")


@strawberry.type(description="One item of a page with the cursor that points at it.")
class Edge(Generic[T]):
    cursor: str = strawberry.field(
        description="An opaque position: pass it as `after` or `before` to page from here.")
    node: T = strawberry.field(description="The item.")


@strawberry.type(description="A page of a list. `totalCount` is only computed when asked for.")
class Connection(Generic[T]):
    edges: list[Edge[T]] = strawberry.field(description="The items of this page, in order.")
    page_info: PageInfo = strawberry.field(description="Where this page sits in the list.")
    count_query: strawberry.Private[Any]

    @strawberry.field(description="How many items the whole filtered list holds.")
    async def total_count(self) -> int:
        if isinstance(self.count_query, int):
            return self.count_query
        if callable(self.count_query):
            return int(await self.count_query())
        return int(await self.count_query.count())


@dataclass(frozen=True)
class SortKey:
    column: str
    descending: bool = False


def _encode_value(value: Any) -> Any:
    if isinstance(value, (dt.datetime, dt.date, uuid.UUID)):
        return str(value) if isinstance(value, uuid.UUID) else value.isoformat()
    if isinstance(value, Enum):
        return value.value
    return value


def encode_cursor(values: list[Any]) -> str:
    return base64.urlsafe_b64encode(orjson.dumps([_encode_value(v) for v in values])).decode()


def _decode_value(field: Any, raw: Any) -> Any:
    """A sort key's value from a cursor, of the kind its column holds; anything else is not a
    cursor of this list (ValueError), so that the database never compares a column with a value
    of another type (PostgreSQL refuses to, which would be an internal error)."""
    if raw is None:
        return None
    if isinstance(raw, bool) and not isinstance(field, tfields.BooleanField):
        raise ValueError(raw)
    if isinstance(field, tfields.DatetimeField):
        value = dt.datetime.fromisoformat(raw)
        if value.tzinfo is None:  # the lists write times with their UTC offset
            raise ValueError(raw)
        return value
    if isinstance(field, tfields.DateField):
        return dt.date.fromisoformat(raw)
    if isinstance(field, tfields.UUIDField) or (
        isinstance(field, tfields.relational.ForeignKeyFieldInstance)
    ):
        return uuid.UUID(raw)
    if isinstance(field, tfields.data.CharEnumFieldInstance | tfields.data.IntEnumFieldInstance):
        field.enum_type(raw)  # a value of the enum, or ValueError
        return raw
    if isinstance(field, tfields.IntField | tfields.BigIntField | tfields.SmallIntField):
        if not isinstance(raw, int):
            raise ValueError(raw)
        return raw
    if isinstance(field, tfields.CharField | tfields.TextField):
        if not isinstance(raw, str):
            raise ValueError(raw)
        return raw
    if isinstance(field, tfields.BooleanField):
        if not isinstance(raw, bool):
            raise ValueError(raw)
        return raw
    if field is None and not isinstance(raw, int | float):
        # A computed sort key (an annotation such as myTasks' `undated`) is a number.
        raise ValueError(raw)
    return raw


def decode_cursor(model: Any, keys: list[SortKey], cursor: str, arg: str) -> list[Any]:
    try:
        raw = orjson.loads(base64.urlsafe_b64decode(cursor.encode()))
        if not isinstance(raw, list) or len(raw) != len(keys):
            raise ValueError(cursor)
        fields_map = model._meta.fields_map
        return [_decode_value(fields_map.get(k.column), v) for k, v in zip(keys, raw, strict=True)]
    except (ValueError, TypeError, AttributeError, binascii.Error, orjson.JSONDecodeError):
        raise BadInput(f"{arg} is not a cursor of this list (did the sort order change?)", arg) from None


def _after_q(keys: list[SortKey], values: list[Any], reverse: bool) -> Q:
    """Rows strictly after `values` in the order of `keys` (a row-value comparison, spelled out)."""
    clauses: list[Q] = []
    for i, key in enumerate(keys):
        equal = {keys[j].column: values[j] for j in range(i)}
        descending = key.descending != reverse
        op = "lt" if descending else "gt"
        clauses.append(Q(**equal, **{f"{key.column}__{op}": values[i]}))
    result = clauses[0]
    for clause in clauses[1:]:
        result = result | clause
    if len(keys) > 1 and values[0] is not None:
        # The OR above cannot bound an index scan; the redundant bound on the first key can, so
        # a deep page reads the index from the cursor on instead of filtering every row before.
        first = keys[0]
        op = "lte" if first.descending != reverse else "gte"
        result = Q(result, Q(**{f"{first.column}__{op}": values[0]}))
    return result


def page_size(first: int | None, last: int | None) -> tuple[int, bool]:
    """The page size asked for, and whether it counts from the end."""
    cap = get_settings().max_page_size
    if first is not None and last is not None:
        raise BadInput("Send first or last, not both", "first")
    size = first if first is not None else last if last is not None else DEFAULT_PAGE
    if size < 0:
        raise BadInput("first and last must not be negative", "first" if first is not None else "last")
    if size > cap:
        raise BadInput(f"first and last are capped at {cap}", "first" if first is not None else "last")
    return size, last is not None


def keyset(qs: QuerySet[Any], keys: list[SortKey], *, first: int | None, after: str | None,
           last: int | None, before: str | None) -> tuple[QuerySet[Any], list[SortKey], int, bool]:
    """The rows of a page's window (after and before its cursors), its full sort keys (the id
    breaks ties), the page size and whether it counts from the end: what the resolver path
    and the compiled path both page by."""
    keys = [*keys, SortKey("id", keys[-1].descending if keys else False)]
    size, backwards = page_size(first, last)
    page = qs
    # "" is no cursor a list gives: it is refused like any other, not read as "no cursor" (the
    # page's hasPreviousPage/hasNextPage say whether a cursor was given).
    if after is not None:
        page = page.filter(_after_q(keys, decode_cursor(qs.model, keys, after, "after"), reverse=False))
    if before is not None:
        page = page.filter(_after_q(keys, decode_cursor(qs.model, keys, before, "before"), reverse=True))
    return page, keys, size, backwards


async def paginate(
    qs: QuerySet[Any],
    keys: list[SortKey],
    *,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
) -> Connection[Any]:
    page, keys, size, backwards = keyset(qs, keys, first=first, after=after, last=last,
                                         before=before)
    rows = list(await page.order_by(*ordering(keys, backwards)).limit(size + 1)) if size else []
    return _connection_of(rows, keys, size, backwards, after, before, qs)


def ordering(keys: list[SortKey], backwards: bool) -> list[str]:
    return [("-" if (k.descending != backwards) else "") + k.column for k in keys]


async def _windowed(qs: QuerySet[Any], key: str, keys: list[Any], sort: list[SortKey],
                    backwards: bool, limit: int) -> list[Any]:
    """The first `limit` rows of each key's group in one statement (ROW_NUMBER per group):
    a page of a relation under every row of a list, whatever the list's length."""
    model = qs.model
    meta = model._meta
    table = meta.db_table

    def column(name: str) -> str:
        return f'"{table}"."{meta.fields_db_projection.get(name, name)}"'

    order = ", ".join(f"{column(k.column)} {'DESC' if k.descending != backwards else 'ASC'}"
                      for k in sort)
    inner = qs.filter(**{f"{key}__in": keys}).annotate(
        _rn=RawSQL(f"ROW_NUMBER() OVER (PARTITION BY {column(key)} ORDER BY {order})"))
    inner._choose_db_if_not_chosen()
    inner._make_query()
    sql, params = inner.query.get_parameterized_sql()
    outer = f'SELECT * FROM ({sql}) "_page" WHERE "_rn" <= {int(limit)}'
    executor = inner._db.executor_class(model=model, db=inner._db)
    rows: list[Any] = await executor.execute_select(outer, params, custom_fields=["_rn"])
    rows.sort(key=lambda r: r._rn)
    return rows


async def page_of_many(
    qs: QuerySet[Any],
    key: str,
    keys: list[Any],
    sort: list[SortKey],
    *,
    first: int | None = None,
    after: str | None = None,
    last: int | None = None,
    before: str | None = None,
    count: Callable[[Any], Awaitable[int]],
) -> list[Connection[Any]]:
    """One page per key of the rows whose `key` column holds it: one statement for all keys."""
    page, sort, size, backwards = keyset(qs, sort, first=first, after=after, last=last,
                                         before=before)
    distinct = list(dict.fromkeys(keys))
    if not size:
        rows: list[Any] = []
    elif len(distinct) == 1:
        rows = list(await page.filter(**{key: distinct[0]}).order_by(*ordering(sort, backwards))
                    .limit(size + 1))
    else:
        rows = await _windowed(page, key, distinct, sort, backwards, size + 1)
    groups: dict[Any, list[Any]] = {k: [] for k in distinct}
    for r in rows:
        groups[getattr(r, key)].append(r)
    out = []
    for k in keys:
        out.append(_connection_of(groups[k], sort, size, backwards, after, before,
                                  _counter(count, k)))
    return out


def _counter(count: Callable[[Any], Awaitable[int]], k: Any) -> Callable[[], Awaitable[int]]:
    return lambda: count(k)


def _connection_of(rows: list[Any], keys: list[SortKey], size: int, backwards: bool,
                   after: str | None, before: str | None, count_query: Any) -> Connection[Any]:
    more = len(rows) > size
    rows = rows[:size]
    if backwards:
        rows.reverse()
    edges = [Edge(cursor=encode_cursor([getattr(r, k.column) for k in keys]), node=r) for r in rows]
    info = PageInfo(
        has_next_page=more if not backwards else before is not None,
        has_previous_page=more if backwards else after is not None,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=info, count_query=count_query)


def list_connection(items: list[Any]) -> Connection[Any]:
    """A connection over a short list already in memory (e.g. a loaded relation)."""
    edges = [Edge(cursor=encode_cursor([i]), node=item) for i, item in enumerate(items)]
    info = PageInfo(
        has_next_page=False,
        has_previous_page=False,
        start_cursor=edges[0].cursor if edges else None,
        end_cursor=edges[-1].cursor if edges else None,
    )
    return Connection(edges=edges, page_info=info, count_query=len(items))
