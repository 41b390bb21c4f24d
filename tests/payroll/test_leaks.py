"""No path leaks a salary. As a sales rep and as a sales manager, try every way in: node(id:),
nodes(ids:), aliases, fragments, nesting under User and Team, filters, sorts, aggregates,
audit history and the customer timeline. Salaries are unusual numbers, so a leak anywhere in
a response shows up as a substring."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest

from crm.core.ids import to_global_id
from crm.payroll import service
from tests.conftest import World
from tests.payroll.helpers import SALARIES, SECRET_TEXTS, Payroll, make_payroll

PAYROLL_WORDS = ("salary", "bank", "payslip", "pay", "employee", "compensation", "tax",
                 "commission", "gross", "net", "cost", "bonus", "contribution")


def others_secrets(who: str) -> list[str]:
    """Salary and bank figures the user must never see (their own payslip is theirs)."""
    own = str(SALARIES[who]) if who in SALARIES else None
    return [s for s in SECRET_TEXTS if s != own]


def assert_no_secret(who: str, body: dict) -> None:
    text = json.dumps(body, ensure_ascii=False)
    for secret in others_secrets(who):
        assert secret not in text, f"{who} saw {secret}: {text[:500]}"


def codes(body: dict) -> set[str]:
    return {e.get("extensions", {}).get("code") for e in body.get("errors") or []}


@pytest.fixture
async def payroll(world: World) -> Payroll:
    p = await make_payroll(world)
    hr = await world.actor("hr")
    # A salary change, so there is audit history holding old and new salaries.
    await service.update_employee(hr, p.employees["rep2"].id, {"base_salary": Decimal("23456.78"),
                                                                "title": "Rep two"})
    await service.update_employee(hr, p.employees["rep1"].id, {"base_salary": Decimal("12345.67"),
                                                               "title": "Rep one"})
    return p


WHO = ["rep1", "manager"]


@pytest.mark.parametrize("who", WHO)
async def test_node_and_nodes_go_through_the_row_scope(world: World, payroll: Payroll, who: str):
    targets = [
        to_global_id("Employee", payroll.employees["rep2"].id),
        to_global_id("Employee", payroll.employees["rep1"].id),
        to_global_id("Employee", payroll.employees[who].id),  # not even their own record
        to_global_id("Payslip", payroll.payslips["rep2"].id),
        to_global_id("PayRun", payroll.run.id),
        to_global_id("CompensationPlan", payroll.plan.id),
    ]
    if who == "manager":
        targets.append(to_global_id("Payslip", payroll.payslips["rep1"].id))  # a team member
    fields = """__typename ... on Employee { baseSalary { amount } bankAccount
        socialInsuranceBase { amount } payslips { gross { amount } } }
        ... on Payslip { gross { amount } net { amount } base { amount } employeeName }
        ... on PayRun { gross { amount } employerCost { amount } }
        ... on CompensationPlan { name commissionTiers { rate } }"""
    for target in targets:
        body = await world.gql(who, f'{{ node(id: "{target}") {{ {fields} }} }}',
                               expect_errors=True)
        assert body["data"]["node"] is None, (who, target, body)
        assert_no_secret(who, body)
    body = await world.gql(who, f"query($ids: [ID!]!) {{ nodes(ids: $ids) {{ {fields} }} }}",
                           {"ids": targets}, expect_errors=True)
    assert body["data"]["nodes"] == [None] * len(targets)
    assert_no_secret(who, body)


@pytest.mark.parametrize("who", WHO)
async def test_aliases_and_fragments(world: World, payroll: Payroll, who: str):
    rep2_slip = to_global_id("Payslip", payroll.payslips["rep2"].id)
    rep2 = to_global_id("Employee", payroll.employees["rep2"].id)
    query = f"""
    fragment Pay on Payslip {{ g: gross {{ amount }} n: net {{ amount }} lines {{ explanation }} }}
    fragment Emp on Employee {{ s: baseSalary {{ amount }} b: bankAccount }}
    {{
      a: node(id: "{rep2_slip}") {{ ...Pay }}
      b: node(id: "{rep2}") {{ ...Emp ... on Employee {{ x: baseSalary {{ amount }} }} }}
      c: myPayslips {{ edges {{ node {{ ...Pay employee {{ ...Emp }}
         payRun {{ gross {{ amount }} }} }} }} }}
      d: employees {{ totalCount edges {{ node {{ ...Emp }} }} }}
      e: payRuns(first: 5) {{ totalCount edges {{ node {{ gross {{ amount }}
         payslips {{ edges {{ node {{ ...Pay }} }} }} }} }} }}
      f: compensationPlans {{ name }}
    }}"""
    body = await world.gql(who, query, expect_errors=True)
    data = body["data"]
    assert data["a"] is None and data["b"] is None
    assert data["d"]["totalCount"] == 0 and data["e"]["totalCount"] == 0
    assert data["f"] == []
    # Their own payslip is theirs, but its employee record and run are not.
    own = data["c"]["edges"]
    assert len(own) == 1
    assert own[0]["node"]["employee"] is None and own[0]["node"]["payRun"] is None
    assert "FORBIDDEN" in codes(body)
    assert_no_secret(who, body)


@pytest.mark.parametrize("who", WHO)
async def test_nothing_of_payroll_hangs_off_user_or_team(world: World, payroll: Payroll, who: str):
    for type_name in ("User", "Team", "Me"):
        body = await world.gql(who, f'{{ __type(name: "{type_name}") {{ fields {{ name }} }} }}')
        names = [f["name"].lower() for f in body["data"]["__type"]["fields"]]
        assert not [n for n in names if any(w in n for w in PAYROLL_WORDS)], (type_name, names)
    body = await world.gql(who, """{ me { user { name team { name members { name email }
        manager { name } } } team { members { name } } }
        users { edges { node { id name role team { name members { name } } } } }
        teams { name members { name } } }""")
    assert_no_secret(who, body)


@pytest.mark.parametrize("who", WHO)
async def test_filters_and_sorts_on_pay_are_refused(world: World, payroll: Payroll, who: str):
    attempts = [
        '{ employees(filter: {baseSalary: {gt: "20000"}}) { totalCount } }',
        '{ employees(filter: {or: [{baseSalary: {lt: "1"}}, {department: {eq: "Sales"}}]}) '
        "{ totalCount } }",
        '{ employees(filter: {not: {baseSalary: {gte: "23456.78"}}}) { totalCount } }',
        "{ employees(orderBy: [{field: BASE_SALARY, direction: DESC}]) { edges { cursor } } }",
    ]
    for query in attempts:
        body = await world.gql(who, query, expect_errors=True)
        assert body["data"] is None or body["data"]["employees"] is None, (query, body)
        assert "FORBIDDEN" in codes(body), (query, body)
        assert_no_secret(who, body)


@pytest.mark.parametrize("who", WHO)
async def test_history_timeline_and_aggregates_show_no_pay(world: World, payroll: Payroll,
                                                         who: str):
    from crm.core.models import AuditEvent
    from crm.customers import service as customers

    me = await world.actor(who)
    customer = await customers.create_customer(me, {"name": f"Client of {who}"})
    gid = to_global_id("Customer", customer.id)
    body = await world.gql(who, """query($id: ID!) { node(id: $id) { ... on Customer {
        history { edges { node { objectType changes { field old new } } } }
        timeline(first: 50) { edges { node { kind
            auditEvent { objectType changes { field new } } } } }
    } } }""", {"id": gid})
    history = body["data"]["node"]["history"]["edges"]
    assert all(e["node"]["objectType"] == "Customer" for e in history)
    assert_no_secret(who, body)
    # The salary-change events exist, but no path reaches them for this user.
    events = await AuditEvent.filter(workspace_id=world.workspace.id, object_type="Employee",
                                     action="update")
    assert events
    for event in events:
        event_gid = to_global_id("AuditEvent", event.id)
        body = await world.gql(who, f'{{ node(id: "{event_gid}") {{ id }} }}')
        assert body["data"]["node"] is None
    body = await world.gql(who, """{ teamPerformance(period: {start: "2026-01-01", end: "2026-02-01"}) { reps {
        user { name } revenueBooked { amount } revenueCollected { amount }
        opportunitiesWon winRate } } }""",
                           expect_errors=True)
    assert_no_secret(who, body)
    # Managers see their teams' figures, a rep their own: numbers, never pay.
    assert body["data"]["teamPerformance"]["reps"]
    rep_fields = await world.gql(who, '{ __type(name: "RepPerformance") { fields { name } } }')
    names = [f["name"].lower() for f in rep_fields["data"]["__type"]["fields"]]
    assert not [n for n in names if any(w in n for w in ("salary", "bank", "payslip", "pay"))]


async def test_a_manager_reads_only_their_own_payslip(world: World, payroll: Payroll):
    body = await world.gql("manager",
                           "{ myPayslips { edges { node { employeeName base { amount } } } } }")
    edges = body["data"]["myPayslips"]["edges"]
    assert [e["node"]["base"]["amount"] for e in edges] == ["34567.89"]
    own = to_global_id("Payslip", payroll.payslips["manager"].id)
    body = await world.gql("manager",
                           f'{{ node(id: "{own}") {{ ... on Payslip {{ net {{ amount }} }} }} }}')
    assert body["data"]["node"]["net"]["amount"]
