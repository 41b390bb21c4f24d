"""The change feed: what a device that syncs gets, page by page, on both databases."""

from __future__ import annotations

import asyncio
import datetime as dt
import gzip
import uuid
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest

from crm.customers import service as customers
from crm.customers.models import Contact
from crm.settings import get_settings, override_settings
from crm.sync import service as sync
from tests import factories as f
from tests.conftest import DB_KIND, World

FEED = """query($since: String, $types: [ChangeType!], $first: Int) {
  changes(since: $since, types: $types, first: $first) {
    cursor hasMore
    removals { type id reason }
    nodes { __typename id
      ... on Customer { name phone version owner { email } }
      ... on Contact { name phone }
      ... on Lead { name }
      ... on Task { title }
    }
  }
}"""


@pytest.fixture(autouse=True)
def no_lag() -> Iterator[None]:
    """A test's writes are committed before it reads the feed: the clock safety lag is not
    what these tests are about (the PostgreSQL horizon still applies)."""
    before = get_settings()
    override_settings(before.model_copy(update={"sync_lag": 0}))
    yield
    override_settings(before)


async def feed(world: World, who: str, since: str | None = None, **variables: Any
               ) -> dict[str, Any]:
    body = await world.gql(who, FEED, {"since": since, **variables})
    return body["data"]["changes"]  # type: ignore[no-any-return]


async def drain(world: World, who: str, since: str | None = None, first: int = 100
                ) -> tuple[list[dict[str, Any]], str]:
    """Every page until hasMore is false: what a device catching up receives."""
    pages: list[dict[str, Any]] = []
    while True:
        page = await feed(world, who, since, first=first)
        pages.append(page)
        since = page["cursor"]
        if not page["hasMore"]:
            return pages, since


def ids(page: dict[str, Any]) -> list[str]:
    return [n["id"] for n in page["nodes"]]


async def test_creations_updates_and_deletions_arrive_once_each(world: World):
    first = await feed(world, "rep1")
    assert first["nodes"] == [] and first["removals"] == [] and not first["hasMore"]
    cust = await f.customer(world, "rep1", name="Acme")
    gid = f.gid("Customer", cust)
    actor = await world.actor("rep1")
    await customers.update_customer(actor, cust.id, {"industry": "Tools"})
    await customers.update_customer(actor, cust.id, {"name": "Acme Ltd"})

    page = await feed(world, "rep1", first["cursor"], types=["CUSTOMER"])
    # Three events, one record, as it is now.
    assert [(n["id"], n["name"], n["version"]) for n in page["nodes"]] == [(gid, "Acme Ltd", 3)]
    assert page["nodes"][0]["owner"]["email"] == world.users["rep1"].email
    # The owner sees the phone in full.
    assert page["nodes"][0]["phone"] == cust.phone
    again = await feed(world, "rep1", page["cursor"], types=["CUSTOMER"])
    assert again["nodes"] == [] and again["removals"] == []

    await customers.delete_customer(actor, cust.id)
    gone = await feed(world, "rep1", again["cursor"], types=["CUSTOMER"])
    assert gone["nodes"] == []
    assert gone["removals"] == [{"type": "CUSTOMER", "id": gid, "reason": "DELETED"}]
    await customers.restore_customer(actor, cust.id)
    back = await feed(world, "rep1", gone["cursor"], types=["CUSTOMER"])
    assert ids(back) == [gid] and back["removals"] == []


async def test_types_narrow_the_feed_and_contacts_come_with_their_customer(world: World):
    cust = await f.customer(world, "rep1")
    contact = await Contact.get(customer_id=cust.id)
    page = await feed(world, "rep1", types=["CONTACT"])
    assert ids(page) == [f.gid("Contact", contact)]
    assert page["nodes"][0]["__typename"] == "Contact"
    everything = await feed(world, "rep1")
    assert set(ids(everything)) == {f.gid("Customer", cust), f.gid("Contact", contact)}


