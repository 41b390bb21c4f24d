"""End to end across modules: payments recorded on a rep's orders, and a refund, become that
rep's commission in the month's pay run (figures computed by hand below)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from crm.orders import service as orders
from crm.orders.service import LineInput
from crm.payroll.models import Payslip
from tests.conftest import World
from tests.orders.helpers import make_shop, paid_shipped_order, refunded_return
from tests.payroll.helpers import make_payroll


async def test_collected_payments_on_orders_become_commission(world: World):
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    finance = await world.actor("finance")
    # The service product: 1000.00 CNY a unit, not stock-tracked, no tax.
    order = await orders.create_order(rep, customer_id=shop.customer.id,
                                      lines=[LineInput(shop.service.id, 150)])
    order = await orders.confirm_order(rep, order.id)
    assert order.total_minor == 150_000_00
    await orders.record_payment(finance, order.id, Decimal("120000.00"), "CNY",
                                received_on=dt.date(2026, 3, 10))
    await orders.record_payment(finance, order.id, Decimal("30000.00"), "CNY",
                                received_on=dt.date(2026, 4, 2))  # next month: not counted
    payroll = await make_payroll(world, 2026, 3)
    slip = await Payslip.get(pay_run_id=payroll.run.id, employee_id=payroll.employees["rep1"].id)
    # Tiers: 3% up to 100,000, 5% above. 100,000 x 3% + 20,000 x 5% = 3,000 + 1,000.
    assert slip.commission_minor == 4_000_00
    other = await Payslip.get(pay_run_id=payroll.run.id, employee_id=payroll.employees["rep2"].id)
    assert other.commission_minor == 0


async def test_a_refund_recorded_after_its_month_was_approved_reduces_the_next_run(world: World):
    from crm.payroll import service as payroll

    shop = await make_shop(world)
    rep, finance = await world.actor("rep1"), await world.actor("finance")
    march, line = await paid_shipped_order(world, shop, shop.widget, 50,
                                           paid_on=dt.date(2026, 3, 10))
    payroll_world = await make_payroll(world, 2026, 3)  # March calculated and approved
    # The customer sends 10 back; the refund is dated in March, but March is closed.
    ret = await refunded_return(world, march, line, 10, "damaged",
                                refunded_on=dt.date(2026, 3, 20))
    refund = ret.refund_minor
    assert refund > 0
    april = await orders.confirm_order(rep, (await orders.create_order(
        rep, customer_id=shop.customer.id, lines=[LineInput(shop.service.id, 50)])).id)
    await orders.record_payment(finance, april.id, Decimal("50000.00"), "CNY",
                                received_on=dt.date(2026, 4, 5))
    hr = await world.actor("hr")
    run = await payroll.create_pay_run(hr, 2026, 4)
    await payroll.calculate_pay_run(hr, run.id)
    slip = await Payslip.get(pay_run_id=run.id, employee_id=payroll_world.employees["rep1"].id)
    # April counts its own 50,000.00 less the March refund nobody had counted.
    assert slip.collected_minor == 50_000_00 - refund
    three_percent = (Decimal(50_000_00 - refund) * Decimal("0.03")).quantize(Decimal(1), "ROUND_HALF_UP")
    assert slip.commission_minor == int(three_percent) < 1_500_00
    late = [ln for ln in slip.lines if ln["code"] == "late_payment"]
    assert [ln["amount_minor"] for ln in late] == [-refund]
    assert "2026-03-20" in late[0]["explanation"] and march.number in late[0]["explanation"]
