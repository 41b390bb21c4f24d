"""GraphQL types of payroll. Every money field is policed by `payroll/policy.py`; none of
them hangs off `User` or `Team`, so pay is reached only through payroll's own row scopes."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import strawberry

from crm.auth.types import AuditEvent, Team, User, history
from crm.core.connections import Connection, SortKey
from crm.core.enums import public_enum
from crm.core.errors import UserError
from crm.core.filters import FilterSpec, SortSpec, choice, custom, number, ref, text, when
from crm.core.graphql import Node, model_type, node_type
from crm.core.ids import to_global_id
from crm.core.money import Money, MoneyInput, money_field
from crm.core.payloads import errors_field, result_field
from crm.core.relations import connection, to_many, to_one
from crm.payroll import models

EmployeeStatus = public_enum(
    models.EmployeeStatus, name="EmployeeStatus",
    description="Where an employee stands: whether pay runs still include them.",
    values={
        "ACTIVE": "Employed and working; paid in every pay run.",
        "ON_LEAVE": "Employed but away on leave; still in every pay run at the full base "
                    "salary (enter a DEDUCTION for leave that is unpaid).",
        "TERMINATED": "No longer employed: left out of every run calculated from now on; "
                      "their approved payslips stay.",
    })
PayRunStatus = public_enum(
    models.PayRunStatus, name="PayRunStatus",
    description="The life cycle of a month's pay run (and of its payslips): "
                "DRAFT -> CALCULATED -> APPROVED -> PAID.",
    values={
        "DRAFT": "Opened for the month, no payslips yet: calculate it to build them.",
        "CALCULATED": "Payslips built from the current salaries, payments and adjustments; "
                      "recalculate as often as needed until it is approved.",
        "APPROVED": "Signed off by finance and frozen: the run and its payslips never change "
                    "again, employees see their payslips, and the next month's cumulative "
                    "tax builds on them.",
        "PAID": "The net pay has been paid out; as frozen as APPROVED.",
    })
AdjustmentKind = public_enum(
    models.AdjustmentKind, name="AdjustmentKind",
    description="What a one-off pay adjustment does to the month's gross pay.",
    values={
        "BONUS": "A one-off bonus (奖金), added to gross pay and taxed with it.",
        "DEDUCTION": "A one-off deduction (扣款), e.g. unpaid leave: taken off gross pay "
                     "before tax. Entered as a positive amount, stored negative.",
        "CORRECTION": "A correction (更正) of an approved payslip of an earlier month: the "
                      "difference, positive or negative, goes into this month's gross pay.",
    })


def _money(minor: int, currency: str) -> Money:
    return Money.of(minor, currency)  # type: ignore[return-value]


@strawberry.type(description="One tier of a commission plan: from `threshold` of revenue "
                 "collected in the month up to the next tier's threshold, pay `rate`.")
class CommissionTier:
    threshold: Money = strawberry.field(
        description="Collected revenue of the month where this tier starts; the first tier "
                    "starts at 0.")
    rate: Decimal = strawberry.field(
        description="Commission on the part of revenue inside this tier, as a fraction from 0 "
                    "to 1 (\"0.05\" = 5%).")


@node_type(models.CompensationPlan)
@strawberry.type(description="Base salary plus commission tiers on collected revenue.")
class CompensationPlan(Node):
    name: str = strawberry.field(description="The plan's name, unique in the workspace.")
    description: str | None = strawberry.field(
        description="What the plan pays, in words for people; null when none was given.")
    currency: str = strawberry.field(
        description="The ISO 4217 code its amounts are in: the payroll currency when it was "
                    "made.")
    version: int = strawberry.field(description="Increases with every change (send it back "
                                    "as `expectedVersion`).")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")

    @strawberry.field(description="The commission tiers by threshold, applied progressively "
                      "like tax brackets: each tier's rate applies only to the revenue inside "
                      "it. Empty for a plan without commission.")
    def commission_tiers(self, root: strawberry.Parent[Any]) -> list[CommissionTier]:
        return [CommissionTier(threshold=_money(int(t["threshold_minor"]), root.currency),
                               rate=Decimal(t["rate"])) for t in root.commission_tiers or []]

    new_customer_bonus: Money | None = money_field(
        "new_customer_bonus_minor", description="Paid once per customer whose first won deal closed in the "
        "month, on the opportunity's owner's payslip; zero for none.")


@strawberry.type(description="A social-insurance or housing-fund item (五险一金): the shares of "
                 "the employee's contribution base paid by the employee and by the employer.")
class ContributionRate:
    code: str = strawberry.field(
        description="A stable key, unique in the settings, e.g. `pension`, `medical`, "
                    "`housing_fund`; payslip lines are coded `employee_<code>` and "
                    "`employer_<code>`.")
    label: str = strawberry.field(description="The item's name as payslips show it, e.g. "
                                  "\"养老保险 Pension\".")
    employee_rate: Decimal = strawberry.field(
        description="Withheld from the employee's pay, as a fraction of the contribution base "
                    "from 0 to 1 (\"0.08\" = 8%).")
    employer_rate: Decimal = strawberry.field(
        description="Paid by the employer on top of gross pay, as a fraction of the "
                    "contribution base from 0 to 1.")


@strawberry.type(description="An annual bracket of cumulative taxable income (individual income "
                 "tax, 个人所得税, withheld cumulatively over the tax year: 累计预扣法).")
class TaxBracket:
    threshold: Money = strawberry.field(
        description="Cumulative taxable income of the tax year above which this bracket "
                    "applies; the first bracket starts at 0.")
    rate: Decimal = strawberry.field(
        description="The tax rate on the whole cumulative taxable income, as a fraction from 0 "
                    "to 1 (\"0.10\" = 10%).")
    quick_deduction: Money = strawberry.field(
        description="The quick deduction (速算扣除数) subtracted from taxable income × rate.")


@model_type(models.PayrollSettings)
@strawberry.type(description="The workspace's benefit settings and income-tax table.")
class PayrollSettings:
    currency: str = strawberry.field(
        description="The ISO 4217 code every payroll amount is in (CNY unless the workspace "
                    "was set up otherwise); amounts in another currency are refused.")
    annual_leave_days: int = strawberry.field(
        description="Paid annual leave, in days per year, given to employees created without "
                    "their own figure.")
    version: int = strawberry.field(description="Increases with every change (send it back "
                                    "as `expectedVersion`).")

    @strawberry.field(description="The social-insurance and housing-fund items (五险一金) every "
                      "payslip withholds and the employer pays.")
    def contributions(self, root: strawberry.Parent[Any]) -> list[ContributionRate]:
        return [ContributionRate(code=c["code"], label=c["label"],
                                 employee_rate=Decimal(c["employee_rate"]),
                                 employer_rate=Decimal(c["employer_rate"]))
                for c in root.contributions or []]

    @strawberry.field(description="The income-tax brackets by threshold, for annual cumulative "
                      "taxable income (China's wage table unless hr changed it).")
    def tax_brackets(self, root: strawberry.Parent[Any]) -> list[TaxBracket]:
        return [TaxBracket(threshold=_money(int(b["threshold_minor"]), root.currency),
                           rate=Decimal(b["rate"]),
                           quick_deduction=_money(int(b["quick_deduction_minor"]), root.currency))
                for b in root.tax_brackets or []]

    monthly_basic_deduction: Money = money_field(
        "monthly_basic_deduction_minor",
        description="The basic deduction (基本减除费用) taken off taxable income for "
        "each month of the tax year, 5,000 CNY by default.")


@node_type(models.Employee)
@strawberry.type(description="A person on the payroll, linked to their user.")
class Employee(Node):
    employee_number: str = strawberry.field(
        description="The company's staff number (工号), unique in the workspace.")
    department: str | None = strawberry.field(
        description="The department they work in, as free text; null when not recorded.")
    title: str | None = strawberry.field(
        description="Their job title; null when not recorded.")
    hire_date: dt.date = strawberry.field(
        description="Their first day; a month's pay run includes them if they were hired by "
                    "its last day, at the full base salary (pay is not prorated).")
    status: EmployeeStatus = strawberry.field(  # type: ignore[valid-type]
        description="Employed, on leave or terminated; pay runs leave terminated employees "
                    "out.")
    annual_leave_days: int = strawberry.field(
        description="Paid annual leave they are entitled to, in days per year.")
    annual_leave_used_days: int = strawberry.field(
        description="Annual leave days taken so far, as hr records them.")
    version: int = strawberry.field(description="Increases with every change (send it back "
                                    "as `expectedVersion`).")
    created_at: dt.datetime = strawberry.field(description="When they were put on the payroll.")
    updated_at: dt.datetime = strawberry.field(description="When the record last changed.")
    deleted_at: dt.datetime | None = strawberry.field(description="Set while it is deleted.")

    @strawberry.field(description="Annual leave days left: entitlement minus days used "
                      "(negative when more was taken).")
    def annual_leave_balance(self, root: strawberry.Parent[Any]) -> int:
        return int(root.annual_leave_days - root.annual_leave_used_days)

    user: User | None = to_one("user_id", description="Their user account.")
    team: Team | None = to_one("team_id", description="Their team.")

    base_salary: Money | None = money_field(
        "base_salary_minor", description="The monthly base salary (基本工资) before commission, "
        "bonuses and deductions.")

    @strawberry.field(description="The account their net pay is paid into, as digits; masked "
                      "except for hr.")
    def bank_account(self, root: strawberry.Parent[Any]) -> str | None:
        return root.bank_account  # type: ignore[no-any-return]

    social_insurance_base: Money | None = money_field(
        "social_insurance_base_minor", description="The monthly contribution base (缴费基数) that the social "
        "insurance and housing fund rates are applied to.")

    monthly_tax_allowance: Money | None = money_field(
        "monthly_tax_allowance_minor",
        description="Monthly special additional deductions (专项附加扣除: children's "
        "education, housing loan or rent, elderly care...) taken off taxable "
        "income.")

    compensation_plan: CompensationPlan | None = to_one(
        "plan_id", description="How they are paid beyond the base salary.")
    payslips: list[Payslip] | None = to_many("employee_id", order_by=["-year", "-month"], size=12,
                                            description="This employee's payslips, newest first.")
    history: Connection[AuditEvent] = history("employee")


@strawberry.type(description="A payment the commission was computed from (refunds negative).")
class CommissionPayment:
    payment_id: strawberry.ID = strawberry.field(
        description="The payment's UUID as the orders module stores it (a plain UUID, not a "
                    "global node ID).")
    order_number: str = strawberry.field(
        description="The number of the order it was paid on (one the employee owns).")
    amount: Money = strawberry.field(
        description="What was received; negative for a refund.")
    received_on: dt.date | None = strawberry.field(
        description="The day it was received, inside the payslip's month; null if unknown.")


@strawberry.type(description="One figure of a payslip and how it was calculated.")
class PayslipLine:
    code: str = strawberry.field(
        description="What the figure is, for programs: e.g. `base`, `collected`, "
                    "`commission_tier_1`, `commission`, `bonus`, `deduction`, `correction`, "
                    "`gross`, `employee_pension`, `employer_pension`, `cumulative_taxable`, "
                    "`tax`, `net`, `employer_cost`.")
    label: str = strawberry.field(
        description="The figure's name for people, in Chinese and English, e.g. "
                    "\"应发工资 Gross pay\".")
    amount: Money = strawberry.field(
        description="The figure; what is withheld from the employee (their contributions, "
                    "tax, deductions) is negative.")
    explanation: str = strawberry.field(
        description="The arithmetic behind the figure in words, e.g. "
                    "\"20,000.00 × 8% = 1,600.00\".")


@node_type(models.Payslip)
@strawberry.type(description="One employee's pay for one month, with its explanation.")
class Payslip(Node):
    employee_name: str = strawberry.field(
        description="The employee's name when the run was calculated (their employee number "
                    "if they had no user).")
    employee_number: str = strawberry.field(
        description="Their employee number when the run was calculated.")
    year: int = strawberry.field(description="The year of the pay period, e.g. 2024.")
    month: int = strawberry.field(description="The month of the pay period, 1 to 12.")
    status: PayRunStatus = strawberry.field(  # type: ignore[valid-type]
        description="Its pay run's status (never DRAFT: a payslip exists once the run is "
                    "calculated).")
    currency: str = strawberry.field(description="The ISO 4217 code of its amounts.")
    created_at: dt.datetime = strawberry.field(
        description="When it was calculated (a recalculation makes a new payslip).")

    @strawberry.field(description="The pay period as `YYYY-MM`, e.g. \"2024-03\".")
    def period(self, root: strawberry.Parent[Any]) -> str:
        return f"{root.year}-{root.month:02d}"

    base: Money | None = money_field(
        "base_minor", description="The monthly base salary paid (基本工资).")

    collected: Money | None = money_field(
        "collected_minor", description="Revenue collected in the month (refunds subtracted).")

    commission: Money | None = money_field(
        "commission_minor", description="Commission (提成) on the collected revenue, by the plan's "
        "tiers; zero without a plan or when refunds exceed payments.")

    @strawberry.field(description="The payments the commission came from.")
    def commission_payments(self, root: strawberry.Parent[Any]) -> list[CommissionPayment] | None:
        return [CommissionPayment(
            payment_id=strawberry.ID(p["payment_id"]), order_number=p["order_number"],
            amount=_money(p["amount_minor"], p["currency"]),
            received_on=dt.date.fromisoformat(p["received_on"]) if p.get("received_on") else None)
            for p in root.payments or []]

    bonus: Money | None = money_field(
        "bonus_minor", description="New-customer bonus and one-off bonuses.")

    adjustments: Money | None = money_field(
        "adjustments_minor", description="One-off deductions and corrections of earlier months.")

    gross: Money | None = money_field(
        "gross_minor", description="Gross pay (应发工资): base + commission + bonus + "
        "adjustments.")

    employee_contributions: Money | None = money_field(
        "employee_contributions_minor", description="Social insurance and housing fund paid by the employee.")

    employer_contributions: Money | None = money_field(
        "employer_contributions_minor", description="Social insurance and housing fund paid by the employer.")

    taxable: Money | None = money_field(
        "taxable_minor", description="Cumulative taxable income of the tax year so far.")

    tax: Money | None = money_field("tax_minor", description="Income tax withheld this month.")

    net: Money | None = money_field(
        "net_minor", description="Net pay (实发工资) paid to the employee: gross − employee "
        "contributions − tax.")

    employer_cost: Money | None = money_field(
        "employer_cost_minor", description="What the employee costs the employer this month (用人成本): "
        "gross + employer contributions.")

    @strawberry.field(description="Each figure and how it was calculated.")
    def lines(self, root: strawberry.Parent[Any]) -> list[PayslipLine] | None:
        return [PayslipLine(code=ln["code"], label=ln["label"],
                            amount=_money(ln["amount_minor"], root.currency),
                            explanation=ln["explanation"]) for ln in root.lines or []]

    employee: Employee | None = to_one("employee_id", description="Whose payslip it is.")
    pay_run: PayRun | None = to_one("pay_run_id", description="The month's run.")


@node_type(models.PayRun)
@strawberry.type(description="One month's payroll: DRAFT -> CALCULATED -> APPROVED -> PAID.")
class PayRun(Node):
    year: int = strawberry.field(description="The year of the pay period, e.g. 2024; runs of "
                                 "one year form a tax year, calculated and approved in order.")
    month: int = strawberry.field(description="The month of the pay period, 1 to 12; one run "
                                  "per month.")
    status: PayRunStatus = strawberry.field(  # type: ignore[valid-type]
        description="Where the run is in its life cycle.")
    currency: str = strawberry.field(description="The ISO 4217 code of its totals.")
    payslip_count: int = strawberry.field(
        description="How many payslips the last calculation made (0 while DRAFT).")
    calculated_at: dt.datetime | None = strawberry.field(
        description="When it was last calculated; null while DRAFT.")
    approved_at: dt.datetime | None = strawberry.field(
        description="When finance approved it; null until APPROVED.")
    paid_at: dt.datetime | None = strawberry.field(
        description="When it was marked paid; null until PAID.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was opened.")

    @strawberry.field(description="The pay period as `YYYY-MM`, e.g. \"2024-03\".")
    def period(self, root: strawberry.Parent[Any]) -> str:
        return f"{root.year}-{root.month:02d}"

    gross: Money | None = money_field(
        "gross_minor", description="The sum of its payslips' gross pay; zero while DRAFT.")

    net: Money | None = money_field(
        "net_minor", description="The sum of its payslips' net pay: what is paid out.")

    tax: Money | None = money_field(
        "tax_minor", description="The sum of the income tax its payslips withhold this month.")

    employer_cost: Money | None = money_field(
        "employer_cost_minor", description="The sum of its payslips' employer cost: gross pay plus the "
        "employer's contributions.")

    payslips: Connection[Payslip] | None = connection(
        "pay_run_id", sort=[SortKey("employee_number")],
        description="The run's payslips, by employee number.")


@node_type(models.PayAdjustment)
@strawberry.type(description="A one-off bonus, deduction or correction for a month.")
class PayAdjustment(Node):
    kind: AdjustmentKind = strawberry.field(  # type: ignore[valid-type]
        description="Bonus, deduction or correction.")
    year: int = strawberry.field(description="The year of the pay run it goes into.")
    month: int = strawberry.field(description="The month (1 to 12) of the pay run it goes "
                                  "into.")
    description: str = strawberry.field(
        description="What it is for, as shown on the payslip line.")
    created_at: dt.datetime = strawberry.field(description="When hr entered it.")

    amount: Money | None = money_field(
        "amount_minor", description="Signed, as it enters gross pay: positive for a bonus, "
        "negative for a deduction, either sign for a correction.")

    @strawberry.field(description="The ID of the approved payslip a correction fixes; null for "
                      "a bonus or deduction.")
    def corrects_payslip_id(self, root: strawberry.Parent[Any]) -> strawberry.ID | None:
        if root.corrects_payslip_id is None:
            return None
        return strawberry.ID(to_global_id("Payslip", root.corrects_payslip_id))

    employee: Employee | None = to_one("employee_id", description="Whose pay it changes.")


# --- inputs and payloads ----------------------------------------------------------------------

@strawberry.input(description="One commission tier: from `threshold` of collected revenue up to "
                  "the next tier's, pay `rate`.")
class CommissionTierInput:
    threshold: MoneyInput = strawberry.field(
        description="Collected revenue of the month where the tier starts, in the payroll "
                    "currency; one tier must start at 0 and no two at the same amount.")
    rate: Decimal = strawberry.field(
        description="A fraction from 0 to 1 with at most 6 decimal places (\"0.05\" = 5%).")


@strawberry.input(description="A new compensation plan: commission tiers on collected revenue "
                  "and a bonus per new customer, paid on top of the base salary.")
class CreateCompensationPlanInput:
    name: str = strawberry.field(description="Unique in the workspace.")
    description: str | None = strawberry.field(default=None,
                                               description="What the plan pays, in words.")
    tiers: list[CommissionTierInput] = strawberry.field(
        default_factory=list,
        description="The commission tiers, in any order; none for a plan without commission.")
    new_customer_bonus: MoneyInput | None = strawberry.field(
        default=None, description="Paid per customer whose first deal was won in the month; "
                                  "zero when left out.")


@strawberry.input(description="Changes to a compensation plan; omitted fields stay as they are. "
                  "Runs calculated from now on use them, approved runs keep theirs.")
class UpdateCompensationPlanInput:
    id: strawberry.ID = strawberry.field(description="The plan.")
    expected_version: int | None = strawberry.field(
        default=None, description="Refuse with CONFLICT if the plan changed since.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="A new name.")
    description: str | None = strawberry.field(default=strawberry.UNSET,
                                               description="A new description; null clears it.")
    tiers: list[CommissionTierInput] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Replaces all the tiers; null or an empty list leaves no commission.")
    new_customer_bonus: MoneyInput | None = strawberry.field(
        default=strawberry.UNSET, description="A new bonus per new customer; 0 for none.")


@strawberry.input(description="Put a user on the payroll (each user at most once).")
class CreateEmployeeInput:
    id: strawberry.ID | None = strawberry.field(
        default=None, description="A UUID chosen by the client (offline creation, retries).")
    user_id: strawberry.ID = strawberry.field(description="The user who is the employee.")
    employee_number: str = strawberry.field(
        description="The staff number (工号), unique in the workspace.")
    department: str | None = strawberry.field(default=None,
                                              description="Their department, as free text.")
    title: str | None = strawberry.field(default=None, description="Their job title.")
    hire_date: dt.date = strawberry.field(description="Their first day of employment.")
    base_salary: MoneyInput = strawberry.field(
        description="The monthly base salary, in the payroll currency.")
    bank_account: str | None = strawberry.field(
        default=None, description="The account net pay goes to: 8 to 34 digits, spaces "
                                  "ignored.")
    social_insurance_base: MoneyInput | None = strawberry.field(
        default=None, description="The monthly contribution base of social insurance and "
                                  "housing fund; the base salary when left out.")
    monthly_tax_allowance: MoneyInput | None = strawberry.field(
        default=None, description="Monthly special additional deductions (专项附加扣除) "
                                  "taken off taxable income; zero when left out.")
    compensation_plan_id: strawberry.ID | None = strawberry.field(
        default=None, description="Their commission plan; none for base salary only.")
    team_id: strawberry.ID | None = strawberry.field(
        default=None, description="Defaults to the user's team.")
    annual_leave_days: int | None = strawberry.field(
        default=None, description="Paid annual leave in days per year (0 to 366); the "
                                  "workspace's default when left out.")


@strawberry.input(description="Changes to an employee; omitted fields stay as they are. Salary "
                  "changes are audited and apply to runs calculated from now on.")
class UpdateEmployeeInput:
    id: strawberry.ID = strawberry.field(description="The employee.")
    expected_version: int | None = strawberry.field(
        default=None, description="Refuse with CONFLICT if the employee changed since.")
    employee_number: str | None = strawberry.field(
        default=strawberry.UNSET, description="A new staff number, unique in the workspace.")
    department: str | None = strawberry.field(default=strawberry.UNSET,
                                              description="A new department; null clears it.")
    title: str | None = strawberry.field(default=strawberry.UNSET,
                                         description="A new job title; null clears it.")
    status: EmployeeStatus | None = strawberry.field(  # type: ignore[valid-type]
        default=strawberry.UNSET, description="ON_LEAVE, back to ACTIVE, or TERMINATED.")
    base_salary: MoneyInput | None = strawberry.field(
        default=strawberry.UNSET, description="A new monthly base salary.")
    bank_account: str | None = strawberry.field(
        default=strawberry.UNSET, description="A new account (8 to 34 digits); null clears it.")
    social_insurance_base: MoneyInput | None = strawberry.field(
        default=strawberry.UNSET, description="A new contribution base of social insurance "
                                              "and housing fund.")
    monthly_tax_allowance: MoneyInput | None = strawberry.field(
        default=strawberry.UNSET, description="New monthly special additional deductions "
                                              "(专项附加扣除).")
    compensation_plan_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="Another plan; null for base salary only.")
    team_id: strawberry.ID | None = strawberry.field(default=strawberry.UNSET,
                                                     description="Move them to another team.")
    annual_leave_days: int | None = strawberry.field(
        default=strawberry.UNSET, description="A new annual leave entitlement, 0 to 366 days.")
    annual_leave_used_days: int | None = strawberry.field(
        default=strawberry.UNSET, description="Annual leave days taken so far, 0 to 366.")


@strawberry.input(description="A social-insurance or housing-fund item (五险一金) and its rates "
                  "of the contribution base.")
class ContributionRateInput:
    code: str = strawberry.field(description="A stable key, unique in the list, e.g. "
                                 "`pension` or `housing_fund`.")
    label: str = strawberry.field(description="Its name on payslips, e.g. \"养老保险 Pension\".")
    employee_rate: Decimal = strawberry.field(
        description="The employee's share: a fraction from 0 to 1, at most 6 places "
                    "(\"0.08\" = 8%).")
    employer_rate: Decimal = strawberry.field(
        description="The employer's share: a fraction from 0 to 1, at most 6 places.")


@strawberry.input(description="A bracket of annual cumulative taxable income.")
class TaxBracketInput:
    threshold: MoneyInput = strawberry.field(
        description="Cumulative taxable income above which it applies, in the payroll "
                    "currency; one bracket must start at 0.")
    rate: Decimal = strawberry.field(
        description="A fraction from 0 to 1, at most 6 places (\"0.10\" = 10%).")
    quick_deduction: MoneyInput = strawberry.field(
        description="The quick deduction (速算扣除数) subtracted from taxable income × rate.")


@strawberry.input(description="Changes to the benefit settings and the tax table; omitted fields "
                  "stay as they are. Runs calculated from now on use them, approved runs keep "
                  "theirs.")
class UpdatePayrollSettingsInput:
    expected_version: int | None = strawberry.field(
        default=None, description="Refuse with CONFLICT if the settings changed since.")
    contributions: list[ContributionRateInput] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Replaces all the contribution items; null leaves them as they are.")
    tax_brackets: list[TaxBracketInput] | None = strawberry.field(
        default=strawberry.UNSET,
        description="Replaces the whole tax table, in any order; null leaves it as it is.")
    monthly_basic_deduction: MoneyInput | None = strawberry.field(
        default=strawberry.UNSET,
        description="A new basic deduction (基本减除费用) per month of the tax year.")
    annual_leave_days: int | None = strawberry.field(
        default=strawberry.UNSET,
        description="The leave entitlement (0 to 366 days) of employees added from now on; "
                    "existing employees keep theirs.")


@strawberry.input(description="A one-off bonus or deduction for a month, or a correction of an "
                  "approved payslip that goes into a later month's run.")
class AddPayAdjustmentInput:
    employee_id: strawberry.ID = strawberry.field(description="Whose pay it changes.")
    kind: AdjustmentKind = strawberry.field(  # type: ignore[valid-type]
        description="Bonus, deduction or correction.")
    amount: MoneyInput = strawberry.field(
        description="Positive; a deduction is taken off, a correction may be negative.")
    year: int = strawberry.field(description="The year of the pay run it goes into.")
    month: int = strawberry.field(
        description="The month (1 to 12) of the pay run it goes into; that run must not be "
                    "approved yet.")
    description: str = strawberry.field(
        description="What it is for (required, up to 500 characters); the payslip shows it.")
    corrects_payslip_id: strawberry.ID | None = strawberry.field(
        default=None, description="For a CORRECTION (required there): the approved payslip "
                                  "of this employee, of an earlier month, that it fixes.")


@strawberry.input(description="Open the pay run of a month.")
class CreatePayRunInput:
    year: int = strawberry.field(description="The year, 2000 to 2100.")
    month: int = strawberry.field(
        description="The month, 1 to 12; one run per month, and none before a month of the "
                    "same year that is already approved.")


@strawberry.input(description="A pay run, by its global id.")
class PayRunInput:
    id: strawberry.ID = strawberry.field(description="The pay run.")


@strawberry.type(description="The compensation plan written, or why not.")
class CompensationPlanPayload:
    compensation_plan: CompensationPlan | None = result_field("the compensation plan",
                                                              current_on_conflict=True)
    errors: list[UserError] = errors_field()


@strawberry.type(description="The employee written, or why not.")
class EmployeePayload:
    employee: Employee | None = result_field("the employee", current_on_conflict=True)
    errors: list[UserError] = errors_field()


@strawberry.type(description="The payroll settings written, or why not.")
class PayrollSettingsPayload:
    settings: PayrollSettings | None = result_field("the payroll settings", current_on_conflict=True)
    errors: list[UserError] = errors_field()


@strawberry.type(description="The pay adjustment written, or why not.")
class PayAdjustmentPayload:
    adjustment: PayAdjustment | None = result_field("the pay adjustment")
    errors: list[UserError] = errors_field()


@strawberry.type(description="The pay run after the step, or why it did not happen.")
class PayRunPayload:
    pay_run: PayRun | None = result_field("the pay run")
    errors: list[UserError] = errors_field()


# --- filters ----------------------------------------------------------------------------------

def _salary_q(value: Any, _actor: Any) -> Any:
    from crm.payroll.service import salary_q
    return salary_q(value)


@strawberry.input(description="Compare an amount (in the employee's currency).")
class MoneyAmountFilter:
    lt: Decimal | None = strawberry.field(default=strawberry.UNSET, description="Less than.")
    lte: Decimal | None = strawberry.field(default=strawberry.UNSET, description="At most.")
    gt: Decimal | None = strawberry.field(default=strawberry.UNSET, description="More than.")
    gte: Decimal | None = strawberry.field(default=strawberry.UNSET, description="At least.")


EMPLOYEE_FILTER = FilterSpec("Employee", [
    text("employee_number"), text("department"), choice("status", models.EmployeeStatus),
    ref("user", "User"), when("hire_date", date=True),
    custom("base_salary", MoneyAmountFilter, _salary_q, policy="baseSalary",
           description="Compare the base salary."),
], "EmployeeFilter", __name__, "Which employees to list.")
EMPLOYEE_SORT = SortSpec("Employee", {
    "EMPLOYEE_NUMBER": ("employee_number", "employeeNumber"),
    "HIRE_DATE": ("hire_date", "hireDate"), "BASE_SALARY": ("base_salary_minor", "baseSalary"),
}, [SortKey("employee_number")], "EmployeeSort", __name__)
PAY_RUN_FILTER = FilterSpec("PayRun", [
    number("year"), choice("status", models.PayRunStatus),
], "PayRunFilter", __name__, "Which pay runs to list.")
PAY_RUN_SORT = SortSpec("PayRun", {}, [SortKey("year", True), SortKey("month", True)],
                        "PayRunSort", __name__)
PAYSLIP_SORT = SortSpec("Payslip", {}, [SortKey("year", True), SortKey("month", True)],
                        "PayslipSort", __name__)
