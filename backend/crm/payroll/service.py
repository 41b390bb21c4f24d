"""The rules of payroll: employees, plans, benefit settings, adjustments and pay runs.

Every function takes the actor first, owns its transaction and records its audit event in it.
The arithmetic lives in `calc.py` (pure functions); this module gathers its inputs, stores
its outputs and enforces the pay run's life cycle DRAFT -> CALCULATED -> APPROVED -> PAID.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections import defaultdict
from collections.abc import Awaitable, Callable
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from crm.auth import service as auth
from crm.core import audit
from crm.core.errors import ErrorCode, ServiceError
from crm.core.hooks import GuardedOperation, require_approval
from crm.core.money import from_minor, parse_money
from crm.core.policy import Actor, RowScope, system_actor
from crm.core.records import (
    check_field_writes,
    earlier_create,
    find_for_write,
    require_write_scope,
    update_versioned,
    utcnow,
)
from crm.core.scoping import scoped
from crm.core.validation import camel, check_fields, check_version, clean_text
from crm.orders import service as orders
from crm.payroll import calc
from crm.payroll.models import (
    AdjustmentKind,
    CompensationPlan,
    Employee,
    EmployeeStatus,
    PayAdjustment,
    PayrollSettings,
    PayRun,
    PayRunStatus,
    Payslip,
)
from crm.sales import service as sales

if TYPE_CHECKING:
    from crm.auth.models import User

LOCKED = (PayRunStatus.APPROVED, PayRunStatus.PAID)


# --- periods ---------------------------------------------------------------------------------

def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """[first day of the month, first day of the next month)."""
    if not 1 <= month <= 12 or not 2000 <= year <= 2100:
        raise ServiceError(ErrorCode.INVALID, "A pay period is a month 1-12 of a year 2000-2100",
                           "month")
    start = dt.date(year, month, 1)
    end = dt.date(year + (month == 12), month % 12 + 1, 1)
    return start, end


# --- amounts and rates ------------------------------------------------------------------------

def money_minor(value: Any, currency: str, field: str, *, allow_negative: bool = False) -> int:
    """Minor units of an amount: a Decimal in the payroll currency, or a MoneyInput whose
    currency must be the payroll currency (there is no exchange rate here)."""
    if hasattr(value, "amount") and hasattr(value, "currency"):
        if value.currency != currency:
            raise ServiceError(ErrorCode.INVALID, f"Payroll amounts are in {currency}",
                               f"{camel(field)}.currency")
        value = value.amount
    return parse_money(value, currency, camel(field), allow_negative=allow_negative)


# --- rates -----------------------------------------------------------------------------------

def parse_rate(value: Any, field: str) -> Decimal:
    """A rate from 0 to 1 as an exact decimal (e.g. "0.105"); at most 6 places."""
    try:
        rate = Decimal(str(value))
    except (InvalidOperation, ValueError):
        raise ServiceError(ErrorCode.INVALID, f"{value!r} is not a rate", field) from None
    if not rate.is_finite() or rate < 0 or rate > 1:
        raise ServiceError(ErrorCode.INVALID, "A rate is a decimal from 0 to 1 (0.05 = 5%)", field)
    exponent = rate.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -6:
        raise ServiceError(ErrorCode.INVALID, "A rate has at most 6 decimal places", field)
    return rate


def tiers_of(plan: CompensationPlan | None) -> tuple[calc.Tier, ...]:
    if plan is None:
        return ()
    return tuple(calc.Tier(int(t["threshold_minor"]), Decimal(t["rate"]))
                 for t in plan.commission_tiers or [])


def contributions_of(settings: PayrollSettings) -> tuple[calc.Contribution, ...]:
    return tuple(calc.Contribution(c["code"], c["label"], Decimal(c["employee_rate"]),
                                   Decimal(c["employer_rate"]))
                 for c in settings.contributions or [])


def tax_table_of(settings: PayrollSettings) -> calc.TaxTable:
    return calc.TaxTable(
        monthly_basic_deduction_minor=settings.monthly_basic_deduction_minor,
        brackets=tuple(calc.Bracket(int(b["threshold_minor"]), Decimal(b["rate"]),
                                    int(b["quick_deduction_minor"]))
                       for b in settings.tax_brackets or []))


def _contribution_json(items: tuple[calc.Contribution, ...]) -> list[dict[str, str]]:
    return [{"code": c.code, "label": c.label, "employee_rate": str(c.employee_rate),
             "employer_rate": str(c.employer_rate)} for c in items]


def _brackets_json(table: calc.TaxTable) -> list[dict[str, Any]]:
    return [{"threshold_minor": b.threshold_minor, "rate": str(b.rate),
             "quick_deduction_minor": b.quick_deduction_minor} for b in table.brackets]


# --- benefit settings ------------------------------------------------------------------------

async def ensure_settings(workspace_id: uuid.UUID, currency: str = "CNY") -> PayrollSettings:
    """The workspace's settings, created with the defaults (五险一金, China's tax table)."""
    row = await PayrollSettings.get_or_none(workspace_id=workspace_id)
    if row is None:
        row = await PayrollSettings.create(
            workspace_id=workspace_id, currency=currency,
            contributions=_contribution_json(calc.DEFAULT_CONTRIBUTIONS),
            tax_brackets=_brackets_json(calc.CHINA_TAX_TABLE),
            monthly_basic_deduction_minor=calc.CHINA_TAX_TABLE.monthly_basic_deduction_minor)
    return row


async def payroll_settings(actor: Actor) -> PayrollSettings:
    if actor.row_scope("PayrollSettings") is RowScope.NONE:
        raise ServiceError(ErrorCode.FORBIDDEN, "You may not see payroll settings")
    row = await scoped(PayrollSettings, actor).first()
    return row if row is not None else await ensure_settings(actor.workspace_id)


async def update_payroll_settings(actor: Actor, changes: dict[str, Any],
                                  expected_version: int | None = None) -> PayrollSettings:
    """HR sets the contribution rates, the tax table, the basic deduction and leave days."""
    require_write_scope(actor, "PayrollSettings")
    values: dict[str, Any] = {}
    if "contributions" in changes:
        items = []
        for i, c in enumerate(changes["contributions"]):
            items.append(calc.Contribution(
                c["code"].strip(), c["label"].strip(),
                parse_rate(c["employee_rate"], f"contributions.{i}.employeeRate"),
                parse_rate(c["employer_rate"], f"contributions.{i}.employerRate")))
        if len({c.code for c in items}) != len(items):
            raise ServiceError(ErrorCode.INVALID, "Contribution codes must be unique",
                               "contributions")
        values["contributions"] = _contribution_json(tuple(items))
    async with in_transaction("default"):
        row = await ensure_settings(actor.workspace_id)
        currency = row.currency
        if "tax_brackets" in changes:
            brackets = []
            for i, b in enumerate(changes["tax_brackets"]):
                brackets.append(calc.Bracket(
                    money_minor(b["threshold"], currency, f"taxBrackets.{i}.threshold"),
                    parse_rate(b["rate"], f"taxBrackets.{i}.rate"),
                    money_minor(b["quick_deduction"], currency,
                                f"taxBrackets.{i}.quickDeduction")))
            brackets.sort(key=lambda b: b.threshold_minor)
            if not brackets or brackets[0].threshold_minor != 0:
                raise ServiceError(ErrorCode.INVALID, "The first bracket starts at 0",
                                   "taxBrackets")
            values["tax_brackets"] = _brackets_json(calc.TaxTable(0, tuple(brackets)))
        if "monthly_basic_deduction" in changes:
            values["monthly_basic_deduction_minor"] = money_minor(
                changes["monthly_basic_deduction"], currency, "monthlyBasicDeduction")
        if "annual_leave_days" in changes:
            days = changes["annual_leave_days"]
            if not 0 <= days <= 366:
                raise ServiceError(ErrorCode.INVALID, "Leave days are 0 to 366",
                                   "annualLeaveDays")
            values["annual_leave_days"] = days
        if expected_version is not None and row.version != expected_version:
            raise ServiceError(ErrorCode.CONFLICT, "The settings changed since you read them",
                               "expectedVersion", details={"current": row})
        before = audit.snapshot(row, list(values))
        for k, v in values.items():
            setattr(row, k, v)
        row.version += 1
        await row.save()
        await audit.record(actor, "PayrollSettings", row.id, "update",
                           audit.diff(before, audit.snapshot(row, list(values))))
    return row


# --- compensation plans ----------------------------------------------------------------------

def _plan_values(values: dict[str, Any], currency: str) -> dict[str, Any]:
    out: dict[str, Any] = {k: v for k, v in values.items() if k in ("name", "description")}
    if "tiers" in values:
        tiers = []
        for i, t in enumerate(values["tiers"] or []):
            tiers.append(calc.Tier(money_minor(t["threshold"], currency, f"tiers.{i}.threshold"),
                                   parse_rate(t["rate"], f"tiers.{i}.rate")))
        tiers.sort(key=lambda t: t.threshold_minor)
        if len({t.threshold_minor for t in tiers}) != len(tiers):
            raise ServiceError(ErrorCode.INVALID, "Two tiers start at the same threshold", "tiers")
        if tiers and tiers[0].threshold_minor != 0:
            raise ServiceError(ErrorCode.INVALID, "The first tier starts at 0", "tiers")
        out["commission_tiers"] = [{"threshold_minor": t.threshold_minor, "rate": str(t.rate)}
                                   for t in tiers]
    if values.get("new_customer_bonus") is not None:
        out["new_customer_bonus_minor"] = money_minor(values["new_customer_bonus"], currency,
                                                      "newCustomerBonus")
    return out


async def create_plan(actor: Actor, values: dict[str, Any]) -> CompensationPlan:
    require_write_scope(actor, "CompensationPlan")
    values = clean_text(values)
    settings = await ensure_settings(actor.workspace_id)
    row_values = _plan_values(values, settings.currency)
    check_fields(CompensationPlan, row_values)
    if await CompensationPlan.filter(workspace_id=actor.workspace_id,
                                     name=row_values["name"]).exists():
        raise ServiceError(ErrorCode.DUPLICATE, "A plan with this name exists", "name")
    async with in_transaction("default"):
        plan = await CompensationPlan.create(workspace_id=actor.workspace_id,
                                             currency=settings.currency,
                                             created_by_id=actor.user_id, **row_values)
        await audit.record_created(actor, plan)
    return plan


async def update_plan(actor: Actor, pk: uuid.UUID, values: dict[str, Any],
                      expected_version: int | None = None) -> CompensationPlan:
    values = clean_text(values)
    async with in_transaction("default"):
        plan = await find_for_write(actor, CompensationPlan, pk)
        changes = _plan_values(values, plan.currency)
        check_fields(CompensationPlan, changes)
        return await update_versioned(actor, plan, changes, expected_version)


# --- employees -------------------------------------------------------------------------------

# API field -> column, for the money fields given as decimals.
_MONEY_COLUMNS = {"base_salary": "base_salary_minor",
                  "social_insurance_base": "social_insurance_base_minor",
                  "monthly_tax_allowance": "monthly_tax_allowance_minor"}
_PLAIN_COLUMNS = ("employee_number", "department", "title", "hire_date", "status",
                  "bank_account", "annual_leave_days", "annual_leave_used_days")


def _employee_history(row: Employee, names: list[str]) -> dict[str, Any]:
    """A snapshot under the API's field names (so the field policy finds their rules), with
    money as decimal text."""
    out: dict[str, Any] = {}
    for name in names:
        if name in _MONEY_COLUMNS:
            out[name] = str(from_minor(getattr(row, _MONEY_COLUMNS[name]), row.currency))
        elif name == "compensation_plan":
            out[name] = str(row.plan_id) if row.plan_id else None
        else:
            out[name] = audit.plain(getattr(row, name))
    return out


async def _employee_columns(actor: Actor, values: dict[str, Any], currency: str
                            ) -> dict[str, Any]:
    out: dict[str, Any] = {k: values[k] for k in _PLAIN_COLUMNS if k in values}
    for name, col in _MONEY_COLUMNS.items():
        if name in values:
            if values[name] is None:
                raise ServiceError(ErrorCode.INVALID, f"{name} cannot be empty", name)
            out[col] = money_minor(values[name], currency, name)
    if values.get("team_id") is not None:
        if not await auth.team_exists(actor, values["team_id"]):
            raise ServiceError(ErrorCode.NOT_FOUND, "Team not found", "teamId")
        out["team_id"] = values["team_id"]
    if "compensation_plan_id" in values:
        plan_id = values["compensation_plan_id"]
        if plan_id is not None and not await scoped(CompensationPlan, actor).filter(
                id=plan_id).exists():
            raise ServiceError(ErrorCode.NOT_FOUND, "Compensation plan not found",
                               "compensationPlanId")
        out["plan_id"] = plan_id
    for k in ("annual_leave_days", "annual_leave_used_days"):
        if k in out and (out[k] is None or not 0 <= out[k] <= 366):
            raise ServiceError(ErrorCode.INVALID, "Leave days are 0 to 366", k)
    if out.get("bank_account"):
        digits = out["bank_account"].replace(" ", "")
        if not digits.isdigit() or not 8 <= len(digits) <= 34:
            raise ServiceError(ErrorCode.INVALID, "A bank account is 8 to 34 digits",
                               "bankAccount")
        out["bank_account"] = digits
    return out


def _api_names(columns: list[str]) -> list[str]:
    back = {v: k for k, v in _MONEY_COLUMNS.items()}
    back["plan_id"] = "compensation_plan"
    return [back.get(c, c) for c in columns]


async def create_employee(actor: Actor, values: dict[str, Any], *,
                          employee_id: uuid.UUID | None = None) -> Employee:
    require_write_scope(actor, "Employee")
    values = clean_text(values)
    if (earlier := await earlier_create(actor, Employee, employee_id, request=values,
                                        user_id=values.get("user_id"))) is not None:
        return earlier
    settings = await ensure_settings(actor.workspace_id)
    user = await auth.colleague(actor, values["user_id"]) if values.get("user_id") else None
    if user is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "User not found", "userId")
    values.setdefault("social_insurance_base", values.get("base_salary"))
    columns = await _employee_columns(actor, values, settings.currency)
    columns.setdefault("annual_leave_days", settings.annual_leave_days)
    check_fields(Employee, columns)
    if await Employee.filter(workspace_id=actor.workspace_id, user_id=user.id).exists():
        raise ServiceError(ErrorCode.DUPLICATE, "This user is already an employee", "userId")
    if await Employee.filter(workspace_id=actor.workspace_id,
                             employee_number=columns.get("employee_number")).exists():
        raise ServiceError(ErrorCode.DUPLICATE, "This employee number is taken",
                           "employeeNumber")
    async with in_transaction("default"):
        columns.setdefault("team_id", user.team_id)
        row = await Employee.create(id=employee_id or uuid.uuid4(),
                                    workspace_id=actor.workspace_id, user_id=user.id,
                                    currency=settings.currency,
                                    created_by_id=actor.user_id, **columns)
        await audit.record(actor, "Employee", row.id, "create",
                           audit.diff({}, _employee_history(
                               row, _api_names(audit.created_columns(row)))))
    return row


async def update_employee(actor: Actor, pk: uuid.UUID, values: dict[str, Any],
                          expected_version: int | None = None) -> Employee:
    """Changes to salary fields are audited like every change; their history is hr's only."""
    values = clean_text(values)
    async with in_transaction("default"):
        row = await find_for_write(actor, Employee, pk)
        columns = await _employee_columns(actor, values, row.currency)
        check_fields(Employee, columns)
        check_field_writes(actor, "Employee", row, _api_names(list(columns)))
        changed = [c for c in columns if getattr(row, c) != columns[c]]
        if not changed:
            return row
        names = _api_names(changed)
        before = _employee_history(row, names)
        # update_versioned would audit column names; record under the API names instead.
        check_version(row, expected_version)
        updated = await Employee.filter(id=row.id, version=row.version).update(
            **{c: columns[c] for c in changed}, version=F("version") + 1, updated_at=utcnow())
        if not updated:
            raise ServiceError(ErrorCode.CONFLICT, "The record changed while you were saving it",
                               "expectedVersion",
                               details={"current": await Employee.get(id=row.id)})
        for c in changed:
            setattr(row, c, columns[c])
        row.version += 1
        await audit.record(actor, "Employee", row.id, "update",
                           audit.diff(before, _employee_history(row, names)))
    return row


