"""Demo data: the seed writes leads in bulk, past the hook that scores them, so score them."""

from __future__ import annotations

from typing import Any

from crm.lifecycle.service import rescore_all


async def seed_demo(demo: Any) -> None:
    await rescore_all(str(demo.workspace.id))
