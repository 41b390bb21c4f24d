"""Review: two requests at once."""

from __future__ import annotations

import asyncio
import uuid

from tests.conftest import World

CREATE = """mutation($input: CreateCustomerInput!) {
  createCustomer(input: $input) { customer { id } errors { code } } }"""


async def test_two_retries_of_one_offline_create_at_once(world: World, monkeypatch):
    """A mobile client retries a create with its own id while the first attempt is still in
    flight. earlier_create() looks for the id before the transaction, both see nothing, and the
    loser's INSERT hits the primary key: INTERNAL instead of the first one's customer.
    (A barrier after the look-up makes the interleaving deterministic.)"""
    from crm.customers import service
    real = service.earlier_create
    arrived = 0
    both = asyncio.Event()

    async def earlier_create_then_wait(*args, **kwargs):
        nonlocal arrived
        found = await real(*args, **kwargs)
        arrived += 1
        if arrived >= 2:
            both.set()
        await asyncio.wait_for(both.wait(), 5)
        return found

    monkeypatch.setattr(service, "earlier_create", earlier_create_then_wait)
    cid = str(uuid.uuid4())
    inp = {"input": {"id": cid, "name": "Offline Twins", "allowDuplicate": True}}
    bodies = await asyncio.gather(*[world.gql("rep1", CREATE, inp, expect_errors=True)
                                    for _ in range(2)])
    for body in bodies:
        assert not body.get("errors"), bodies
        assert body["data"]["createCustomer"]["customer"]["id"] is not None, bodies


async def test_two_tags_with_one_name_at_once(world: World):
    """create_tag checks the name outside its transaction; several at once: all but one must get
    DUPLICATE, not INTERNAL from the unique index."""
    q = """mutation($input: CreateTagInput!) { createTag(input: $input) { tag { id } errors { code } } }"""
    bodies = await asyncio.gather(*[world.gql("admin", q, {"input": {"name": "Race"}},
                                              expect_errors=True) for _ in range(4)])
    for body in bodies:
        assert not body.get("errors"), bodies
    codes = sorted(e["code"] for b in bodies for e in b["data"]["createTag"]["errors"])
    assert codes == ["DUPLICATE"] * 3, bodies
