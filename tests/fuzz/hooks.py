"""Schemathesis hooks for fuzzing /graphql: strategies for the schema's custom scalars and a
check that fails on errors the server masked as its own fault.

Loaded by schemathesis itself (SCHEMATHESIS_HOOKS=<this file>), not imported by pytest.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import os
from decimal import Decimal
from pathlib import Path
from typing import Any

import graphql
import schemathesis
from hypothesis import strategies as st
from schemathesis.graphql import nodes

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "schema.graphql"
# Every error a client may see carries one of the server's own codes (crm.core.errors.ErrorCode);
# "INTERNAL" is an unexpected exception the server logged and masked.
CLIENT_CODES = frozenset({
    "INVALID", "NOT_FOUND", "FORBIDDEN", "CONFLICT", "DUPLICATE", "LIMIT_REACHED",
    "INSUFFICIENT_STOCK", "INVALID_STATE", "UNAUTHENTICATED", "RATE_LIMITED", "INVALID_CREDENTIALS",
})


def _node_types() -> list[str]:
    schema = graphql.build_schema(SCHEMA_PATH.read_text(encoding="utf-8"))
    node = schema.get_type("Node")
    return sorted(t.name for t in schema.type_map.values()
                  if isinstance(t, graphql.GraphQLObjectType) and node in t.interfaces)


NODE_TYPES = _node_types() or ["Customer"]

# Decimal: mostly well-formed amounts ("12.50"), plus the edge cases the scalar must refuse
# cleanly (NaN, infinity, too many places, exponents, garbage).
decimal_strings = st.one_of(
    st.decimals(min_value=Decimal("-1e12"), max_value=Decimal("1e12"), places=2,
                allow_nan=False, allow_infinity=False).map(str),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.sampled_from(["0", "0.00", "-0", "12.50", "1234.5", "1e3", "1E+400", "NaN", "sNaN", "Infinity",
                     "-Infinity", "0.0000001", "99999999999999999999.99", "", " ", "abc", "1,5"]),
    st.text(max_size=12),
)

utc_datetimes = st.datetimes(min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30),
                             timezones=st.sampled_from([dt.UTC, dt.timezone(dt.timedelta(hours=8))]))
datetime_strings = st.one_of(
    utc_datetimes.map(lambda d: d.isoformat()),
    st.datetimes().map(lambda d: d.isoformat()),  # naive
    st.sampled_from(["2026-02-30T00:00:00Z", "2026-01-01T25:00:00", "now", "", "2026-01-01"]),
)
date_strings = st.one_of(
    st.dates().map(lambda d: d.isoformat()),
    st.sampled_from(["2026-02-30", "0000-01-01", "2026-13-01", "2026-1-1", "", "tomorrow"]),
)

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | st.text(max_size=20)
    | st.floats(allow_nan=False, allow_infinity=False),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3),
    max_leaves=8,
)


def _json_node(value: Any) -> graphql.ValueNode:
    if isinstance(value, dict):
        return nodes.Object([graphql.ObjectFieldNode(name=graphql.NameNode(value=f"k{i}"), value=_json_node(v))
                             for i, v in enumerate(value.values())])
    if isinstance(value, list):
        return nodes.List([_json_node(v) for v in value])
    return graphql.language.parse_value(json.dumps(value))


def _global_id(type_name: str, raw: str) -> str:
    return base64.b64encode(f"{type_name}:{raw}".encode()).decode()


def _raw_uuid(global_id: str) -> str:
    try:
        return base64.b64decode(global_id).decode().split(":", 1)[1]
    except (ValueError, IndexError):
        return global_id


# Global ids of rows that exist in the seeded database (the test passes them in CRM_FUZZ_IDS), so
# updates, deletes and nested creates get past "not found" into the services' own logic, and a
# create may be handed an id that is already taken.
KNOWN_IDS = [i for i in os.environ.get("CRM_FUZZ_IDS", "").split(",") if i]

# IDs: ids of existing rows (global and raw UUID), well-formed global ids of every node type (they
# will mostly not exist), ids of a type the argument does not expect, and garbage; a bad one must
# come back as a clean client error.
_id_choices = [
    st.builds(_global_id, st.sampled_from(NODE_TYPES), st.uuids().map(str)),
    st.builds(_global_id, st.sampled_from([*NODE_TYPES, "Nope", ""]), st.text(max_size=40)),
    st.uuids().map(str),
    st.text(max_size=40),
    st.binary(max_size=30).map(lambda b: base64.b64encode(b).decode()),
]
if KNOWN_IDS:
    _known = st.sampled_from(KNOWN_IDS)
    _id_choices = [_known, _known, _known.map(_raw_uuid), *_id_choices]
id_strings = st.one_of(*_id_choices)

schemathesis.graphql.scalar("Decimal", decimal_strings.map(nodes.String))
schemathesis.graphql.scalar("DateTime", datetime_strings.map(nodes.String))
schemathesis.graphql.scalar("Date", date_strings.map(nodes.String))
schemathesis.graphql.scalar("JSON", json_values.map(_json_node))
schemathesis.graphql.scalar("ID", id_strings.map(nodes.String))


def _errors(response: Any) -> list[dict[str, Any]]:
    try:
        body = json.loads(response.content)
    except ValueError as exc:
        raise AssertionError(f"HTTP {response.status_code}: the body is not JSON: {response.content[:300]!r}") from exc
    errors = body.get("errors") if isinstance(body, dict) else None
    return [e for e in errors or [] if isinstance(e, dict)]


@schemathesis.check
def no_internal_errors(ctx: Any, response: Any, case: Any) -> None:
    """The server masks unexpected exceptions as HTTP 200 with extensions.code == "INTERNAL", which
    `not_a_server_error` does not see; a 5xx or an error without one of the client codes is a bug."""
    if response.status_code >= 500:
        raise AssertionError(f"HTTP {response.status_code}")
    for err in _errors(response):
        code = (err.get("extensions") or {}).get("code")
        if code == "INTERNAL":
            raise AssertionError(f"Internal server error (requestId {err['extensions'].get('requestId')}) "
                                 f"at {err.get('path')}")
        if code not in CLIENT_CODES:
            raise AssertionError(f"Error with unknown code {code!r}: {err.get('message')!r}")
