"""Leads carry a score and a grade from the workspace's scoring rules, kept current when the
lead, its interactions or the rules change; the settings refuse what makes no sense."""

from __future__ import annotations

from typing import Any

from crm.core.jobs import run_pending
from crm.sales.models import Lead
from tests.conftest import World
from tests.factories import customer as make_customer
from tests.factories import interaction

SET_RULES = """mutation($rules: [LeadScoringRuleInput!]!) {
  setLeadScoringRules(input: {rules: $rules}) {
    rules { kind field operator value points maxPoints }
    errors { field code message } } }"""
LEADS = """query($order: [LeadSort!], $filter: LeadFilter) {
  leads(first: 20, orderBy: $order, filter: $filter) { edges { node { name score grade } } } }"""
SETTINGS = """{ lifecycleSettings { enabled loyalOrders loyalWithinDays atRiskDays churnedDays
  gradeA gradeB gradeC rulesCustomised version rescoring { total done finishedAt } } }"""


async def new_lead(world: World, who: str = "rep1", **values: Any) -> Lead:
    from crm.sales import service
    values.setdefault("name", "Lead")
    return await service.create_lead(await world.actor(who), values)


async def points(lead: Lead) -> tuple[int, str]:
    row = await Lead.get(id=lead.id)
    return row.score, row.grade.value


RULES = [
    {"kind": "FIELD", "field": "SOURCE", "operator": "EQUALS", "value": "Referral", "points": 40},
    {"kind": "FIELD", "field": "COMPANY", "operator": "IS_SET", "points": 15},
    {"kind": "FIELD", "field": "TITLE", "operator": "CONTAINS", "value": "cto", "points": 20},
    {"kind": "INTERACTIONS", "points": 10, "maxPoints": 25},
]


async def test_a_lead_is_scored_when_made_and_again_when_it_changes(world: World):
    from crm.sales import service

    body = await world.gql("admin", SET_RULES, {"rules": RULES})
    assert body["data"]["setLeadScoringRules"]["errors"] == []
    await run_pending()
    # Referral (40) from a company (15): 55, a B under the default thresholds (70 / 40 / 20).
    lead = await new_lead(world, source="referral", company="Acme")
    assert await points(lead) == (55, "B")
    await service.update_lead(await world.actor("rep1"), lead.id, {"title": "CTO"})
    assert await points(lead) == (75, "A")
    await service.update_lead(await world.actor("rep1"), lead.id, {"source": "cold call"})
    assert await points(lead) == (35, "C")
    # Scoring is no edit of the lead's: its version and history stay as the rep left them.
    row = await Lead.get(id=lead.id)
    assert row.version == 3


async def test_interactions_with_the_leads_customer_add_points_up_to_the_cap(world: World):
    await world.gql("admin", SET_RULES, {"rules": RULES})
    await run_pending()
    cust = await make_customer(world)
    lead = await new_lead(world, company="Acme")
    # A lead reaches its customer when it is converted (or linked): then its interactions count.
    await Lead.filter(id=lead.id).update(customer_id=cust.id)
    await interaction(world, cust)
    assert await points(lead) == (25, "C")
    await interaction(world, cust)
    await interaction(world, cust)
    assert await points(lead) == (40, "B")  # 15 + at most 25


async def test_new_rules_rescore_every_lead_in_a_job_with_progress(world: World):
    a = await new_lead(world, source="web")
    b = await new_lead(world, source="fair")
    # The defaults: web is worth 10.
    assert (await points(a))[0] == 10 and (await points(b))[0] == 0
    body = await world.gql("manager", SET_RULES, {"rules": [
        {"kind": "FIELD", "field": "SOURCE", "operator": "EQUALS", "value": "fair",
         "points": 80}]})
    assert body["data"]["setLeadScoringRules"]["rules"] == [
        {"kind": "FIELD", "field": "SOURCE", "operator": "EQUALS", "value": "fair",
         "points": 80, "maxPoints": None}]
    settings = (await world.gql("rep1", SETTINGS))["data"]["lifecycleSettings"]
    assert settings["rescoring"]["finishedAt"] is None and settings["rescoring"]["total"] == 2
    assert settings["rulesCustomised"] is True
    await run_pending()
    assert await points(a) == (0, "D") and await points(b) == (80, "A")
    settings = (await world.gql("rep1", SETTINGS))["data"]["lifecycleSettings"]
    assert settings["rescoring"]["done"] == 2 and settings["rescoring"]["finishedAt"]

    # New thresholds regrade too.
    await world.gql("admin", """mutation { updateLifecycleSettings(input: {gradeA: 90}) {
        errors { code } } }""")
    await run_pending()
    assert await points(b) == (80, "B")


