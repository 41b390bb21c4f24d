"""The `crm` command: serve, migrate, seed, export-schema, create-user, pool-sweep,
register-operations."""

from __future__ import annotations

import asyncio
import getpass
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import click

from crm.settings import ROOT, SettingsError, get_settings, unknown_variables


def run_with_db(fn: Callable[[], Awaitable[Any]]) -> Any:
    from crm.core.db import DatabaseUnavailable, close_db, init_db, redact, unavailable

    async def main() -> Any:
        await init_db()
        try:
            return await fn()
        except Exception as exc:
            if unavailable(exc):
                url = redact(get_settings().database_url)
                raise DatabaseUnavailable(f"database {url} is unreachable: {exc}") from None
            raise
        finally:
            await close_db()

    return asyncio.run(main())


class CRMGroup(click.Group):
    """Wrong settings and an unreachable database end the command with one line, not a
    traceback: the operator needs the variable to fix, not our stack."""

    def invoke(self, ctx: click.Context) -> Any:
        from crm.core.db import DatabaseUnavailable

        try:
            return super().invoke(ctx)
        except SettingsError as exc:
            click.echo(f"crm: settings: {exc}", err=True)
            sys.exit(2)
        except DatabaseUnavailable as exc:
            click.echo(f"crm: {exc}", err=True)
            sys.exit(3)


@click.group(cls=CRMGroup)
@click.version_option(package_name="crm", prog_name="crm")
def main() -> None:
    """The CRM graph."""


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--workers", default=1, show_default=True, type=int)
@click.option("--reload", is_flag=True, help="Restart on code changes (development).")
def serve(host: str, port: int, workers: int, reload: bool) -> None:
    """Serve the API at /graphql and the built SPA at /."""
    import logging

    import uvicorn

    from crm.core.db import check_database, redact
    from crm.core.logs import configure_logging

    settings = get_settings()
    configure_logging(settings)
    asyncio.run(check_database(settings, replica=True))
    # Said at every start: an installed package keeps its SQLite file out of the working
    # directory, and the operator should see where it is.
    logging.getLogger("crm").info("Database: %s (CRM_ENV=%s)", redact(settings.database_url),
                                  settings.env)
    if settings.database_replica_url:
        logging.getLogger("crm").info("Read replica: %s (queries read from it)",
                                      redact(settings.database_replica_url))
    for name in unknown_variables():
        click.echo(f"crm: warning: {name} names no setting (see docs/settings.md)", err=True)
    # Our own middleware writes the access line (JSON, with the request id), so uvicorn's is off.
    uvicorn.run("crm.app:create_app", factory=True, host=host, port=port, workers=workers,
                reload=reload, log_config=None, access_log=False, proxy_headers=True,
                # A socket message over the limit is refused before it is buffered whole.
                ws_max_size=settings.max_socket_message_bytes)


@main.command()
def migrate() -> None:
    """Apply every migration to the database (SQLite by default, DATABASE_URL otherwise)."""
    from crm.core.db import apply_migrations, check_database

    asyncio.run(check_database(get_settings()))
    asyncio.run(apply_migrations())
    click.echo("Database is up to date.")


@main.command()
@click.option("--name", default=None, help="A name for the migration file.")
@click.option("--check", is_flag=True, help="Fail if a model change has no migration; write nothing.")
def makemigrations(name: str | None, check: bool) -> None:
    """Write a migration for model changes (read it before committing it)."""
    from tortoise.migrations.writer import format_migration_name

    from crm.core.migrations import pending_migrations

    writers = asyncio.run(pending_migrations(get_settings()))
    if not writers:
        click.echo("No changes detected.")
        return
    if check:
        click.echo("Model changes without a migration: run `crm makemigrations`", err=True)
        sys.exit(1)
    for writer in writers:
        if name:
            writer.name = format_migration_name(int(writer.name.split("_", 1)[0]), name)
        click.echo(f"Created {writer.write()}")


@main.command()
@click.option("--demo", is_flag=True, required=True, help="Seed the demo workspace.")
@click.option("--scale", default=1, show_default=True, type=click.IntRange(1, 1000),
              help="Multiply the volume (for benchmarks).")
def seed(demo: bool, scale: int) -> None:
    """Create the demo workspace 演示公司 / Demo Co (does nothing if it exists)."""
    from crm.seed import seed_demo

    run_with_db(lambda: seed_demo(scale=scale, echo=click.echo))


@main.command("export-schema")
@click.option("--output", "-o", type=click.Path(path_type=Path), default=None,
              help="Default: schema.graphql at the checkout's root (the current directory when it "
              "holds pyproject.toml, else the root of the installed sources).")
@click.option("--check", is_flag=True, help="Fail if the file differs instead of writing it.")
@click.option("--stdout", is_flag=True, help="Print the SDL instead of writing it.")
def export_schema(output: Path | None, check: bool, stdout: bool) -> None:
    """Write the GraphQL SDL the frontend's types are generated from."""
    from crm.schema import export_sdl

    if output is None:
        # A non-editable install has no checkout above its sources: use the one we stand in.
        root = Path.cwd() if (Path.cwd() / "pyproject.toml").exists() else ROOT
        output = root / "schema.graphql"
    sdl = export_sdl()
    if stdout:
        click.echo(sdl, nl=False)
        return
    if check:
        if not output.exists() or output.read_text(encoding="utf-8") != sdl:
            click.echo(f"{output} is out of date: run `crm export-schema`", err=True)
            sys.exit(1)
        click.echo(f"{output} is up to date.")
        return
    output.write_text(sdl, encoding="utf-8")
    click.echo(f"Wrote {output}")