# --- adjustments -----------------------------------------------------------------------------

async def add_adjustment(actor: Actor, values: dict[str, Any]) -> PayAdjustment:
    """A one-off bonus or deduction for a month, or a correction of an approved payslip. An
    approved month is closed: corrections go into a later, still open run."""
    require_write_scope(actor, "PayAdjustment")
    kind: AdjustmentKind = values["kind"]
    year, month = values["year"], values["month"]
    month_bounds(year, month)
    employee = await scoped(Employee, actor).get_or_none(id=values["employee_id"])
    if employee is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "Employee not found", "employeeId")
    amount = money_minor(values["amount"], employee.currency, "amount",
                         allow_negative=kind is AdjustmentKind.CORRECTION)
    if kind is AdjustmentKind.DEDUCTION:
        amount = -amount
    description = (values.get("description") or "").strip()
    if not description:
        raise ServiceError(ErrorCode.INVALID, "Say what the adjustment is for", "description")
    corrects = values.get("corrects_payslip_id")
    async with in_transaction("default"):
        run = await scoped(PayRun, actor).get_or_none(year=year, month=month)
        if run is not None and run.status in LOCKED:
            raise ServiceError(ErrorCode.INVALID_STATE,
                               f"The {year}-{month:02d} pay run is {run.status.value}: put the "
                               "correction in a later month", "month")
        if kind is AdjustmentKind.CORRECTION:
            slip = await scoped(Payslip, actor).get_or_none(id=corrects) if corrects else None
            if slip is None or slip.employee_id != employee.id or slip.status not in LOCKED:
                raise ServiceError(ErrorCode.INVALID,
                                   "A correction names an approved payslip of this employee",
                                   "correctsPayslipId")
            if (slip.year, slip.month) >= (year, month):
                raise ServiceError(ErrorCode.INVALID,
                                   "A correction goes into a month after the payslip's", "month")
        row = await PayAdjustment.create(
            workspace_id=actor.workspace_id, employee_id=employee.id, kind=kind,
            amount_minor=amount, currency=employee.currency, year=year, month=month,
            description=description[:500], corrects_payslip_id=corrects,
            created_by_id=actor.user_id)
        await audit.record_created(actor, row)
    return row


