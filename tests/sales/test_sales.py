"""Leads and their conversion, the pipeline, interactions, tasks, the timeline."""

from __future__ import annotations

import datetime as dt

from crm.sales.models import StageChange, Task
from tests import factories as f
from tests.conftest import World


def stage(world: World, name_en: str) -> str:
    s = next(s for s in world.stages if s.name_en == name_en)
    return f.gid("PipelineStage", s)


async def test_default_stages_are_seeded_in_chinese_and_english(world: World):
    body = await world.gql("viewer", "{ pipelineStages { name nameEn probability isWon isLost } }")
    names = [s["name"] for s in body["data"]["pipelineStages"]]
    assert names == ["初步接触", "需求分析", "方案报价", "谈判", "赢单", "输单"]
    assert body["data"]["pipelineStages"][4]["isWon"] is True


async def test_convert_lead_makes_customer_contact_and_opportunity(world: World):
    body = await world.gql("rep1", """mutation { createLead(input: {name: "李雷", company: "韩梅梅贸易", phone: "13600001234", email: "li@hmm.cn", source: "展会"}) { lead { id status } errors { code } } }""")
    lead_id = body["data"]["createLead"]["lead"]["id"]
    body = await world.gql("rep1", """mutation($i: ConvertLeadInput!) { convertLead(input: $i) {
        lead { status customer { name } } customer { name owner { email } }
        contact { name phone isPrimary } opportunity { title amount { amount currency } stage { nameEn } probability }
        errors { code message } } }""",
        {"i": {"leadId": lead_id, "createOpportunity": True, "opportunityTitle": "首单",
               "amount": {"amount": "88000.50", "currency": "CNY"}}})
    out = body["data"]["convertLead"]
    assert out["errors"] == []
    assert out["lead"]["status"] == "CONVERTED"
    assert out["customer"]["name"] == "韩梅梅贸易"
    assert out["contact"] == {"name": "李雷", "phone": "13600001234", "isPrimary": True}
    assert out["opportunity"]["amount"] == {"amount": "88000.50", "currency": "CNY"}
    assert out["opportunity"]["probability"] == 10
    again = await world.gql("rep1", "mutation($i: ConvertLeadInput!) { convertLead(input: $i) { errors { code } } }", {"i": {"leadId": lead_id}})
    assert again["data"]["convertLead"]["errors"][0]["code"] == "INVALID_STATE"


async def test_move_opportunity_records_history_and_needs_lost_reason(world: World):
    c = await f.customer(world)
    opp = await f.opportunity(world, c, amount="500.00")
    oid = f.gid("Opportunity", opp)
    q = """mutation($i: MoveOpportunityInput!) { moveOpportunity(input: $i) { opportunity { probability isOpen lostReason stage { nameEn } stageHistory { edges { node { fromStage { nameEn } toStage { nameEn } changedBy { email } } } } } errors { code field } } }"""
    body = await world.gql("rep1", q, {"i": {"id": oid, "stageId": stage(world, "Proposal")}})
    o = body["data"]["moveOpportunity"]["opportunity"]
    assert o["probability"] == 50
    assert [(h["fromStage"] and h["fromStage"]["nameEn"], h["toStage"]["nameEn"]) for h in (e["node"] for e in o["stageHistory"]["edges"])] == [
        (None, "Initial contact"), ("Initial contact", "Proposal")]
    body = await world.gql("rep1", q, {"i": {"id": oid, "stageId": stage(world, "Lost")}})
    assert body["data"]["moveOpportunity"]["errors"][0]["field"] == "lostReason"
    body = await world.gql("rep1", q, {"i": {"id": oid, "stageId": stage(world, "Lost"), "lostReason": "价格太高"}})
    o = body["data"]["moveOpportunity"]["opportunity"]
    assert (o["isOpen"], o["lostReason"], o["probability"]) == (False, "价格太高", 0)
    free = await f.opportunity(world, c, amount="0")
    body = await world.gql("rep1", q, {"i": {"id": f.gid("Opportunity", free), "stageId": stage(world, "Won"),
                                             "wonReason": "a reason"}})
    assert body["data"]["moveOpportunity"]["errors"][0]["field"] == "amount"
    assert await StageChange.filter(opportunity_id=opp.id).count() == 3


async def test_a_deal_is_won_for_a_reason_and_the_reason_goes_when_it_reopens(world: World):
    c = await f.customer(world)
    oid = f.gid("Opportunity", await f.opportunity(world, c, amount="800.00"))
    q = """mutation($i: MoveOpportunityInput!) { moveOpportunity(input: $i) {
        opportunity { isOpen wonReason lostReason } errors { code field } } }"""
    body = await world.gql("rep1", q, {"i": {"id": oid, "stageId": stage(world, "Won"), "wonReason": " "}})
    assert body["data"]["moveOpportunity"] == {"opportunity": None, "errors": [
        {"code": "INVALID", "field": "wonReason"}]}
    body = await world.gql("rep1", q, {"i": {"id": oid, "stageId": stage(world, "Won"),
                                             "wonReason": "服务响应快 fast service"}})
    assert body["data"]["moveOpportunity"]["opportunity"] == {
        "isOpen": False, "wonReason": "服务响应快 fast service", "lostReason": None}
    body = await world.gql("rep1", q, {"i": {"id": oid, "stageId": stage(world, "Lost"), "lostReason": "budget cut"}})
    assert body["data"]["moveOpportunity"]["opportunity"] == {
        "isOpen": False, "wonReason": None, "lostReason": "budget cut"}


