"""The payroll arithmetic as pure functions: data in, figures and explanation lines out.

No database, no clock, no float. Every amount is an integer of minor units (fen for CNY) and
every rate an exact `Decimal`, so the worked examples in the tests can be checked by hand.

Rounding rule (the only one): a product of an amount and a rate is rounded half-up to the
minor unit (the cent) at each documented step, and never anywhere else:

- commission: each tier's share is rounded on its own, then the shares are added;
- social insurance and housing fund: each item (pension, medical, ...) is rounded on its own;
- tax: the cumulative tax due (`taxable * rate - quick deduction`) is rounded once per month,
  and this month's tax is the difference of two rounded cumulative figures.

Sums and differences of minor units are exact and need no rounding.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from crm.core.money import from_minor


def times_rate(minor: int, rate: Decimal) -> int:
    """`minor * rate`, rounded half-up to the minor unit (exact decimal arithmetic)."""
    return int((Decimal(minor) * rate).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def fmt(minor: int, currency: str) -> str:
    """An amount for an explanation line, e.g. `12,345.60`."""
    return f"{from_minor(minor, currency):,}"


def fmt_rate(rate: Decimal) -> str:
    return f"{(rate * 100).normalize():f}%"


# --- inputs ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Tier:
    """From `threshold_minor` of collected revenue upwards (to the next tier), pay `rate`."""

    threshold_minor: int
    rate: Decimal


@dataclass(frozen=True)
class Payment:
    """A payment received (or, negative, refunded) on one of the employee's orders."""

    payment_id: uuid.UUID
    amount_minor: int
    currency: str
    order_number: str = ""
    received_on: dt.date | None = None
    # Dated in a period whose run was already calculated: counted in this one instead.
    late: bool = False


@dataclass(frozen=True)
class Contribution:
    """One social-insurance or housing-fund item: employee and employer rates of the base."""

    code: str
    label: str
    employee_rate: Decimal
    employer_rate: Decimal


@dataclass(frozen=True)
class Bracket:
    """Annual cumulative taxable income above `threshold_minor` is taxed at `rate`, minus the
    quick deduction."""

    threshold_minor: int
    rate: Decimal
    quick_deduction_minor: int


@dataclass(frozen=True)
class TaxTable:
    monthly_basic_deduction_minor: int
    brackets: tuple[Bracket, ...]


# China's cumulative withholding (累计预扣法) for wages, per tax year.
CHINA_TAX_TABLE = TaxTable(
    monthly_basic_deduction_minor=5_000_00,
    brackets=(
        Bracket(0, Decimal("0.03"), 0),
        Bracket(36_000_00, Decimal("0.10"), 2_520_00),
        Bracket(144_000_00, Decimal("0.20"), 16_920_00),
        Bracket(300_000_00, Decimal("0.25"), 31_920_00),
        Bracket(420_000_00, Decimal("0.30"), 52_920_00),
        Bracket(660_000_00, Decimal("0.35"), 85_920_00),
        Bracket(960_000_00, Decimal("0.45"), 181_920_00),
    ),
)

# 五险一金: a common default (Shanghai-like); each workspace configures its own.
DEFAULT_CONTRIBUTIONS = (
    Contribution("pension", "养老保险 Pension", Decimal("0.08"), Decimal("0.16")),
    Contribution("medical", "医疗保险 Medical", Decimal("0.02"), Decimal("0.095")),
    Contribution("unemployment", "失业保险 Unemployment", Decimal("0.005"), Decimal("0.005")),
    Contribution("injury", "工伤保险 Work injury", Decimal("0"), Decimal("0.0016")),
    Contribution("maternity", "生育保险 Maternity", Decimal("0"), Decimal("0.01")),
    Contribution("housing_fund", "住房公积金 Housing fund", Decimal("0.07"), Decimal("0.07")),
)


@dataclass(frozen=True)
class Line:
    """One figure of a payslip and how it was calculated."""

    code: str
    label: str
    amount_minor: int
    explanation: str


