"""A payroll on top of the `world` fixture: plans, an employee per user, one approved run."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from crm.core.ids import to_global_id
from crm.payroll import service
from tests.conftest import World

# Salaries nobody would guess, so a leak shows up as a plain substring of a response.
SALARIES = {"rep1": Decimal("12345.67"), "rep2": Decimal("23456.78"),
            "manager": Decimal("34567.89")}
SECRET_TEXTS = ["12345.67", "23456.78", "34567.89", "6222020012345678"]


@dataclass
class Payroll:
    world: World
    plan: Any
    employees: dict[str, Any]
    run: Any
    payslips: dict[str, Any] = field(default_factory=dict)

    def gid(self, type_name: str, row: Any) -> str:
        return to_global_id(type_name, row.id)


async def make_payroll(world: World, year: int = 2026, month: int = 1) -> Payroll:
    from crm.payroll.models import Payslip

    hr = await world.actor("hr")
    plan = await service.create_plan(hr, {
        "name": "Sales", "tiers": [{"threshold": Decimal(0), "rate": Decimal("0.03")},
                                   {"threshold": Decimal(100000), "rate": Decimal("0.05")}],
        "new_customer_bonus": Decimal(500)})
    employees = {}
    for i, (who, user) in enumerate(world.users.items()):
        employees[who] = await service.create_employee(hr, {
            "user_id": user.id, "employee_number": f"E{100 + i}", "department": "Sales",
            "title": who, "hire_date": dt.date(2024, 1, 1),
            "base_salary": SALARIES.get(who, Decimal("10000")),
            "bank_account": "6222020012345678" if who == "rep2" else f"62220200000{i:05d}",
            "compensation_plan_id": plan.id if who.startswith(("rep", "manager")) else None})
    run = await service.create_pay_run(hr, year, month)
    await service.calculate_pay_run(hr, run.id)
    run = await service.approve_pay_run(await world.actor("finance"), run.id)
    payroll = Payroll(world, plan, employees, run)
    for who, e in employees.items():
        payroll.payslips[who] = await Payslip.get(pay_run_id=run.id, employee_id=e.id)
    return payroll
