"""Review: writes without their audit event or version; broken paging."""

from __future__ import annotations

import datetime as dt

from tests import factories as f
from tests.conftest import World


async def test_log_interaction_reminder_task_and_customer_change_are_not_audited(world: World):
    """logInteraction with nextFollowUpAt creates a Task and changes the customer's follow-up
    dates; neither write records an audit event (DESIGN 4: every write, same transaction)."""
    from crm.core.models import AuditEvent
    from crm.sales.models import Task
    c = await f.customer(world, "rep1")
    nxt = dt.datetime.now(dt.UTC) + dt.timedelta(days=3)
    await f.interaction(world, c, next_follow_up_at=nxt)
    task = await Task.get(customer_id=c.id)
    assert await AuditEvent.filter(object_id=task.id).exists(), "reminder task has no audit event"
    customer_events = await AuditEvent.filter(object_type="Customer", object_id=c.id)
    changed = {k for e in customer_events for k in (e.changes or {})}
    assert "next_follow_up_at" in changed, [e.changes for e in customer_events]


async def test_log_interaction_changes_customer_without_a_new_version(world: World):
    """logInteraction moves the customer's nextFollowUpAt but keeps its version, so a client
    holding the old version overwrites that change with no CONFLICT (a lost update)."""
    c = await f.customer(world, "rep1")
    assert c.version == 1
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(days=2)
    await f.interaction(world, c, next_follow_up_at=soon)
    later = (dt.datetime.now(dt.UTC) + dt.timedelta(days=30)).isoformat()
    body = await world.gql("rep1", """mutation($input: UpdateCustomerInput!) {
      updateCustomer(input: $input) { customer { version } errors { code } } }""",
                           {"input": {"id": f.gid("Customer", c), "expectedVersion": 1,
                                      "nextFollowUpAt": later}})
    assert body["data"]["updateCustomer"]["errors"] == [{"code": "CONFLICT"}], body


async def test_my_tasks_paging_loses_tasks_when_due_at_is_null(world: World):
    """myTasks sorts on the nullable due_at; the keyset condition `due_at > NULL` is never true,
    so paging from a row on one side of NULL never reaches the rows on the other side."""
    from crm.sales import service
    actor = await world.actor("rep1")
    dated = await service.create_task(actor, {"title": "dated",
                                              "due_at": dt.datetime.now(dt.UTC) + dt.timedelta(days=1)})
    undated = await service.create_task(actor, {"title": "undated"})
    q = """query($a: String) { myTasks(first: 1, after: $a) {
      pageInfo { hasNextPage endCursor } edges { node { title } } } }"""
    seen: list[str] = []
    after = None
    for _ in range(5):
        page = (await world.gql("rep1", q, {"a": after}))["data"]["myTasks"]
        seen += [e["node"]["title"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert sorted(seen) == sorted([dated.title, undated.title]), seen



async def test_move_opportunity_to_its_own_stage_skips_the_version_check(world: World):
    """move_opportunity returns early when the stage is unchanged, before update_versioned ever
    checks expectedVersion: a stale client gets success instead of CONFLICT."""
    from crm.sales import service
    c = await f.customer(world, "rep1")
    opp = await f.opportunity(world, c)
    await service.update_opportunity(await world.actor("rep1"), opp.id, {"title": "Renamed"})
    body = await world.gql("rep1", """mutation($i: MoveOpportunityInput!) {
      moveOpportunity(input: $i) { opportunity { version } errors { code } } }""",
                           {"i": {"id": f.gid("Opportunity", opp), "expectedVersion": 1,
                                  "stageId": f.gid("PipelineStage", world.stages[0])}})
    assert body["data"]["moveOpportunity"]["errors"] == [{"code": "CONFLICT"}], body
