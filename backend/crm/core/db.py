"""Opening the database, applying the migrations, and telling whether it answers."""

from __future__ import annotations

import asyncio
import re
import sqlite3

from tortoise import Tortoise, connections
from tortoise.exceptions import DBConnectionError, OperationalError
from tortoise.migrations.api import migrate as tortoise_migrate

from crm.settings import Settings, get_settings

# What a database that is down, refusing or unknown raises, through either driver. Tortoise
# wraps some of them in its OperationalError, which also stands for plain SQL errors: see
# `unavailable`, which looks at the cause.
CONNECTION_ERRORS: tuple[type[BaseException], ...] = (
    OSError, TimeoutError, DBConnectionError, ConnectionError,
)
try:  # asyncpg is an optional extra of tortoise-orm, present with PostgreSQL
    import asyncpg

    CONNECTION_ERRORS += (asyncpg.PostgresConnectionError, asyncpg.InvalidCatalogNameError,
                          asyncpg.CannotConnectNowError, asyncpg.TooManyConnectionsError,
                          asyncpg.InterfaceError, asyncpg.InvalidPasswordError,
                          asyncpg.InvalidAuthorizationSpecificationError,
                          # 57xxx: the server is shutting down, restarting, or killed our backend
                          asyncpg.OperatorInterventionError)
except ImportError:  # pragma: no cover
    pass


def unavailable(exc: BaseException | None) -> bool:
    """Whether an error means a dependency does not answer (rather than a wrong statement)."""
    for _ in range(5):
        # asyncpg's DataError (a value the driver cannot encode) is an InterfaceError too.
        if exc is None or isinstance(exc, ValueError):
            return False
        if isinstance(exc, CONNECTION_ERRORS):
            return True
        if "not currently accepting connections" in str(exc):  # ALLOW_CONNECTIONS false
            return True
        exc = exc.__cause__ if isinstance(exc, OperationalError) else None
    return False


# At start a wrong SQLite path or an unknown database is also "cannot open".
_OPEN_ERRORS: tuple[type[BaseException], ...] = (*CONNECTION_ERRORS, OperationalError,
                                                  sqlite3.OperationalError)


class DatabaseUnavailable(RuntimeError):
    """The database does not answer; the message names it without its password."""


def redact(url: str) -> str:
    return re.sub(r"(//[^:/@]+):[^@]*@", r"\1:***@", url)


async def init_db(settings: Settings | None = None, url: str | None = None, *,
                  replica: bool = False) -> None:
    """Open the database; with `replica` also DATABASE_REPLICA_URL, when set (the server)."""
    settings = settings or get_settings()
    global _CURRENT_URL
    _CURRENT_URL = url or settings.database_url
    # The lifespan (and pytest fixtures) run in another task than requests: the global
    # fallback lets every task find the ORM context.
    await Tortoise.init(config=settings.tortoise_config(url, replica=replica),
                        _enable_global_fallback=True)


_CURRENT_URL: str | None = None


def current_url() -> str | None:
    """The URL `init_db` last opened (what the job workers connect to beside the ORM)."""
    return _CURRENT_URL


async def close_db() -> None:
    await Tortoise.close_connections()


async def ping(seconds: float = 2.0) -> None:
    """One round trip to the open default connection; raises what the driver raises."""
    async with asyncio.timeout(seconds):
        await connections.get("default").execute_query("SELECT 1")


async def check_database(settings: Settings, seconds: float = 10.0, *,
                         replica: bool = False) -> None:
    """Open the configured database once and ask it one question, so a command that needs it
    fails in one line before it does anything else; with `replica` (the server) the
    DATABASE_REPLICA_URL too, when set."""
    urls = [settings.database_url]
    if replica and settings.database_replica_url:
        urls.append(settings.database_replica_url)
    for url in urls:
        try:
            async with asyncio.timeout(seconds):
                await init_db(settings, url)
            await ping(seconds)
        except _OPEN_ERRORS as exc:
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