async def test_transfer_out_of_reach_is_a_removal_for_the_old_owner(world: World):
    cust = await f.customer(world, "rep1")
    contact = await Contact.get(customer_id=cust.id)
    _, cursor = await drain(world, "rep1")
    contacts_only = (await feed(world, "rep1", types=["CONTACT"]))["cursor"]
    _, west_cursor = await drain(world, "rep3")
    await customers.transfer_customers(await world.actor("admin"), [cust.id],
                                       world.users["rep3"].id, "moved west")
    page = await feed(world, "rep1", cursor)
    assert page["nodes"] == []
    # The contact had no event of its own: it leaves with its customer.
    assert {(r["type"], r["id"], r["reason"]) for r in page["removals"]} == {
        ("CUSTOMER", f.gid("Customer", cust), "OUT_OF_SCOPE"),
        ("CONTACT", f.gid("Contact", contact), "OUT_OF_SCOPE")}
    # A device that syncs contacts alone hears of it too.
    alone = await feed(world, "rep1", contacts_only, types=["CONTACT"])
    assert alone["removals"] == [{"type": "CONTACT", "id": f.gid("Contact", contact),
                                  "reason": "OUT_OF_SCOPE"}]
    # ... and arrives at the new owner, with it.
    west = await feed(world, "rep3", west_cursor)
    assert set(ids(west)) == {f.gid("Customer", cust), f.gid("Contact", contact)}
    assert west["removals"] == []


async def test_release_to_the_public_pool_is_out_of_scope_for_the_rep(world: World):
    cust = await f.customer(world, "rep1")
    _, cursor = await drain(world, "rep1")
    await customers.release_to_pool(await world.actor("rep1"), [cust.id], "no answer")
    page = await feed(world, "rep1", cursor, types=["CUSTOMER"])
    assert page["removals"] == [{"type": "CUSTOMER", "id": f.gid("Customer", cust),
                                 "reason": "OUT_OF_SCOPE"}]


async def test_another_workspace_and_other_owners_never_appear(world: World):
    from crm.auth.models import User
    from crm.auth.service import actor_for_user, create_workspace
    from crm.auth.tokens import issue_access_token

    mine = await f.customer(world, "rep1")
    colleague = await f.customer(world, "rep2")
    other = await create_workspace("Other", "other-" + mine.id.hex[:8])
    stranger = await User.create(workspace_id=other.id, email="admin@other.test", name="X",
                                 role="admin", password_hash="x")
    world.tokens["stranger"] = issue_access_token(stranger.id, other.id, "admin")[0]
    theirs = await customers.create_customer(await actor_for_user(stranger, request_id="t"),
                                             {"name": "Theirs"})

    pages, _ = await drain(world, "rep1")
    seen = {i for p in pages for i in ids(p)} | {r["id"] for p in pages for r in p["removals"]}
    assert f.gid("Customer", mine) in seen
    assert f.gid("Customer", theirs) not in seen
    # A colleague's customer is not the rep's to read, and never was: not even a tombstone.
    assert f.gid("Customer", colleague) not in seen
    await customers.update_customer(await world.actor("rep2"), colleague.id, {"industry": "X"})
    assert f.gid("Customer", colleague) not in {
        r["id"] for p in (await drain(world, "rep1"))[0] for r in p["removals"]}
    manager_pages, _ = await drain(world, "manager")
    assert f.gid("Customer", colleague) in {i for p in manager_pages for i in ids(p)}
    stranger_pages, _ = await drain(world, "stranger")
    stranger_seen = {i for p in stranger_pages for i in ids(p)} | {
        r["id"] for p in stranger_pages for r in p["removals"]}
    assert stranger_seen == {f.gid("Customer", theirs)}


async def test_masked_fields_stay_masked_in_the_feed(world: World):
    cust = await f.customer(world, "rep1", phone="13812345678")
    page = await feed(world, "marketing", types=["CUSTOMER"])
    node = next(n for n in page["nodes"] if n["id"] == f.gid("Customer", cust))
    assert node["phone"] != "13812345678" and "*" in node["phone"]
    # The warehouse may not read customers: nothing of them, not even which ones changed.
    await customers.delete_customer(await world.actor("rep1"), cust.id)
    nothing = await feed(world, "warehouse", types=["CUSTOMER", "CONTACT"])
    assert nothing["nodes"] == [] and nothing["removals"] == []


