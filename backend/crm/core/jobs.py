"""Work that is not a request: one registry of task functions, deferred now or later, and
periodic ones on a cron schedule.

This is the contract every module codes against. A module registers its task functions at
import time (`@task(...)`, in its `service.py` or `tasks.py`) and defers them by name
(`await defer(...)`), inside its business transaction when it has one: the job is committed
or rolled back with the write, since it is inserted through the transaction's connection.

Task functions are `async def fn(**kwargs) -> None` with JSON-serialisable keyword arguments.
Every job belongs to a workspace: pass `workspace_id=` to `defer` (it reaches the function as
a keyword argument like the others, as a string). A periodic task (`cron=`) fans out: each
firing defers one job per workspace, called with `workspace_id` and `timestamp` (the
scheduled time, epoch seconds), so one firing is one job per workspace however many workers
run. `cron` may be a zero-argument callable returning the expression, read when workers start
(a setting such as CRM_POOL_SWEEP_CRON).

Backends (chosen by the database):
- PostgreSQL: procrastinate. Its schema is installed by our migrations; `crm worker` runs its
  worker (several may run), `crm serve` runs one in-process unless CRM_JOBS_IN_SERVER=false.
  Periodic slots are deduplicated by procrastinate's `procrastinate_periodic_defers` table:
  exactly one firing per slot across any number of workers.
- SQLite: our table `crm_job` and one in-process runner loop (`run_worker`), inside
  `crm serve` and `crm worker`; periodic slots are deduplicated by `crm_job_slot`.

Both keep the same semantics: a failing job is retried `retries` times with exponential
backoff (`backoff()`: CRM_JOBS_RETRY_BASE_SECONDS doubled per attempt, capped at
CRM_JOBS_RETRY_MAX_SECONDS), then it is dead (status `failed`): kept with its error, shown to
admins, revived by `retry()`. A job left running by a process killed mid-job runs again
(at least once): on PostgreSQL when its worker's heartbeat stops, on SQLite after
CRM_JOBS_STALLED_SECONDS. `lock`: jobs sharing it never run at the same time.
`queueing_lock`: while a job with it waits, deferring another is a no-op.

Beyond the contract (`task`, `defer`, `run_pending`, `TASKS`, `Task`): `fire_periodic`,
`retry(job_id)`, `run_worker(stop)` (what `crm worker` and `crm serve` run), `load_tasks()`,
`JobStatus`, `backoff(attempts)`, `mask_secrets(text)`, `IN_SERVER`, and the record
`crm.core.models.Job` (read-only on PostgreSQL) that admins list through `crm.jobs`.

For tests:
- `await run_pending(now=...)` runs every job due at `now` in-process through the real
  backend, including jobs deferred while running, until none is due; returns how many ran.
- `await fire_periodic(start, end)` defers the periodic jobs of every slot in (start, end]
  exactly as workers do (the same once-per-slot table), then `run_pending` runs them.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import uuid
from collections.abc import Awaitable, Callable, Collection
from dataclasses import dataclass
from enum import Enum
from typing import Any, TypeVar

import orjson

TaskFn = Callable[..., Awaitable[None]]
F = TypeVar("F", bound=TaskFn)
log = logging.getLogger("crm.jobs")

QUEUE = "default"
FAN_OUT = "crm.fan_out"


@dataclass(frozen=True)
class Task:
    name: str
    fn: TaskFn
    # Attempts after the first before the job is dead (kept, shown to admins, retryable).
    retries: int = 3
    # A cron expression (five fields, UTC) for periodic tasks, or a callable returning one.
    cron: str | Callable[[], str] | None = None

    def schedule(self) -> str | None:
        """The cron expression in force (a callable is read now)."""
        return self.cron() if callable(self.cron) else self.cron


TASKS: dict[str, Task] = {}


class JobStatus(str, Enum):
    """Where a job stands (the values procrastinate stores)."""

    TODO = "todo"
    DOING = "doing"
    SUCCEEDED = "succeeded"
    DEAD = "failed"
    CANCELLED = "cancelled"


def task(name: str, *, retries: int = 3, cron: str | Callable[[], str] | None = None
         ) -> Callable[[F], F]:
    """Register `fn` as the task `name` (dotted, module first: `customers.pool_sweep`)."""

    def register(fn: F) -> F:
        if name in TASKS and TASKS[name].fn is not fn:
            raise RuntimeError(f"Two task functions are named {name}")
        TASKS[name] = Task(name=name, fn=fn, retries=retries, cron=cron)
        return fn

    return register


def load_tasks() -> dict[str, Task]:
    """Import every module's services and task files, so every task is registered."""
    from crm.modules import submodules
    submodules("service")
    submodules("tasks")
    return TASKS