async def test_interaction_updates_follow_up_and_creates_reminder(world: World):
    c = await f.customer(world)
    nxt = (dt.datetime.now(dt.UTC) + dt.timedelta(days=3)).replace(microsecond=0)
    body = await world.gql("rep1", """mutation($i: LogInteractionInput!) { logInteraction(input: $i) { interaction { kind summary customer { lastFollowUpAt nextFollowUpAt lastInteraction { summary } } } errors { code field } } }""",
                           {"i": {"customerId": f.gid("Customer", c), "kind": "VISIT", "summary": "上门拜访",
                                  "nextFollowUpAt": nxt.isoformat()}})
    out = body["data"]["logInteraction"]["interaction"]
    assert out["customer"]["lastInteraction"]["summary"] == "上门拜访"
    assert dt.datetime.fromisoformat(out["customer"]["nextFollowUpAt"]) == nxt
    task = await Task.get(customer_id=c.id)
    assert task.due_at == nxt and task.assignee_id == world.users["rep1"].id
    future = (dt.datetime.now(dt.UTC) + dt.timedelta(days=1)).isoformat()
    body = await world.gql("rep1", "mutation($i: LogInteractionInput!) { logInteraction(input: $i) { errors { field } } }",
                           {"i": {"customerId": f.gid("Customer", c), "kind": "CALL", "summary": "x", "occurredAt": future}})
    assert body["data"]["logInteraction"]["errors"][0]["field"] == "occurredAt"
    other = await f.customer(world, "rep3")
    body = await world.gql("rep1", "mutation($i: LogInteractionInput!) { logInteraction(input: $i) { errors { code } } }",
                           {"i": {"customerId": f.gid("Customer", other), "kind": "CALL", "summary": "x"}})
    assert body["data"]["logInteraction"]["errors"][0]["code"] == "NOT_FOUND"


async def test_timeline_mixes_interactions_stage_changes_and_audit_newest_first(world: World):
    c = await f.customer(world)
    opp = await f.opportunity(world, c)
    await f.interaction(world, c, summary="first call")
    from crm.sales import service
    await service.move_opportunity(await world.actor("rep1"), opp.id, world.stages[1].id)
    body = await world.gql("rep1", "query($id: ID!) { node(id: $id) { ... on Customer { timeline(first: 50) { totalCount edges { cursor node { at kind interaction { summary } stageChange { toStage { nameEn } } auditEvent { action } } } } } } }", {"id": f.gid("Customer", c)})
    tl = body["data"]["node"]["timeline"]
    kinds = [e["node"]["kind"] for e in tl["edges"]]
    assert {"interaction", "stage_change", "audit"} <= set(kinds)
    times = [e["node"]["at"] for e in tl["edges"]]
    assert times == sorted(times, reverse=True)
    assert tl["totalCount"] == len(tl["edges"])
    # Paging through gives the same entries without repeats.
    first = await world.gql("rep1", "query($id: ID!) { node(id: $id) { ... on Customer { timeline(first: 2) { pageInfo { hasNextPage endCursor } edges { node { at kind } } } } } }", {"id": f.gid("Customer", c)})
    page = first["data"]["node"]["timeline"]
    rest = await world.gql("rep1", "query($id: ID!, $a: String) { node(id: $id) { ... on Customer { timeline(first: 50, after: $a) { edges { node { at kind } } } } } }", {"id": f.gid("Customer", c), "a": page["pageInfo"]["endCursor"]})
    combined = [e["node"] for e in page["edges"]] + [e["node"] for e in rest["data"]["node"]["timeline"]["edges"]]
    assert combined == [{"at": e["node"]["at"], "kind": e["node"]["kind"]} for e in tl["edges"]]


async def test_my_tasks_and_overdue(world: World):
    c = await f.customer(world)
    from crm.sales import service
    actor = await world.actor("rep1")
    past = dt.datetime.now(dt.UTC) - dt.timedelta(days=1)
    await service.create_task(actor, {"title": "late", "due_at": past, "customer_id": c.id})
    await service.create_task(actor, {"title": "soon", "due_at": past + dt.timedelta(days=3)})
    await service.create_task(await world.actor("rep2"), {"title": "not mine", "due_at": past})
    body = await world.gql("rep1", "{ myTasks(filter: {overdue: true}) { edges { node { title isOverdue customer { id } } } } all: myTasks { totalCount } }")
    assert [e["node"]["title"] for e in body["data"]["myTasks"]["edges"]] == ["late"]
    assert body["data"]["myTasks"]["edges"][0]["node"]["isOverdue"] is True
    assert body["data"]["all"]["totalCount"] == 2


