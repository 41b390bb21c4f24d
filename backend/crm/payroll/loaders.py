"""DataLoaders of payroll records: one statement per relation per request, within the
actor's workspace. Callers pass each row through `require_visible` (the row scope), so a row
the actor may not read is null with FORBIDDEN."""

from __future__ import annotations

import uuid
from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.types import Info

from crm.core.graphql import actor_of, loaders_of
from crm.core.loaders import grouped, load_by_ids
from crm.core.scoping import scoped
from crm.payroll.models import CompensationPlan, Employee, PayRun, Payslip


def _scoped_loader(info: Info, name: str, model: type[Any]) -> DataLoader[uuid.UUID, Any]:
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[Any]:
        return await load_by_ids(model.filter(workspace_id=actor.workspace_id), ids)

    return loaders_of(info).get(name, load)


def employee_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    return _scoped_loader(info, "payroll_employee", Employee)


def plan_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    return _scoped_loader(info, "payroll_plan", CompensationPlan)


def pay_run_loader(info: Info) -> DataLoader[uuid.UUID, Any]:
    return _scoped_loader(info, "payroll_pay_run", PayRun)


def payslips_of_employee_loader(info: Info) -> DataLoader[uuid.UUID, list[Any]]:
    """Each employee's payslips the actor may read, newest first: one statement per page."""
    actor = actor_of(info)

    async def load(ids: list[uuid.UUID]) -> list[list[Any]]:
        rows = await scoped(Payslip, actor).filter(employee_id__in=list(set(ids))).order_by(
            "-year", "-month")
        return grouped(rows, ids, "employee_id")

    return loaders_of(info).get("payroll_payslips_of_employee", load)