# --- shared pieces ---------------------------------------------------------------------------

def _conn() -> Any:
    """The current Tortoise connection: inside a transaction block, that transaction's."""
    from tortoise import connections
    return connections.get("default")


def is_postgres() -> bool:
    return bool(_conn().capabilities.dialect == "postgres")


def backoff(attempts: int) -> float:
    """Seconds to wait before the next try after `attempts` failed ones."""
    from crm.settings import get_settings
    settings = get_settings()
    return float(min(settings.jobs_retry_base_seconds * 2 ** max(attempts - 1, 0),
                     settings.jobs_retry_max_seconds))


_SECRETS = [
    (re.compile(r"(//[^:/@\s]+):[^@\s]*@"), r"\1:***@"),
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]+"), r"\1 ***"),
    (re.compile(r"(?i)\b(password|passwd|pwd|secret|token|api[_-]?key|authorization|key)"
                r"(\s*[=:]\s*)(\"[^\"]*\"|'[^']*'|[^\s,;&]+)"), r"\1\2***"),
]


def mask_secrets(text: str) -> str:
    """An error text with what looks like a credential replaced by ***."""
    for pattern, replacement in _SECRETS:
        text = pattern.sub(replacement, text)
    return text


def error_text(exc: BaseException) -> str:
    return mask_secrets(f"{type(exc).__name__}: {exc}")[:2000]


def _json(kwargs: dict[str, Any]) -> str:
    return orjson.dumps(kwargs, default=str).decode()


def _utc(moment: dt.datetime | None) -> dt.datetime:
    moment = moment or dt.datetime.now(dt.UTC)
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


async def workspace_ids() -> list[uuid.UUID]:
    """Every workspace: a periodic task's fan-out. Found through the ORM's registry, since
    workspaces belong to `auth`, above core."""
    from tortoise import Tortoise
    workspace = Tortoise.apps["crm"]["Workspace"]
    return list(await workspace.all().values_list("id", flat=True))


# Set by `crm serve`'s lifespan: tasks may behave as a server process should (a setting that
# switches work off in servers, leaving it to `crm worker`).
IN_SERVER = False

# Jobs run by this process (what run_pending counts).
_ran = 0


async def _call(name: str, kwargs: dict[str, Any]) -> None:
    global _ran
    _ran += 1
    if name == FAN_OUT:
        await fan_out(**kwargs)
        return
    await TASKS[name].fn(**kwargs)


async def fan_out(task: str, timestamp: int) -> None:
    """One firing of a periodic task: one job per workspace, all or none."""
    from tortoise.transactions import in_transaction
    if task not in TASKS:
        log.warning("periodic task %s is not registered here; firing skipped", task)
        return
    async with in_transaction("default"):
        for ws in await workspace_ids():
            await defer(task, workspace_id=str(ws), timestamp=timestamp)


# --- deferring -------------------------------------------------------------------------------

async def defer(name: str, *, run_at: dt.datetime | None = None, lock: str | None = None,
                queueing_lock: str | None = None, **kwargs: Any) -> None:
    """Queue the task `name` with `kwargs`, to run at `run_at` (now when None), through the
    current connection (so inside a transaction it commits or rolls back with it).

    `lock`: jobs sharing it never run at the same time. `queueing_lock`: while a job with it
    waits, deferring another with the same one is a no-op (no duplicate reminders)."""
    if name not in TASKS and name != FAN_OUT and name not in load_tasks():
        raise KeyError(f"No task is named {name}")
    args = orjson.loads(_json(kwargs))
    if is_postgres():
        # ON CONFLICT rather than catching the unique violation: an error would abort the
        # caller's whole transaction on PostgreSQL.
        await _conn().execute_query(
            "INSERT INTO procrastinate_jobs (queue_name, task_name, priority, lock, "
            "queueing_lock, args, scheduled_at) VALUES ($1, $2, 0, $3, $4, $5::jsonb, $6) "
            "ON CONFLICT (queueing_lock) WHERE status = 'todo' DO NOTHING",
            [QUEUE, name, lock, queueing_lock, _json(args), run_at and _utc(run_at)])
    else:
        from crm.core.models import Job
        if queueing_lock is not None and await Job.filter(
                queueing_lock=queueing_lock, status=JobStatus.TODO).exists():
            return
        ws = args.get("workspace_id")
        await Job.create(workspace_id=uuid.UUID(str(ws)) if ws else None, task_name=name,
                         args=args, lock=lock, queueing_lock=queueing_lock,
                         scheduled_at=_utc(run_at), status=JobStatus.TODO)
    _wake.set()


