"""A query sent again at once is answered from its kept statements before the GraphQL view
reads it, and that shortcut answers exactly as the view would: the same body and headers, the
operation counted once, and never for a token that no longer holds."""

from __future__ import annotations

from typing import Any

import pytest

from crm.core import metrics
from tests import factories as f
from tests.auth.test_login_limits import LOGOUT, sign_in
from tests.conftest import World

LIST = """query KeptCustomers($first: Int) { customers(first: $first) {
    totalCount edges { cursor node { id name owner { name } tags { name } } } } }"""
GRAPHQL_RESPONSE = "application/graphql-response+json"


async def send(world: World, token: str, body: dict[str, Any], accept: str | None = None) -> Any:
    headers = {"Authorization": f"Bearer {token}"}
    if accept:
        headers["Accept"] = accept
    return await world.client.post("/graphql", json=body, headers=headers)


def counted(name: str) -> float:
    return metrics.GRAPHQL_OPERATIONS.labels(metrics.operation_label(name))._value.get()


def kept(resp: Any) -> bool:
    return bool(((resp.json().get("extensions") or {}).get("compiled") or {}).get("kept"))


async def test_a_kept_answer_is_the_views_answer(world: World) -> None:
    await f.customer(world, "rep1", name="Kept A")
    await f.customer(world, "rep1", name="Kept B")
    body = {"query": LIST, "variables": {"first": 5}}
    token = world.tokens["rep1"]
    before = counted("KeptCustomers")
    first = await send(world, token, body, GRAPHQL_RESPONSE)
    again = await send(world, token, body, GRAPHQL_RESPONSE)
    assert not kept(first) and kept(again)
    assert again.json()["data"] == first.json()["data"]
    assert [e["node"]["name"] for e in again.json()["data"]["customers"]["edges"]] == [
        "Kept B", "Kept A"]
    assert again.json()["extensions"]["cost"] == first.json()["extensions"]["cost"]
    for header in ("content-type", "x-content-type-options", "content-security-policy"):
        assert again.headers[header] == first.headers[header], header
    assert again.headers["content-type"].startswith(GRAPHQL_RESPONSE)
    assert again.headers["x-request-id"] != first.headers["x-request-id"]
    # One count per request, whichever way it was answered.
    assert counted("KeptCustomers") == before + 2
    plain = await send(world, token, body)
    assert kept(plain) and plain.headers["content-type"].startswith("application/json")


async def test_a_token_that_ended_gets_no_kept_answer(world: World) -> None:
    session = (await sign_in(world)).json()["data"]["login"]
    body = {"query": LIST, "variables": {"first": 5}}
    await send(world, session["accessToken"], body)
    assert kept(await send(world, session["accessToken"], body))
    await world.gql(None, LOGOUT, {"t": session["refreshToken"]})
    refused = (await send(world, session["accessToken"], body)).json()
    assert refused.get("data") in (None, {"customers": None})
    assert [e["extensions"]["code"] for e in refused["errors"]] == ["UNAUTHENTICATED"]


async def test_a_disabled_user_gets_no_kept_answer(world: World) -> None:
    body = {"query": LIST, "variables": {"first": 5}}
    token = world.tokens["rep2"]
    await send(world, token, body)
    assert kept(await send(world, token, body))
    user = world.users["rep2"]
    user.is_active = False
    await user.save()
    refused = (await send(world, token, body)).json()
    assert [e["extensions"]["code"] for e in refused["errors"]] == ["UNAUTHENTICATED"]


