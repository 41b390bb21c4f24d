"""Review of the compiled read path against the resolver path: cases found by fuzzing, each
stated as what must be true, plus a seeded differential fuzz of odd inputs (slow).

Every request is sent over ASGI to the real app, as a client would, once with compiled reads off
(the reference), then twice with them on (the second answered from the kept statements)."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import World
from tests.platform.test_compiled_reads import resolver_path


async def send(world: World, who: str | None, body: Any, *, method: str = "POST",
               headers: dict[str, str] | None = None) -> tuple[int, Any]:
    sent = dict(headers or {})
    if who is not None:
        sent["Authorization"] = f"Bearer {world.tokens[who]}"
    if method == "GET":
        resp = await world.client.get("/graphql", params=body, headers=sent)
    else:
        resp = await world.client.post("/graphql", json=body, headers=sent)
    try:
        return resp.status_code, resp.json()
    except ValueError:
        return resp.status_code, resp.text


def comparable(answer: tuple[int, Any]) -> tuple[int, Any]:
    """The answer without what may differ between paths by design: the development report of
    which root fields compiled, and request ids."""
    status, body = answer
    if not isinstance(body, dict):
        return status, body
    body = dict(body)
    extensions = dict(body.get("extensions") or {})
    extensions.pop("compiled", None)
    if "extensions" in body:
        body["extensions"] = extensions
    errors = []
    for err in body.get("errors") or []:
        err = dict(err)
        ext = dict(err.get("extensions") or {})
        ext.pop("requestId", None)
        err["extensions"] = ext
        errors.append(err)
    if "errors" in body:
        body["errors"] = sorted(errors, key=repr)
    return status, body


async def both_paths(world: World, who: str | None, body: Any, **kwargs: Any
                     ) -> tuple[tuple[int, Any], tuple[int, Any], tuple[int, Any]]:
    with resolver_path():
        ref = await send(world, who, body, **kwargs)
    got = await send(world, who, body, **kwargs)
    again = await send(world, who, body, **kwargs)
    return comparable(ref), comparable(got), comparable(again)


def codes(answer: tuple[int, Any]) -> list[Any]:
    body = answer[1]
    return [(e.get("extensions") or {}).get("code") for e in (body.get("errors") or [])]


# --- cursors --------------------------------------------------------------------------------

@pytest.mark.parametrize("page", ["first: 2, after: \"\"", "last: 2, before: \"\"",
                                  "first: 2, before: \"\"", "last: 2, after: \"\""])
async def test_an_empty_cursor_is_not_a_cursor_of_the_list(world: World, page: str) -> None:
    """No list ever gives "" as a cursor: sent as `after` or `before` it is refused as INVALID,
    on both paths alike, rather than read as "no cursor" by one path and as "a cursor was given,
    so there are rows before it" by the other."""
    from tests import factories as f
    for n in range(3):
        await f.customer(world, "rep1", name=f"Paged {n}")
    query = {"query": f"{{ customers({page}) {{ pageInfo {{ hasNextPage hasPreviousPage }} "
                      "edges { node { name } } } }"}
    ref, got, again = await both_paths(world, "admin", query)
    assert codes(ref) == ["INVALID"], ref
    assert got == ref and again == ref, (ref, got, again)


# --- the seeded differential fuzz ---------------------------------------------------------------

SEED = 20261204
ODD_TEXT = ["", " ", "%", "_", "\\", "'", "\"", "' OR '1'='1", "'); DROP TABLE customer; --",
            "\u0000crm-refused", "\"\\u0000crm-refused\"", "\\u0000crm-refused", "crm-refused",
            "Matrix", "matrix", "MATRIX", "rep1", "😀", "\u202eevil", "İ", "ß", "中文", "a\nb",
            "$1", "?", "x" * 3000, "%_%", "[\"x\"]", "null"]
ODD_NAMES = ["a\"b\\c", "é中文😀", "tab\there", "esc\x1bx", "del\x7fx", "u2028\u2028x",
             "ctl\x01\x1f", "' OR 1=1 --", "Ａ全角", "ß", "İ", "<script>", "\\u0000crm-refused",
             "z" * 100]
PAGE_SIZES = [-1, 0, 1, 2, 3, 100, 101, 2**31 - 1, None]