async def fire_periodic(start: dt.datetime, end: dt.datetime,
                        names: Collection[str] | None = None) -> int:
    """Defer the periodic jobs of every cron slot in (start, end], each slot once however
    often this is called or whichever worker fired it already; how many slots were new.
    `names` narrows it to those tasks (one task's catch-up, without every other's)."""
    from croniter import croniter
    fired = 0
    for t in list(load_tasks().values()):
        if names is not None and t.name not in names:
            continue
        expression = t.schedule()
        if not expression:
            continue
        it = croniter(expression, _utc(start))
        while (slot := it.get_next(dt.datetime)) <= _utc(end):
            fired += await _fire_slot(t.name, int(slot.timestamp()))
    return fired


async def _fire_slot(name: str, timestamp: int) -> int:
    from tortoise.transactions import in_transaction
    if is_postgres():
        # procrastinate's own function and table: the same key its periodic deferrer uses.
        # It keeps only a task's latest slot, so an earlier one counts as fired.
        latest = await _conn().execute_query_dict(
            "SELECT max(defer_timestamp) AS at FROM procrastinate_periodic_defers "
            "WHERE task_name = $1 AND periodic_id = $2", [FAN_OUT, name])
        if latest[0]["at"] is not None and latest[0]["at"] >= timestamp:
            return 0
        rows = await _conn().execute_query_dict(
            "SELECT procrastinate_defer_periodic_job_v2($1, NULL, NULL, $2, 0, $3, $4, "
            "$5::jsonb) AS id", [QUEUE, FAN_OUT, name, timestamp,
                                 _json({"task": name, "timestamp": timestamp})])
        return int(rows[0]["id"] is not None)
    from crm.core.models import JobSlot
    async with in_transaction("default"):
        _, created = await JobSlot.get_or_create(task_name=name, slot=timestamp)
        if created:
            await fan_out(name, timestamp)
    return int(created)


# --- retrying a dead job -----------------------------------------------------------------------

async def retry(job_id: uuid.UUID) -> bool:
    """Revive a dead (or cancelled) job: due now, one more attempt. False when it is not dead."""
    if is_postgres():
        rows = await _conn().execute_query_dict(
            "SELECT id FROM procrastinate_jobs WHERE crm_id = $1 AND status = 'failed' "
            "FOR UPDATE", [job_id])
        if not rows:
            return False
        await _conn().execute_query(
            "SELECT procrastinate_retry_job_v2($1, now(), NULL, NULL, NULL)", [rows[0]["id"]])
        return True
    from crm.core.models import Job
    updated = await Job.filter(id=job_id, status=JobStatus.DEAD).update(
        status=JobStatus.TODO, scheduled_at=_utc(None))
    _wake.set()
    return bool(updated)


# --- SQLite: the in-process runner -------------------------------------------------------------

_wake = asyncio.Event()


async def _sqlite_claim(now: dt.datetime) -> Any:
    """Take the oldest due job whose lock is free; None when there is none."""
    from crm.core.models import Job
    held = set(await Job.filter(status=JobStatus.DOING, lock__not_isnull=True).values_list(
        "lock", flat=True))
    candidates = await Job.filter(status=JobStatus.TODO, scheduled_at__lte=now).order_by(
        "scheduled_at", "created_at").limit(50)
    for job in candidates:
        if job.lock is not None and job.lock in held:
            continue
        # Conditional: another process may have taken it since the read.
        taken = await Job.filter(id=job.id, status=JobStatus.TODO).update(
            status=JobStatus.DOING, started_at=_utc(None), attempts=job.attempts + 1)
        if taken:
            job.attempts += 1
            return job
    return None


async def _sqlite_run_one(now: dt.datetime) -> bool:
    from crm.core.models import Job
    job = await _sqlite_claim(now)
    if job is None:
        return False
    try:
        await _call(job.task_name, dict(job.args))
    except Exception as exc:
        retries = TASKS[job.task_name].retries if job.task_name in TASKS else 0
        log.warning("job %s %s failed (attempt %s): %s", job.task_name, job.id, job.attempts,
                    error_text(exc))
        changes: dict[str, Any] = {"last_error": error_text(exc), "finished_at": _utc(None)}
        if job.attempts <= retries:
            changes.update(status=JobStatus.TODO,
                           scheduled_at=now + dt.timedelta(seconds=backoff(job.attempts)))
        else:
            changes["status"] = JobStatus.DEAD
        await Job.filter(id=job.id).update(**changes)
    else:
        await Job.filter(id=job.id).update(status=JobStatus.SUCCEEDED, finished_at=_utc(None))
    return True