async def test_what_the_shortcut_does_not_know_goes_to_the_view(world: World) -> None:
    """Bodies the shortcut does not read (other keys, a batch, text that is not JSON) are
    answered by the view in its own words."""
    token = world.tokens["rep1"]
    body = {"query": LIST, "variables": {"first": 5}}
    first = await send(world, token, body)
    with_extensions = await send(world, token, {**body, "extensions": {}})
    assert with_extensions.status_code == 200
    assert with_extensions.json()["data"] == first.json()["data"]
    batch = await send(world, token, [body])  # type: ignore[arg-type]
    assert batch.status_code == 400
    broken = await world.client.post("/graphql", content=b"{not json", headers={
        "Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    assert broken.status_code == 400
    assert broken.json()["errors"][0]["extensions"]["code"] == "INVALID"


async def test_extensions_that_are_not_an_object_are_refused_on_both_paths(world: World) -> None:
    """GraphQL over HTTP: `extensions` is an object or null. A query sent again at once with
    `extensions` of another kind is refused as the first time, never answered from its kept
    statements."""
    token = world.tokens["rep1"]
    body = {"query": LIST, "variables": {"first": 5}}
    await send(world, token, body)
    assert kept(await send(world, token, body))
    for extensions in ("x", [], 5, True):
        resp = await send(world, token, {**body, "extensions": extensions})
        assert resp.status_code == 400, (extensions, resp.text)
        assert [e["extensions"]["code"] for e in resp.json()["errors"]] == ["INVALID"]


async def test_a_named_operation_is_counted_by_its_name_wherever_it_starts(world: World) -> None:
    """The metrics and access lines name an operation by the name the document gives it, also
    when the document opens with a comment, a byte order mark or a fragment; sent again at
    once such a query is a kept answer like any other."""
    token = world.tokens["rep1"]
    for name, doc in [
        ("Commented", "# the list screen\nquery Commented { customers(first: 1) { totalCount } }"),
        ("Marked", "\ufeffquery Marked { customers(first: 1) { totalCount } }"),
        ("Fragmented", "fragment Total on CustomerConnection { totalCount }\n"
                       "query Fragmented { customers(first: 1) { ...Total } }"),
    ]:
        before = counted(name)
        first = await send(world, token, {"query": doc})
        again = await send(world, token, {"query": doc})
        assert not first.json().get("errors"), first.text
        assert counted(name) == before + 2, name
        assert kept(again), name


async def test_a_kept_statement_that_hands_back_is_not_run_again(world: World,
                                                                 sql_counter: Any) -> None:
    """A repeated query whose kept statement meets a row the reader may not see is answered by
    the resolver path, with FORBIDDEN where the row is; the request tries the kept statement
    once, so it costs no more statements than it did the first time."""
    from crm.customers.models import Customer
    cust = await f.customer(world, "rep1")
    await f.opportunity(world, cust, "rep1")
    await Customer.filter(id=cust.id).update(owner_id=world.users["rep3"].id)
    body = {"query": "query HandedBack { opportunities(first: 5) { edges { node { title "
                     "customer { name } } } } }"}
    token = world.tokens["rep1"]

    def reads(statements: list[str]) -> int:
        return sum("opportunit" in s.lower() for s in statements)

    with sql_counter:
        first = await send(world, token, body)
    first_reads = reads(sql_counter.statements)
    for _ in range(2):
        sql_counter.statements.clear()
        with sql_counter:
            again = await send(world, token, body)
        assert again.json()["data"] == first.json()["data"]
        assert [e["extensions"]["code"] for e in again.json()["errors"]] == ["FORBIDDEN"]
        assert reads(sql_counter.statements) <= first_reads, sql_counter.statements


async def test_naming_a_huge_document_costs_no_more_than_its_token_limit(
        world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Finding the operation's name reads no further than the parser would (CRM_MAX_TOKENS):
    a body of 300,000 tokens after a comment is refused having read only that many. Counted in
    tokens, not seconds: a timed assertion fails on a busy machine and proves nothing."""
    from graphql.language import Lexer

    import crm.app
    from crm.settings import get_settings
    read: list[int] = []  # tokens read, per document looked at

    class CountingLexer(Lexer):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            read.append(0)
            self.index = len(read) - 1

        def advance(self) -> Any:
            read[self.index] += 1
            return super().advance()

    monkeypatch.setattr(crm.app, "Lexer", CountingLexer)
    token = world.tokens["rep1"]
    doc = "# padding\nfragment Padding on Query { " + "me " * 300_000 + "}\n" \
        "query Huge { ...Padding }"
    resp = await send(world, token, {"query": doc})
    assert [e["extensions"]["code"] for e in resp.json()["errors"]] == ["LIMIT_REACHED"]
    assert read and max(read) <= get_settings().max_tokens + 2, read


async def test_an_authorization_that_is_not_a_bearer_token_is_refused_in_words(
        world: World) -> None:
    """Whatever the path, a header that is not `Bearer <token>` is told how it should read,
    and reads nothing."""
    body = {"query": LIST, "variables": {"first": 5}}
    await send(world, world.tokens["rep1"], body)
    for header in ("Basic abc", "Bearer", "Bearer    ", f"Token {world.tokens['rep1']}"):
        resp = await world.client.post("/graphql", json=body, headers={"Authorization": header})
        errors = resp.json()["errors"]
        assert [e["extensions"]["code"] for e in errors] == ["UNAUTHENTICATED"], header
        assert "Bearer <accessToken>" in errors[0]["message"], header
        assert not (resp.json().get("data") or {}).get("customers"), header
