"""End to end across modules: payments recorded on a rep's orders, and a refund, become that
rep's commission in the month's pay run (figures computed by hand below)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from crm.orders import service as orders
from crm.orders.service import LineInput
from crm.payroll.models import Payslip
from tests.conftest import World
from tests.orders.helpers import make_shop
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