async def _sqlite_periodic(last: dt.datetime, now: dt.datetime) -> None:
    try:
        await fire_periodic(last, now)
    except Exception:
        log.exception("firing periodic jobs failed; trying again next pass")


async def _sqlite_requeue_stalled(now: dt.datetime) -> None:
    """Jobs left running by a process that died (killed mid-job) run again once their
    lease (CRM_JOBS_STALLED_SECONDS) is over: at least once, never lost."""
    from crm.core.models import Job
    from crm.settings import get_settings
    lease = dt.timedelta(seconds=get_settings().jobs_stalled_seconds)
    await Job.filter(status=JobStatus.DOING, started_at__lt=now - lease).update(
        status=JobStatus.TODO, scheduled_at=now)


async def _sqlite_worker(stop: asyncio.Event) -> None:
    from crm.settings import get_settings
    poll = get_settings().jobs_poll_seconds
    # The slot just before start is fired too (as procrastinate does): a restart does not
    # skip the hour it missed by seconds; its slot table keeps it from firing twice.
    last = _utc(None) - dt.timedelta(minutes=1)
    while not stop.is_set():
        now = _utc(None)
        await _sqlite_periodic(last, now)
        last = now
        try:
            await _sqlite_requeue_stalled(now)
            while not stop.is_set() and await _sqlite_run_one(_utc(None)):
                pass
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("job runner pass failed; retrying")
        _wake.clear()
        waiters = [asyncio.ensure_future(stop.wait()), asyncio.ensure_future(_wake.wait())]
        await asyncio.wait(waiters, timeout=poll, return_when=asyncio.FIRST_COMPLETED)
        for w in waiters:
            w.cancel()


# --- PostgreSQL: procrastinate -----------------------------------------------------------------

def _conninfo() -> str:
    """The database the ORM opened (tests and commands may open another than the settings
    name), as libpq wants it."""
    from crm.core.db import current_url
    from crm.settings import get_settings
    url = current_url() or get_settings().database_url
    return re.sub(r"^(postgres(ql)?|asyncpg)://", "postgresql://", url).split("?")[0]


def procrastinate_app(*, periodic: bool = True) -> Any:
    """A procrastinate App with every task registered (and the periodic ones, unless not)."""
    import procrastinate
    from procrastinate.retry import BaseRetryStrategy, RetryDecision

    class Backoff(BaseRetryStrategy):
        def __init__(self, retries: int) -> None:
            self.retries = retries

        def get_retry_decision(self, *, exception: BaseException, job: Any
                               ) -> RetryDecision | None:
            if job.attempts >= self.retries:
                return None
            return RetryDecision(retry_in={"seconds": int(backoff(job.attempts + 1))})

    app = procrastinate.App(connector=procrastinate.PsycopgConnector(conninfo=_conninfo()))
    for t in list(load_tasks().values()):
        app.task(name=t.name, pass_context=True, retry=Backoff(t.retries), queue=QUEUE)(
            _wrapped(t.name))
    fan = app.task(name=FAN_OUT, pass_context=True, retry=Backoff(3), queue=QUEUE)(
        _wrapped(FAN_OUT))
    if periodic:
        for t in TASKS.values():
            if (expression := t.schedule()):
                app.periodic(cron=expression, periodic_id=t.name,
                             task_kwargs={"task": t.name})(fan)
    return app


def _wrapped(name: str) -> Callable[..., Awaitable[None]]:
    async def run(context: Any, **kwargs: Any) -> None:
        job_id = context.job.id
        conn = _conn()
        await conn.execute_query(
            "UPDATE procrastinate_jobs SET crm_started_at = now(), crm_runs = crm_runs + 1 "
            "WHERE id = $1", [job_id])
        try:
            await _call(name, kwargs)
        except Exception as exc:
            log.warning("job %s %s failed: %s", name, job_id, error_text(exc))
            await conn.execute_query(
                "UPDATE procrastinate_jobs SET crm_finished_at = now(), crm_last_error = $2 "
                "WHERE id = $1", [job_id, error_text(exc)])
            raise
        await conn.execute_query(
            "UPDATE procrastinate_jobs SET crm_finished_at = now() WHERE id = $1", [job_id])

    run.__name__ = name.replace(".", "_")
    return run


async def _pg_requeue_stalled(app: Any) -> None:
    """Jobs whose worker stopped beating (killed mid-job) run again: at least once."""
    while True:
        await asyncio.sleep(60)
        try:
            for job in await app.job_manager.get_stalled_jobs():
                log.warning("job %s %s was left running by a dead worker: retrying it",
                            job.task_name, job.id)
                await app.job_manager.retry_job(job)
        except asyncio.CancelledError:
            raise
        except Exception:
            log.exception("looking for stalled jobs failed; trying again")


