"""Date and time scalars bounded to what every database and every date library holds, and the
one check every text input of a request passes (no NUL, not longer than the setting).

Years 1900-2200 keep dates away from the edges where SQLite's date functions, PostgreSQL's
`timestamptz` and Python's `datetime` disagree: `0001-01-01T00:00:00+14:00` is a valid string
but has no UTC instant in Python, and breaks every list that reads the row back.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import strawberry
from graphql import ExecutionResult, GraphQLError, StringValueNode, visit
from graphql.language import Visitor
from strawberry.extensions import SchemaExtension

from crm.core.lru import LRU, text_key

MIN_YEAR = 1900
MAX_YEAR = 2200


def _in_range(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def parse_datetime(value: object) -> dt.datetime:
    if not isinstance(value, str):
        raise GraphQLError("DateTime must be a string such as \"2024-03-01T10:00:00+08:00\"")
    try:
        parsed = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise GraphQLError(f"{value[:40]!r} is not an ISO 8601 date and time") from None
    if parsed.tzinfo is None or parsed.utcoffset() is None:
        raise GraphQLError("DateTime needs a UTC offset (e.g. +08:00 or Z): a time without one "
                           "names no instant")
    try:
        utc = parsed.astimezone(dt.UTC)
    except OverflowError:
        utc = None
    if utc is None or not (_in_range(parsed.year) and _in_range(utc.year)):
        raise GraphQLError(f"DateTime must be between the years {MIN_YEAR} and {MAX_YEAR}")
    return utc


def parse_date(value: object) -> dt.date:
    if not isinstance(value, str):
        raise GraphQLError("Date must be a string such as \"2024-03-01\"")
    try:
        parsed = dt.date.fromisoformat(value.strip())
    except ValueError:
        raise GraphQLError(f"{value[:40]!r} is not an ISO 8601 date (YYYY-MM-DD)") from None
    if not _in_range(parsed.year):
        raise GraphQLError(f"Date must be between the years {MIN_YEAR} and {MAX_YEAR}")
    return parsed


DateTimeScalar = strawberry.scalar(
    name="DateTime",
    description=f"A date and time in ISO 8601 with a UTC offset, e.g. \"2024-03-01T10:00:00+08:00\", "
    f"years {MIN_YEAR}-{MAX_YEAR}. Stored and returned in UTC; a time without an offset is refused.",
    serialize=lambda value: value.isoformat(),
    parse_value=parse_datetime,
)

DateScalar = strawberry.scalar(
    name="Date",
    description=f"A calendar date in ISO 8601, e.g. \"2024-03-01\", years {MIN_YEAR}-{MAX_YEAR}.",
    serialize=lambda value: value.isoformat(),
    parse_value=parse_date,
)


def text_problem(value: str, limit: int) -> str | None:
    if "\x00" in value:
        return "Text must not contain the NUL character (\\u0000)"
    if len(value) > limit:
        return f"Text is longer than {limit} characters"
    return None


def _strings(value: Any) -> Iterator[str]:
    # A walk with a stack of its own: a variable nested a thousand deep must reach the input
    # bounds' coded refusal, not exhaust Python's stack here first.
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            yield item
        elif isinstance(item, dict):
            pending.extend(item.values())
        elif isinstance(item, list):
            pending.extend(item)


class _Literals(Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.values: list[str] = []

    def enter_string_value(self, node: StringValueNode, *_args: Any) -> None:
        self.values.append(node.value)


# What is wrong with the string literals of each query text (under each length limit), found
# once: "" when nothing is. The verdict, not the literals, so an entry stays small.
LITERALS: LRU[str] = LRU(512)


class TextInputLimits(SchemaExtension):
    """Every string of a request, in its variables or written in the query, refuses NUL (which
    PostgreSQL cannot store) and more than `max_string_length` characters (which SQLite cannot
    match in a LIKE). GraphQL's own String cannot be replaced, so the check runs here, once per
    request, before any resolver."""

    def on_execute(self) -> Iterator[None]:
        from crm.settings import get_settings

        ctx = self.execution_context
        limit = get_settings().max_string_length
        problem = next((p for p in (text_problem(t, limit) for t in _strings(ctx.variables or {}))
                        if p), None)
        if problem is None and ctx.graphql_document is not None:
            key = (text_key(ctx.query), limit)
            found = LITERALS.get(key)
            if found is None:
                literals = _Literals()
                visit(ctx.graphql_document, literals)
                found = next((p for p in (text_problem(t, limit) for t in literals.values) if p),
                             "")
                LITERALS.put(key, found)
            problem = found or None
        if problem:
            ctx.result = ExecutionResult(
                data=None, errors=[GraphQLError(problem, extensions={"code": "INVALID"})])
        yield
