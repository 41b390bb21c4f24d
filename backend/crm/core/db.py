"""Opening the database, applying the migrations, and telling whether it answers."""

from __future__ import annotations

import asyncio
import re
import sqlite3

from tortoise import Tortoise, connections
from tortoise.exceptions import DBConnectionError, OperationalError
from tortoise.migrations.api import migrate as tortoise_migrate

from crm.settings import Settings, get_settings

# What a database that is down, refusing or unknown raises, through either driver.
CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    OSError, TimeoutError, DBConnectionError, OperationalError, sqlite3.OperationalError,
    ConnectionError,
)
try:  # asyncpg is an optional extra of tortoise-orm, present with PostgreSQL
    import asyncpg

    CONNECTION_ERRORS += (asyncpg.PostgresConnectionError, asyncpg.InvalidCatalogNameError,
                          asyncpg.CannotConnectNowError, asyncpg.TooManyConnectionsError,
                          asyncpg.InterfaceError, asyncpg.InvalidPasswordError,
                          asyncpg.InvalidAuthorizationSpecificationError)
except ImportError:  # pragma: no cover
    pass


class DatabaseUnavailable(RuntimeError):
    """The database does not answer; the message names it without its password."""


def redact(url: str) -> str:
    return re.sub(r"(//[^:/@]+):[^@]*@", r"\1:***@", url)


async def init_db(settings: Settings | None = None, url: str | None = None) -> None:
    settings = settings or get_settings()
    # The lifespan (and pytest fixtures) run in another task than requests: the global
    # fallback lets every task find the ORM context.
    await Tortoise.init(config=settings.tortoise_config(url), _enable_global_fallback=True)


async def close_db() -> None:
    await Tortoise.close_connections()


async def ping(seconds: float = 2.0) -> None:
    """One round trip to the open default connection; raises what the driver raises."""
    async with asyncio.timeout(seconds):
        await connections.get("default").execute_query("SELECT 1")


async def check_database(settings: Settings, seconds: float = 10.0) -> None:
    """Open the configured database once and ask it one question, so a command that needs it
    fails in one line before it does anything else."""
    url = settings.database_url
    try:
        async with asyncio.timeout(seconds):
            await init_db(settings)
        await ping(seconds)
    except CONNECTION_ERRORS as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatabaseUnavailable(f"database {redact(url)} is unreachable: {reason}") from None
    finally:
        await close_db()


async def apply_migrations(settings: Settings | None = None, url: str | None = None) -> None:
    settings = settings or get_settings()
    try:
        await tortoise_migrate(config=settings.tortoise_config(url))
    finally:
        # The migrate API opens connections lazily and leaves them open; an open SQLite
        # connection thread would keep the process alive.
        await Tortoise.close_connections()
