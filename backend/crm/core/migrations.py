"""Model changes that no migration covers yet (used by `crm makemigrations` and a test)."""

from __future__ import annotations

from typing import Any

from tortoise.context import TortoiseContext
from tortoise.migrations.autodetector import MigrationAutodetector

from crm.settings import Settings


async def pending_migrations(settings: Settings, url: str = "sqlite://:memory:") -> list[Any]:
    config = settings.tortoise_config(url)
    apps_dict = config["apps"]
    async with TortoiseContext() as ctx:
        await ctx.init(config=config)
        assert ctx.apps is not None
        return await MigrationAutodetector(ctx.apps, apps_dict).changes()
