"""The permission matrix of payroll, generated from `crm/payroll/policy.py`: every role x every
policed payroll field, read through node(id:), and every payroll write as every role."""

from __future__ import annotations

from decimal import Decimal

import pytest
from graphql import GraphQLList, GraphQLNonNull, GraphQLObjectType

from crm.core.ids import to_global_id
from crm.payroll import policy, service
from crm.schema import get_schema
from tests.conftest import World
from tests.payroll.helpers import Payroll, make_payroll

# One user per role.
USERS = {"admin": "admin", "sales_manager": "manager", "sales_rep": "rep1",
         "marketing": "marketing", "support": "support", "warehouse": "warehouse",
         "finance": "finance", "hr": "hr", "viewer": "viewer"}
SUBFIELDS = {"Money": "{ amount currency }", "CommissionTier": "{ rate threshold { amount } }",
             "PayslipLine": "{ code explanation amount { amount } }",
             "CommissionPayment": "{ paymentId amount { amount } }",
             "CompensationPlan": "{ name }", "Payslip": "{ period }",
             "PayslipConnection": "{ totalCount }"}


def selection(type_name: str, field: str) -> str:
    gtype = get_schema()._schema.type_map[type_name]
    assert isinstance(gtype, GraphQLObjectType)
    t = gtype.fields[field].type
    while isinstance(t, GraphQLNonNull | GraphQLList):
        t = t.of_type
    return SUBFIELDS[t.name] if isinstance(t, GraphQLObjectType) else ""


def expected_readers(type_name: str, field: str) -> dict[str, str]:
    """role -> "read" | "masked", for the row each type's test reads (rep1's payslip, rep2's
    employee record, the run, the plan, an adjustment)."""
    readers = {"hr": "read", "finance": "read"}
    if type_name == "Payslip":
        readers["sales_rep"] = "read"  # rep1 reads their own payslip
    if (type_name, field) == ("Employee", "bankAccount"):
        readers["finance"] = "masked"
    return readers


@pytest.fixture
async def payroll(world: World) -> Payroll:
    p = await make_payroll(world)
    hr = await world.actor("hr")
    p.adjustment = await service.add_adjustment(hr, {  # type: ignore[attr-defined]
        "employee_id": p.employees["rep2"].id, "kind": service.AdjustmentKind.BONUS,
        "amount": Decimal("88"), "year": 2026, "month": 2, "description": "Award"})
    return p


def target(p: Payroll, type_name: str) -> str:
    rows = {"Employee": p.employees["rep2"], "Payslip": p.payslips["rep1"], "PayRun": p.run,
            "CompensationPlan": p.plan, "PayAdjustment": p.adjustment}  # type: ignore[attr-defined]
    return to_global_id(type_name, rows[type_name].id)


FIELD_KEYS = sorted(policy.FIELDS)


def test_the_matrix_covers_every_sensitive_payroll_field():
    schema = get_schema()._schema
    for type_name in ("Employee", "Payslip", "PayRun", "CompensationPlan", "PayAdjustment"):
        gtype = schema.type_map[type_name]
        assert isinstance(gtype, GraphQLObjectType)
        for field in gtype.fields:
            from crm.core.policy import SENSITIVE
            if SENSITIVE.search(field):
                assert f"{type_name}.{field}" in policy.FIELDS, field
    for key in FIELD_KEYS:
        type_name, field = key.split(".")
        assert field in schema.type_map[type_name].fields  # type: ignore[union-attr]


@pytest.mark.parametrize("role", list(USERS))
async def test_every_payroll_field_by_role(world: World, payroll: Payroll, role: str):
    who = USERS[role]
    for key in FIELD_KEYS:
        type_name, field = key.split(".")
        query = (f'{{ node(id: "{target(payroll, type_name)}") {{ __typename '
                 f"... on {type_name} {{ {field} {selection(type_name, field)} }} }} }}")
        body = await world.gql(who, query, expect_errors=True)
        node = body["data"]["node"]
        expected = expected_readers(type_name, field).get(role)
        if expected is None:
            assert node is None or node.get(field) is None, (role, key, body)
            continue
        assert node is not None and not body.get("errors"), (role, key, body)
        value = node[field]
        if expected == "masked":
            assert value is not None and "*" in value, (role, key, value)
        elif field == "bankAccount":
            assert value == "6222020012345678"
        elif field not in ("commissionPayments", "correctsPayslipId"):  # may be empty
            assert value is not None, (role, key)


@pytest.mark.parametrize("role", list(USERS))
async def test_every_payroll_write_by_role(world: World, payroll: Payroll, role: str):
    who = USERS[role]
    employee = to_global_id("Employee", payroll.employees["rep2"].id)
    plan = to_global_id("CompensationPlan", payroll.plan.id)
    viewer = to_global_id("User", world.users["viewer"].id)
    run = to_global_id("PayRun", payroll.run.id)
    writes = {
        "updateEmployee": f'updateEmployee(input: {{id: "{employee}", baseSalary: '
                          '{amount: "1.00", currency: "CNY"}})',
        "createEmployee": f'createEmployee(input: {{userId: "{viewer}", '
                          'employeeNumber: "X1", hireDate: "2026-01-01", baseSalary: '
                          '{amount: "1", currency: "CNY"}})',
        "updateCompensationPlan": f'updateCompensationPlan(input: {{id: "{plan}", name: "P2"}})',
        "createCompensationPlan": 'createCompensationPlan(input: {name: "New plan"})',
        "updatePayrollSettings": "updatePayrollSettings(input: {annualLeaveDays: 7})",
        "addPayAdjustment": f'addPayAdjustment(input: {{employeeId: "{employee}", kind: BONUS, '
                            'amount: {amount: "5", currency: "CNY"}, year: 2026, month: 3, '
                            'description: "x"})',
        "createPayRun": "createPayRun(input: {year: 2026, month: 6})",
        "calculatePayRun": f'calculatePayRun(input: {{id: "{run}"}})',
        "approvePayRun": f'approvePayRun(input: {{id: "{run}"}})',
    }
    for name, call in writes.items():
        body = await world.gql(who, f"mutation {{ {call} {{ errors {{ code }} }} }}")
        errors = body["data"][name]["errors"]
        # Approval is finance's, and only finance's: whoever calculated a run does not approve it.
        may = role == "finance" if name == "approvePayRun" else role == "hr"
        if not may:
            assert errors and errors[0]["code"] == "FORBIDDEN", (role, name, errors)
        elif name in ("calculatePayRun", "approvePayRun"):
            assert errors[0]["code"] == "INVALID_STATE"  # the run is approved: immutable
        elif name == "createEmployee":
            assert errors[0]["code"] == "DUPLICATE"  # viewer is already an employee
        else:
            assert errors == [], (name, errors)
