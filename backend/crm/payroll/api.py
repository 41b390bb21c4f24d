"""Query and Mutation fields of payroll: thin, every rule is in service.py."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

import strawberry
from strawberry.types import Info
from tortoise.expressions import Q

from crm.core.connections import Connection, SortKey, paginate
from crm.core.errors import ServiceError
from crm.core.filters import (
    FilterField,
    build_filter,
    build_order,
    column,
    id_converter,
)
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, parse_client_uuid
from crm.core.money import Money, to_minor
from crm.core.policy import Actor
from crm.core.scoping import scoped
from crm.customers.api import given
from crm.payroll import models, performance, service
from crm.payroll.types import (
    AddPayAdjustmentInput,
    CompensationPlan,
    CompensationPlanPayload,
    CreateCompensationPlanInput,
    CreateEmployeeInput,
    CreatePayRunInput,
    Employee,
    EmployeeFilter,
    EmployeeOrder,
    EmployeePayload,
    PayAdjustment,
    PayAdjustmentPayload,
    PayrollSettings,
    PayrollSettingsPayload,
    PayRun,
    PayRunFilter,
    PayRunInput,
    PayRunPayload,
    Payslip,
    RepPerformance,
    TeamPerformance,
    UpdateCompensationPlanInput,
    UpdateEmployeeInput,
    UpdatePayrollSettingsInput,
)


def _salary_q(flt: Any, actor: Actor) -> Q:
    """Salary comparisons in the workspace's currency (exact minor units)."""
    parts = []
    for op in ("lt", "lte", "gt", "gte"):
        value = getattr(flt, op, strawberry.UNSET)
        if value is not strawberry.UNSET and value is not None:
            lookup: dict[str, Any] = {f"base_salary_minor__{op}": to_minor(Decimal(value), "CNY")}
            parts.append(Q(**lookup))
    return Q(*parts) if parts else Q()


EMPLOYEE_FILTERS: dict[str, FilterField] = {
    "employee_number": column("employee_number", "employeeNumber"),
    "department": column("department", "department"),
    "status": column("status", "status"),
    "user": column("user_id", "user", id_converter("User", "user")),
    "hire_date": column("hire_date", "hireDate"),
    "base_salary": FilterField("baseSalary", _salary_q),
}
EMPLOYEE_SORTS = {"employeeNumber": ("employee_number", "employeeNumber"),
                  "hireDate": ("hire_date", "hireDate"),
                  "baseSalary": ("base_salary_minor", "baseSalary")}
PAY_RUN_FILTERS: dict[str, FilterField] = {
    "year": column("year", "year"),
    "status": column("status", "status"),
}


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
    @strawberry.field(description="Employees on the payroll (hr, finance).")
    async def employees(
        self, info: Info, filter: EmployeeFilter | None = None,
        order_by: list[EmployeeOrder] | None = None, first: int | None = None,
        after: str | None = None,
    ) -> Connection[Employee]:
        actor = actor_of(info)
        qs = scoped(models.Employee, actor).filter(
            build_filter(actor, "Employee", filter, EMPLOYEE_FILTERS))
        keys = build_order(actor, "Employee", order_by, EMPLOYEE_SORTS,
                           [SortKey("employee_number")])
        return await paginate(qs, keys, first=first, after=after)

    @strawberry.field(description="Compensation plans (hr, finance).")
    async def compensation_plans(self, info: Info) -> list[CompensationPlan]:
        return await scoped(models.CompensationPlan, actor_of(info)).order_by(  # type: ignore[return-value]
            "name")

    @strawberry.field(description="Benefit settings and the income-tax table (hr, finance).")
    async def payroll_settings(self, info: Info) -> PayrollSettings | None:
        return await service.payroll_settings(actor_of(info))  # type: ignore[return-value]

    @strawberry.field(description="Pay runs, newest first (hr, finance).")
    async def pay_runs(self, info: Info, filter: PayRunFilter | None = None,
                       first: int | None = None, after: str | None = None) -> Connection[PayRun]:
        actor = actor_of(info)
        qs = scoped(models.PayRun, actor).filter(
            build_filter(actor, "PayRun", filter, PAY_RUN_FILTERS))
        return await paginate(qs, [SortKey("year", True), SortKey("month", True)], first=first,
                              after=after)

    @strawberry.field(description="One-off bonuses, deductions and corrections (hr, finance).")
    async def pay_adjustments(self, info: Info, year: int, month: int) -> list[PayAdjustment]:
        return await scoped(models.PayAdjustment, actor_of(info)).filter(  # type: ignore[return-value]
            year=year, month=month).order_by("created_at")

    @strawberry.field(description="Your own payslips of approved pay runs, newest first.")
    async def my_payslips(self, info: Info, first: int | None = None,
                          after: str | None = None) -> Connection[Payslip]:
        actor = actor_of(info)
        return await paginate(service.my_payslips_query(actor),
                              [SortKey("year", True), SortKey("month", True)], first=first,
                              after=after)

    @strawberry.field(description="Per rep: revenue booked and collected, opportunities won, "
                      "win rate, interactions, customers held. `period` is YYYY-MM or YYYY. "
                      "hr sees every rep, a sales manager their teams.")
    async def team_performance(self, info: Info, period: str) -> TeamPerformance:
        start, end = performance.parse_period(period)
        reps = await performance.team_performance(actor_of(info), start, end)
        return TeamPerformance(period_start=start, period_end=end, reps=[RepPerformance(
            user=r.user,  # type: ignore[arg-type]
            revenue_booked=[Money.of(m, c) for m, c in r.booked],  # type: ignore[misc]
            revenue_collected=[Money.of(m, c) for m, c in r.collected],  # type: ignore[misc]
            opportunities_won=r.won, opportunities_lost=r.lost, win_rate=r.win_rate,
            interactions_logged=r.interactions, customers_held=r.customers) for r in reps])