# --- pay runs --------------------------------------------------------------------------------

async def create_pay_run(actor: Actor, year: int, month: int) -> PayRun:
    require_write_scope(actor, "PayRun")
    month_bounds(year, month)
    settings = await ensure_settings(actor.workspace_id)
    async with in_transaction("default"):
        if await PayRun.filter(workspace_id=actor.workspace_id, year=year, month=month).exists():
            raise ServiceError(ErrorCode.DUPLICATE, f"A pay run for {year}-{month:02d} exists",
                               "month")
        if await PayRun.filter(workspace_id=actor.workspace_id, year=year, month__gt=month,
                               status__in=[s.value for s in LOCKED]).exists():
            raise ServiceError(ErrorCode.INVALID_STATE,
                               "A later month of this tax year is already approved", "month")
        run = await PayRun.create(workspace_id=actor.workspace_id, year=year, month=month,
                                  currency=settings.currency, created_by_id=actor.user_id)
        await audit.record_created(actor, run)
    return run


async def _previous_cumulative(workspace_id: uuid.UUID, employee_ids: list[uuid.UUID],
                               year: int, month: int) -> dict[uuid.UUID, calc.Cumulative]:
    """Each employee's tax-year totals from their latest approved payslip before `month`."""
    rows = await Payslip.filter(workspace_id=workspace_id, employee_id__in=employee_ids,
                                year=year, month__lt=month,
                                status__in=[s.value for s in LOCKED]).order_by("month")
    out: dict[uuid.UUID, calc.Cumulative] = {}
    for r in rows:
        out[r.employee_id] = calc.Cumulative(r.cum_months, r.cum_gross_minor,
                                             r.cum_contributions_minor,
                                             r.cum_other_deductions_minor, r.cum_tax_minor)
    return out