async def test_leads_sort_and_filter_by_score(world: World):
    await world.gql("admin", SET_RULES, {"rules": RULES})
    await run_pending()
    await new_lead(world, name="cold")
    await new_lead(world, name="hot", source="referral", company="Acme", title="CTO")
    await new_lead(world, name="warm", source="referral")
    body = await world.gql("rep1", LEADS, {"order": [{"field": "SCORE", "direction": "DESC"}]})
    assert [e["node"] for e in body["data"]["leads"]["edges"]] == [
        {"name": "hot", "score": 75, "grade": "A"}, {"name": "warm", "score": 40, "grade": "B"},
        {"name": "cold", "score": 0, "grade": "D"}]
    body = await world.gql("rep1", LEADS, {"order": [{"field": "SCORE"}],
                                           "filter": {"score": {"gte": 40}}})
    assert [e["node"]["name"] for e in body["data"]["leads"]["edges"]] == ["warm", "hot"]
    body = await world.gql("rep1", LEADS, {"filter": {"grade": {"eq": "A"}}})
    assert [e["node"]["name"] for e in body["data"]["leads"]["edges"]] == ["hot"]


async def test_bad_rules_are_refused_with_codes_and_nothing_written(world: World):
    body = await world.gql("admin", SET_RULES, {"rules": [
        {"kind": "FIELD", "field": "SOURCE", "operator": "EQUALS", "points": 10},
        {"kind": "FIELD", "operator": "IS_SET", "points": 0},
        {"kind": "INTERACTIONS", "field": "EMAIL", "points": 5, "maxPoints": 2}]})
    errors = body["data"]["setLeadScoringRules"]["errors"]
    assert {(e["field"], e["code"]) for e in errors} == {
        ("rules.0.value", "INVALID"), ("rules.1.points", "INVALID"),
        ("rules.1.field", "INVALID"), ("rules.2.field", "INVALID"),
        ("rules.2.maxPoints", "INVALID")}
    assert body["data"]["setLeadScoringRules"]["rules"] is None
    settings = (await world.gql("admin", SETTINGS))["data"]["lifecycleSettings"]
    assert settings["rulesCustomised"] is False and settings["rescoring"] is None
    # A rep may read the rules but not set them.
    body = await world.gql("rep1", SET_RULES, {"rules": RULES})
    assert [e["code"] for e in body["data"]["setLeadScoringRules"]["errors"]] == ["FORBIDDEN"]
    rules = (await world.gql("rep1", "{ leadScoringRules { kind points } }"))["data"]
    assert len(rules["leadScoringRules"]) == 8  # still the defaults


UPDATE = """mutation($input: UpdateLifecycleSettingsInput!) {
  updateLifecycleSettings(input: $input) { settings { atRiskDays churnedDays version }
    errors { field code message } } }"""


async def test_bad_settings_are_refused_with_codes_and_nothing_written(world: World):
    from crm.core.models import AuditEvent

    cases = [({"atRiskDays": 0}, "atRiskDays"), ({"churnedDays": -5}, "churnedDays"),
             ({"atRiskDays": 200, "churnedDays": 100}, "churnedDays"),
             ({"atRiskDays": 180}, "churnedDays"),  # not below the default 180 churned days
             ({"loyalOrders": 0}, "loyalOrders"), ({"gradeB": 80}, "gradeA"),
             ({"atRiskDays": None}, "atRiskDays")]
    for values, field in cases:
        body = await world.gql("admin", UPDATE, {"input": values})
        payload = body["data"]["updateLifecycleSettings"]
        assert payload["settings"] is None, values
        assert (field, "INVALID") in {(e["field"], e["code"]) for e in payload["errors"]}, values
    body = await world.gql("rep1", UPDATE, {"input": {"atRiskDays": 10}})
    assert [e["code"] for e in body["data"]["updateLifecycleSettings"]["errors"]] == [
        "FORBIDDEN"]
    settings = (await world.gql("admin", SETTINGS))["data"]["lifecycleSettings"]
    assert (settings["atRiskDays"], settings["churnedDays"], settings["version"]) == (90, 180, 1)
    assert not await AuditEvent.filter(workspace_id=world.workspace.id,
                                       object_type="LifecycleSettings").exists()
    # A good change is saved, audited, and versioned.
    body = await world.gql("manager", UPDATE, {"input": {"atRiskDays": 45, "churnedDays": 120}})
    assert body["data"]["updateLifecycleSettings"] == {
        "settings": {"atRiskDays": 45, "churnedDays": 120, "version": 2}, "errors": []}
    stale = await world.gql("admin", UPDATE, {"input": {"atRiskDays": 50,
                                                        "expectedVersion": 1}})
    assert [e["code"] for e in stale["data"]["updateLifecycleSettings"]["errors"]] == [
        "CONFLICT"]
