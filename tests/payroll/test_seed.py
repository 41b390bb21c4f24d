"""The demo payroll: employees for every user, two plans, three approved months."""

from __future__ import annotations

import datetime as dt
import random

from crm.core.seeding import DemoData
from crm.payroll.models import CompensationPlan, Employee, PayRun, Payslip
from crm.payroll.seed import seed_demo
from tests.conftest import World


async def test_demo_payroll(world: World):
    now = dt.datetime(2026, 2, 10, tzinfo=dt.UTC)  # the three months span two tax years
    lines: list[str] = []
    demo = DemoData(workspace=world.workspace, users={u.email: u for u in world.users.values()},
                    customers=[], opportunities=[], rng=random.Random(7), scale=1, now=now,
                    echo=lines.append)
    await seed_demo(demo)
    ws = world.workspace.id
    assert await Employee.filter(workspace_id=ws).count() == len(world.users)
    assert await CompensationPlan.filter(workspace_id=ws).count() == 2
    runs = await PayRun.filter(workspace_id=ws).order_by("year", "month")
    assert [(r.year, r.month, r.status.value) for r in runs] == [
        (2025, 11, "approved"), (2025, 12, "approved"), (2026, 1, "approved")]
    assert await Payslip.filter(workspace_id=ws).count() == 3 * len(world.users)
    # The tax year restarts in January.
    jan = await Payslip.filter(workspace_id=ws, year=2026, month=1)
    dec = await Payslip.filter(workspace_id=ws, year=2025, month=12)
    assert {s.cum_months for s in jan} == {1}
    assert {s.cum_months for s in dec} == {2}
    assert all(s.net_minor > 0 and s.tax_minor >= 0 for s in jan)
    assert "approved pay runs for 2025-11, 2025-12, 2026-01" in lines[-1]