async def calculate_pay_run(actor: Actor, pk: uuid.UUID) -> PayRun:
    """(Re)build the payslips of a draft or calculated run: the same inputs give the same
    payslips, however often it runs. Approved runs are immutable."""
    run = await _run_for(actor, pk, "calculate")
    start, end = month_bounds(run.year, run.month)
    # Read the other modules before the transaction: no lock is held across them.
    payments = await orders.collected_payments(actor.workspace_id, start, end)
    late: set[uuid.UUID] = set()
    if (closed := await _last_closed_run(actor, run)) is not None and closed.calculated_at:
        # Money dated in a closed month but recorded after its run was calculated (a refund
        # after approval) counts here: otherwise no run would ever see it.
        extra = await orders.payments_recorded_late(actor.workspace_id, closed.calculated_at,
                                                    start)
        late = {p.payment_id for p in extra}
        payments = [*extra, *payments]
    async with in_transaction("default"):
        run = await _run_for(actor, pk, "calculate", lock=True)
        if run.status in LOCKED:
            raise ServiceError(ErrorCode.INVALID_STATE,
                               f"This pay run is {run.status.value}: it cannot change", "id")
        if await PayRun.filter(workspace_id=actor.workspace_id, year=run.year,
                               month__lt=run.month,
                               status__in=[PayRunStatus.DRAFT.value,
                                           PayRunStatus.CALCULATED.value]).exists():
            raise ServiceError(ErrorCode.INVALID_STATE,
                               "Approve the earlier months of this tax year first", "id")
        settings = await ensure_settings(actor.workspace_id)
        items = contributions_of(settings)
        table = tax_table_of(settings)
        employees = list(await scoped(Employee, actor).filter(hire_date__lt=end).exclude(
            status=EmployeeStatus.TERMINATED).order_by("employee_number"))
        users = await auth.users_by_ids(system_actor(actor.workspace_id),
                                        [e.user_id for e in employees])
        plans = {p.id: p for p in await scoped(CompensationPlan, actor)}
        adjustments: dict[uuid.UUID, list[calc.Adjustment]] = defaultdict(list)
        for a in await scoped(PayAdjustment, actor).filter(year=run.year, month=run.month
                                                           ).order_by("created_at"):
            adjustments[a.employee_id].append(calc.Adjustment(a.kind.value, a.amount_minor,
                                                              a.description))
        previous = await _previous_cumulative(actor.workspace_id, [e.id for e in employees],
                                              run.year, run.month)
        won = await sales.new_customers_won(actor.workspace_id, [e.user_id for e in employees],
                                      start, end)
        by_owner: dict[uuid.UUID, list[calc.Payment]] = defaultdict(list)
        for p in payments:
            if p.owner_id is not None:
                by_owner[p.owner_id].append(calc.Payment(p.payment_id, p.amount_minor,
                                                         p.currency, p.order_number,
                                                         p.received_on,
                                                         late=p.payment_id in late))
        await Payslip.filter(workspace_id=actor.workspace_id, pay_run_id=run.id).delete()
        slips = []
        for e in employees:
            plan = plans.get(e.plan_id) if e.plan_id else None
            figures = calc.payslip(calc.PayInputs(
                currency=e.currency, base_minor=e.base_salary_minor, tiers=tiers_of(plan),
                payments=tuple(by_owner.get(e.user_id, [])),
                new_customers=won.get(e.user_id, 0) if plan else 0,
                new_customer_bonus_minor=plan.new_customer_bonus_minor if plan else 0,
                adjustments=tuple(adjustments.get(e.id, [])),
                contribution_base_minor=e.social_insurance_base_minor, contribution_items=items,
                other_deductions_minor=e.monthly_tax_allowance_minor, tax_table=table,
                previous=previous.get(e.id, calc.Cumulative())))
            slips.append(payslip_row(run, e, users.get(e.user_id), figures))
        if slips:
            await Payslip.bulk_create(slips)
        before = audit.snapshot(run, ["status", "gross_minor", "net_minor", "tax_minor",
                                      "employer_cost_minor", "payslip_count", "calculated_at"])
        run.status = PayRunStatus.CALCULATED
        run.gross_minor = sum(s.gross_minor for s in slips)
        run.net_minor = sum(s.net_minor for s in slips)
        run.tax_minor = sum(s.tax_minor for s in slips)
        run.employer_cost_minor = sum(s.employer_cost_minor for s in slips)
        run.payslip_count = len(slips)
        run.calculated_at = utcnow()
        run.version += 1
        await run.save()
        await audit.record(actor, "PayRun", run.id, "calculate",
                           audit.diff(before, audit.snapshot(run, list(before))))
    return run