def odd_cursor(rng: Any, seen: list[str]) -> str | None:
    import base64
    import json
    roll = rng.random()
    if roll < 0.4 and seen:
        return rng.choice(seen)  # a real cursor, maybe of another list or sort
    raw = rng.choice([[], [None], [None, None], ["x", "y"], [1, 2], ["2026-01-01T00:00:00+00:00",
                      "00000000-0000-0000-0000-000000000000"], [True, "x"], [{"a": 1}, 2],
                      ["9999-12-31T23:59:59+00:00", "ffffffff-ffff-ffff-ffff-ffffffffffff"],
                      [10**30, "x"], ["' OR 1=1 --", "x"]])
    if roll < 0.8:
        return base64.urlsafe_b64encode(json.dumps(raw).encode()).decode()
    return rng.choice(["", "!!", "=", "WyJ4Il0", "bnVsbA==", "\\u0000crm-refused", "😀"])


class InputFuzzer:
    """Random values of a GraphQL input type: odd texts, ids, dates and nesting."""

    def __init__(self, rng: Any, ids: list[str]) -> None:
        self.rng = rng
        self.ids = ids

    def value(self, gtype: Any, depth: int = 0) -> Any:
        from graphql import (
            GraphQLEnumType,
            GraphQLInputObjectType,
            GraphQLList,
            GraphQLNonNull,
        )
        rng = self.rng
        if isinstance(gtype, GraphQLNonNull):
            return self.value(gtype.of_type, depth)
        if isinstance(gtype, GraphQLList):
            return [self.value(gtype.of_type, depth + 1) for _ in range(rng.randint(0, 3))]
        if isinstance(gtype, GraphQLEnumType):
            return rng.choice(list(gtype.values))
        if isinstance(gtype, GraphQLInputObjectType):
            names = [n for n in gtype.fields if depth < 2 or n not in ("and", "or", "not")]
            picked = rng.sample(names, k=min(len(names), rng.randint(1, 2)))
            return {n: self.value(gtype.fields[n].type, depth + 1) for n in picked}
        name = gtype.name
        if name == "Boolean":
            return rng.random() < 0.5
        if name == "Int":
            return rng.choice([0, 1, -1, 2**31 - 1, -(2**31)])
        if name == "ID":
            return rng.choice(self.ids) if self.ids and rng.random() < 0.7 else rng.choice(
                ["", "x", "VXNlcjp4", "Q3VzdG9tZXI6MQ==", "' OR 1=1"])
        if name == "DateTime":
            return rng.choice(["2026-01-01T00:00:00Z", "1900-01-01T00:00:00+00:00",
                               "2200-12-31T23:59:59+00:00", "0001-01-01T00:00:00Z", "x",
                               "2026-12-04T12:00:00+08:00"])
        if name == "Date":
            return rng.choice(["2026-01-01", "1899-12-31", "x", "2200-12-31"])
        if name == "Decimal":
            return rng.choice(["0", "1.5", "NaN", "1e400", "-0.001"])
        return rng.choice(ODD_TEXT)


async def odd_world(world: World) -> list[str]:
    """The access matrix's records, and customers and leads whose texts are odd (quotes,
    controls, right-to-left marks, the marker's text without its NUL)."""
    from crm.customers import service
    from crm.sales import service as sales
    from tests import factories as f
    from tests.security.test_access_matrix import build
    await build(world)
    made = []
    for i, name in enumerate(ODD_NAMES):
        who = ["rep1", "rep2", "rep3", "manager"][i % 4]
        made.append(await f.customer(world, who, name=name, address=name + " 路",
                                     email=f"é{i}@例え.jp", phone=f"+86 138 0000 {i:04d}"))
        await sales.create_lead(await world.actor(who), {"name": name, "company": name,
                                                         "email": f"l{i}@x.cn"})
    await service.release_to_pool(await world.actor("rep1"), [made[0].id])
    from tests.factories import gid
    return [gid("Customer", c) for c in made] + [gid("User", u) for u in world.users.values()]