# --- commission -----------------------------------------------------------------------------

@dataclass(frozen=True)
class CommissionResult:
    collected_minor: int
    commission_minor: int
    payments: tuple[Payment, ...]
    lines: tuple[Line, ...]


def commission(payments: Sequence[Payment], tiers: Sequence[Tier], currency: str
               ) -> CommissionResult:
    """Commission on revenue collected in the period, tiers applied progressively.

    Collected = payments minus refunds in the period (in the plan's currency; other currencies
    are listed but not counted, since there is no exchange rate here). Tier i pays its rate on
    the part of collected revenue between its threshold and the next tier's. A period whose
    refunds exceed its payments earns no commission (it is not clawed back from base pay).
    """
    counted = tuple(p for p in payments if p.currency == currency)
    skipped = [p for p in payments if p.currency != currency]
    collected = sum(p.amount_minor for p in counted)
    lines: list[Line] = []
    refunds = sum(p.amount_minor for p in counted if p.amount_minor < 0)
    received = collected - refunds
    lines.append(Line("collected", "回款 Collected revenue", collected,
                      f"{len(counted)} payment(s): received {fmt(received, currency)}"
                      f" − refunds {fmt(-refunds, currency)} = {fmt(collected, currency)}"))
    for p in counted:
        if p.late:
            what = "Refund" if p.amount_minor < 0 else "Payment"
            lines.append(Line("late_payment", "补计 Counted late", p.amount_minor,
                              f"{what} on order {p.order_number} dated "
                              f"{p.received_on.isoformat() if p.received_on else '?'}, recorded "
                              "after that month's pay run was calculated: counted here"))
    for p in skipped:
        lines.append(Line("skipped_payment", "未计入 Not counted", 0,
                          f"Payment on order {p.order_number} is in {p.currency}, "
                          f"the plan pays on {currency}"))
    ordered = sorted(tiers, key=lambda t: t.threshold_minor)
    total = 0
    base = max(collected, 0)
    for i, tier in enumerate(ordered):
        upper = ordered[i + 1].threshold_minor if i + 1 < len(ordered) else None
        if base <= tier.threshold_minor:
            break
        portion = (min(base, upper) if upper is not None else base) - tier.threshold_minor
        share = times_rate(portion, tier.rate)
        total += share
        top = fmt(upper, currency) if upper is not None else "∞"
        lines.append(Line(f"commission_tier_{i + 1}", f"提成 Commission tier {i + 1}", share,
                          f"{fmt(portion, currency)} (the part of "
                          f"{fmt(tier.threshold_minor, currency)}"
                          f"–{top}) × {fmt_rate(tier.rate)} = {fmt(share, currency)}"))
    if collected < 0:
        lines.append(Line("commission_floor", "提成 Commission", 0,
                          "Refunds exceed payments this period: no commission"))
    return CommissionResult(collected, total, counted, tuple(lines))


# --- social insurance and housing fund ------------------------------------------------------

@dataclass(frozen=True)
class ContributionResult:
    employee_minor: int
    employer_minor: int
    lines: tuple[Line, ...]


def contributions(base_minor: int, items: Sequence[Contribution], currency: str
                  ) -> ContributionResult:
    """Each item's employee and employer share of the contribution base, rounded per item."""
    employee = employer = 0
    lines: list[Line] = []
    for item in items:
        mine = times_rate(base_minor, item.employee_rate)
        theirs = times_rate(base_minor, item.employer_rate)
        employee += mine
        employer += theirs
        if mine:
            lines.append(Line(f"employee_{item.code}", f"个人 {item.label}", -mine,
                              f"{fmt(base_minor, currency)} × {fmt_rate(item.employee_rate)}"
                              f" = {fmt(mine, currency)}"))
        if theirs:
            lines.append(Line(f"employer_{item.code}", f"单位 {item.label}", theirs,
                              f"{fmt(base_minor, currency)} × {fmt_rate(item.employer_rate)}"
                              f" = {fmt(theirs, currency)} (paid by the employer)"))
    return ContributionResult(employee, employer, tuple(lines))