async def _pg_worker(stop: asyncio.Event, concurrency: int) -> None:
    app = procrastinate_app()
    async with app.open_async():
        worker = asyncio.create_task(app.run_worker_async(
            install_signal_handlers=False, concurrency=concurrency, wait=True,
            delete_jobs="never"))
        stopping = asyncio.create_task(stop.wait())
        stalled = asyncio.create_task(_pg_requeue_stalled(app))
        await asyncio.wait([worker, stopping], return_when=asyncio.FIRST_COMPLETED)
        stalled.cancel()
        if not worker.done():
            # procrastinate finishes the jobs it runs when cancelled, then stops.
            worker.cancel()
            try:
                await worker
            except asyncio.CancelledError:
                pass
        stopping.cancel()


# --- running -----------------------------------------------------------------------------------

async def run_worker(stop: asyncio.Event, *, concurrency: int = 1) -> None:
    """Run jobs until `stop` is set: procrastinate's worker on PostgreSQL, our runner loop on
    SQLite. What `crm worker` and `crm serve` run."""
    load_tasks()
    if is_postgres():
        await _pg_worker(stop, concurrency)
    else:
        await _sqlite_worker(stop)


async def run_pending(now: dt.datetime | None = None) -> int:
    """Run every job due at `now`, including those the jobs defer while running, until none
    is due; how many ran. What tests and `crm jobs run-once` call."""
    load_tasks()
    before = _ran
    if not is_postgres():
        while await _sqlite_run_one(_utc(now)):
            pass
        return _ran - before
    app = procrastinate_app(periodic=False)
    async with app.open_async():
        while True:
            # procrastinate fetches by the database's clock: what is due at `now` is moved
            # to the present so the worker takes it.
            await _conn().execute_query(
                "UPDATE procrastinate_jobs SET scheduled_at = now() WHERE status = 'todo' "
                "AND scheduled_at > now() AND scheduled_at <= $1", [_utc(now)])
            ran = _ran
            await app.run_worker_async(install_signal_handlers=False, wait=False,
                                       listen_notify=False, delete_jobs="never")
            if _ran == ran:
                return _ran - before


# --- schema ------------------------------------------------------------------------------------

PG_EXTRA = """
ALTER TABLE procrastinate_jobs
    ADD COLUMN IF NOT EXISTS crm_id uuid NOT NULL DEFAULT gen_random_uuid(),
    ADD COLUMN IF NOT EXISTS crm_created_at timestamptz NOT NULL DEFAULT now(),
    ADD COLUMN IF NOT EXISTS crm_started_at timestamptz,
    ADD COLUMN IF NOT EXISTS crm_finished_at timestamptz,
    ADD COLUMN IF NOT EXISTS crm_runs integer NOT NULL DEFAULT 0,
    ADD COLUMN IF NOT EXISTS crm_last_error text,
    ADD COLUMN IF NOT EXISTS crm_workspace_id uuid GENERATED ALWAYS AS (
        CASE WHEN args->>'workspace_id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
        THEN (args->>'workspace_id')::uuid END) STORED;
CREATE UNIQUE INDEX IF NOT EXISTS crm_job_id_idx ON procrastinate_jobs (crm_id);
CREATE INDEX IF NOT EXISTS crm_job_workspace_idx
    ON procrastinate_jobs (crm_workspace_id, crm_created_at, crm_id);
CREATE OR REPLACE VIEW crm_job AS
    SELECT crm_id AS id, crm_workspace_id AS workspace_id, crm_created_at AS created_at,
           COALESCE(crm_finished_at, crm_started_at, crm_created_at) AS updated_at,
           task_name, status::text AS status, args, lock, queueing_lock,
           COALESCE(scheduled_at, crm_created_at) AS scheduled_at, crm_runs AS attempts,
           crm_started_at AS started_at, crm_finished_at AS finished_at,
           crm_last_error AS last_error
    FROM procrastinate_jobs WHERE crm_workspace_id IS NOT NULL;
"""


async def install_pg_schema(client: Any) -> None:
    """procrastinate's schema (once) and our columns and view on it: the migration's step."""
    from procrastinate.schema import SchemaManager
    exists = await client.execute_query_dict(
        "SELECT to_regclass('procrastinate_jobs') IS NOT NULL AS present")
    if not exists[0]["present"]:
        await client.execute_script(SchemaManager.get_schema())
    await client.execute_script(PG_EXTRA)
