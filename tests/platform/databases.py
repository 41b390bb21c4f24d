"""New, fully migrated, empty databases for the tests that start real processes, at the price
of a copy: migrating from empty costs seconds of CPU (Tortoise's migration state), so each
test process migrates one template per kind once and copies it for every test. The session's
`database` fixture (tests/conftest.py) still migrates from empty once per pass, and so do the
tests whose subject is migrating; these copies are for the tests whose subject is not."""

from __future__ import annotations

import asyncio
import atexit
import shutil
import subprocess
import tempfile
import threading
import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from tests.conftest import DB_KIND, PG_ADMIN_URL, _pg_available, _pg_exec
from tests.platform.servers import BIN, ROOT, clean_environment

# A test may write the rollback journal or WAL next to its file: a copy takes whichever exist.
_SQLITE_SIDECARS = ("", "-wal", "-shm", "-journal")

# Threads as well as the event loop ask for templates (the fuzz's server fixture is sync).
_lock = threading.Lock()
_sqlite_template: Path | None = None
_pg_template: str | None = None
_pg_lock: asyncio.Lock | None = None


def _migrate(url: str) -> None:
    """`crm migrate` as a deployment runs it, so the template is what the command builds."""
    done = subprocess.run([str(BIN / "crm"), "migrate"], env=clean_environment(DATABASE_URL=url),
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"crm migrate of the template failed:\n{done.stderr}"


def _pg_url(name: str) -> str:
    return PG_ADMIN_URL.rsplit("/", 1)[0] + f"/{name}"


def _sqlite_template_file() -> Path:
    global _sqlite_template
    with _lock:
        if _sqlite_template is None:
            folder = Path(tempfile.mkdtemp(prefix="crm-template-"))
            atexit.register(shutil.rmtree, folder, True)
            path = folder / "template.sqlite3"
            _migrate(f"sqlite://{path}")
            _sqlite_template = path
        return _sqlite_template


def fresh_sqlite(path: Path) -> str:
    """A migrated, empty SQLite database at `path` (whatever the pass's kind); its URL."""
    template = _sqlite_template_file()
    for suffix in _SQLITE_SIDECARS:
        source = template.with_name(template.name + suffix)
        if source.exists():
            shutil.copyfile(source, path.with_name(path.name + suffix))
    return f"sqlite://{path}"


def _drop_pg_template(name: str) -> None:
    # atexit runs after the session's event loop has closed: a loop of its own drops it.
    try:
        asyncio.run(_pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    except Exception as exc:
        print(f"could not drop the template database {name}: {exc}")


async def _pg_template_name() -> str:
    global _pg_template, _pg_lock
    _pg_lock = _pg_lock or asyncio.Lock()
    async with _pg_lock:
        if _pg_template is None:
            # crm_test_: whatever cleans up a run's leftover databases finds this one too.
            name = f"crm_test_tmpl_{uuid.uuid4().hex[:10]}"
            await _pg_exec(f'CREATE DATABASE "{name}"')
            # Registered before migrating, so a failed migrate leaves nothing behind either.
            atexit.register(_drop_pg_template, name)
            await asyncio.to_thread(_migrate, _pg_url(name))
            # CREATE DATABASE ... TEMPLATE refuses while anyone is connected to the template:
            # nobody may connect from now on (a copy allows connections as usual).
            await _pg_exec(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
            _pg_template = name
        return _pg_template


@asynccontextmanager
async def fresh_postgres(prefix: str) -> AsyncIterator[str]:
    """A migrated, empty PostgreSQL database named `prefix`_…; its URL. Dropped afterwards."""
    if not await _pg_available():
        pytest.skip("PostgreSQL is not reachable")
    template = await _pg_template_name()
    name = f"{prefix}_{uuid.uuid4().hex[:10]}"
    await _pg_exec(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    try:
        yield _pg_url(name)
    finally:
        await _pg_exec(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@asynccontextmanager
async def fresh_database(tmp_path: Path, prefix: str) -> AsyncIterator[str]:
    """A migrated, empty database of the pass's kind (CRM_TEST_DB); its URL. A PostgreSQL one
    is named `prefix`_… and dropped afterwards; a SQLite one is `prefix`.sqlite3 in
    `tmp_path`."""
    if DB_KIND == "postgres":
        async with fresh_postgres(prefix) as url:
            yield url
    else:
        yield await asyncio.to_thread(fresh_sqlite, tmp_path / f"{prefix}.sqlite3")