async def _last_closed_run(actor: Actor, run: PayRun) -> PayRun | None:
    """The latest approved or paid run before `run`."""
    earlier = Q(year__lt=run.year) | Q(year=run.year, month__lt=run.month)
    return await PayRun.filter(earlier, workspace_id=actor.workspace_id,
                               status__in=[s.value for s in LOCKED]
                               ).order_by("-year", "-month").first()


def payslip_row(run: PayRun, e: Employee, user: User | None,
                f: calc.PayslipFigures) -> Payslip:
    return Payslip(
        id=uuid.uuid4(), workspace_id=run.workspace_id, pay_run_id=run.id, employee_id=e.id,
        owner_id=e.user_id, employee_name=user.name if user else e.employee_number,
        employee_number=e.employee_number, year=run.year, month=run.month,
        status=PayRunStatus.CALCULATED, currency=f.currency, base_minor=f.base_minor,
        collected_minor=f.collected_minor, commission_minor=f.commission_minor,
        bonus_minor=f.bonus_minor, adjustments_minor=f.adjustments_minor,
        gross_minor=f.gross_minor, employee_contributions_minor=f.employee_contributions_minor,
        employer_contributions_minor=f.employer_contributions_minor,
        taxable_minor=f.taxable_minor, tax_minor=f.tax_minor, net_minor=f.net_minor,
        employer_cost_minor=f.employer_cost_minor, cum_months=f.cumulative.months,
        cum_gross_minor=f.cumulative.gross_minor,
        cum_contributions_minor=f.cumulative.contributions_minor,
        cum_other_deductions_minor=f.cumulative.other_deductions_minor,
        cum_tax_minor=f.cumulative.tax_minor,
        payments=[{"payment_id": str(p.payment_id), "order_number": p.order_number,
                   "amount_minor": p.amount_minor, "currency": p.currency,
                   "received_on": p.received_on.isoformat() if p.received_on else None}
                  for p in f.payments],
        lines=[{"code": ln.code, "label": ln.label, "amount_minor": ln.amount_minor,
                "explanation": ln.explanation} for ln in f.lines])


