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