async def test_pages_lose_and_repeat_nothing_under_interleaved_writes(world: World):
    actor = await world.actor("rep1")
    made = [await f.customer(world, "rep1", contacts=[]) for _ in range(7)]
    seen: list[str] = []
    cursor: str | None = None
    changed_later: list[str] = []
    for round_no in range(20):
        page = await feed(world, "rep1", cursor, first=3, types=["CUSTOMER"])
        assert len(page["nodes"]) <= 3
        # Within a page a record is there once.
        assert len(ids(page)) == len(set(ids(page)))
        seen.extend(ids(page))
        cursor = page["cursor"]
        if round_no < 3:
            # Writes between pages: a new customer and a change of one already delivered.
            made.append(await f.customer(world, "rep1", contacts=[]))
            await customers.update_customer(actor, made[round_no].id, {"industry": f"r{round_no}"})
            changed_later.append(f.gid("Customer", made[round_no]))
        if not page["hasMore"] and round_no >= 3:
            break
    every = {f.gid("Customer", c) for c in made}
    assert set(seen) == every
    # A record comes again only because it changed after it was delivered.
    repeats = [g for g in every if seen.count(g) > 1]
    assert set(repeats) <= set(changed_later)
    assert all(seen.count(g) <= 2 for g in every)


async def test_a_week_offline_catches_up_in_a_few_pages(world: World):
    actor = await world.actor("rep1")
    rows = [await f.customer(world, "rep1", contacts=[]) for _ in range(30)]
    for row in rows:
        for n in range(3):
            await customers.update_customer(actor, row.id, {"industry": f"v{n}"})
    pages, _ = await drain(world, "rep1", first=500)
    assert len(pages) == 1
    assert {i for i in ids(pages[0])} == {f.gid("Customer", r) for r in rows}


