"""Review: reads that reach rows or values the actor's row scope or field policy forbids."""

from __future__ import annotations

from decimal import Decimal

from tests import factories as f
from tests.conftest import World

CREATE = """mutation($input: CreateCustomerInput!) {
  createCustomer(input: $input) {
    customer { id }
    errors { code message }
    duplicates { id name industry region contacts { name title }
                 timeline(first: 50) { edges { node { kind interaction { summary } } } }
                 history(first: 50) { edges { node { action } } } }
  }
}"""


async def test_duplicates_payload_returns_customers_outside_row_scope(world: World):
    """rep2 (own scope) may be told a duplicate exists, but must not get rep3's customer
    as a readable object: its industry, contacts and whole follow-up timeline."""
    secret = await f.customer(world, "rep3", name="Rival Holdings", industry="Defence",
                              contacts=[{"name": "Secret Person", "title": "CEO"}])
    await f.interaction(world, secret, who="rep3", summary="They will sign for 9M next week")
    # rep2 cannot read it directly.
    node = await world.gql("rep2", "query($id: ID!) { node(id: $id) { id } }",
                           {"id": f.gid("Customer", secret)})
    assert node["data"]["node"] is None
    body = await world.gql("rep2", CREATE, {"input": {"name": "rival holdings"}},
                           expect_errors=True)
    payload = body["data"]["createCustomer"]
    assert payload["errors"][0]["code"] == "DUPLICATE"
    leaked = payload["duplicates"]
    text = repr(leaked)
    assert "Defence" not in text, leaked
    assert "Secret Person" not in text, leaked
    assert "9M" not in text, leaked


HISTORY = """query($id: ID!) { node(id: $id) { ... on Customer {
  phone history(first: 50) { edges { node { action changes { field old new } } } } } } }"""


async def test_history_reveals_masked_phone_through_phone_key(world: World):
    """marketing sees Customer.phone masked, but the update's audit event also stores the
    derived `phone_key` column, which history shows as `phoneKey` in clear digits."""
    c = await f.customer(world, "rep1", phone="13811112222")
    from crm.customers import service
    await service.update_customer(await world.actor("rep1"), c.id, {"phone": "13955556666"})
    body = await world.gql("marketing", HISTORY, {"id": f.gid("Customer", c)})
    node = body["data"]["node"]
    assert node["phone"] == "139****6666"  # masked for marketing, as the policy says
    changes = [ch for e in node["history"]["edges"] for ch in e["node"]["changes"]]
    text = repr(changes)
    assert "13955556666" not in text, changes
    assert "13811112222" not in text, changes


TIMELINE = """query($id: ID!) { node(id: $id) { ... on Customer {
  opportunities { title }
  timeline(first: 50) { edges { node { kind
    stageChange { note toStage { nameEn } }
    auditEvent { objectType action changes { field new } } } } } } } }"""


async def test_timeline_shows_opportunities_the_actor_cannot_read(world: World):
    """rep1 owns the customer; the manager puts an opportunity owned by rep2 on it. rep1 may
    not read that opportunity (Customer.opportunities hides it, node() returns null), yet the
    customer's timeline carries its stage changes and its audit events with title and amount."""
    c = await f.customer(world, "rep1")
    from crm.sales import service
    manager = await world.actor("manager")
    opp = await service.create_opportunity(
        manager, {"customer_id": c.id, "title": "Hidden deal", "amount": Decimal("777777"),
                  "currency": "CNY"}, owner_id=world.users["rep2"].id)
    await service.move_opportunity(manager, opp.id, world.stages[1].id, note="secret note")
    hidden = await world.gql("rep1", "query($id: ID!) { node(id: $id) { id } }",
                             {"id": f.gid("Opportunity", opp)})
    assert hidden["data"]["node"] is None
    body = await world.gql("rep1", TIMELINE, {"id": f.gid("Customer", c)}, expect_errors=True)
    node = body["data"]["node"]
    assert node["opportunities"] == []
    entries = [e["node"] for e in node["timeline"]["edges"]]
    text = repr(entries)
    assert "Hidden deal" not in text, entries
    assert "77777700" not in text, entries
    assert "secret note" not in text, entries
    assert not [e for e in entries if e["kind"] == "stage_change"], entries


async def test_support_sees_stage_changes_despite_no_opportunity_scope(world: World):
    """support's row scope on Opportunity and StageChange is `none`, but a customer's timeline
    hands it every stage change of the customer's opportunities."""
    c = await f.customer(world, "rep1")
    opp = await f.opportunity(world, c)
    from crm.sales import service
    await service.move_opportunity(await world.actor("rep1"), opp.id, world.stages[2].id,
                                   note="price agreed at 50k")
    body = await world.gql("support", TIMELINE.replace("opportunities { title }", ""),
                           {"id": f.gid("Customer", c)}, expect_errors=True)
    entries = [e["node"] for e in body["data"]["node"]["timeline"]["edges"]]
    assert not [e for e in entries if e["kind"] == "stage_change"], entries
    assert "price agreed" not in repr(entries)