# --- income tax -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Cumulative:
    """The tax year's running totals up to and including a month (zero before the first)."""

    months: int = 0
    gross_minor: int = 0
    contributions_minor: int = 0
    other_deductions_minor: int = 0
    tax_minor: int = 0


@dataclass(frozen=True)
class TaxResult:
    tax_minor: int
    cumulative: Cumulative
    taxable_minor: int
    lines: tuple[Line, ...]


def bracket_for(table: TaxTable, taxable_minor: int) -> Bracket:
    chosen = table.brackets[0]
    for b in sorted(table.brackets, key=lambda b: b.threshold_minor):
        if taxable_minor > b.threshold_minor:
            chosen = b
    return chosen


def withholding_tax(previous: Cumulative, gross_minor: int, contributions_minor: int,
                    other_deductions_minor: int, table: TaxTable, currency: str) -> TaxResult:
    """This month's tax under cumulative withholding (累计预扣法).

    cumulative taxable = cumulative gross − basic deduction × months − cumulative employee
    contributions − cumulative other deductions; cumulative tax = taxable × rate − quick
    deduction (rounded half-up); this month = max(0, cumulative tax − tax already withheld).
    """
    cum = Cumulative(
        months=previous.months + 1,
        gross_minor=previous.gross_minor + gross_minor,
        contributions_minor=previous.contributions_minor + contributions_minor,
        other_deductions_minor=previous.other_deductions_minor + other_deductions_minor,
        tax_minor=previous.tax_minor,
    )
    basic = table.monthly_basic_deduction_minor * cum.months
    taxable = max(0, cum.gross_minor - basic - cum.contributions_minor
                  - cum.other_deductions_minor)
    bracket = bracket_for(table, taxable)
    due = max(0, times_rate(taxable, bracket.rate) - bracket.quick_deduction_minor)
    tax = max(0, due - previous.tax_minor)
    cum = Cumulative(cum.months, cum.gross_minor, cum.contributions_minor,
                     cum.other_deductions_minor, previous.tax_minor + tax)
    c = currency
    lines = (
        Line("cumulative_taxable", "累计应纳税所得额 Cumulative taxable income", taxable,
             f"{fmt(cum.gross_minor, c)} gross − {fmt(basic, c)} basic deduction "
             f"({cum.months} × {fmt(table.monthly_basic_deduction_minor, c)}) − "
             f"{fmt(cum.contributions_minor, c)} contributions − "
             f"{fmt(cum.other_deductions_minor, c)} other deductions = {fmt(taxable, c)}"),
        Line("cumulative_tax", "累计应纳税额 Cumulative tax", due,
             f"{fmt(taxable, c)} × {fmt_rate(bracket.rate)} − "
             f"{fmt(bracket.quick_deduction_minor, c)} quick deduction = {fmt(due, c)}"),
        Line("tax", "个人所得税 Income tax", -tax,
             f"{fmt(due, c)} − {fmt(previous.tax_minor, c)} already withheld this year"
             f" = {fmt(tax, c)}"),
    )
    return TaxResult(tax, cum, taxable, lines)


# --- the payslip ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Adjustment:
    """A one-off bonus (+), deduction (−) or a correction of an earlier run (±)."""

    kind: str  # bonus | deduction | correction
    amount_minor: int
    description: str


@dataclass(frozen=True)
class PayInputs:
    currency: str
    base_minor: int
    tiers: tuple[Tier, ...] = ()
    payments: tuple[Payment, ...] = ()
    new_customers: int = 0
    new_customer_bonus_minor: int = 0
    adjustments: tuple[Adjustment, ...] = ()
    contribution_base_minor: int = 0
    contribution_items: tuple[Contribution, ...] = DEFAULT_CONTRIBUTIONS
    other_deductions_minor: int = 0
    tax_table: TaxTable = CHINA_TAX_TABLE
    previous: Cumulative = field(default_factory=Cumulative)