async def _run_for(actor: Actor, pk: uuid.UUID, action: str, *, lock: bool = False) -> PayRun:
    """The pay run, if the actor's role may take this step of it (see PayRun's `actions`)."""
    if not actor.may("PayRun", action):
        raise ServiceError(ErrorCode.FORBIDDEN, _STEP_OWNERS[action], "id")
    qs = scoped(PayRun, actor).filter(id=pk)
    run = await (qs.select_for_update() if lock else qs).first()
    if run is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "PayRun not found", "id")
    return run


_STEP_OWNERS = {
    "calculate": "Pay runs are calculated by hr",
    "approve": "Pay runs are approved by finance, not by whoever calculated them",
    "markPaid": "Pay runs are paid out by finance",
}


async def _move(actor: Actor, pk: uuid.UUID, action: str, allowed: PayRunStatus,
                to: PayRunStatus, *, check: Callable[[PayRun], Awaitable[None]] | None = None,
                **stamps: Any) -> PayRun:
    async with in_transaction("default"):
        run = await _run_for(actor, pk, action, lock=True)
        if run.status is not allowed:
            raise ServiceError(ErrorCode.INVALID_STATE,
                               f"Only a {allowed.value} pay run can become {to.value} "
                               f"(this one is {run.status.value})", "id")
        if check is not None:
            await check(run)
        columns = ["status", *stamps]
        before = audit.snapshot(run, columns)
        run.status = to
        for k, v in stamps.items():
            setattr(run, k, v)
        run.version += 1
        await run.save()
        await Payslip.filter(workspace_id=actor.workspace_id, pay_run_id=run.id).update(
            status=to)
        await audit.record(actor, "PayRun", run.id, to.value,
                           audit.diff(before, audit.snapshot(run, columns)))
    return run