async def test_a_bad_cursor_or_page_size_is_refused(world: World):
    body = await world.gql("rep1", FEED, {"since": "nonsense"}, expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "INVALID"
    body = await world.gql("rep1", FEED, {"first": 501}, expect_errors=True)
    assert body["errors"][0]["extensions"]["code"] == "INVALID"


async def test_the_horizon_holds_back_what_is_younger_than_the_lag(world: World):
    await f.customer(world, "rep1", contacts=[])
    actor = await world.actor("rep1")
    override_settings(get_settings().model_copy(update={"sync_lag": 60}))
    held = await sync.changes(actor, None)
    assert held.records == [] and not held.has_more
    later = await sync.changes(actor, held.cursor, now=dt.datetime.now(dt.UTC)
                               + dt.timedelta(minutes=2))
    assert len(later.records) == 1


@pytest.mark.skipif(DB_KIND != "postgres", reason="two writing transactions at once need "
                    "PostgreSQL (SQLite has one writer)")
async def test_an_event_committed_late_is_not_skipped(world: World):
    """T1 stamps its event first and commits last; a reader in between must not move its
    cursor past T1's event."""
    from tortoise.transactions import in_transaction

    actor = await world.actor("rep1")
    _, cursor = await drain(world, "rep1")
    first_written = asyncio.Event()
    release = asyncio.Event()

    async def slow() -> Any:
        async with in_transaction("default"):
            row = await customers.create_customer(actor, {"name": "Slow"},
                                                  allow_duplicate=True)
            first_written.set()
            await release.wait()
        return row

    task = asyncio.create_task(slow())
    await first_written.wait()
    fast = await f.customer(world, "rep1", name="Fast", contacts=[])
    middle = await feed(world, "rep1", cursor, types=["CUSTOMER"])
    # The fast one committed, but it is younger than the open transaction: held back.
    assert f.gid("Customer", fast) not in ids(middle)
    release.set()
    slow_row = await task
    after = await feed(world, "rep1", middle["cursor"], types=["CUSTOMER"])
    assert ids(after) == [f.gid("Customer", slow_row), f.gid("Customer", fast)]


async def test_feed_responses_are_compressed(world: World):
    for _ in range(20):
        await f.customer(world, "rep1")
    resp = await world.client.post(
        "/graphql", json={"query": FEED, "variables": {}},
        headers={"Authorization": f"Bearer {world.tokens['rep1']}", "Accept-Encoding": "gzip"})
    assert resp.headers.get("content-encoding") == "gzip"
    plain = resp.content
    assert len(gzip.compress(plain)) < len(plain) / 3
    assert '"changes"' in plain.decode()


ALL_TYPES = """query($since: String, $first: Int) { changes(since: $since, first: $first) {
  cursor hasMore removals { type id reason }
  nodes { __typename id
    ... on Customer { name owner { name } }
    ... on Contact { name customer { name } }
    ... on Interaction { summary }
    ... on Lead { name owner { name } }
    ... on Opportunity { title customer { name } }
    ... on Task { title assignee { name } }
    ... on Order { number customer { name } }
    ... on Product { sku }
  } } }"""


async def _one_of_each(world: World, shop: Any) -> dict[str, str]:
    """A record of every type the feed carries, made by rep1 (and the admin, for products)."""
    from crm.catalogue import service as catalogue
    from crm.orders import service as orders
    from crm.orders.service import LineInput
    from crm.sales import service as sales

    rep1 = await world.actor("rep1")
    cust = await f.customer(world, "rep1")
    contact = await Contact.get(customer_id=cust.id)
    interaction = await f.interaction(world, cust)
    lead = await sales.create_lead(rep1, {"name": "Mr Wu"})
    opp = await f.opportunity(world, cust)
    task = await sales.create_task(rep1, {"title": "Visit"})
    order = await orders.create_order(rep1, customer_id=cust.id,
                                      lines=[LineInput(product_id=shop.widget.id, quantity=1)])
    product = await catalogue.create_product(
        await world.actor("admin"), {"sku": f"S-{uuid.uuid4().hex[:8]}", "name": "Cup"},
        list_price=shop.widget_price)
    return {"Customer": f.gid("Customer", cust), "Contact": f.gid("Contact", contact),
            "Interaction": f.gid("Interaction", interaction), "Lead": f.gid("Lead", lead),
            "Opportunity": f.gid("Opportunity", opp), "Task": f.gid("Task", task),
            "Order": f.gid("Order", order), "Product": f.gid("Product", product)}


async def _shop(world: World) -> Any:
    from types import SimpleNamespace

    from tests.orders.helpers import make_shop
    shop = await make_shop(world)
    return SimpleNamespace(widget=shop.widget,
                           widget_price=SimpleNamespace(amount=Decimal("9.90"), currency="CNY"))


async def test_every_type_of_the_feed_arrives_as_its_own_type(world: World):
    made = await _one_of_each(world, await _shop(world))
    pages, _ = await drain(world, "rep1")
    nodes = {n["id"]: n for p in pages for n in p["nodes"]}
    for type_name, gid in made.items():
        assert nodes[gid]["__typename"] == type_name, (type_name, nodes.get(gid))
    # A task given to someone outside the rep's reach leaves the rep's copy.
    from crm.sales import service as sales
    from crm.sales.models import Task
    _, cursor = await drain(world, "rep1")
    task_id = uuid.UUID(str(await Task.filter(workspace_id=world.workspace.id, title="Visit")
                            .first().values_list("id", flat=True)))
    await sales.update_task(await world.actor("admin"), task_id, {"assignee_id": world.users[
        "rep3"].id})
    page = await feed(world, "rep1", cursor, types=["TASK"])
    assert page["removals"] == [{"type": "TASK", "id": made["Task"], "reason": "OUT_OF_SCOPE"}]


async def test_a_page_of_every_type_costs_the_same_statements_for_few_and_many(world: World):
    from tests.conftest import SQLCounter

    async def statements(since: str | None) -> tuple[int, int, str]:
        headers = {"Authorization": f"Bearer {world.tokens['rep1']}"}
        await world.client.post("/graphql", json={"query": "{ __typename }"}, headers=headers)
        with SQLCounter() as sql:
            resp = await world.client.post("/graphql", json={
                "query": ALL_TYPES, "variables": {"since": since, "first": 500}}, headers=headers)
        body = resp.json()
        assert not body.get("errors"), body
        page = body["data"]["changes"]
        return sql.count, len(page["nodes"]), page["cursor"]

    shop = await _shop(world)
    _, cursor = await drain(world, "rep1")
    await _one_of_each(world, shop)
    few, few_items, cursor = await statements(cursor)
    for _ in range(4):
        await _one_of_each(world, shop)
    many, many_items, _ = await statements(cursor)
    assert many_items > 3 * few_items
    assert few == many, {"few": few, "many": many}
