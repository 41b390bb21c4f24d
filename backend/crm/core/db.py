"""Opening the database and applying the migrations."""

from __future__ import annotations

from tortoise import Tortoise
from tortoise.migrations.api import migrate as tortoise_migrate

from crm.settings import Settings, get_settings


async def init_db(settings: Settings | None = None, url: str | None = None) -> None:
    settings = settings or get_settings()
    # The lifespan (and pytest fixtures) run in another task than requests: the global
    # fallback lets every task find the ORM context.
    await Tortoise.init(config=settings.tortoise_config(url), _enable_global_fallback=True)


async def close_db() -> None:
    await Tortoise.close_connections()


async def apply_migrations(settings: Settings | None = None, url: str | None = None) -> None:
    settings = settings or get_settings()
    try:
        await tortoise_migrate(config=settings.tortoise_config(url))
    finally:
        # The migrate API opens connections lazily and leaves them open; an open SQLite
        # connection thread would keep the process alive.
        await Tortoise.close_connections()