@strawberry.type
class PayrollMutation:
    @strawberry.mutation(description="hr: a plan of commission tiers on collected revenue.")
    async def create_compensation_plan(self, info: Info, input: CreateCompensationPlanInput
                                       ) -> CompensationPlanPayload:
        try:
            plan = await service.create_plan(actor_of(info), {
                "name": input.name, "description": input.description,
                "tiers": _tiers(input.tiers), "new_customer_bonus": input.new_customer_bonus})
        except ServiceError as exc:
            return CompensationPlanPayload(errors=exc.as_user_errors())
        return CompensationPlanPayload(compensation_plan=plan)  # type: ignore[arg-type]

    @strawberry.mutation
    async def update_compensation_plan(self, info: Info, input: UpdateCompensationPlanInput
                                       ) -> CompensationPlanPayload:
        values = given(input, ["name", "description", "new_customer_bonus"])
        if input.tiers is not strawberry.UNSET:
            values["tiers"] = _tiers(input.tiers)
        try:
            plan = await service.update_plan(actor_of(info),
                                              decode_id(input.id, "CompensationPlan"), values,
                                              input.expected_version)
        except ServiceError as exc:
            return CompensationPlanPayload(errors=exc.as_user_errors())
        return CompensationPlanPayload(compensation_plan=plan)  # type: ignore[arg-type]

    @strawberry.mutation(description="hr: put a user on the payroll.")
    async def create_employee(self, info: Info, input: CreateEmployeeInput) -> EmployeePayload:
        values = _employee_values(input)
        values["user_id"] = decode_id(input.user_id, "User", "userId")
        try:
            row = await service.create_employee(actor_of(info), values,
                                                employee_id=parse_client_uuid(input.id))
        except ServiceError as exc:
            return EmployeePayload(errors=exc.as_user_errors())
        return EmployeePayload(employee=row)  # type: ignore[arg-type]

    @strawberry.mutation(description="hr: change an employee; salary changes are audited.")
    async def update_employee(self, info: Info, input: UpdateEmployeeInput) -> EmployeePayload:
        try:
            row = await service.update_employee(actor_of(info), decode_id(input.id, "Employee"),
                                                _employee_values(input), input.expected_version)
        except ServiceError as exc:
            return EmployeePayload(errors=exc.as_user_errors())
        return EmployeePayload(employee=row)  # type: ignore[arg-type]

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
        try:
            row = await service.update_payroll_settings(actor_of(info), values,
                                                        input.expected_version)
        except ServiceError as exc:
            return PayrollSettingsPayload(errors=exc.as_user_errors())
        return PayrollSettingsPayload(settings=row)  # type: ignore[arg-type]

    @strawberry.mutation(description="hr: a one-off bonus or deduction, or a correction of an "
                         "approved payslip (it goes into a later month's run).")
    async def add_pay_adjustment(self, info: Info, input: AddPayAdjustmentInput
                                 ) -> PayAdjustmentPayload:
        try:
            row = await service.add_adjustment(actor_of(info), {
                "employee_id": decode_id(input.employee_id, "Employee", "employeeId"),
                "kind": input.kind, "amount": input.amount, "year": input.year,
                "month": input.month, "description": input.description,
                "corrects_payslip_id": _opt_id(input.corrects_payslip_id, "Payslip",
                                               "correctsPayslipId")})
        except ServiceError as exc:
            return PayAdjustmentPayload(errors=exc.as_user_errors())
        return PayAdjustmentPayload(adjustment=row)  # type: ignore[arg-type]

    @strawberry.mutation(description="hr: open the pay run of a month (DRAFT).")
    async def create_pay_run(self, info: Info, input: CreatePayRunInput) -> PayRunPayload:
        try:
            run = await service.create_pay_run(actor_of(info), input.year, input.month)
        except ServiceError as exc:
            return PayRunPayload(errors=exc.as_user_errors())
        return PayRunPayload(pay_run=run)  # type: ignore[arg-type]

    @strawberry.mutation(description="hr: (re)build the payslips of a draft or calculated run.")
    async def calculate_pay_run(self, info: Info, input: PayRunInput) -> PayRunPayload:
        try:
            run = await service.calculate_pay_run(actor_of(info), decode_id(input.id, "PayRun"))
        except ServiceError as exc:
            return PayRunPayload(errors=exc.as_user_errors())
        return PayRunPayload(pay_run=run)  # type: ignore[arg-type]

    @strawberry.mutation(description="hr: approve a calculated run; it never changes again.")
    async def approve_pay_run(self, info: Info, input: PayRunInput) -> PayRunPayload:
        try:
            run = await service.approve_pay_run(actor_of(info), decode_id(input.id, "PayRun"))
        except ServiceError as exc:
            return PayRunPayload(errors=exc.as_user_errors())
        return PayRunPayload(pay_run=run)  # type: ignore[arg-type]

    @strawberry.mutation(description="hr: record that an approved run was paid out.")
    async def mark_pay_run_paid(self, info: Info, input: PayRunInput) -> PayRunPayload:
        try:
            run = await service.mark_pay_run_paid(actor_of(info), decode_id(input.id, "PayRun"))
        except ServiceError as exc:
            return PayRunPayload(errors=exc.as_user_errors())
        return PayRunPayload(pay_run=run)  # type: ignore[arg-type]


Query = PayrollQuery
Mutation = PayrollMutation
