"""Worked examples of the pay calculation, computed by hand in the comments and checked to the
cent. The calculation is pure (`crm.payroll.calc`): payments, tiers and the tax table go in as
data, so these are the real functions, not mocks."""

from __future__ import annotations

import uuid
from decimal import Decimal

from crm.payroll import calc

CNY = "CNY"
TIERS = (
    calc.Tier(0, Decimal("0.03")),            # 3% on the first 100,000.00
    calc.Tier(100_000_00, Decimal("0.05")),   # 5% from 100,000.00 to 300,000.00
    calc.Tier(300_000_00, Decimal("0.08")),   # 8% above 300,000.00
)


def pay(minor: int, number: str = "SO-1") -> calc.Payment:
    return calc.Payment(uuid.uuid4(), minor, CNY, number)


def test_rep_crossing_two_commission_tiers_in_one_month():
    # Collected 180,000.00 + 170,000.00 = 350,000.00, which crosses 100k and 300k:
    #   100,000.00 × 3% =  3,000.00
    #   200,000.00 × 5% = 10,000.00   (100k..300k)
    #    50,000.00 × 8% =  4,000.00   (300k..350k)
    #   commission       = 17,000.00
    result = calc.commission([pay(180_000_00), pay(170_000_00)], TIERS, CNY)
    assert result.collected_minor == 350_000_00
    assert result.commission_minor == 17_000_00
    shares = [ln.amount_minor for ln in result.lines if ln.code.startswith("commission_tier")]
    assert shares == [3_000_00, 10_000_00, 4_000_00]
    assert len(result.payments) == 2


def test_a_refund_lowers_commission():
    # Without the refund: 120,000.00 collected -> 100,000 × 3% + 20,000 × 5% = 4,000.00.
    # A 30,000.00 refund in the same month: 90,000.00 collected -> 90,000 × 3% = 2,700.00.
    before = calc.commission([pay(120_000_00)], TIERS, CNY)
    assert before.commission_minor == 4_000_00
    refund = pay(-30_000_00, "SO-7")
    after = calc.commission([pay(120_000_00), refund], TIERS, CNY)
    assert after.collected_minor == 90_000_00
    assert after.commission_minor == 2_700_00
    assert refund in after.payments  # the payslip keeps the refund among its sources


def test_refunds_exceeding_payments_earn_nothing_and_other_currencies_are_not_counted():
    result = calc.commission([pay(10_000_00), pay(-25_000_00),
                              calc.Payment(uuid.uuid4(), 99_000_00, "USD", "SO-9")], TIERS, CNY)
    assert result.collected_minor == -15_000_00
    assert result.commission_minor == 0
    assert any(ln.code == "skipped_payment" for ln in result.lines)


def test_tiers_round_half_up_per_tier():
    # 100,000.10 collected: 100,000.00 × 3% = 3,000.00 and 0.10 × 5% = 0.005 -> 0.01 (half-up).
    result = calc.commission([pay(100_000_10)], TIERS, CNY)
    assert result.commission_minor == 3_000_01


# Twelve months of cumulative withholding (累计预扣法). Every month: gross 30,000.00; the only
# contribution is 10.5% of a 20,005.00 base = 2,100.525 -> 2,100.53 (half-up); special
# deductions 1,000.00; basic deduction 5,000.00. So taxable income grows by
# 30,000.00 − 5,000.00 − 2,100.53 − 1,000.00 = 21,899.47 a month.
#
#  m  cumulative taxable  rate, quick deduction  cumulative tax (rounded)      tax this month
#  1      21,899.47        3%,        0          656.9841  ->    656.98            656.98
#  2      43,798.94       10%,    2,520        1,859.894   ->  1,859.89          1,202.91
#  3      65,698.41       10%,    2,520        4,049.841   ->  4,049.84          2,189.95
#  4      87,597.88       10%,    2,520        6,239.788   ->  6,239.79          2,189.95
#  5     109,497.35       10%,    2,520        8,429.735   ->  8,429.74          2,189.95
#  6     131,396.82       10%,    2,520       10,619.682   -> 10,619.68          2,189.94
#  7     153,296.29       20%,   16,920       13,739.258   -> 13,739.26          3,119.58
#  8     175,195.76       20%,   16,920       18,119.152   -> 18,119.15          4,379.89
#  9     197,095.23       20%,   16,920       22,499.046   -> 22,499.05          4,379.90
# 10     218,994.70       20%,   16,920       26,878.94    -> 26,878.94          4,379.89
# 11     240,894.17       20%,   16,920       31,258.834   -> 31,258.83          4,379.89
# 12     262,793.64       20%,   16,920       35,638.728   -> 35,638.73          4,379.90
HAND_TAX = ["656.98", "1202.91", "2189.95", "2189.95", "2189.95", "2189.94", "3119.58",
            "4379.89", "4379.90", "4379.89", "4379.89", "4379.90"]
HAND_CUMULATIVE_TAX = ["656.98", "1859.89", "4049.84", "6239.79", "8429.74", "10619.68",
                       "13739.26", "18119.15", "22499.05", "26878.94", "31258.83", "35638.73"]


def minor(text: str) -> int:
    return int(Decimal(text) * 100)