@dataclass(frozen=True)
class PayslipFigures:
    currency: str
    base_minor: int
    collected_minor: int
    commission_minor: int
    bonus_minor: int
    adjustments_minor: int
    gross_minor: int
    employee_contributions_minor: int
    employer_contributions_minor: int
    taxable_minor: int
    tax_minor: int
    net_minor: int
    employer_cost_minor: int
    cumulative: Cumulative
    payments: tuple[Payment, ...]
    lines: tuple[Line, ...]


def payslip(inputs: PayInputs) -> PayslipFigures:
    """Base + commission + bonuses ± adjustments = gross; gross − employee contributions −
    tax = net; gross + employer contributions = employer cost."""
    c = inputs.currency
    lines: list[Line] = [Line("base", "基本工资 Base salary", inputs.base_minor,
                              f"Monthly base {fmt(inputs.base_minor, c)}")]
    com = commission(inputs.payments, inputs.tiers, c)
    lines.extend(com.lines)
    lines.append(Line("commission", "提成 Commission", com.commission_minor,
                      f"Sum of the tiers = {fmt(com.commission_minor, c)}"))
    bonus = inputs.new_customers * inputs.new_customer_bonus_minor
    if bonus:
        lines.append(Line("new_customer_bonus", "新客户奖金 New-customer bonus", bonus,
                          f"{inputs.new_customers} × {fmt(inputs.new_customer_bonus_minor, c)}"))
    adjusted = 0
    for adj in inputs.adjustments:
        adjusted += adj.amount_minor
        if adj.kind == "bonus":
            bonus += adj.amount_minor
            adjusted -= adj.amount_minor
        lines.append(Line(adj.kind, {"bonus": "奖金 Bonus", "deduction": "扣款 Deduction",
                                     "correction": "更正 Correction"}.get(adj.kind, adj.kind),
                          adj.amount_minor, adj.description or adj.kind))
    gross = inputs.base_minor + com.commission_minor + bonus + adjusted
    lines.append(Line("gross", "应发工资 Gross pay", gross,
                      f"{fmt(inputs.base_minor, c)} + {fmt(com.commission_minor, c)} + "
                      f"{fmt(bonus, c)} + ({fmt(adjusted, c)}) = {fmt(gross, c)}"))
    contrib = contributions(inputs.contribution_base_minor, inputs.contribution_items, c)
    lines.extend(contrib.lines)
    tax = withholding_tax(inputs.previous, gross, contrib.employee_minor,
                          inputs.other_deductions_minor, inputs.tax_table, c)
    lines.extend(tax.lines)
    net = gross - contrib.employee_minor - tax.tax_minor
    lines.append(Line("net", "实发工资 Net pay", net,
                      f"{fmt(gross, c)} − {fmt(contrib.employee_minor, c)} contributions − "
                      f"{fmt(tax.tax_minor, c)} tax = {fmt(net, c)}"))
    cost = gross + contrib.employer_minor
    lines.append(Line("employer_cost", "用人成本 Employer cost", cost,
                      f"{fmt(gross, c)} + {fmt(contrib.employer_minor, c)} employer "
                      f"contributions = {fmt(cost, c)}"))
    return PayslipFigures(
        currency=c, base_minor=inputs.base_minor, collected_minor=com.collected_minor,
        commission_minor=com.commission_minor, bonus_minor=bonus, adjustments_minor=adjusted,
        gross_minor=gross, employee_contributions_minor=contrib.employee_minor,
        employer_contributions_minor=contrib.employer_minor, taxable_minor=tax.taxable_minor,
        tax_minor=tax.tax_minor, net_minor=net, employer_cost_minor=cost,
        cumulative=tax.cumulative, payments=com.payments, lines=tuple(lines))