@pytest.mark.slow
async def test_odd_input_is_answered_alike_on_both_paths(world: World) -> None:
    """Every root list, read by every role with random selections (the generator of
    test_compiled_reads), random filters of odd values, sorts, page sizes out of bounds and
    cursors real, foreign or forged: the compiled path answers exactly as the resolver path
    (status, data, errors and their codes, extensions.cost), and so does the kept statement
    asked again at once. Nothing answers 500 or INTERNAL."""
    import random

    from graphql import GraphQLObjectType, get_named_type

    from crm.schema import get_schema
    from tests.platform.test_compiled_reads import USERS, Generator, root_lists

    ids = await odd_world(world)
    rng = random.Random(SEED)
    schema = get_schema()._schema
    query_type = schema.query_type
    assert query_type is not None
    seen: list[str] = []
    compared = compiled = 0
    reasons: dict[str, int] = {}
    for name in root_lists():
        gfield = query_type.fields[name]
        conn = get_named_type(gfield.type)
        assert isinstance(conn, GraphQLObjectType)
        for _ in range(12):
            who = USERS[rng.choice(sorted(USERS))]
            gen = Generator(rng)
            body = gen.connection(conn, 0)
            if rng.random() < 0.5:
                # Plain selections compile: odd arguments then reach the compiled statement.
                gen = Generator(rng)
                body = ("totalCount pageInfo { hasNextPage hasPreviousPage startCursor "
                        "endCursor } edges { cursor node { __typename id } }")
            args: list[str] = []
            variables = dict(gen.variables)
            declared = list(gen.declared)
            fuzz = InputFuzzer(rng, ids)
            for arg, argdef in gfield.args.items():
                if rng.random() < 0.6:
                    continue
                if arg in ("first", "last"):
                    value: Any = rng.choice(PAGE_SIZES)
                elif arg in ("after", "before"):
                    value = odd_cursor(rng, seen)
                else:
                    value = fuzz.value(argdef.type)
                variables[arg] = value
                declared.append(f"${arg}: {argdef.type}")
                args.append(f"{arg}: ${arg}")
            if not any(a.startswith(("first", "last")) for a in args):
                args.append("first: 3")
            head = f"query Q({', '.join(declared)})" if declared else "query Q"
            text = (f"{head} {{ {name}({', '.join(args)}) {{ {body} }} }} "
                    + " ".join(gen.fragments.values()))
            request = {"query": text, "variables": variables}
            with resolver_path():
                ref = await send(world, who, request)
            got = await send(world, who, request)
            again = await send(world, who, request)
            compared += 1
            report = ((got[1].get("extensions") or {}).get("compiled") or {}) if isinstance(
                got[1], dict) else {}
            compiled += bool(report.get("compiled"))
            for reason in (report.get("resolverPath") or {}).values():
                reasons[reason] = reasons.get(reason, 0) + 1
            for code in codes(ref) if isinstance(ref[1], dict) else [ref[0]]:
                reasons[f"error {code}"] = reasons.get(f"error {code}", 0) + 1
            assert ref[0] < 500 and "INTERNAL" not in codes(ref), (who, request, ref)
            assert comparable(got) == comparable(ref), (who, request, ref, got)
            assert comparable(again) == comparable(ref), (who, request, ref, again)
            data = (ref[1].get("data") or {}).get(name) if isinstance(ref[1], dict) else None
            for edge in (data or {}).get("edges") or []:
                if isinstance(edge, dict) and edge.get("cursor"):
                    seen.append(edge["cursor"])
    print(f"\nodd input: {compared} compared, {compiled} answered compiled; {reasons}")
    assert compiled >= compared // 10, (compiled, compared)


