"""A page costs a fixed number of SQL statements whatever its size."""

from __future__ import annotations

from tests import factories as f
from tests.conftest import SQLCounter, World

LIST = """query($n: Int!) { customers(first: $n) { totalCount edges { node {
  name phone owner { name } tags { name } contacts { name phone }
  opportunities(openOnly: true) { title amount { amount } stage { name } }
  lastInteraction { summary occurredAt } } } } }"""
DETAIL = """query($id: ID!) { node(id: $id) { ... on Customer { name owner { name } contacts { name }
  tags { name } timeline(first: 30) { edges { node { kind interaction { summary owner { name } }
  stageChange { toStage { name } changedBy { name } } auditEvent { action actor { name } changes { field new } } } } } } } }"""


async def _fill(world: World, n: int) -> list:
    tag = await f.tag(world, "Counted")
    made = []
    for i in range(n):
        c = await f.customer(world, "rep1", name=f"Count {i:03d}", tag_ids=[tag.id])
        await f.opportunity(world, c)
        await f.interaction(world, c)
        made.append(c)
    return made


async def test_customer_list_costs_the_same_for_5_and_50(world: World):
    await _fill(world, 50)
    counts = {}
    for n in (5, 50):
        with SQLCounter() as sql:
            body = await world.gql("rep1", LIST, {"n": n})
        assert len(body["data"]["customers"]["edges"]) == n
        counts[n] = sql.count
    assert counts[5] == counts[50], counts
    # auth (user, teams, team members) + page + count + owner + tags (2) + contacts
    # + opportunities + stages + interactions
    assert counts[5] <= 13, counts


async def test_customer_detail_with_timeline_is_fixed_too(world: World):
    from crm.sales import service
    made = await _fill(world, 1)
    c = made[0]
    opp = await f.opportunity(world, c)
    actor = await world.actor("rep1")
    # Every round adds all three kinds of entry, so any page holds all of them.
    for i in range(12):
        await f.interaction(world, c, summary=f"round {i}")
        await service.move_opportunity(actor, opp.id, world.stages[(i % 3) + 1].id)
    query = DETAIL.replace("timeline(first: 30)", "timeline(first: $n)").replace(
        "query($id: ID!)", "query($id: ID!, $n: Int!)")
    counts = {}
    for n in (6, 40):
        with SQLCounter() as sql:
            body = await world.gql("rep1", query, {"id": f.gid("Customer", c), "n": n})
        edges = body["data"]["node"]["timeline"]["edges"]
        assert len(edges) == n
        assert {e["node"]["kind"] for e in edges} == {"interaction", "stage_change", "audit"}
        counts[n] = sql.count
    assert counts[6] == counts[40], counts


LISTS = {
    "leads": "query($n: Int!) { leads(first: $n) { edges { node { name status owner { name } customer { name } } } } }",
    "opportunities": """query($n: Int!) { opportunities(first: $n) { edges { node { title amount { amount }
        stage { name } customer { name } owner { name } stageHistory { edges { node { toStage { name } changedBy { name } } } } } } } }""",
    "myTasks": "query($n: Int!) { myTasks(first: $n) { edges { node { title isOverdue assignee { name } customer { name } opportunity { title } } } } }",
    "publicPool": "query($n: Int!) { publicPool(first: $n) { edges { node { name phone tags { name } contacts { phone } } } } }",
    "users": "query($n: Int!) { users(first: $n) { edges { node { name team { name manager { name } } } } } }",
}


async def test_other_lists_cost_the_same_for_5_and_20(world: World):
    from crm.auth.models import User
    from crm.customers import service as customers
    from crm.sales import service as sales
    rep = await world.actor("rep1")
    made = []
    for i in range(20):
        c = await f.customer(world, "rep1", name=f"Lists {i:02d}")
        opp = await f.opportunity(world, c)
        await sales.move_opportunity(rep, opp.id, world.stages[1].id)
        await sales.create_lead(rep, {"name": f"Lead {i}"})
        await sales.create_task(rep, {"title": f"Task {i}", "customer_id": c.id,
                                      "opportunity_id": opp.id})
        await User.create(workspace_id=world.workspace.id, email=f"u{i}@{world.workspace.slug}.test",
                          name=f"User {i}", role="sales_rep", team_id=world.teams["East"].id,
                          password_hash="x")
        made.append(c)
    await customers.release_to_pool(rep, [c.id for c in made[:20]])
    for name, query in LISTS.items():
        counts = {}
        for n in (5, 20):
            with SQLCounter() as sql:
                body = await world.gql("rep1" if name != "publicPool" else "rep2", query, {"n": n})
            assert len(body["data"][name]["edges"]) == n, name
            counts[n] = sql.count
        assert counts[5] == counts[20], (name, counts)