async def test_pipeline_summary_is_per_row_scope(world: World):
    a = await f.customer(world, "rep1")
    b = await f.customer(world, "rep3")
    await f.opportunity(world, a, amount="100.10")
    await f.opportunity(world, a, amount="0.20")
    await f.opportunity(world, b, "rep3", amount="999.00")
    q = "{ pipelineSummary { stage { nameEn } count amounts { amount currency } } }"
    mine = (await world.gql("rep1", q))["data"]["pipelineSummary"][0]
    assert mine == {"stage": {"nameEn": "Initial contact"}, "count": 2,
                    "amounts": [{"amount": "100.30", "currency": "CNY"}]}
    everyone = (await world.gql("admin", q))["data"]["pipelineSummary"][0]
    assert everyone["count"] == 3 and everyone["amounts"][0]["amount"] == "1099.30"
    east = (await world.gql("manager", q))["data"]["pipelineSummary"][0]
    assert east["count"] == 2


async def test_money_rejects_nan_infinity_and_extra_places(world: World):
    c = await f.customer(world)
    q = "mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { opportunity { id } errors { field code } } }"
    for bad in ["NaN", "Infinity", "-Infinity", "1.0000001", "abc", "1e400"]:
        body = await world.gql("rep1", q, {"i": {"customerId": f.gid("Customer", c), "title": "t", "amount": {"amount": bad, "currency": "CNY"}}}, expect_errors=True)
        assert body.get("errors"), bad
        assert "data" not in body or body["data"] is None
    body = await world.gql("rep1", q, {"i": {"customerId": f.gid("Customer", c), "title": "t", "amount": {"amount": "1.001", "currency": "CNY"}}})
    assert body["data"]["createOpportunity"]["errors"][0]["field"] == "amount.amount"
    body = await world.gql("rep1", q, {"i": {"customerId": f.gid("Customer", c), "title": "t", "amount": {"amount": "10", "currency": "yen"}}})
    assert body["data"]["createOpportunity"]["errors"][0]["field"] == "amount.currency"
    body = await world.gql("rep1", q, {"i": {"customerId": f.gid("Customer", c), "title": "t", "amount": {"amount": "1000", "currency": "JPY"}}})
    assert body["data"]["createOpportunity"]["errors"] == []


async def test_the_timeline_pages_backwards_as_well_as_forwards(world: World):
    c = await f.customer(world)
    for i in range(6):
        await f.interaction(world, c, summary=f"call {i}")
    q = """query($id: ID!, $first: Int, $last: Int, $before: String) { node(id: $id) {
      ... on Customer { timeline(first: $first, last: $last, before: $before) {
        pageInfo { hasNextPage hasPreviousPage } edges { cursor node { at kind } } } } } }"""
    gid = f.gid("Customer", c)
    everything = (await world.gql("rep1", q, {"id": gid, "first": 100}))["data"]["node"]["timeline"]
    cursors = [e["cursor"] for e in everything["edges"]]
    assert len(cursors) > 8  # interactions, and the changes they made to the customer
    tail = (await world.gql("rep1", q, {"id": gid, "last": 3}))["data"]["node"]["timeline"]
    assert [e["cursor"] for e in tail["edges"]] == cursors[-3:]
    assert tail["pageInfo"]["hasPreviousPage"] is True
    middle = (await world.gql("rep1", q, {"id": gid, "last": 3, "before": cursors[5]}))
    page = middle["data"]["node"]["timeline"]
    assert [e["cursor"] for e in page["edges"]] == cursors[2:5]
    assert page["pageInfo"]["hasNextPage"] is True and page["pageInfo"]["hasPreviousPage"] is True


async def test_a_customer_made_from_a_lead_or_by_hand_joins_its_owners_team(world: World):
    lead = await world.gql("rep1", """mutation { createLead(input: {name: "周杰", company: "周氏五金"})
        { lead { id } } }""")
    body = await world.gql("rep1", """mutation($i: ConvertLeadInput!) { convertLead(input: $i) {
        customer { team { name } owner { name } } errors { code } } }""",
                           {"i": {"leadId": lead["data"]["createLead"]["lead"]["id"]}})
    assert body["data"]["convertLead"]["customer"]["team"] == {"name": "East"}, body
    given = await world.gql("manager2", """mutation($o: ID!) { createCustomer(input:
        {name: "West Wind 西风", ownerId: $o}) { customer { team { name } } errors { code } } }""",
                            {"o": f.gid("User", world.users["rep3"])})
    assert given["data"]["createCustomer"]["customer"]["team"] == {"name": "West"}, given
