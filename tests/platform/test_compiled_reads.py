"""The compiled read path answers every query exactly as the resolver path does.

Queries are generated from the schema with a fixed seed: for each root list, random selections
of its node's fields, relations two levels deep (to-one, to-many, many-to-many, connections),
aliases, named and inline fragments, `@include`/`@skip` on variables, `__typename`, sorts from
the list's sort enum and pages forward and back from cursors the list itself gave. Each is sent
by every role with compiled reads off (the reference) and on; `data` and the errors (path, code,
message) must be the same. Fixture rows cross owners and teams (the access matrix's records).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import pytest
from graphql import (
    GraphQLEnumType,
    GraphQLInputObjectType,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLScalarType,
    get_named_type,
)

from crm.core.lists import ListField
from crm.core.relations import RelationField, strawberry_name
from crm.schema import get_schema
from crm.settings import get_settings, override_settings
from tests.conftest import ROLES_BY_USER, World
from tests.security.test_access_matrix import build

SEED = 20261203
QUERIES_PER_LIST = 8
USERS = {role: who for who, role in reversed(list(ROLES_BY_USER.items()))}


@contextmanager
def resolver_path() -> Iterator[None]:
    base = get_settings()
    override_settings(base.model_copy(update={"compiled_reads": False}))
    try:
        yield
    finally:
        override_settings(base)


def root_lists() -> dict[str, ListField]:
    query = get_schema().get_type_by_name("Query")
    return {strawberry_name(f): f for f in query.fields if isinstance(f, ListField)}


def relation_fields(type_name: str) -> dict[str, RelationField]:
    definition = get_schema().get_type_by_name(type_name)
    return {strawberry_name(f): f for f in definition.fields if isinstance(f, RelationField)}


@dataclass
class Generated:
    text: str
    variables: dict[str, Any] = field(default_factory=dict)


class Generator:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.schema = get_schema()._schema
        self.fragments: dict[str, str] = {}
        self.variables: dict[str, Any] = {}
        self.declared: list[str] = []
        self.n = 0

    def name(self, prefix: str) -> str:
        self.n += 1
        return f"{prefix}{self.n}"

    def leaves(self, gtype: GraphQLObjectType) -> list[str]:
        out = []
        relations = relation_fields(gtype.name)
        for name, gfield in gtype.fields.items():
            if name in relations or any(isinstance(a.type, GraphQLNonNull) and a.default_value
                                        is None for a in gfield.args.values()):
                continue
            named = get_named_type(gfield.type)
            if isinstance(named, GraphQLScalarType | GraphQLEnumType):
                out.append(name)
            elif (isinstance(named, GraphQLObjectType) and not named.name.endswith("Connection")
                  and not any(isinstance(get_named_type(x.type), GraphQLObjectType)
                              for x in named.fields.values())):
                out.append(f"{name} {{ {' '.join(named.fields)} }}")
        return out

    def decorate(self, text: str) -> str:
        """Sometimes an alias, sometimes a directive on a variable."""
        roll = self.rng.random()
        if roll < 0.15:
            return f"{self.name('a')}: {text}"
        if roll < 0.25:
            var = self.name("v")
            value = self.rng.random() < 0.5
            self.variables[var] = value
            self.declared.append(f"${var}: Boolean!")
            directive = self.rng.choice(["include", "skip"])
            head, _, rest = text.partition(" ")
            return f"{head} @{directive}(if: ${var}) {rest}".strip()
        return text

    def object(self, gtype: GraphQLObjectType, depth: int) -> str:
        leaves = self.leaves(gtype)
        # Value objects (money) and computed fields send a root to the resolver path: fewer
        # leaves per object keep most roots compiled, so both paths are really compared.
        plain = [leaf for leaf in leaves if "{" not in leaf or self.rng.random() < 0.15]
        picked = self.rng.sample(plain, k=min(len(plain), self.rng.randint(1, 4)))
        if "id" in gtype.fields and self.rng.random() < 0.8:
            picked.insert(0, "id")
        if self.rng.random() < 0.2:
            picked.append("__typename")
        parts = [self.decorate(p) for p in picked]
        if depth < 2:
            relations = list(relation_fields(gtype.name).items())
            for name, rel in self.rng.sample(relations, k=min(len(relations), self.rng.randint(0, 3))):
                parts.append(self.decorate(self.relation(gtype, name, rel, depth + 1)))
        roll = self.rng.random()
        if roll < 0.2 and len(parts) > 1:
            frag = self.name("F")
            self.fragments[frag] = f"fragment {frag} on {gtype.name} {{ {' '.join(parts[1:])} }}"
            parts = [parts[0], f"...{frag}"]
        elif roll < 0.3 and len(parts) > 1:
            parts = [parts[0], f"... on {gtype.name} {{ {' '.join(parts[1:])} }}"]
        return " ".join(parts)

    def relation(self, gtype: GraphQLObjectType, name: str, rel: RelationField, depth: int) -> str:
        target = get_named_type(gtype.fields[name].type)
        assert isinstance(target, GraphQLObjectType)
        args = self.flag_args(gtype.fields[name])
        if rel.relation.kind == "page":
            size = self.rng.choice([1, 2, 3])
            args.append(f"{self.rng.choice(['first', 'last'])}: {size}")
            return f"{name}({', '.join(args)}) {{ {self.connection(target, depth)} }}"
        suffix = f"({', '.join(args)})" if args else ""
        return f"{name}{suffix} {{ {self.object(target, depth)} }}"

    def flag_args(self, gfield: Any) -> list[str]:
        return [f"{n}: {str(self.rng.random() < 0.5).lower()}" for n, a in gfield.args.items()
                if get_named_type(a.type).name == "Boolean"]

    def connection(self, conn: GraphQLObjectType, depth: int) -> str:
        node = get_named_type(get_named_type(conn.fields["edges"].type).fields["node"].type)
        parts = []
        if self.rng.random() < 0.6:
            parts.append("totalCount")
        if self.rng.random() < 0.7:
            info = self.rng.sample(["hasNextPage", "hasPreviousPage", "startCursor",
                                    "endCursor", "__typename"], k=self.rng.randint(1, 5))
            parts.append(f"pageInfo {{ {' '.join(info)} }}")
        edge = ["cursor"] if self.rng.random() < 0.6 else []
        edge.append(f"node {{ {self.object(node, depth)} }}")
        parts.append(f"edges {{ {' '.join(edge)} }}")
        if self.rng.random() < 0.1:
            parts.append("__typename")
        return " ".join(parts)

    def root(self, name: str, page: dict[str, Any], sort: list[Any] | None = None) -> Generated:
        query = self.schema.query_type
        assert query is not None
        gfield = query.fields[name]
        conn = get_named_type(gfield.type)
        assert isinstance(conn, GraphQLObjectType)
        args = [f"{k}: ${k}" for k in page]
        for k, v in page.items():
            self.variables[k] = v
        self.declared += [f"${k}: {'Int' if k in ('first', 'last') else 'String'}" for k in page]
        order_by = gfield.args.get("orderBy")
        if order_by is not None and (sort or (sort is None and self.rng.random() < 0.6)):
            sort_input = get_named_type(order_by.type)
            assert isinstance(sort_input, GraphQLInputObjectType)
            enum = get_named_type(sort_input.fields["field"].type)
            assert isinstance(enum, GraphQLEnumType)
            keys = self.rng.sample(list(enum.values), k=min(2, len(enum.values)))
            self.variables["orderBy"] = sort if sort is not None else [
                {"field": k, "direction": self.rng.choice(["ASC", "DESC"])} for k in keys]
            self.declared.append(f"$orderBy: [{sort_input.name}!]")
            args.append("orderBy: $orderBy")
        body = self.connection(conn, 0)
        head = f"query Q({', '.join(self.declared)})" if self.declared else "query Q"
        text = f"{head} {{ {name}({', '.join(args)}) {{ {body} }} }} " + " ".join(
            self.fragments.values())
        return Generated(text, dict(self.variables))


def errors_of(body: dict[str, Any]) -> list[tuple[Any, ...]]:
    return sorted((tuple(e.get("path") or ()), (e.get("extensions") or {}).get("code"),
                   e["message"]) for e in body.get("errors") or [])


@dataclass
class Tally:
    compared: int = 0
    compiled: int = 0
    resolver: dict[str, int] = field(default_factory=dict)


async def compare(world: World, role: str, query: Generated, tally: Tally) -> dict[str, Any]:
    who = USERS[role]
    with resolver_path():
        ref = await world.gql(who, query.text, query.variables, expect_errors=True)
    got = await world.gql(who, query.text, query.variables, expect_errors=True)
    assert got.get("data") == ref.get("data"), (role, query.text, query.variables)
    assert errors_of(got) == errors_of(ref), (role, query.text, query.variables)
    # Asked again at once: answered from the kept statements, without the pipeline.
    again = await world.gql(who, query.text, query.variables, expect_errors=True)
    assert again.get("data") == ref.get("data"), (role, query.text, query.variables)
    assert errors_of(again) == errors_of(ref), (role, query.text, query.variables)
    assert (again.get("extensions") or {}).get("cost") == (ref.get("extensions") or {}).get("cost")
    tally.compared += 1
    report = (got.get("extensions") or {}).get("compiled") or {}
    if report.get("compiled") and not report.get("resolverPath"):
        assert (again.get("extensions") or {}).get("compiled", {}).get("kept"), (
            "a query asked again at once is answered from its kept statements", query.text)
    tally.compiled += len(report.get("compiled", []))
    for reason in (report.get("resolverPath") or {}).values():
        tally.resolver[reason] = tally.resolver.get(reason, 0) + 1
    return ref


@pytest.mark.slow
async def test_compiled_reads_answer_as_the_resolver_path(world: World) -> None:
    await build(world)
    rng = random.Random(SEED)
    tally = Tally()
    for name in root_lists():
        for i in range(QUERIES_PER_LIST):
            role = rng.choice(sorted(USERS))
            size = rng.choice([0, 1, 2, 3, 20])
            page: dict[str, Any] = {"first": size} if i % 3 != 2 else {"last": size}
            gen = Generator(rng)
            query = gen.root(name, page)
            ref = await compare(world, role, query, tally)
            # The next page forward and back, from the reference's own cursors.
            info = ((ref.get("data") or {}).get(name) or {}).get("pageInfo") or {}
            cursor = info.get("endCursor") or info.get("startCursor")
            if cursor:
                for direction in ("after", "before"):
                    paged = Generator(random.Random(rng.random()))
                    limit = "first" if direction == "after" else "last"
                    await compare(world, role, paged.root(
                        name, {limit: 2, direction: cursor}, query.variables.get("orderBy", [])),
                        tally)
    print(f"\ncompiled reads: {tally.compared} queries compared, {tally.compiled} root fields "
          f"compiled; resolver path: {tally.resolver}")
    # Many generated selections reach a computed field somewhere (money, lifetime value, an
    # audit entry's changes), which sends their root to the resolver path; a fifth at least
    # must compile, or this test compares the resolver path with itself.
    assert tally.compiled >= tally.compared // 5, tally


@pytest.mark.slow
async def test_related_rows_out_of_scope_read_as_on_the_resolver_path(world: World) -> None:
    """Every role reads every root list with each to-one relation's id: where a related row is
    outside the reader's row scope (a rep's order on a customer handed to another team), the
    answer is null there with FORBIDDEN at that path, as on the resolver path."""
    await build(world)
    schema = get_schema()._schema
    tally = Tally()
    for name in root_lists():
        conn = get_named_type(schema.query_type.fields[name].type)  # type: ignore[union-attr]
        node = get_named_type(get_named_type(conn.fields["edges"].type).fields["node"].type)
        ones = [n for n, rel in relation_fields(node.name).items() if rel.relation.kind == "one"]
        if not ones:
            continue
        fields = " ".join(f"{n} {{ __typename }}" for n in ones)
        query = Generated(f"{{ {name}(first: 50) {{ edges {{ node {{ {fields} }} }} }} }}")
        for role in sorted(USERS):
            await compare(world, role, query, tally)
    refused = sum(n for reason, n in tally.resolver.items() if "refused" in reason)
    print(f"\nrelations: {tally.compared} compared, {tally.compiled} compiled, {refused} refused "
          "rows answered by the resolver path")
    assert refused, tally
    assert tally.compiled, tally


async def test_times_read_as_python_writes_them(world: World) -> None:
    """A time is written as Python's isoformat in UTC on both paths: with microseconds only
    when it has some, and in a cursor the same way the resolver path encodes it."""
    import datetime as dt

    from crm.customers.models import Customer
    from tests import factories as f
    whole = dt.datetime(2026, 12, 21, 9, 0, 0, tzinfo=dt.UTC)
    fraction = dt.datetime(2026, 12, 21, 9, 0, 0, 120000, tzinfo=dt.UTC)
    for at in (whole, fraction):
        made = await f.customer(world, "rep1", name=f"Timed {at.microsecond}")
        await Customer.filter(id=made.id).update(next_follow_up_at=at, updated_at=at)
    query = """{ customers(first: 5, filter: {name: {contains: "Timed"}}) {
        edges { cursor node { name nextFollowUpAt } } } }"""
    with resolver_path():
        ref = await world.gql("rep1", query)
    got = await world.gql("rep1", query)
    assert got["extensions"]["compiled"]["compiled"] == ["customers"]
    times = {e["node"]["name"]: e["node"]["nextFollowUpAt"] for e in got["data"]["customers"]["edges"]}
    assert times == {"Timed 0": "2026-12-21T09:00:00+00:00",
                     "Timed 120000": "2026-12-21T09:00:00.120000+00:00"}
    assert got["data"] == ref["data"]