@main.command("create-user")
@click.option("--workspace", "workspace_slug", default="demo", show_default=True)
@click.option("--email", required=True)
@click.option("--name", required=True)
@click.option("--role", required=True)
@click.option("--team", default=None, help="Team name.")
@click.option("--password", default=None, help="Asked for when not given.")
def create_user(workspace_slug: str, email: str, name: str, role: str, team: str | None,
                password: str | None) -> None:
    """Add a user to a workspace."""
    password = password or getpass.getpass("Password: ")

    async def go() -> None:
        from crm.auth import service
        from crm.auth.models import Team, Workspace
        from crm.core.errors import ServiceError
        from crm.core.policy import system_actor

        ws = await Workspace.get_or_none(slug=workspace_slug)
        if ws is None:
            raise click.ClickException(f"No workspace {workspace_slug!r}")
        team_id = None
        if team:
            t = await Team.get_or_none(workspace_id=ws.id, name=team)
            if t is None:
                raise click.ClickException(f"No team {team!r}")
            team_id = t.id
        try:
            user = await service.create_user(system_actor(ws.id, "cli"), email=email, name=name,
                                              role=role, password=password, team_id=team_id)
        except ServiceError as exc:
            raise click.ClickException(exc.message) from None
        click.echo(f"Created {user.email} ({user.role})")

    run_with_db(go)


@main.command("pool-sweep")
@click.option("--workspace", "workspace_slug", default=None, help="Only this workspace.")
def pool_sweep(workspace_slug: str | None) -> None:
    """Return customers with no follow-up for the workspace's days to the public pool."""

    async def go() -> None:
        from crm.auth.models import Workspace
        from crm.core.policy import system_actor
        from crm.customers.service import pool_sweep as sweep

        workspaces = await (Workspace.filter(slug=workspace_slug) if workspace_slug
                            else Workspace.all())
        for ws in workspaces:
            moved = await sweep(system_actor(ws.id, "pool-sweep"))
            click.echo(f"{ws.slug}: {moved} customer(s) returned to the pool")

    run_with_db(go)


@main.command("register-operations")
@click.option("--client", "client_id", required=True, help="The OAuth client_id.")
@click.argument("file", type=click.Path(exists=True, dir_okay=False, path_type=Path))
def register_operations(client_id: str, file: Path) -> None:
    """Register a trusted-documents client's persisted operations from a JSON map of
    sha256 -> document (what a mobile build's codegen writes)."""
    import json

    operations = json.loads(file.read_text())
    if not isinstance(operations, dict):
        raise click.ClickException("The file must hold one JSON object: sha256 -> document")

    async def go() -> None:
        from crm.auth.oauth import register_operations as register
        from crm.core.errors import ServiceError
        try:
            added = await register(client_id, operations)
        except ServiceError as exc:
            raise click.ClickException(exc.message) from None
        click.echo(f"{added} new of {len(operations)} operation(s) registered for {client_id}")

    run_with_db(go)


@main.command("webhooks-relay")
@click.option("--once", is_flag=True, help="Send what is due now and stop.")
def webhooks_relay(once: bool) -> None:
    """Send pending webhook deliveries (also run inside `crm serve` unless CRM_WEBHOOKS_RELAY=false)."""
    from crm.webhooks.relay import deliver_due

    if once:
        async def go() -> None:
            click.echo(f"{await deliver_due()} delivery attempt(s)")
        run_with_db(go)
        return
    _run_worker()


@main.command()
@click.option("--concurrency", default=1, show_default=True, type=click.IntRange(1, 100),
              help="Jobs run at once (PostgreSQL).")
def worker(concurrency: int) -> None:
    """Run the background work outside the API processes until SIGTERM: the job system's
    worker (procrastinate on PostgreSQL, the in-process runner on SQLite) and the webhook
    relay."""
    _run_worker(jobs=True, concurrency=concurrency)


def _run_worker(*, jobs: bool = False, concurrency: int = 1) -> None:
    import signal

    from crm.core.logs import configure_logging
    from crm.webhooks.relay import run_relay

    configure_logging(get_settings())

    async def go() -> None:
        from crm.core.jobs import run_worker
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        parts = [run_relay(stop)]
        if jobs:
            parts.append(run_worker(stop, concurrency=concurrency))
        await asyncio.gather(*parts)

    run_with_db(go)


@main.group()
def jobs() -> None:
    """The job system: run what is due, fire periodic slots."""


@jobs.command("run-once")
def jobs_run_once() -> None:
    """Run every job due now (and those they defer), then stop."""
    async def go() -> None:
        from crm.core.jobs import run_pending
        click.echo(f"{await run_pending()} job(s) ran")
    run_with_db(go)


if __name__ == "__main__":
    main()