@pytest.mark.slow
async def test_every_page_of_every_sort_reads_alike(world: World) -> None:
    """Each role walks each root list to its end and back by each sort key both ways, two rows
    a page, over rows with odd texts: every page (rows, cursors, pageInfo) is the same on both
    paths, and cursors made by the database (compiled) are those the resolver path makes."""
    from graphql import GraphQLEnumType, GraphQLInputObjectType, GraphQLObjectType, get_named_type

    from crm.schema import get_schema
    from tests.platform.test_compiled_reads import USERS, root_lists

    await odd_world(world)
    schema = get_schema()._schema
    query_type = schema.query_type
    assert query_type is not None
    pages = 0
    for name in root_lists():
        gfield = query_type.fields[name]
        order_by = gfield.args.get("orderBy")
        sorts: list[Any] = [None]
        sort_type = ""
        if order_by is not None:
            sort_input = get_named_type(order_by.type)
            assert isinstance(sort_input, GraphQLInputObjectType)
            enum = get_named_type(sort_input.fields["field"].type)
            assert isinstance(enum, GraphQLEnumType)
            sort_type = sort_input.name
            sorts += [[{"field": k, "direction": d}] for k in enum.values for d in ("ASC", "DESC")]
        conn = get_named_type(gfield.type)
        assert isinstance(conn, GraphQLObjectType)
        node = get_named_type(get_named_type(conn.fields["edges"].type).fields["node"].type)
        assert isinstance(node, GraphQLObjectType)
        leaf = "id" if "id" in node.fields else "__typename"
        for role, who in sorted(USERS.items()):
            for sort in sorts:
                for forward in (True, False):
                    cursor = None
                    for _ in range(30):
                        size, mark = ("first", "after") if forward else ("last", "before")
                        head = f"query P($c: String{', $o: [' + sort_type + '!]' if sort else ''})"
                        text = (f"{head} {{ {name}({size}: 2, {mark}: $c"
                                f"{', orderBy: $o' if sort else ''}) {{ totalCount pageInfo {{ "
                                "hasNextPage hasPreviousPage startCursor endCursor } edges { "
                                f"cursor node {{ {leaf} }} }} }} }}")
                        request = {"query": text, "variables": {"c": cursor, "o": sort}}
                        ref, got, again = await both_paths(world, who, request)
                        assert got == ref and again == ref, (role, request, ref, got)
                        pages += 1
                        data = (ref[1].get("data") or {}).get(name)
                        if not data:
                            break
                        info = data["pageInfo"]
                        more = info["hasNextPage"] if forward else info["hasPreviousPage"]
                        cursor = info["endCursor"] if forward else info["startCursor"]
                        if not more or not cursor:
                            break
    print(f"\npages compared: {pages}")


@pytest.mark.parametrize(("root", "order", "values"), [
    # myTasks sorts by a computed number (undated tasks last) and the due time.
    ("myTasks", "", ["not a number", "2026-01-01T00:00:00+00:00",
                     "00000000-0000-0000-0000-000000000000"]),
    ("customers", "orderBy: [{field: NAME, direction: ASC}]",
     [5, "00000000-0000-0000-0000-000000000000"]),
    ("customers", "orderBy: [{field: LEVEL, direction: ASC}]",
     [1.5, "00000000-0000-0000-0000-000000000000"]),
    ("customers", "", [{"at": 1}, "00000000-0000-0000-0000-000000000000"]),
    ("customers", "", ["2026-01-01T00:00:00+00:00", 7]),
    ("leads", "", [True, "00000000-0000-0000-0000-000000000000"]),
    # The lists write times with their UTC offset: one without is not theirs.
    ("customers", "", ["2026-01-01", "00000000-0000-0000-0000-000000000000"]),
])
async def test_a_cursor_of_the_wrong_kinds_is_refused(world: World, root: str, order: str,
                                                      values: list[Any]) -> None:
    """A cursor is a list of the sort keys' values. One whose values are of the wrong kind for
    the keys (a number where the key is text, text where it is a number, an object) is not a
    cursor of this list: it is refused as INVALID, alike on both paths and on both databases,
    never answered as an INTERNAL error by a database that refuses to compare them."""
    import base64
    import json

    from tests import factories as f
    await f.customer(world, "rep1", name="Cursor kinds")
    cursor = base64.urlsafe_b64encode(json.dumps(values).encode()).decode()
    args = ", ".join(a for a in (order, f'first: 2, after: "{cursor}"') if a)
    query = {"query": f"{{ {root}({args}) {{ totalCount edges {{ cursor node {{ id }} }} }} }}"}
    ref, got, again = await both_paths(world, "rep1", query)
    assert codes(ref) == ["INVALID"], ref
    assert got == ref and again == ref, (ref, got, again)