async def test_contacts_of_a_deleted_customer_stay_reachable_by_node(world: World):
    """Soft delete hides a customer everywhere; its contacts and interactions (scoped through
    the customer) must vanish with it. For roles with `all` scope, scoped() skips the parent
    check, so node(id:) still returns them."""
    c = await f.customer(world, "rep1", contacts=[{"name": "Still Here", "phone": "13700001111"}])
    i = await f.interaction(world, c, summary="old call")
    from crm.customers import service
    from crm.customers.models import Contact
    contact = await Contact.get(customer_id=c.id)
    await service.delete_customer(await world.actor("rep1"), c.id)
    q = "query($ids: [ID!]!) { nodes(ids: $ids) { id } }"
    ids = [f.gid("Customer", c), f.gid("Contact", contact), f.gid("Interaction", i)]
    # The owner, whose scope goes through the parent, sees none of them.
    own = await world.gql("rep1", q, {"ids": ids})
    assert own["data"]["nodes"] == [None, None, None]
    for who in ("viewer", "admin"):
        body = await world.gql(who, q, {"ids": ids})
        assert body["data"]["nodes"] == [None, None, None], (who, body["data"]["nodes"])


async def test_deleted_opportunity_stage_changes_stay_in_the_timeline(world: World):
    """Soft-deleting an opportunity hides it everywhere, but customer_timeline reads
    StageChange without looking at the opportunity, so its stage history stays on the
    customer's timeline (and its `opportunity` resolves to null)."""
    c = await f.customer(world, "rep1")
    opp = await f.opportunity(world, c)
    from crm.sales import service
    actor = await world.actor("rep1")
    await service.move_opportunity(actor, opp.id, world.stages[1].id, note="moved before delete")
    await service.delete_opportunity(actor, opp.id)
    body = await world.gql("rep1", TIMELINE, {"id": f.gid("Customer", c)})
    entries = [e["node"] for e in body["data"]["node"]["timeline"]["edges"]]
    assert not [e for e in entries if e["kind"] == "stage_change"], entries


async def test_a_duplicate_the_caller_cannot_read_is_not_named(world: World):
    secret = await f.customer(world, "rep3", name="Umbrella 保护伞", phone="13955556666")
    body = await world.gql("rep2", """mutation($input: CreateCustomerInput!) {
        createCustomer(input: $input) { customer { id } duplicates { id }
        errors { field code message } } }""",
                           {"input": {"name": "Another name", "phone": "139 5555 6666"}})
    payload = body["data"]["createCustomer"]
    assert payload["customer"] is None and payload["duplicates"] == []
    [error] = payload["errors"]
    assert (error["field"], error["code"]) == ("phone", "DUPLICATE"), error
    assert "cannot see" in error["message"]
    for clue in ("Umbrella", "保护伞", f.gid("Customer", secret), str(secret.id)):
        assert clue not in error["message"], error
    # Its owner is told which customer it is, so they can open it.
    own = await world.gql("rep3", """mutation($input: CreateCustomerInput!) {
        createCustomer(input: $input) { duplicates { name } errors { field message } } }""",
                          {"input": {"name": "Another name", "phone": "13955556666"}})
    assert own["data"]["createCustomer"]["duplicates"] == [{"name": "Umbrella 保护伞"}]
    assert "Umbrella" in own["data"]["createCustomer"]["errors"][0]["message"]


async def test_trying_phone_numbers_one_by_one_is_refused_after_a_while(world: World):
    import uuid

    from crm.auth import throttle
    from crm.core.ids import to_global_id
    from crm.settings import get_settings, override_settings

    await f.customer(world, "rep3", phone="13900001111")
    # A tag that does not exist rolls any insert back: each probe only asks, never creates.
    missing_tag = to_global_id("Tag", uuid.uuid4())
    saved = get_settings()
    override_settings(saved.model_copy(update={"duplicate_checks_per_user": "5/minute"}))
    try:
        codes = []
        for n in range(8):
            body = await world.gql("rep2", """mutation($input: CreateCustomerInput!) {
                createCustomer(input: $input) { errors { code } } }""",
                                   {"input": {"name": f"Probe {n}", "phone": f"139000011{n:02d}",
                                              "tagIds": [missing_tag]}}, expect_errors=True)
            top = [e["extensions"]["code"] for e in body.get("errors") or []]
            codes.append(top[0] if top else "answered")
        assert codes[:5] == ["answered"] * 5 and codes[5:] == ["RATE_LIMITED"] * 3, codes
    finally:
        override_settings(saved)
        await throttle.reset()
