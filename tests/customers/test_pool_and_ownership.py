"""The public pool (公海), bulk transfer (批量转移), merging, and their races."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest

from crm.customers import service
from crm.customers.models import Contact, Customer
from tests import factories as f
from tests.conftest import DB_KIND, World

TRANSFER = """mutation($i: TransferCustomersInput!) { transferCustomers(input: $i) {
  succeeded failed results { id ok errors { code message } customer { owner { email } } } errors { code field } } }"""


async def test_manager_transfers_in_bulk_with_a_result_per_customer(world: World):
    mine = [await f.customer(world, "rep1") for _ in range(3)]
    west = await f.customer(world, "rep3")
    ids = [f.gid("Customer", c) for c in [*mine, west]]
    body = await world.gql("manager", TRANSFER, {"i": {"ids": ids, "toOwnerId": f.gid("User", world.users["rep2"]), "reason": "rep1 on leave"}})
    out = body["data"]["transferCustomers"]
    assert (out["succeeded"], out["failed"]) == (3, 1)
    assert {r["customer"]["owner"]["email"] for r in out["results"] if r["ok"]} == {world.users["rep2"].email}
    assert out["results"][3]["errors"][0]["code"] == "NOT_FOUND"  # West is not the East manager's
    assert await Contact.filter(customer_id=mine[0].id).values_list("owner_id", flat=True) == [world.users["rep2"].id]
    body = await world.gql("manager", TRANSFER, {"i": {"ids": ids[:1], "toOwnerId": f.gid("User", world.users["rep3"]), "reason": "x"}})
    assert body["data"]["transferCustomers"]["errors"][0]["field"] == "toOwnerId"
    body = await world.gql("rep1", TRANSFER, {"i": {"ids": ids[:1], "toOwnerId": f.gid("User", world.users["rep2"]), "reason": " "}})
    assert body["data"]["transferCustomers"]["errors"][0]["field"] == "reason"


async def test_release_then_claim_with_masking_while_in_pool(world: World):
    c = await f.customer(world, "rep1", phone="13855556666")
    cid = f.gid("Customer", c)
    await world.gql("rep1", "mutation($i: ReleaseToPoolInput!) { releaseToPool(input: $i) { succeeded } }", {"i": {"ids": [cid], "reason": "no budget"}})
    body = await world.gql("rep2", "{ publicPool { edges { node { id phone owner { id } contacts { phone } } } } }")
    node = next(e["node"] for e in body["data"]["publicPool"]["edges"] if e["node"]["id"] == cid)
    assert node["phone"] == "138****6666"
    assert node["owner"] is None
    assert node["contacts"][0]["phone"].count("*") == 4
    mine = await world.gql("rep1", "{ customers { totalCount } }")
    assert mine["data"]["customers"]["totalCount"] == 0
    body = await world.gql("rep2", "mutation($i: ClaimFromPoolInput!) { claimFromPool(input: $i) { succeeded results { customer { phone owner { email } } } } }", {"i": {"ids": [cid]}})
    claimed = body["data"]["claimFromPool"]["results"][0]["customer"]
    assert claimed == {"phone": "13855556666", "owner": {"email": world.users["rep2"].email}}
    body = await world.gql("viewer", "{ publicPool { totalCount } }", expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_claim_limit_is_a_workspace_setting(world: World):
    world.workspace.settings = {"pool_limit_per_rep": 2}
    await world.workspace.save()
    held = await f.customer(world, "rep1")
    pool = [await f.customer(world, "rep3") for _ in range(2)]
    await service.release_to_pool(await world.actor("rep3"), [c.id for c in pool])
    results = await service.claim_from_pool(await world.actor("rep1"), [c.id for c in pool])
    assert [r.ok for r in results] == [True, False]
    assert results[1].errors[0].code.value == "LIMIT_REACHED"
    assert held.owner_id == world.users["rep1"].id


async def test_two_reps_claim_one_customer_at_once_exactly_one_wins(world: World):
    c = await f.customer(world, "rep3")
    await service.release_to_pool(await world.actor("rep3"), [c.id])
    for _ in range(5 if DB_KIND == "postgres" else 2):
        a, b = await asyncio.gather(
            service.claim_from_pool(await world.actor("rep1"), [c.id]),
            service.claim_from_pool(await world.actor("rep2"), [c.id]),
        )
        assert sorted([a[0].ok, b[0].ok]) == [False, True]
        loser = a[0] if not a[0].ok else b[0]
        assert loser.errors[0].code.value == "CONFLICT"
        row = await Customer.get(id=c.id)
        winner = "rep1" if a[0].ok else "rep2"
        assert row.owner_id == world.users[winner].id and not row.in_pool
        await service.release_to_pool(await world.actor(winner), [c.id])


async def test_two_updates_with_one_expected_version_exactly_one_wins(world: World):
    c = await f.customer(world, "rep1")
    actor = await world.actor("rep1")
    manager = await world.actor("manager")
    outcomes = await asyncio.gather(
        service.update_customer(actor, c.id, {"industry": "A"}, expected_version=1),
        service.update_customer(manager, c.id, {"industry": "B"}, expected_version=1),
        return_exceptions=True,
    )
    wins = [o for o in outcomes if not isinstance(o, Exception)]
    losses = [o for o in outcomes if isinstance(o, Exception)]
    assert len(wins) == 1 and len(losses) == 1
    assert losses[0].code.value == "CONFLICT"
    row = await Customer.get(id=c.id)
    assert row.version == 2 and row.industry == wins[0].industry


async def test_pool_sweep_returns_customers_nobody_followed_up(world: World):
    from crm.core.policy import system_actor
    stale = await f.customer(world, "rep1")
    fresh = await f.customer(world, "rep1")
    old = dt.datetime.now(dt.UTC) - dt.timedelta(days=45)
    await Customer.filter(id=stale.id).update(created_at=old, last_follow_up_at=old)
    await Customer.filter(id=fresh.id).update(created_at=old)
    await f.interaction(world, fresh)
    moved = await service.pool_sweep(system_actor(world.workspace.id))
    assert moved == 1
    assert (await Customer.get(id=stale.id)).in_pool
    assert not (await Customer.get(id=fresh.id)).in_pool


async def test_merge_moves_everything_and_records_it(world: World):
    tag = await f.tag(world, "Dup")
    into = await f.customer(world, "rep1", name="Keep Co", industry=None)
    dup = await f.customer(world, "rep1", name="Keep Company", industry="Retail", tag_ids=[tag.id])
    await f.opportunity(world, dup)
    await f.interaction(world, dup, next_follow_up_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=2))
    body = await world.gql("rep1", "mutation($i: MergeCustomersInput!) { mergeCustomers(input: $i) { customer { industry tags { name } contacts { name } opportunities { title } tasks { title } timeline { edges { node { kind } } } } errors { code } } }",
                           {"i": {"intoId": f.gid("Customer", into), "fromId": f.gid("Customer", dup)}})
    merged = body["data"]["mergeCustomers"]["customer"]
    assert merged["industry"] == "Retail"
    assert merged["tags"] == [{"name": "Dup"}]
    assert len(merged["contacts"]) == 2
    assert len(merged["opportunities"]) == 1
    assert len(merged["tasks"]) == 1
    gone = await Customer.get(id=dup.id)
    assert gone.deleted_at is not None and gone.merged_into_id == into.id
    trail = await world.gql("rep1", "query($id: ID!) { auditTrail(objectId: $id) { edges { node { action note } } } }", {"id": f.gid("Customer", into)})
    actions = [e["node"]["action"] for e in trail["data"]["auditTrail"]["edges"]]
    assert "merge" in actions


@pytest.mark.parametrize("who", ["viewer", "marketing", "support"])
async def test_roles_that_read_customers_cannot_move_them(world: World, who: str):
    c = await f.customer(world, "rep1")
    body = await world.gql(who, TRANSFER, {"i": {"ids": [f.gid("Customer", c)], "toOwnerId": f.gid("User", world.users["rep2"]), "reason": "x"}})
    assert body["data"]["transferCustomers"]["errors"][0]["code"] == "FORBIDDEN"


async def test_open_follow_ups_follow_the_customer_when_it_changes_hands(world: World):
    from crm.sales.models import Task, TaskStatus

    async def task(cust, title: str, who: str = "rep1") -> str:
        body = await world.gql(who, """mutation($i: CreateTaskInput!) { createTask(input: $i) {
            task { id } errors { code } } }""", {"i": {"title": title,
                                                       "customerId": f.gid("Customer", cust)}})
        return body["data"]["createTask"]["task"]["id"]

    released, moved = await f.customer(world, "rep1"), await f.customer(world, "rep1")
    await task(released, "Call about the quote")
    await task(moved, "Send the contract")
    await task(moved, "Someone else's reminder", who="manager")
    await world.gql("rep1", """mutation($i: ReleaseToPoolInput!) { releaseToPool(input: $i) {
        succeeded } }""", {"i": {"ids": [f.gid("Customer", released)], "reason": "no budget"}})
    body = await world.gql("manager", TRANSFER, {"i": {"ids": [f.gid("Customer", moved)],
                                                       "toOwnerId": f.gid("User", world.users["rep2"]),
                                                       "reason": "rep1 on leave"}})
    assert body["data"]["transferCustomers"]["succeeded"] == 1
    pooled = await Task.filter(customer_id=released.id).values_list("status", "assignee_id")
    assert pooled == [(TaskStatus.CANCELLED, world.users["rep1"].id)]
    handed = dict(await Task.filter(customer_id=moved.id).values_list("title", "assignee_id"))
    assert handed == {"Send the contract": world.users["rep2"].id,
                      "Someone else's reminder": world.users["manager"].id}
    mine = await world.gql("rep1", "{ myTasks(first: 20) { edges { node { title status } } } }")
    assert [e["node"] for e in mine["data"]["myTasks"]["edges"]] == [
        {"title": "Call about the quote", "status": "CANCELLED"}]


BULK_BY_FILTER = """mutation($i: TransferCustomersInput!) { transferCustomers(input: $i) {
  succeeded failed errors { field code params } } }"""


async def test_a_bulk_action_takes_a_filter_instead_of_ids(world: World):
    east = [await f.customer(world, "rep1", region="华东 East") for _ in range(3)]
    await f.customer(world, "rep1", region="华北 North")
    await f.customer(world, "rep3", region="华东 East")  # not rep1's: out of their scope
    to = f.gid("User", world.users["rep2"])
    body = await world.gql("manager", BULK_BY_FILTER, {"i": {
        "matching": {"region": {"eq": "华东 East"}, "owner": {"eq": f.gid("User", world.users["rep1"])}},
        "toOwnerId": to, "reason": "territory change"}})
    out = body["data"]["transferCustomers"]
    assert (out["succeeded"], out["failed"], out["errors"]) == (3, 0, [])
    owners = {c.owner_id for c in await Customer.filter(id__in=[c.id for c in east])}
    assert owners == {world.users["rep2"].id}
    # A rep's "every customer matching" is every one of theirs, never a colleague's.
    released = await world.gql("rep3", """mutation($i: ReleaseToPoolInput!) { releaseToPool(input: $i) {
        succeeded errors { code } } }""", {"i": {"matching": {"region": {"eq": "华东 East"}}}})
    assert released["data"]["releaseToPool"]["succeeded"] == 1


async def test_a_bulk_action_needs_exactly_one_way_of_naming_its_customers(world: World, monkeypatch):
    c = await f.customer(world, "rep1")
    to = f.gid("User", world.users["rep2"])
    for extra in ({}, {"ids": [f.gid("Customer", c)], "matching": {}}):
        body = await world.gql("manager", BULK_BY_FILTER, {"i": {**extra, "toOwnerId": to, "reason": "r"}})
        assert body["data"]["transferCustomers"]["errors"] == [
            {"field": "ids", "code": "INVALID", "params": None}], extra
    nothing = await world.gql("manager", BULK_BY_FILTER, {"i": {
        "matching": {"region": {"eq": "nowhere"}}, "toOwnerId": to, "reason": "r"}})
    assert nothing["data"]["transferCustomers"]["errors"][0]["field"] == "matching"
    monkeypatch.setattr(service, "MAX_BULK", 1)
    await f.customer(world, "rep1")
    many = await world.gql("manager", BULK_BY_FILTER, {"i": {"matching": {}, "toOwnerId": to, "reason": "r"}})
    assert many["data"]["transferCustomers"]["errors"] == [
        {"field": "matching", "code": "LIMIT_REACHED", "params": {"limit": 1}}]
    assert await Customer.filter(owner_id=world.users["rep2"].id).count() == 0


CLAIM_BY_FILTER = """mutation($i: ClaimFromPoolInput!) { claimFromPool(input: $i) {
  succeeded failed results { ok customer { name owner { email } } errors { code } }
  errors { field code params } } }"""


async def test_a_rep_claims_every_pool_customer_a_filter_matches(world: World):
    south = [await f.customer(world, "rep3", region="华南 South", name=f"South {i}") for i in range(3)]
    north = await f.customer(world, "rep3", region="华北 North")
    kept = await f.customer(world, "rep3", region="华南 South")  # rep3 keeps it: not in the pool
    await service.release_to_pool(await world.actor("rep3"), [c.id for c in [*south, north]])
    body = await world.gql("rep1", CLAIM_BY_FILTER, {"i": {"matching": {"region": {"eq": "华南 South"}}}})
    out = body["data"]["claimFromPool"]
    assert (out["succeeded"], out["failed"], out["errors"]) == (3, 0, [])
    assert sorted(r["customer"]["name"] for r in out["results"]) == ["South 0", "South 1", "South 2"]
    assert {r["customer"]["owner"]["email"] for r in out["results"]} == {world.users["rep1"].email}
    # the pool customer the filter does not match stays there, and rep3's own is not taken
    assert (await Customer.get(id=north.id)).in_pool
    assert (await Customer.get(id=kept.id)).owner_id == world.users["rep3"].id


async def test_claiming_by_filter_keeps_the_rules_of_claiming_by_ids(world: World, monkeypatch):
    pooled = [await f.customer(world, "rep3", region="西部 West") for _ in range(3)]
    await service.release_to_pool(await world.actor("rep3"), [c.id for c in pooled])
    # exactly one way of naming the customers
    for extra in ({}, {"ids": [f.gid("Customer", pooled[0])], "matching": {}}):
        body = await world.gql("rep1", CLAIM_BY_FILTER, {"i": extra})
        assert body["data"]["claimFromPool"]["errors"] == [
            {"field": "ids", "code": "INVALID", "params": None}], extra
    # a filter that matches nothing in the pool says so
    body = await world.gql("rep1", CLAIM_BY_FILTER, {"i": {"matching": {"region": {"eq": "nowhere"}}}})
    assert [(e["field"], e["code"]) for e in body["data"]["claimFromPool"]["errors"]] == [("matching", "INVALID")]
    # more matches than one request may take: nothing is claimed, and the cap is given
    monkeypatch.setattr(service, "MAX_BULK", 2)
    body = await world.gql("rep1", CLAIM_BY_FILTER, {"i": {"matching": {"region": {"eq": "西部 West"}}}})
    assert body["data"]["claimFromPool"]["errors"] == [
        {"field": "matching", "code": "LIMIT_REACHED", "params": {"limit": 2}}]
    assert await Customer.filter(id__in=[c.id for c in pooled], in_pool=True).count() == 3
    monkeypatch.setattr(service, "MAX_BULK", 1000)
    # the per-rep limit still holds: two of three, the third refused with the limit
    world.workspace.settings = {"pool_limit_per_rep": 2}
    await world.workspace.save()
    body = await world.gql("rep1", CLAIM_BY_FILTER, {"i": {"matching": {"region": {"eq": "西部 West"}}}})
    out = body["data"]["claimFromPool"]
    assert (out["succeeded"], out["failed"]) == (2, 1)
    assert [r["errors"] for r in out["results"] if not r["ok"]] == [[{"code": "LIMIT_REACHED"}]]
    # roles that do not work the pool cannot reach it through a filter either
    body = await world.gql("viewer", CLAIM_BY_FILTER, {"i": {"matching": {}}})
    assert body["data"]["claimFromPool"]["errors"][0]["code"] == "FORBIDDEN"