@pytest.mark.parametrize("phone", ["v13812345678v", "\x0b13812345678\x0b", " 13812345678 ",
                                   "\t1234\n", "vvvv1234", "\x1c13812345678\x1f"])
async def test_a_phone_is_masked_alike_whatever_surrounds_it(world: World, phone: str) -> None:
    """A phone stored without the API's checks (imported by SQL, or from before them) is masked
    for a reader without contact access exactly as the resolver path masks it: surrounding
    whitespace is trimmed (Python's idea of ASCII whitespace, vertical tab included) and
    nothing else, so letters at its ends are never eaten by the mask."""
    from crm.customers.models import Customer
    from tests import factories as f
    row = await f.customer(world, "rep1", name="Odd phone")
    await Customer.filter(id=row.id).update(phone=phone)
    query = {"query": "{ customers(first: 5) { edges { node { name phone } } } }"}
    ref, got, again = await both_paths(world, "viewer", query)
    shown = [e["node"]["phone"] for e in ref[1]["data"]["customers"]["edges"]
             if e["node"]["name"] == "Odd phone"]
    assert shown and shown[0] != phone, ref
    assert got == ref and again == ref, (ref, got, again)


# --- what the kept statements and the remembered actors may not keep ----------------------------

async def test_a_kept_statement_never_outlives_what_it_was_made_for(world: World) -> None:
    """A query asked again within the recipe window (answered from the kept statements) still
    sees the rows as they are now, and the asker as they are now: a deleted or transferred
    row is gone, a new row is there, a role change changes the masks, and a disabled user is
    refused."""
    from crm.customers import service
    from tests import factories as f
    query = "query Mine { customers(first: 20) { edges { node { name phone } } } }"

    async def rows(who: str) -> Any:
        body = await world.gql(who, query, expect_errors=True)
        if body.get("errors"):
            return [e["extensions"]["code"] for e in body["errors"]]
        return sorted((e["node"]["name"], e["node"]["phone"])
                      for e in body["data"]["customers"]["edges"])

    first = await f.customer(world, "rep1", name="First", phone="13800000001")
    await f.customer(world, "rep2", name="Theirs", phone="13800000002")
    assert await rows("rep1") == [("First", "13800000001")]
    assert await rows("rep1") == [("First", "13800000001")]
    await service.delete_customer(await world.actor("rep1"), first.id)
    assert await rows("rep1") == []
    second = await f.customer(world, "rep1", name="Second", phone="13800000003")
    assert await rows("rep1") == [("Second", "13800000003")]
    await service.transfer_customers(await world.actor("admin"), [second.id],
                                     world.users["rep2"].id, "moved")
    assert await rows("rep1") == []
    user = world.users["rep1"]
    user.role = "viewer"
    await user.save()
    assert await rows("rep1") == [("Second", "138****0003"), ("Theirs", "138****0002")]
    user.is_active = False
    await user.save()
    assert await rows("rep1") == ["UNAUTHENTICATED"]


async def test_a_kept_recipe_runs_its_compiled_root_once_after_the_parse_cache_forgot(
        world: World) -> None:
    """A query with a compiled root field and one for the resolver path, asked again while its
    statements are kept, runs the compiled statement and the resolver path for the other root
    only; also on a busy server whose parse cache has since forgotten the document (so the
    document is parsed again): the compiled root is never read a second time on the resolver
    path."""
    from tests import factories as f
    from tests.conftest import SQLCounter
    await f.customer(world, "rep1", name="Once")
    query = {"query": "{ customers(first: 2) { edges { node { name } } } me { role } }"}
    ref, got, again = await both_paths(world, "rep1", query)
    assert got == ref and again == ref, (ref, got, again)
    for i in range(300):  # more distinct documents than the parse cache keeps
        await send(world, "rep1", {"query": f"{{ a{i}: __typename }}"})
    with SQLCounter() as counter:
        status, body = await send(world, "rep1", query)
    assert (status, body["data"]) == (ref[0], ref[1]["data"])
    reads = [s for s in counter.statements if '"customer"' in s]
    assert len(reads) == 1, reads


# --- fragments ----------------------------------------------------------------------------------

