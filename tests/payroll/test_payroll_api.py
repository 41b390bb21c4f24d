"""Pay runs through the graph: life cycle, idempotent calculation, immutability, corrections,
own payslips, audited salary changes, benefit settings and team performance."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from crm.core.ids import to_global_id
from crm.payroll import service
from crm.payroll.models import PayRun, Payslip
from tests.conftest import World
from tests.payroll.helpers import make_payroll

RUN_FIELDS = "id status period payslipCount gross { amount } net { amount } tax { amount }"


async def test_hr_runs_a_month_through_the_graph(world: World):
    hr = await world.actor("hr")
    await service.create_employee(hr, {
        "user_id": world.users["rep1"].id, "employee_number": "E1",
        "hire_date": dt.date(2025, 1, 1),
        "base_salary": Decimal("12000")})
    body = await world.gql("hr", """mutation { createPayRun(input: {year: 2026, month: 3}) {
        payRun { id status } errors { code message } } }""")
    run = body["data"]["createPayRun"]["payRun"]
    assert run["status"] == "DRAFT"
    calc = f"""mutation {{ calculatePayRun(input: {{id: "{run['id']}"}}) {{
        payRun {{ {RUN_FIELDS} }} errors {{ code message }} }} }}"""
    first = (await world.gql("hr", calc))["data"]["calculatePayRun"]["payRun"]
    assert first["status"] == "CALCULATED" and first["payslipCount"] == 1
    # 12,000 − 17.5% (2,100) contributions; taxable 12,000 − 5,000 − 2,100 = 4,900 -> 147.00
    assert first["gross"]["amount"] == "12000.00"
    assert first["tax"]["amount"] == "147.00"
    assert first["net"]["amount"] == "9753.00"
    ids_before = await Payslip.filter(pay_run_id=world_id(run)).values_list("id", flat=True)
    again = (await world.gql("hr", calc))["data"]["calculatePayRun"]["payRun"]
    assert {k: v for k, v in again.items()} == first  # the same payslips, not doubled
    assert await Payslip.filter(pay_run_id=world_id(run)).count() == 1
    assert await Payslip.filter(pay_run_id=world_id(run)).values_list("id", flat=True) != ids_before
    approve = f"""mutation {{ approvePayRun(input: {{id: "{run['id']}"}}) {{
        payRun {{ status }} errors {{ code }} }} }}"""
    # Whoever calculated the run does not approve it: that is finance's step.
    own = (await world.gql("hr", approve))["data"]["approvePayRun"]
    assert (own["payRun"], own["errors"]) == (None, [{"code": "FORBIDDEN"}])
    approved = (await world.gql("finance", approve))["data"]["approvePayRun"]["payRun"]
    assert approved["status"] == "APPROVED"
    # Approved is immutable: no recalculation, no second approval.
    body = await world.gql("hr", calc)
    assert body["data"]["calculatePayRun"]["errors"][0]["code"] == "INVALID_STATE"
    body = await world.gql("finance", approve)
    assert body["data"]["approvePayRun"]["errors"][0]["code"] == "INVALID_STATE"
    pay_out = f"""mutation {{ markPayRunPaid(input: {{id: "{run['id']}"}}) {{
        payRun {{ status paidAt }} errors {{ code }} }} }}"""
    by_hr = (await world.gql("hr", pay_out))["data"]["markPayRunPaid"]
    assert by_hr["errors"] == [{"code": "FORBIDDEN"}]
    paid = await world.gql("finance", pay_out)
    assert paid["data"]["markPayRunPaid"]["payRun"]["status"] == "PAID"
    # finance approves and pays but does not calculate: the two halves stay apart.
    body = await world.gql("finance", calc)
    assert body["data"]["calculatePayRun"]["errors"][0]["code"] == "FORBIDDEN"


def world_id(run: dict) -> object:
    from crm.core.ids import parse_global_id
    return parse_global_id(run["id"])[1]


async def test_only_hr_may_run_payroll(world: World):
    for who in ("admin", "finance", "manager", "rep1"):
        body = await world.gql(who, """mutation { createPayRun(input: {year: 2026, month: 4}) {
            payRun { id } errors { code } } }""")
        assert body["data"]["createPayRun"]["errors"][0]["code"] == "FORBIDDEN", who


async def test_corrections_go_into_the_next_run(world: World):
    p = await make_payroll(world, 2026, 1)
    hr = await world.actor("hr")
    slip = p.payslips["rep1"]
    employee_gid = to_global_id("Employee", p.employees["rep1"].id)
    add = """mutation($input: AddPayAdjustmentInput!) { addPayAdjustment(input: $input) {
        adjustment { kind amount { amount } } errors { code field } } }"""
    # January is approved: nothing more goes into it.
    body = await world.gql("hr", add, {"input": {
        "employeeId": employee_gid, "kind": "BONUS",
        "amount": {"amount": "100", "currency": "CNY"},
        "year": 2026, "month": 1,
        "description": "late"}})
    assert body["data"]["addPayAdjustment"]["errors"][0]["code"] == "INVALID_STATE"
    body = await world.gql("hr", add, {"input": {
        "employeeId": employee_gid, "kind": "CORRECTION",
        "amount": {"amount": "-45.50", "currency": "CNY"},
        "year": 2026,
        "month": 2, "description": "January overpaid", "correctsPayslipId":
        to_global_id("Payslip", slip.id)}})
    assert body["data"]["addPayAdjustment"]["adjustment"]["amount"]["amount"] == "-45.50"
    await world.gql("hr", add, {"input": {
        "employeeId": employee_gid, "kind": "BONUS",
        "amount": {"amount": "1000", "currency": "CNY"},
        "year": 2026, "month": 2,
        "description": "Q4 award"}})
    run = await service.create_pay_run(hr, 2026, 2)
    await service.calculate_pay_run(hr, run.id)
    feb = await Payslip.get(pay_run_id=run.id, employee_id=p.employees["rep1"].id)
    assert feb.adjustments_minor == -45_50
    assert feb.bonus_minor == 1000_00
    assert feb.gross_minor == slip.gross_minor + 1000_00 - 45_50
    assert {"correction", "bonus"} <= {ln["code"] for ln in feb.lines}
    # The tax year carries on from January's approved payslip.
    assert feb.cum_months == 2
    assert feb.cum_gross_minor == slip.gross_minor + feb.gross_minor
    # January itself did not change.
    assert (await Payslip.get(id=slip.id)).gross_minor == slip.gross_minor


async def test_runs_follow_the_tax_year_in_order(world: World):
    hr = await world.actor("hr")
    p = await make_payroll(world, 2026, 3)
    assert p.run.status.value == "approved"
    # An earlier month after a later one was approved would break the cumulative tax.
    try:
        await service.create_pay_run(hr, 2026, 2)
    except service.ServiceError as exc:
        assert exc.code.value == "INVALID_STATE"
    else:
        raise AssertionError("a run before an approved month was opened")
    may = await service.create_pay_run(hr, 2026, 5)
    apr = await service.create_pay_run(hr, 2026, 4)
    try:
        await service.calculate_pay_run(hr, may.id)
    except service.ServiceError as exc:
        assert exc.code.value == "INVALID_STATE"
    else:
        raise AssertionError("May was calculated before April was approved")
    await service.calculate_pay_run(hr, apr.id)
    assert (await PayRun.get(id=apr.id)).status.value == "calculated"


async def test_my_payslips_shows_own_approved_payslips_only(world: World):
    p = await make_payroll(world)
    query = """{ myPayslips { totalCount edges { node { id employeeName period base { amount }
        net { amount } lines { code amount { amount } explanation } } } } }"""
    mine = (await world.gql("rep1", query))["data"]["myPayslips"]
    assert mine["totalCount"] == 1
    node = mine["edges"][0]["node"]
    assert node["base"]["amount"] == "12345.67"
    assert node["employeeName"] == world.users["rep1"].name
    assert node["id"] == to_global_id("Payslip", p.payslips["rep1"].id)
    assert any(ln["code"] == "tax" for ln in node["lines"])
    # A draft run's payslips are not shown to employees.
    hr = await world.actor("hr")
    run = await service.create_pay_run(hr, 2026, 2)
    await service.calculate_pay_run(hr, run.id)
    assert (await world.gql("rep1", query))["data"]["myPayslips"]["totalCount"] == 1


async def test_salary_changes_are_audited_and_their_history_is_hr_only(world: World):
    p = await make_payroll(world)
    gid = to_global_id("Employee", p.employees["rep1"].id)
    body = await world.gql("hr", """mutation($id: ID!) { updateEmployee(input: {id: $id,
        baseSalary: {amount: "13000.10", currency: "CNY"}, bankAccount: "6222111122223333",
        title: "Senior rep"}) { employee { baseSalary { amount } bankAccount }
        errors { code } } }""",
                           {"id": gid})
    assert body["data"]["updateEmployee"]["employee"] == {"baseSalary": {"amount": "13000.10"},
                                                          "bankAccount": "6222111122223333"}
    history = """query($id: ID!) { node(id: $id) { ... on Employee { bankAccount
        baseSalary { amount }
        history { edges { node { action changes { field old new } } } } } } }"""
    hr_view = (await world.gql("hr", history, {"id": gid}))["data"]["node"]
    update = next(e["node"] for e in hr_view["history"]["edges"] if e["node"]["action"] == "update")
    changes = {c["field"]: (c["old"], c["new"]) for c in update["changes"]}
    assert changes["baseSalary"] == ("12345.67", "13000.10")
    assert changes["title"] == ("rep1", "Senior rep")
    fin_view = (await world.gql("finance", history, {"id": gid}))["data"]["node"]
    assert fin_view["baseSalary"]["amount"] == "13000.10"  # finance reads the current figure
    assert fin_view["bankAccount"] == "622*********3333"  # masked except for hr
    update = next(e["node"] for e in fin_view["history"]["edges"]
                  if e["node"]["action"] == "update")
    fields = {c["field"]: (c["old"], c["new"]) for c in update["changes"]}
    assert "baseSalary" not in fields and "bankAccount" not in fields
    assert fields["title"] == ("rep1", "Senior rep")
    # Finance may read but not write salaries.
    body = await world.gql("finance", """mutation($id: ID!) { updateEmployee(input: {id: $id,
        baseSalary: {amount: "1", currency: "CNY"}}) { errors { code } } }""", {"id": gid})
    assert body["data"]["updateEmployee"]["errors"][0]["code"] == "FORBIDDEN"


async def test_benefit_settings_are_configurable_per_workspace(world: World):
    query = """{ payrollSettings { contributions { code employeeRate employerRate }
        taxBrackets { threshold { amount } rate quickDeduction { amount } }
        monthlyBasicDeduction { amount } annualLeaveDays } }"""
    settings = (await world.gql("finance", query))["data"]["payrollSettings"]
    assert settings["monthlyBasicDeduction"]["amount"] == "5000.00"
    assert [b["rate"] for b in settings["taxBrackets"]] == [
        "0.03", "0.10", "0.20", "0.25", "0.30", "0.35", "0.45"]
    assert settings["taxBrackets"][6]["quickDeduction"]["amount"] == "181920.00"
    body = await world.gql("hr", """mutation { updatePayrollSettings(input: {
        contributions: [{code: "pension", label: "Pension", employeeRate: "0.08",
        employerRate: "0.14"}], annualLeaveDays: 10}) {
        settings { contributions { code employerRate } annualLeaveDays } errors { code } } }""")
    assert body["data"]["updatePayrollSettings"]["settings"] == {
        "contributions": [{"code": "pension", "employerRate": "0.14"}], "annualLeaveDays": 10}
    bad = await world.gql("hr", """mutation { updatePayrollSettings(input: {contributions: [
        {code: "x", label: "x", employeeRate: "1.5", employerRate: "0"}]}) {
        errors { code field } } }""")
    assert bad["data"]["updatePayrollSettings"]["errors"][0]["code"] == "INVALID"
    for who in ("rep1", "manager", "admin"):
        denied = await world.gql(who, query, expect_errors=True)
        assert denied["data"]["payrollSettings"] is None
        assert denied["errors"][0]["extensions"]["code"] == "FORBIDDEN"


async def test_team_performance_for_managers_and_hr(world: World):
    from crm.customers import service as customers
    from crm.sales import service as sales

    rep1 = await world.actor("rep1")
    customer = await customers.create_customer(rep1, {"name": "Perf Co"})
    opp = await sales.create_opportunity(rep1, {"customer_id": customer.id, "title": "Deal",
                                               "amount": Decimal("5000"), "currency": "CNY"})
    won = next(s for s in world.stages if s.is_won)
    await sales.move_opportunity(rep1, opp.id, won.id, won_reason="fit")
    await sales.log_interaction(rep1, {"customer_id": customer.id, "kind": "call",
                                       "summary": "Closing call"})
    today = dt.datetime.now(dt.UTC).date()
    start = today.replace(day=1)
    period = {"start": start.isoformat(),
              "end": (start + dt.timedelta(days=32)).replace(day=1).isoformat()}
    query = """query($p: PeriodInput!) { teamPerformance(period: $p) { periodStart periodEnd reps {
        user { name } opportunitiesWon opportunitiesLost winRate interactionsLogged customersHeld
        revenueBooked { amount currency } revenueCollected { amount currency } } } }"""
    east = (await world.gql("manager", query, {"p": period}))["data"]["teamPerformance"]
    names = {r["user"]["name"] for r in east["reps"]}
    assert names == {"Manager", "Rep1", "Rep2"}
    mine = next(r for r in east["reps"] if r["user"]["name"] == "Rep1")
    assert mine["opportunitiesWon"] == 1 and mine["winRate"] == "1.0000"
    assert mine["interactionsLogged"] == 1 and mine["customersHeld"] == 1
    everyone = (await world.gql("hr", query, {"p": period}))["data"]["teamPerformance"]
    assert {r["user"]["name"] for r in everyone["reps"]} == {
        "Manager", "Manager2", "Rep1", "Rep2", "Rep3"}
    # A rep sees their own figures only; roles outside sales and hr none.
    own = (await world.gql("rep1", query, {"p": period}))["data"]["teamPerformance"]
    assert [r["user"]["name"] for r in own["reps"]] == ["Rep1"]
    for who in ("finance", "viewer", "warehouse"):
        body = await world.gql(who, query, {"p": period}, expect_errors=True)
        assert body["data"] is None or body["data"]["teamPerformance"] is None
        assert body["errors"][0]["extensions"]["code"] == "FORBIDDEN", who
    backwards = {"start": period["end"], "end": period["start"]}
    bad = await world.gql("hr", query, {"p": backwards}, expect_errors=True)
    assert bad["errors"][0]["extensions"]["code"] == "INVALID"


async def test_new_customer_bonus_from_opportunities_won_in_the_month(world: World):
    from crm.customers import service as customers
    from crm.sales import service as sales

    hr = await world.actor("hr")
    rep1 = await world.actor("rep1")
    plan = await service.create_plan(hr, {"name": "Bonus plan", "tiers": [],
                                          "new_customer_bonus": Decimal("500")})
    employee = await service.create_employee(hr, {
        "user_id": world.users["rep1"].id, "employee_number": "E7",
        "hire_date": dt.date(2024, 1, 1), "base_salary": Decimal("8000"),
        "compensation_plan_id": plan.id})
    won = next(s for s in world.stages if s.is_won)
    for name in ("First Co", "Second Co"):
        customer = await customers.create_customer(rep1, {"name": name})
        opp = await sales.create_opportunity(rep1, {"customer_id": customer.id, "title": name,
                                                   "amount": Decimal("100"), "currency": "CNY"})
        await sales.move_opportunity(rep1, opp.id, won.id, won_reason="fit")
    today = dt.datetime.now(dt.UTC).date()
    run = await service.create_pay_run(hr, today.year, today.month)
    await service.calculate_pay_run(hr, run.id)
    slip = await Payslip.get(pay_run_id=run.id, employee_id=employee.id)
    assert slip.bonus_minor == 2 * 500_00
    line = next(ln for ln in slip.lines if ln["code"] == "new_customer_bonus")
    assert line["explanation"] == "2 × 500.00"
    assert slip.gross_minor == 8000_00 + 1000_00


async def test_employee_list_costs_the_same_statements_for_2_or_12_rows(world: World,
                                                                        sql_counter):
    await make_payroll(world)
    query = """query($n: Int) { employees(first: $n) { edges { node { employeeNumber
        user { name } team { name } compensationPlan { name } baseSalary { amount }
        payslips { gross { amount } } } } } }"""
    from crm.settings import get_settings, override_settings
    await world.gql("hr", "{ __typename }")  # signed in: what is counted is the list's own
    base = get_settings()
    for compiled in (True, False):
        override_settings(base.model_copy(update={"compiled_reads": compiled}))
        counts = []
        try:
            for n in (2, 12):
                with sql_counter as counter:
                    body = await world.gql("hr", query, {"n": n})
                assert len(body["data"]["employees"]["edges"]) == n
                counts.append(counter.count)
                counter.statements.clear()
        finally:
            override_settings(base)
        # Compiled, the page and its relations are one statement; on the resolver path one
        # per relation, whatever the number of rows.
        assert counts == [1, 1] if compiled else counts[0] == counts[1] > 3, (compiled, counts)


async def test_employee_team_defaults_to_the_users_and_hr_may_move_it(world: World):
    p = await make_payroll(world)
    gid = to_global_id("Employee", p.employees["rep1"].id)
    query = """query($id: ID!) { node(id: $id) { ... on Employee { team { name }
        annualLeaveDays annualLeaveUsedDays annualLeaveBalance user { name } } } }"""
    node = (await world.gql("hr", query, {"id": gid}))["data"]["node"]
    assert node["team"]["name"] == "East" and node["user"]["name"] == "Rep1"
    body = await world.gql("hr", """mutation($id: ID!, $team: ID!) { updateEmployee(input: {
        id: $id, teamId: $team, annualLeaveUsedDays: 3}) { errors { code } } }""",
                           {"id": gid, "team": to_global_id("Team", world.teams["West"].id)})
    assert body["data"]["updateEmployee"]["errors"] == []
    node = (await world.gql("hr", query, {"id": gid}))["data"]["node"]
    assert node["team"]["name"] == "West"
    assert node["annualLeaveUsedDays"] == 3
    assert node["annualLeaveBalance"] == node["annualLeaveDays"] - 3


async def test_amounts_in_another_currency_are_refused(world: World):
    p = await make_payroll(world)
    gid = to_global_id("Employee", p.employees["rep1"].id)
    body = await world.gql("hr", """mutation($id: ID!) { updateEmployee(input: {id: $id,
        baseSalary: {amount: "9000", currency: "USD"}}) { errors { code field } } }""",
                           {"id": gid})
    assert body["data"]["updateEmployee"]["errors"] == [
        {"code": "INVALID", "field": "baseSalary.currency"}]
    body = await world.gql("hr", """mutation { createCompensationPlan(input: {name: "Tiny",
        tiers: [{threshold: {amount: "0", currency: "CNY"}, rate: "0.01"},
                {threshold: {amount: "0.001", currency: "CNY"}, rate: "0.02"}]}) {
        errors { code field } } }""")
    assert body["data"]["createCompensationPlan"]["errors"][0]["code"] == "INVALID"


async def test_hr_and_finance_filter_and_sort_by_salary(world: World):
    await make_payroll(world)
    query = """{ employees(filter: {baseSalary: {gt: "20000"}},
        orderBy: [{field: BASE_SALARY, direction: DESC}]) {
        totalCount edges { node { title baseSalary { amount } } } } }"""
    for who in ("hr", "finance"):
        data = (await world.gql(who, query))["data"]["employees"]
        assert data["totalCount"] == 2
        assert [e["node"]["title"] for e in data["edges"]] == ["manager", "rep2"]


async def test_me_says_whose_steps_of_a_pay_run_are_whose(world: World):
    q = "{ me { permissions { type actions } } }"
    steps = {}
    for who in ("hr", "finance", "rep1"):
        body = await world.gql(who, q)
        steps[who] = next(p["actions"] for p in body["data"]["me"]["permissions"]
                          if p["type"] == "PayRun")
    assert steps == {"hr": ["calculate"], "finance": ["approve", "markPaid"], "rep1": []}
