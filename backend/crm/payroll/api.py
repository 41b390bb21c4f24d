"""Query and Mutation fields of payroll: thin, every rule is in service.py."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from crm.core.connections import Connection
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, parse_client_uuid
from crm.core.inputs import given
from crm.core.lists import list_field
from crm.core.payloads import respond
from crm.core.scoping import scoped
from crm.payroll import models, service
from crm.payroll.types import (
    EMPLOYEE_FILTER,
    EMPLOYEE_SORT,
    PAY_RUN_FILTER,
    PAY_RUN_SORT,
    PAYSLIP_SORT,
    AddPayAdjustmentInput,
    CompensationPlan,
    CompensationPlanPayload,
    CreateCompensationPlanInput,
    CreateEmployeeInput,
    CreatePayRunInput,
    Employee,
    EmployeePayload,
    PayAdjustment,
    PayAdjustmentPayload,
    PayrollSettings,
    PayrollSettingsPayload,
    PayRun,
    PayRunInput,
    PayRunPayload,
    Payslip,
    UpdateCompensationPlanInput,
    UpdateEmployeeInput,
    UpdatePayrollSettingsInput,
)


def _opt_id(value: Any, type_name: str, field: str) -> Any:
    if value is strawberry.UNSET:
        return value
    return decode_id(str(value), type_name, field) if value else None


def _employee_values(input: Any) -> dict[str, Any]:
    values = given(input, ["employee_number", "department", "title", "hire_date", "status",
                           "bank_account", "annual_leave_days", "annual_leave_used_days"])
    for name in ("base_salary", "social_insurance_base", "monthly_tax_allowance"):
        value = getattr(input, name, strawberry.UNSET)
        if value is not strawberry.UNSET and value is not None:
            values[name] = value
    plan = _opt_id(getattr(input, "compensation_plan_id", strawberry.UNSET), "CompensationPlan",
                   "compensationPlanId")
    if plan is not strawberry.UNSET:
        values["compensation_plan_id"] = plan
    team = _opt_id(getattr(input, "team_id", strawberry.UNSET), "Team", "teamId")
    if team not in (strawberry.UNSET, None):
        values["team_id"] = team
    return {k: v for k, v in values.items() if v is not None or k in (
        "department", "title", "bank_account", "compensation_plan_id")}


def _tiers(tiers: Any) -> Any:
    if tiers is strawberry.UNSET or tiers is None:
        return tiers
    return [{"threshold": t.threshold, "rate": t.rate} for t in tiers]


@strawberry.type
class PayrollQuery:
    employees: Connection[Employee] = list_field(
        lambda actor: scoped(models.Employee, actor), EMPLOYEE_FILTER, EMPLOYEE_SORT,
        description="Employees on the payroll (hr, finance).")

    @strawberry.field(description="Compensation plans (hr, finance).")
    async def compensation_plans(self, info: Info) -> list[CompensationPlan]:
        return await scoped(models.CompensationPlan, actor_of(info)).order_by(  # type: ignore[return-value]
            "name")

    @strawberry.field(description="Benefit settings and the income-tax table (hr, finance).")
    async def payroll_settings(self, info: Info) -> PayrollSettings | None:
        return await service.payroll_settings(actor_of(info))  # type: ignore[return-value]

    pay_runs: Connection[PayRun] = list_field(
        lambda actor: scoped(models.PayRun, actor), PAY_RUN_FILTER, PAY_RUN_SORT,
        description="Pay runs, newest first (hr, finance).")

    @strawberry.field(description="One-off bonuses, deductions and corrections (hr, finance).")
    async def pay_adjustments(
        self, info: Info,
        year: Annotated[int, strawberry.argument(description="The pay run's year, e.g. 2024.")],
        month: Annotated[int, strawberry.argument(
            description="The pay run's month, 1 to 12: the adjustments that go into it.")],
    ) -> list[PayAdjustment]:
        return await scoped(models.PayAdjustment, actor_of(info)).filter(  # type: ignore[return-value]
            year=year, month=month).order_by("created_at")

    my_payslips: Connection[Payslip] = list_field(
        service.my_payslips_query, None, PAYSLIP_SORT,
        description="Your own payslips of approved pay runs, newest first.")


@strawberry.type
class PayrollMutation:
    @strawberry.mutation(description="hr: a plan of commission tiers on collected revenue.")
    async def create_compensation_plan(self, info: Info, input: CreateCompensationPlanInput
                                       ) -> CompensationPlanPayload:
        return await respond(CompensationPlanPayload, "compensation_plan",
                             service.create_plan(actor_of(info), {
            "name": input.name, "description": input.description,
            "tiers": _tiers(input.tiers), "new_customer_bonus": input.new_customer_bonus}))

    @strawberry.mutation(description="hr: change a plan's name, tiers or new-customer bonus; "
                         "runs calculated from now on use it.")
    async def update_compensation_plan(self, info: Info, input: UpdateCompensationPlanInput
                                       ) -> CompensationPlanPayload:
        values = given(input, ["name", "description", "new_customer_bonus"])
        if input.tiers is not strawberry.UNSET:
            values["tiers"] = _tiers(input.tiers)
        return await respond(CompensationPlanPayload, "compensation_plan", service.update_plan(actor_of(info),
                                          decode_id(input.id, "CompensationPlan"), values,
                                          input.expected_version), with_current=True)

    @strawberry.mutation(description="hr: put a user on the payroll.")
    async def create_employee(self, info: Info, input: CreateEmployeeInput) -> EmployeePayload:
        values = _employee_values(input)
        values["user_id"] = decode_id(input.user_id, "User", "userId")
        return await respond(EmployeePayload, "employee", service.create_employee(actor_of(info), values,
                                            employee_id=parse_client_uuid(input.id)))

    @strawberry.mutation(description="hr: change an employee; salary changes are audited.")
    async def update_employee(self, info: Info, input: UpdateEmployeeInput) -> EmployeePayload:
        return await respond(EmployeePayload, "employee",
                             service.update_employee(actor_of(info), decode_id(input.id, "Employee"),
                                            _employee_values(input), input.expected_version),
                             with_current=True)

    @strawberry.mutation(description="hr: 五险一金 rates, the tax table, leave entitlement.")
    async def update_payroll_settings(self, info: Info, input: UpdatePayrollSettingsInput
                                      ) -> PayrollSettingsPayload:
        values: dict[str, Any] = given(input, ["monthly_basic_deduction", "annual_leave_days"])
        if input.contributions not in (strawberry.UNSET, None):
            values["contributions"] = [
                {"code": c.code, "label": c.label, "employee_rate": c.employee_rate,
                 "employer_rate": c.employer_rate} for c in input.contributions or []]
        if input.tax_brackets not in (strawberry.UNSET, None):
            values["tax_brackets"] = [
                {"threshold": b.threshold, "rate": b.rate, "quick_deduction": b.quick_deduction}
                for b in input.tax_brackets or []]
        values = {k: v for k, v in values.items() if v is not None}
        return await respond(PayrollSettingsPayload, "settings",
                             service.update_payroll_settings(actor_of(info), values,
                                                    input.expected_version), with_current=True)

    @strawberry.mutation(description="hr: a one-off bonus or deduction, or a correction of an "
                         "approved payslip (it goes into a later month's run).")
    async def add_pay_adjustment(self, info: Info, input: AddPayAdjustmentInput
                                 ) -> PayAdjustmentPayload:
        return await respond(PayAdjustmentPayload, "adjustment", service.add_adjustment(actor_of(info), {
            "employee_id": decode_id(input.employee_id, "Employee", "employeeId"),
            "kind": input.kind, "amount": input.amount, "year": input.year,
            "month": input.month, "description": input.description,
            "corrects_payslip_id": _opt_id(input.corrects_payslip_id, "Payslip",
                                           "correctsPayslipId")}))

    @strawberry.mutation(description="hr: open the pay run of a month (DRAFT).")
    async def create_pay_run(self, info: Info, input: CreatePayRunInput) -> PayRunPayload:
        return await respond(PayRunPayload, "pay_run",
                             service.create_pay_run(actor_of(info), input.year, input.month))

    @strawberry.mutation(description="hr: (re)build the payslips of a draft or calculated run.")
    async def calculate_pay_run(self, info: Info, input: PayRunInput) -> PayRunPayload:
        return await respond(PayRunPayload, "pay_run",
                             service.calculate_pay_run(actor_of(info), decode_id(input.id, "PayRun")))

    @strawberry.mutation(description="finance: approve a calculated run (not hr, who "
                         "calculated it); it never changes again.")
    async def approve_pay_run(self, info: Info, input: PayRunInput) -> PayRunPayload:
        return await respond(PayRunPayload, "pay_run",
                             service.approve_pay_run(actor_of(info), decode_id(input.id, "PayRun")))

    @strawberry.mutation(description="finance: record that an approved run was paid out.")
    async def mark_pay_run_paid(self, info: Info, input: PayRunInput) -> PayRunPayload:
        return await respond(PayRunPayload, "pay_run",
                             service.mark_pay_run_paid(actor_of(info), decode_id(input.id, "PayRun")))


Query = PayrollQuery
Mutation = PayrollMutation
