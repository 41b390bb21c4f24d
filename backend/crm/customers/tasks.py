"""The customers module's background jobs."""

from __future__ import annotations

import uuid
from typing import Any

from crm.core.jobs import task
from crm.core.policy import system_actor
from crm.settings import get_settings


@task("customers.pool_sweep", retries=2, cron=lambda: get_settings().pool_sweep_cron)
async def pool_sweep(workspace_id: str, **_: Any) -> None:
    """Customers nobody followed up return to the public pool, by themselves (hourly unless
    CRM_POOL_SWEEP_CRON says otherwise); `crm pool-sweep` runs it by hand."""
    from crm.customers.service import pool_sweep as sweep
    await sweep(system_actor(uuid.UUID(workspace_id), "pool-sweep"))
