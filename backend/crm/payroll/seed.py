"""Demo payroll: an employee for every demo user, two compensation plans, benefit settings,
and three approved monthly pay runs computed through the real calculation (from whatever
payments the orders module recorded: zero commission when there are none)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from crm.auth.service import actor_for_user
from crm.payroll import service
from crm.payroll.models import CompensationPlan, Employee

if TYPE_CHECKING:
    from crm.core.seeding import DemoData

# role -> (monthly base in CNY, title, department)
_PAY = {
    "admin": (Decimal("28000"), "系统管理员 IT Administrator", "IT"),
    "sales_manager": (Decimal("32000"), "销售经理 Sales Manager", "Sales"),
    "sales_rep": (Decimal("12000"), "销售代表 Sales Representative", "Sales"),
    "marketing": (Decimal("16000"), "市场专员 Marketing Specialist", "Marketing"),
    "support": (Decimal("11000"), "客服专员 Support Specialist", "Service"),
    "warehouse": (Decimal("9000"), "仓库主管 Warehouse Lead", "Operations"),
    "finance": (Decimal("20000"), "财务经理 Finance Manager", "Finance"),
    "hr": (Decimal("18000"), "人事经理 HR Manager", "HR"),
    "viewer": (Decimal("10000"), "助理 Assistant", "Operations"),
}


def _months_back(today: dt.date, n: int) -> list[tuple[int, int]]:
    """The n full months before `today`, oldest first, all inside today's tax year when
    possible (a run must not precede an approved later month of its year)."""
    out = []
    year, month = today.year, today.month
    for _ in range(n):
        month -= 1
        if month == 0:
            year, month = year - 1, 12
        out.append((year, month))
    return sorted(out)


async def seed_demo(demo: DemoData) -> None:
    ws = demo.workspace
    users = demo.users
    await service.ensure_settings(ws.id, ws.setting("currency") or "CNY")
    hr_user = next(u for u in users.values() if u.role == "hr")
    hr = await actor_for_user(hr_user, request_id="seed")
    finance = await actor_for_user(next(u for u in users.values() if u.role == "finance"),
                                   request_id="seed")
    sales_plan = await service.create_plan(hr, {
        "name": "销售提成 Sales commission",
        "description": "3% up to 100k collected, 5% to 300k, 8% above; 500 per new customer.",
        "tiers": [{"threshold": Decimal(0), "rate": Decimal("0.03")},
                  {"threshold": Decimal(100000), "rate": Decimal("0.05")},
                  {"threshold": Decimal(300000), "rate": Decimal("0.08")}],
        "new_customer_bonus": Decimal(500)})
    manager_plan = await service.create_plan(hr, {
        "name": "经理提成 Manager override",
        "description": "1% of collected revenue on own orders, 2% above 200k.",
        "tiers": [{"threshold": Decimal(0), "rate": Decimal("0.01")},
                  {"threshold": Decimal(200000), "rate": Decimal("0.02")}],
        "new_customer_bonus": Decimal(0)})
    plans: dict[str, CompensationPlan] = {"sales_rep": sales_plan,
                                          "sales_manager": manager_plan}
    rng = demo.rng
    for i, user in enumerate(users.values()):
        base, title, department = _PAY.get(user.role, (Decimal("10000"), "Staff", "Operations"))
        hired = (demo.now - dt.timedelta(days=400 + rng.randint(0, 1500))).date()
        plan = plans.get(user.role)
        await service.create_employee(hr, {
            "user_id": user.id, "employee_number": f"E{1001 + i}", "department": department,
            "title": title, "hire_date": hired, "base_salary": base,
            "social_insurance_base": min(base, Decimal("36549")),
            "monthly_tax_allowance": Decimal(rng.choice([0, 1000, 2000, 3000])),
            "bank_account": f"6222{rng.randint(10**14, 10**15 - 1)}",
            "compensation_plan_id": plan.id if plan else None,
            "annual_leave_used_days": rng.randint(0, 5)})
    months = _months_back(demo.now.date(), 3)
    # Runs of an earlier tax year first, then this year's, each approved before the next.
    for year, month in months:
        run = await service.create_pay_run(hr, year, month)
        await service.calculate_pay_run(hr, run.id)
        await service.approve_pay_run(finance, run.id)
    count = await Employee.filter(workspace_id=ws.id).count()
    demo.echo(f"Payroll: {count} employees, 2 plans, approved pay runs for "
              + ", ".join(f"{y}-{m:02d}" for y, m in months) + ".")