def fragment_fan(levels: int) -> str:
    """Fragments each spreading the next twice: a few hundred tokens that expand to
    2**levels selections."""
    frags = " ".join(f"fragment F{i} on Customer {{ ...F{i + 1} ...F{i + 1} }}"
                     for i in range(levels))
    return ("{ customers(first: 2) { edges { node { ...F0 } } } } " + frags
            + f" fragment F{levels} on Customer {{ name }}")


async def test_a_fan_of_fragments_is_refused_before_it_costs_anything(world: World) -> None:
    """A document whose fragments spread each other in a fan (each spreading the next twice,
    40 levels: about 10**12 selections once expanded, written in under 600 tokens) is refused
    with LIMIT_REACHED at once, on both paths, instead of holding a worker for hours while the
    depth and alias limits walk every expansion."""
    import time
    query = {"query": fragment_fan(40)}
    started = time.monotonic()
    ref, got, again = await both_paths(world, "admin", query)
    assert time.monotonic() - started < 10
    assert codes(ref) == ["LIMIT_REACHED"], ref
    assert got == ref and again == ref, (ref, got, again)


async def test_fragments_spread_a_few_times_still_read(world: World) -> None:
    """The same shape a few levels deep (16 selections) is an ordinary query."""
    from tests import factories as f
    await f.customer(world, "rep1", name="Fanned")
    ref, got, again = await both_paths(world, "admin", {"query": fragment_fan(4)})
    assert codes(ref) == [], ref
    assert got == ref and again == ref, (ref, got, again)


async def test_a_nested_connection_pages_alike_from_its_own_cursors(world: World) -> None:
    """Customer.orders paged from the cursors it gave (after, before, both), counted from the
    start and from the end, by roles of every scope: the same rows, counts and pageInfo on both
    paths (the keyset of a connection under every row of a list)."""
    from tests.security.test_access_matrix import build
    await build(world)
    compared = 0
    for who in ("admin", "manager", "rep1", "rep3", "finance", "viewer", "support"):
        for size in ("first", "last"):
            text = ("query($c: String, $d: String) { customers(first: 10) { edges { node { name "
                    f"orders({size}: 1, after: $c, before: $d) {{ totalCount pageInfo {{ "
                    "hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { "
                    "id number } } } } } } }")
            ref, got, again = await both_paths(world, who, {"query": text})
            assert got == ref and again == ref, (who, text, ref, got)
            compared += 1
            cursors = {oe["cursor"] for e in ref[1]["data"]["customers"]["edges"]
                       for oe in (e["node"]["orders"] or {}).get("edges") or []}
            for cursor in sorted(cursors):
                for variables in ({"c": cursor}, {"d": cursor}, {"c": cursor, "d": cursor}):
                    request = {"query": text, "variables": variables}
                    ref, got, again = await both_paths(world, who, request)
                    assert got == ref and again == ref, (who, request, ref, got)
                    compared += 1
    assert compared > 20, compared


# --- what the caches keep -------------------------------------------------------------------------

async def test_the_caches_keep_little_of_a_big_query_text(world: World) -> None:
    """A query text may be nearly a megabyte (the body limit) and still well within the token
    limit: a comment, or one long name, is one token. The caches that remember a query (its
    kept statements, its cost, the verdict on its literals) keep a fixed-size key for it, not
    the text: a client sending a thousand such texts must not make a process keep gigabytes."""
    import pickle

    from crm.core import compiled, limits, scalars
    from tests import factories as f
    await f.customer(world, "rep1", name="Big text")
    comment = "#" + "x" * 800_000 + "\n"
    name = "Q" + "q" * 100_000
    before = {c: len(pickle.dumps(list(c._items))) for c in (compiled.RECIPES, limits.COSTS,
                                                              scalars.LITERALS)}
    for i in range(3):
        query = {"query": comment + f'query {name} {{ customers(first: {i + 1}, '
                          f'filter: {{name: {{contains: "Big"}}}}) {{ totalCount }} }}'}
        status, body = await send(world, "rep1", query)
        assert status == 200 and body["data"]["customers"]["totalCount"] == 1, body
        again = await send(world, "rep1", query)
        assert again[1]["data"] == body["data"]
    for cache, size in before.items():
        grown = len(pickle.dumps(list(cache._items))) - size
        assert grown < 3 * 10_000, (cache, grown)