def test_twelve_months_of_cumulative_tax_crossing_brackets_match_by_hand():
    items = (calc.Contribution("pension", "Pension", Decimal("0.105"), Decimal("0.16")),)
    previous = calc.Cumulative()
    taxes, cumulative = [], []
    for month in range(1, 13):
        figures = calc.payslip(calc.PayInputs(
            currency=CNY, base_minor=30_000_00, contribution_base_minor=20_005_00,
            contribution_items=items, other_deductions_minor=1_000_00,
            tax_table=calc.CHINA_TAX_TABLE, previous=previous))
        assert figures.employee_contributions_minor == 2_100_53
        assert figures.cumulative.months == month
        taxes.append(figures.tax_minor)
        cumulative.append(figures.cumulative.tax_minor)
        assert figures.net_minor == 30_000_00 - 2_100_53 - figures.tax_minor
        previous = figures.cumulative
    assert taxes == [minor(t) for t in HAND_TAX]
    assert cumulative == [minor(t) for t in HAND_CUMULATIVE_TAX]
    assert sum(taxes) == minor("35638.73")


def test_a_month_with_tax_already_overpaid_withholds_nothing():
    # A big bonus in January, nothing taxable later: cumulative tax never goes down, so the
    # later months withhold 0 (never negative).
    jan = calc.withholding_tax(calc.Cumulative(), 50_000_00, 0, 0, calc.CHINA_TAX_TABLE, CNY)
    # 50,000 − 5,000 = 45,000 taxable -> 45,000 × 10% − 2,520 = 1,980.00
    assert jan.tax_minor == 1_980_00
    feb = calc.withholding_tax(jan.cumulative, 0, 0, 0, calc.CHINA_TAX_TABLE, CNY)
    # 50,000 − 10,000 = 40,000 -> 4,000 − 2,520 = 1,480.00 < 1,980.00 already withheld
    assert feb.tax_minor == 0
    assert feb.cumulative.tax_minor == 1_980_00


def test_decimal_where_float_is_off_by_a_cent():
    # 10,005.00 × 0.5% = 50.025 exactly, which rounds half-up to 50.03. In binary floating
    # point 10005 * 0.005 is 50.02499999..., which rounds to 50.02: a cent lost.
    assert round(10005 * 0.005, 2) == 50.02  # what float would have paid
    items = (calc.Contribution("unemployment", "Unemployment", Decimal("0.005"),
                               Decimal("0.005")),)
    result = calc.contributions(10_005_00, items, CNY)
    assert result.employee_minor == 50_03
    assert result.employer_minor == 50_03
    # The same figure through a whole payslip stays exact.
    figures = calc.payslip(calc.PayInputs(currency=CNY, base_minor=10_005_00,
                                          contribution_base_minor=10_005_00,
                                          contribution_items=items))
    assert figures.employee_contributions_minor == 50_03
    assert figures.employer_cost_minor == 10_005_00 + 50_03


def test_payslip_adds_up_and_explains_every_figure():
    figures = calc.payslip(calc.PayInputs(
        currency=CNY, base_minor=12_000_00, tiers=TIERS,
        payments=(pay(150_000_00), pay(-10_000_00)), new_customers=2,
        new_customer_bonus_minor=500_00,
        adjustments=(calc.Adjustment("bonus", 1_000_00, "Q3 award"),
                     calc.Adjustment("deduction", -200_00, "Unpaid leave"),
                     calc.Adjustment("correction", 50_00, "June overtime missed")),
        contribution_base_minor=12_000_00))
    # collected 140,000.00 -> 100,000 × 3% + 40,000 × 5% = 3,000 + 2,000 = 5,000.00
    assert figures.commission_minor == 5_000_00
    # bonus = 2 × 500 + 1,000 = 2,000.00; adjustments = −200 + 50 = −150.00
    assert figures.bonus_minor == 2_000_00
    assert figures.adjustments_minor == -150_00
    assert figures.gross_minor == 12_000_00 + 5_000_00 + 2_000_00 - 150_00
    # default 五险一金: employee 8% + 2% + 0.5% + 7% = 17.5% of 12,000.00 = 2,100.00
    assert figures.employee_contributions_minor == 2_100_00
    # taxable 18,850 − 5,000 − 2,100 = 11,750.00 -> 3% = 352.50
    assert figures.tax_minor == 352_50
    assert figures.net_minor == figures.gross_minor - 2_100_00 - 352_50
    codes = {ln.code for ln in figures.lines}
    assert {"base", "commission", "gross", "tax", "net", "employer_cost", "correction"} <= codes
    for value in (figures.gross_minor, figures.tax_minor, figures.net_minor):
        assert type(value) is int


def test_no_float_in_payroll_code():
    """No float literal and no float() in the payroll computation's code."""
    import ast
    import inspect

    from crm.analytics import service as analytics
    from crm.payroll import service

    for module in (calc, service, analytics):
        tree = ast.parse(inspect.getsource(module))
        for node in ast.walk(tree):
            assert not (isinstance(node, ast.Constant) and isinstance(node.value, float)), (
                module.__name__, node.lineno)
            assert not (isinstance(node, ast.Name) and node.id == "float"), (
                module.__name__, node.lineno)
