"""The shipped workflows in the demo workspace."""

from __future__ import annotations

from crm.automation import service
from crm.core.seeding import DemoData


async def seed_demo(demo: DemoData) -> None:
    made = await service.ensure_defaults(demo.workspace.id)
    demo.echo(f"  {made} default workflows")