async def approve_pay_run(actor: Actor, pk: uuid.UUID) -> PayRun:
    """From now on the run and its payslips never change. Approval rules on pay runs are
    asked first, outside the move's transaction (a refusal keeps its approval request)."""
    run = await scoped(PayRun, actor).filter(id=pk, status=PayRunStatus.CALCULATED).first()
    if run is not None and actor.may("PayRun", "approve"):
        await require_approval(actor, _approval_of(run))

    async def still_approved(locked: PayRun) -> None:
        # Again on the locked run: a recalculation between the check above and the lock
        # changes the figures approved (the approval covers the figures, not the run).
        await require_approval(actor, _approval_of(locked))

    try:
        return await _move(actor, pk, "approve", PayRunStatus.CALCULATED, PayRunStatus.APPROVED,
                           check=still_approved, approved_at=utcnow(),
                           approved_by_id=actor.user_id)
    except ServiceError as exc:
        if exc.code is not ErrorCode.APPROVAL_REQUIRED:
            raise
        # The request made inside the move went with its rollback: ask once more outside, so
        # the approvers get the request the refusal names.
        changed = await scoped(PayRun, actor).filter(id=pk,
                                                     status=PayRunStatus.CALCULATED).first()
        if changed is not None:
            await require_approval(actor, _approval_of(changed))
        raise


