"""DataLoaders of payroll records: one statement per relation per request, within the
actor's workspace. Callers pass each row through `require_visible` (the row scope), so a row
the actor may not read is null with FORBIDDEN."""

from __future__ import annotations

import uuid
from typing import Any

from strawberry.dataloader import DataLoader
from strawberry.types import Info

from crm.core.graphql import actor_of, loaders_of
from crm.core.loaders import load_by_ids
from crm.payroll.models import CompensationPlan, Employee, PayRun


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
