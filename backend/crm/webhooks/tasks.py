"""The webhook relay's work as jobs: every minute, each workspace's due deliveries are sent
(beside the relay loop, which sends new ones within seconds and is what CRM_WEBHOOKS_RELAY
switches off in a server)."""

from __future__ import annotations

import uuid
from typing import Any

from crm.core import jobs
from crm.settings import get_settings


@jobs.task("webhooks.deliver_due", retries=1, cron="* * * * *")
async def deliver_due(workspace_id: str, **_: Any) -> None:
    """Send the workspace's due deliveries (retries whose time came, leases that ran out)."""
    from crm.webhooks.relay import deliver_due as send
    if jobs.IN_SERVER and not get_settings().webhooks_relay:
        return  # this server process sends no webhooks: `crm worker` does
    settings = get_settings()
    while await send(workspace_id=uuid.UUID(workspace_id)) >= settings.webhooks_batch:
        pass