def _approval_of(run: PayRun) -> GuardedOperation:
    """The facts an approval of approving `run` covers: its totals as calculated."""
    return GuardedOperation(
        kind="payRun.approve", subject_type="PayRun", subject_id=run.id,
        label=f"{run.year}-{run.month:02d}",
        facts={"currency": run.currency, "grossMinor": run.gross_minor,
               "netMinor": run.net_minor, "payslips": run.payslip_count,
               "calculatedAt": run.calculated_at.isoformat() if run.calculated_at else None})


async def mark_pay_run_paid(actor: Actor, pk: uuid.UUID) -> PayRun:
    return await _move(actor, pk, "markPaid", PayRunStatus.APPROVED, PayRunStatus.PAID,
                       paid_at=utcnow())


# --- reading ---------------------------------------------------------------------------------

def salary_q(amounts: Any) -> Q:
    """Base-salary comparisons (lt, lte, gt, gte) in the payroll currency, in exact minor
    units."""
    from decimal import Decimal

    import strawberry

    from crm.core.money import to_minor
    parts = []
    for op in ("lt", "lte", "gt", "gte"):
        value = getattr(amounts, op, strawberry.UNSET)
        if value is not strawberry.UNSET and value is not None:
            lookup: dict[str, Any] = {f"base_salary_minor__{op}": to_minor(Decimal(value), "CNY")}
            parts.append(Q(**lookup))
    return Q(*parts) if parts else Q()


def my_payslips_query(actor: Actor) -> Any:
    """The actor's own payslips of approved (or paid) runs, through the row scope."""
    return scoped(Payslip, actor).filter(owner_id=actor.user_id,
                                         status__in=[s.value for s in LOCKED])


async def fetch(actor: Actor, model: type[Any], ids: list[uuid.UUID]) -> dict[uuid.UUID, Any]:
    return {r.id: r for r in await scoped(model, actor).filter(id__in=ids)}
