"""The rules of workflows: saving them (validated against their owner's permissions, every
change a new version), firing them from writes, schedules and dates, and running them step by
step as their owner.

A `start_approval` step asks an approval rule's approvers about the run's record, through the
approvals service (`request_for_workflow`): the workflow's owner is the requester, and a record
has one open request per rule.

Not here yet: inbound-webhook triggers and the "send an email template" action (its module has
not landed).
"""

from __future__ import annotations

import datetime as dt
import logging
import time
import uuid
from contextvars import ContextVar
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from decimal import Decimal, InvalidOperation
from enum import Enum
from typing import Any

import strawberry
from graphql import GraphQLError
from tortoise import Tortoise, fields
from tortoise.exceptions import IntegrityError
from tortoise.expressions import F, Q
from tortoise.transactions import in_transaction

from crm.approvals import service as approvals
from crm.auth import service as auth
from crm.automation import cron as cronlib
from crm.automation.models import (
    RunStatus,
    Workflow,
    WorkflowFiring,
    WorkflowRotation,
    WorkflowRun,
    WorkflowRunStep,
    WorkflowVersion,
)
from crm.collaboration import service as collaboration
from crm.core import audit
from crm.core.errors import ErrorCode, ServiceError
from crm.core.filters import FilterSpec
from crm.core.hooks import AUDIT_RECORDED
from crm.core.jobs import defer, task
from crm.core.models import AuditEvent
from crm.core.policy import Access, Actor, RowScope
from crm.core.records import find_for_write, require_write_scope, update_versioned, utcnow
from crm.core.scoping import scoped
from crm.core.validation import camel, check_version
from crm.customers import service as customers
from crm.sales import service as sales
from crm.settings import get_settings
from crm.webhooks import service as webhooks

log = logging.getLogger("crm.automation")

OBJECT_TYPES = ("Customer", "Contact", "Lead", "Opportunity", "Order", "Task")
EVENT_TRIGGERS = ("created", "updated", "deleted", "field_changed")
TRIGGERS = (*EVENT_TRIGGERS, "schedule", "date_reached")
ACTIONS = ("create_task", "notify", "update_fields", "assign_owner", "add_tags", "webhook",
           "start_approval", "wait", "branch")
MAX_STEPS = 25
MAX_BRANCH_DEPTH = 3
MAX_WAIT_DAYS = 365
# How deep a condition nests (and/or/not and relations each one level) and how many values
# it compares: each is SQL on every run.
MAX_CONDITION_DEPTH = 5
MAX_CONDITION_LEAVES = 50

# The list filters of the object types, registered by this module's GraphQL room (the specs
# live in the other modules' types, which only a GraphQL room may import).
FILTERS: dict[str, FilterSpec] = {}


def register_filter(type_name: str, spec: FilterSpec) -> None:
    FILTERS[type_name] = spec


def _filters() -> dict[str, FilterSpec]:
    if not FILTERS:
        from crm.automation import types  # noqa: F401  (registers the filters)
    return FILTERS


def model_of(type_name: str) -> Any:
    for m in Tortoise.apps["crm"].values():
        if m.__name__ == type_name and getattr(m, "policy_type", "") == type_name:
            return m
    raise KeyError(type_name)


# Fields an update action may write, per type (API names), through that type's service.
WRITABLE: dict[str, tuple[str, ...]] = {
    "Customer": ("industry", "region", "source", "level", "lifecycleStage", "nextFollowUpAt",
                 "address"),
    "Contact": ("title",),
    "Lead": ("status", "source", "company", "title"),
    "Opportunity": ("title", "probability", "expectedCloseDate"),
    "Task": ("title", "description", "priority", "status", "dueAt", "remindAt"),
}
# Date fields a date trigger may watch, per type (API name -> column).
DATE_FIELDS: dict[str, dict[str, str]] = {
    "Customer": {"nextFollowUpAt": "next_follow_up_at", "poolReturnAt": ""},
    "Opportunity": {"expectedCloseDate": "expected_close_date"},
    "Order": {"contractEnd": "contract_end"},
    "Task": {"dueAt": "due_at", "remindAt": "remind_at"},
}
# Where each type's owner is, for "the record's owner".
OWNER_COLUMN = {"Customer": "owner_id", "Lead": "owner_id", "Opportunity": "owner_id",
                "Order": "owner_id", "Task": "assignee_id", "Contact": "owner_id"}


def invalid(message: str, field: str, code: ErrorCode = ErrorCode.INVALID) -> ServiceError:
    return ServiceError(code, message, field)


# --- the cache of enabled event workflows ----------------------------------------------------
#
# The audit hook runs on every write: it must cost no statement where no workflow listens. As
# the webhooks' endpoints (crm.webhooks.service): one process-wide map of every workspace's
# enabled event workflows, read in one statement and kept for CRM_WORKFLOWS_CACHE_SECONDS, and a
# per-workspace generation in Redis that a change moves, so other processes read that
# workspace again at their next write of it.

GENERATION = "crm:workflows:generation:"
GENERATION_FRESH_SECONDS = 1.0


@dataclass(frozen=True)
class Listener:
    workflow_id: uuid.UUID
    version: int
    object_type: str
    trigger: dict[str, Any]


async def _redis_generation(workspace_id: uuid.UUID) -> bytes | None:
    url = get_settings().redis_url
    if not url:
        return None
    from redis.exceptions import RedisError

    from crm.core.shared import redis_client
    try:
        found = await redis_client(url).get(GENERATION + str(workspace_id))
    except (RedisError, OSError):
        return None
    return found or b"0"


class ListenerCache:
    def __init__(self) -> None:
        self._map: dict[uuid.UUID, list[Listener]] | None = None
        self._loaded_at = 0.0
        self._generations: dict[uuid.UUID, bytes] = {}
        self._read: dict[uuid.UUID, tuple[float, bytes | None]] = {}

    def clear(self) -> None:
        self._map = None
        self._generations.clear()
        self._read.clear()

    @staticmethod
    def _listeners(rows: list[Any]) -> dict[uuid.UUID, list[Listener]]:
        out: dict[uuid.UUID, list[Listener]] = {}
        for ws, pk, version, object_type, trigger in rows:
            if (trigger or {}).get("type") in EVENT_TRIGGERS:
                out.setdefault(ws, []).append(Listener(pk, version, object_type, trigger))
        return out

    async def _generation(self, workspace_id: uuid.UUID) -> bytes | None:
        now = time.monotonic()
        last = self._read.get(workspace_id)
        if last is not None and now - last[0] < GENERATION_FRESH_SECONDS:
            return last[1]
        generation = await _redis_generation(workspace_id)
        self._read[workspace_id] = (now, generation)
        return generation

    async def of(self, workspace_id: uuid.UUID) -> list[Listener]:
        generation = await self._generation(workspace_id)
        ttl = get_settings().workflows_cache_seconds
        if self._map is None or (ttl and time.monotonic() - self._loaded_at >= ttl):
            rows = await Workflow.filter(enabled=True, deleted_at=None).values_list(
                "workspace_id", "id", "version", "object_type", "trigger")
            self._map, self._loaded_at = self._listeners(list(rows)), time.monotonic()
        if generation is not None and self._generations.get(workspace_id) != generation:
            rows = await Workflow.filter(workspace_id=workspace_id, enabled=True,
                                         deleted_at=None).values_list(
                "workspace_id", "id", "version", "object_type", "trigger")
            self._map[workspace_id] = self._listeners(list(rows)).get(workspace_id, [])
            self._generations[workspace_id] = generation
        return self._map.get(workspace_id, [])


_cache = ListenerCache()


def invalidate() -> None:
    _cache.clear()


async def changed(workspace_id: uuid.UUID) -> None:
    """The workspace's workflows changed: this process reads them again at once, others (with
    Redis) at their next write of the workspace."""
    _cache.clear()
    url = get_settings().redis_url
    if not url:
        return
    from redis.exceptions import RedisError

    from crm.core.shared import redis_client
    try:
        await redis_client(url).incr(GENERATION + str(workspace_id))
    except (RedisError, OSError):
        pass


# --- firing from writes ----------------------------------------------------------------------

@dataclass(frozen=True)
class RunContext:
    run_id: uuid.UUID
    workflow_id: uuid.UUID
    name: str
    depth: int
    # How many runs the run's writes queued so far: together they count as one event for
    # CRM_WORKFLOW_MAX_RUNS_PER_EVENT.
    queued: list[int] = dataclass_field(default_factory=lambda: [0])


# The run whose actions are writing now: their writes fire runs one level deeper.
_running: ContextVar[RunContext | None] = ContextVar("crm_workflow_running", default=None)

_CREATE_ACTIONS = frozenset({"create"})
_DELETE_ACTIONS = frozenset({"delete", "merged_away"})
# Audit actions of the engine itself: never a trigger.
RUN_ACTION = "workflow_run"


def _change_of(changes: dict[str, Any], field: str) -> list[Any] | None:
    for key, pair in changes.items():
        name = camel(key)
        if name == field or name == f"{field}Id":
            return pair if isinstance(pair, list) and len(pair) == 2 else None
    return None


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return str(a) == str(b)


def trigger_fires(trigger: dict[str, Any], action: str, changes: dict[str, Any],
                  object_type: str | None = None) -> bool:
    kind = trigger.get("type")
    if action == RUN_ACTION:
        return False
    if kind == "created":
        return action in _CREATE_ACTIONS
    if kind == "deleted":
        return action in _DELETE_ACTIONS
    if action in _CREATE_ACTIONS or action in _DELETE_ACTIONS or not changes:
        return False
    if kind == "updated":
        return True
    if kind != "field_changed":
        return False
    pair = _change_of(changes, str(trigger.get("field")))
    if pair is None or _same(pair[0], pair[1]):
        return False
    if "from" in trigger and not _same(pair[0], trigger["from"]):
        return False
    if "to" in trigger and not _same(pair[1], trigger["to"]):
        return False
    if trigger.get("crossesAbove") is not None:
        return _crosses_above(trigger, object_type, pair)
    return True


def _crosses_above(trigger: dict[str, Any], object_type: str | None, pair: list[Any]) -> bool:
    """Whether a number field went from at or below the threshold to above it. Never raises:
    it is judged inside every write of the type, and a value that is no number (a workflow
    saved before the field check, a changed column) must not break those writes."""
    scale = _numeric_scale(object_type, str(trigger.get("field"))) if object_type else 100
    if scale is None:
        return False
    try:
        # Money and percentages are audited in hundredths (minor units, basis points): the
        # threshold is compared in the same units.
        limit = Decimal(str(trigger["crossesAbove"])) * scale
        old = Decimal(str(pair[0])) if pair[0] is not None else None
        new = Decimal(str(pair[1])) if pair[1] is not None else None
        return (new is not None and limit.is_finite() and new.is_finite() and new > limit
                and (old is None or old <= limit))
    except (InvalidOperation, ValueError, TypeError):
        return False


async def on_audit(actor: Actor, event: AuditEvent) -> None:
    """Queue a run of every enabled workflow the write fires, in the write's own transaction."""
    if event.object_type not in OBJECT_TYPES:
        return
    listeners = await _cache.of(event.workspace_id)
    if not listeners:
        return
    fired = [w for w in listeners if w.object_type == event.object_type
             and trigger_fires(w.trigger, event.action, event.changes or {},
                                          w.object_type)]
    if not fired:
        return
    parent = _running.get()
    depth = parent.depth + 1 if parent is not None else 1
    # One write (or all the writes of one run) queues so many runs at most: N workflows on a
    # type would otherwise be N runs, N² a level deeper, N³ below that.
    queued = parent.queued if parent is not None else [0]
    cap = get_settings().workflow_max_runs_per_event
    for w in fired:
        over = queued[0] >= cap
        if not over:
            queued[0] += 1
        else:
            log.warning("workflow %s not run: its write already queued %s runs",
                        w.workflow_id, cap, extra={"event": str(event.id)})
        await start_run(event.workspace_id, w.workflow_id, w.version, event.object_type,
                        event.object_id, event_id=event.id, depth=depth, over_cap=over)


AUDIT_RECORDED.register(on_audit)


async def start_run(workspace_id: uuid.UUID, workflow_id: uuid.UUID, version: int,
                    record_type: str | None, record_id: uuid.UUID | None, *,
                    event_id: uuid.UUID | None = None, depth: int = 1,
                    over_cap: bool = False) -> WorkflowRun:
    """A queued run and its job, in the caller's transaction; past the depth guard, or past
    the runs one write may queue (`over_cap`), a run that is recorded as stopped and never
    runs."""
    settings = get_settings()
    limit = settings.workflow_max_depth
    error = None
    if depth > limit:
        error = (f"Stopped: workflows triggered each other {depth} levels deep (the limit is "
                 f"{limit}); a workflow's write fired another workflow in a loop")
    elif over_cap:
        error = (f"Stopped: the write that fired it had queued "
                 f"{settings.workflow_max_runs_per_event} workflow runs already (the limit "
                 "per write)")
    if error is not None:
        now = utcnow()
        return await WorkflowRun.create(
            workspace_id=workspace_id, workflow_id=workflow_id, version=version,
            record_type=record_type, record_id=record_id, event_id=event_id, depth=depth,
            status=RunStatus.STOPPED, started_at=now, finished_at=now, error=error)
    run = await WorkflowRun.create(workspace_id=workspace_id, workflow_id=workflow_id,
                                   version=version, record_type=record_type, record_id=record_id,
                                   event_id=event_id, depth=depth)
    await defer("automation.run", workspace_id=str(workspace_id), run_id=str(run.id))
    return run


# Retries happen step by step inside the run (each attempt recorded on its step), so the job
# itself is not retried: a second job would replay the steps already done.
@task("automation.run", retries=0)
async def run_job(run_id: str, workspace_id: str | None = None) -> None:
    await execute(uuid.UUID(run_id))


@task("automation.resume", retries=0)
async def resume_job(run_id: str, workspace_id: str | None = None) -> None:
    await execute(uuid.UUID(run_id), resuming=True)


# How many stalled runs one wake takes on (the rest wait for the next minute).
WAKE_BATCH = 100


@task("automation.wake", retries=0, cron="* * * * *")
async def wake_job(workspace_id: str | None = None, timestamp: int | None = None) -> None:
    """Every minute, per workspace (the job system fans a periodic task out): schedules due
    this minute, dates reached, and waiting runs whose resume job was lost (a worker that died
    with it): each claimed once, so nothing runs twice."""
    now = dt.datetime.fromtimestamp(timestamp, dt.UTC) if timestamp else utcnow()
    ws = uuid.UUID(workspace_id) if workspace_id else None
    await fire_schedules(now, ws)
    await scan_dates(now, ws)
    waiting = WorkflowRun.filter(status=RunStatus.WAITING,
                                 resume_at__lte=now - dt.timedelta(minutes=5))
    if ws is not None:
        waiting = waiting.filter(workspace_id=ws)
    late = await waiting.values_list("id", flat=True)
    for run_id in late:
        await execute(run_id, resuming=True, now=now)  # type: ignore[arg-type]
    # Runs left running by a worker that died mid-run (no step moved for the jobs' lease): go
    # on from their recorded steps.
    lease = dt.timedelta(seconds=get_settings().jobs_stalled_seconds)
    running = WorkflowRun.filter(status=RunStatus.RUNNING, updated_at__lt=now - lease)
    if ws is not None:
        running = running.filter(workspace_id=ws)
    for run_id in await running.limit(WAKE_BATCH).values_list("id", flat=True):
        await execute(run_id, recovering=True, now=now)  # type: ignore[arg-type]


# --- schedules and dates -----------------------------------------------------------------------

async def _fire_once(workspace_id: uuid.UUID, workflow: Any, key: str, record_type: str | None,
                     record_id: uuid.UUID | None) -> bool:
    try:
        async with in_transaction("default"):
            await WorkflowFiring.create(workspace_id=workspace_id, workflow_id=workflow.id,
                                        key=key[:120])
            await start_run(workspace_id, workflow.id, workflow.version, record_type, record_id)
    except IntegrityError:
        return False  # fired already (another worker, an earlier scan)
    return True


def _enabled(workspace_id: uuid.UUID | None) -> Any:
    qs = Workflow.filter(enabled=True, deleted_at=None)
    return qs if workspace_id is None else qs.filter(workspace_id=workspace_id)


async def fire_schedules(now: dt.datetime, workspace_id: uuid.UUID | None = None) -> int:
    """Run each enabled schedule workflow (of one workspace, or all) whose cron matches this
    minute, once per slot."""
    slot = now.replace(second=0, microsecond=0)
    fired = 0
    for w in await _enabled(workspace_id):
        if (w.trigger or {}).get("type") != "schedule":
            continue
        try:
            spec = cronlib.parse(w.trigger.get("cron", ""))
        except cronlib.CronError:
            continue
        if spec.matches(slot):
            fired += await _fire_once(w.workspace_id, w, f"slot:{slot.isoformat()}", None, None)
    return fired


# How far back a date scan looks: a scan that missed some minutes (a restart) catches up, and
# enabling a workflow does not fire for dates long past.
DATE_WINDOW = dt.timedelta(days=1)
# How many records one scan of one workflow takes, per pass (dates newly reached; records
# changed since the last scan): the rest are taken by the next minute's scan, from where it
# stopped.
DATE_BATCH = 500
SCAN_KEY = "scan:"
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)


@dataclass
class _Cursor:
    """Where a workflow's date scan stopped, kept in a firing row of its own (bookkeeping,
    never shown): the last (value, id) whose date it took, and the last (updated_at, id) of
    the records changed since it had passed them."""

    value: dt.datetime
    value_id: uuid.UUID | None
    changed: dt.datetime
    changed_id: uuid.UUID | None

    @staticmethod
    def _us(moment: dt.datetime) -> str:
        return str((moment - _EPOCH) // dt.timedelta(microseconds=1))

    def key(self) -> str:
        return (f"{SCAN_KEY}{self._us(self.value)}:{self.value_id.hex if self.value_id else '-'}"
                f":{self._us(self.changed)}:{self.changed_id.hex if self.changed_id else '-'}")

    @classmethod
    def parse(cls, key: str) -> _Cursor | None:
        try:
            v, vid, c, cid = key.removeprefix(SCAN_KEY).split(":")
            return cls(_EPOCH + dt.timedelta(microseconds=int(v)),
                       uuid.UUID(vid) if vid != "-" else None,
                       _EPOCH + dt.timedelta(microseconds=int(c)),
                       uuid.UUID(cid) if cid != "-" else None)
        except ValueError:
            return None


def _moment(value: Any) -> dt.datetime:
    if isinstance(value, str):  # an annotation, as SQLite hands it back
        value = dt.datetime.fromisoformat(value)
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
    return dt.datetime.combine(value, dt.time(), dt.UTC)


def _after(column: str, value: Any, pk: uuid.UUID | None) -> Q:
    """Rows after (value, pk) in (column, id) order."""
    if pk is None:
        return Q(**{f"{column}__gt": value})
    return Q(**{f"{column}__gt": value}) | Q(Q(**{column: value}), Q(id__gt=pk))


async def scan_dates(now: dt.datetime, workspace_id: uuid.UUID | None = None) -> int:
    """Fire date workflows (of one workspace, or all) for records whose date (shifted by the
    offset) was reached within the window, once per record and date value. Each scan goes on
    from where the last one stopped, in batches: dates reached since, then records changed
    since whose date was already passed (a date moved to today)."""
    fired = 0
    for w in await _enabled(workspace_id):
        trigger = w.trigger or {}
        if trigger.get("type") != "date_reached":
            continue
        field = str(trigger.get("field"))
        column = DATE_FIELDS.get(w.object_type, {}).get(field)
        if column is None:
            continue
        shift = dt.timedelta(days=int(trigger.get("offsetDays") or 0))
        model = model_of(w.object_type)
        qs = model.filter(workspace_id=w.workspace_id, deleted_at=None)
        # The moment is value + shift: reached when value lies in (now-window-shift, now-shift].
        low, high = now - DATE_WINDOW - shift, now - shift
        is_date = False
        if field == "poolReturnAt":
            from tortoise.functions import Coalesce
            days = dt.timedelta(days=int(await auth.workspace_setting(w.workspace_id,
                                                                      "pool_sweep_days")))
            low, high = low - days, high - days
            qs = qs.annotate(moment=Coalesce("last_follow_up_at", F("created_at"))).filter(
                in_pool=False, owner_id__not_isnull=True)
            column = "moment"
        else:
            is_date = isinstance(model._meta.fields_map[column], _date_field_class()) and \
                not isinstance(model._meta.fields_map[column], fields.DatetimeField)

        def v(moment: dt.datetime, is_date: bool = is_date) -> Any:
            return moment.date() if is_date else moment

        started = utcnow()
        row = await WorkflowFiring.filter(workflow_id=w.id, key__startswith=SCAN_KEY).first()
        cursor = _Cursor.parse(row.key) if row is not None else None
        window = Q(**{f"{column}__gt": v(low), f"{column}__lte": v(high)})
        found: list[tuple[uuid.UUID, Any]] = []
        if cursor is None or cursor.value < low:
            reached = qs.filter(window)
        else:
            reached = qs.filter(window, _after(column, v(cursor.value), cursor.value_id))
        batch = [(pk, _moment(value) if column == "moment" else value) for pk, value in
                 await reached.order_by(column, "id").limit(DATE_BATCH)
                 .values_list("id", column)]
        found += batch
        if len(batch) == DATE_BATCH:
            value, value_id = _moment(batch[-1][1]), batch[-1][0]
        else:
            value, value_id = high, None
        changed, changed_id = started, None
        if cursor is not None and cursor.value >= low:
            # Changed since the last scan, with a date it had passed already.
            passed = Q(**{f"{column}__gt": v(low), f"{column}__lte": v(cursor.value)})
            later = list(await qs.filter(passed, _after("updated_at", cursor.changed,
                                                        cursor.changed_id))
                         .order_by("updated_at", "id").limit(DATE_BATCH)
                         .values_list("id", column, "updated_at"))
            found += [(r[0], _moment(r[1]) if column == "moment" else r[1]) for r in later]
            if len(later) == DATE_BATCH:
                changed, changed_id = _moment(later[-1][2]), later[-1][0]
        for record_id, value_found in found:
            key = f"date:{record_id}:{audit.plain(value_found)}"
            fired += await _fire_once(w.workspace_id, w, key, w.object_type, record_id)
        key = _Cursor(value, value_id, changed, changed_id).key()
        if row is None:
            try:
                await WorkflowFiring.create(workspace_id=w.workspace_id, workflow_id=w.id,
                                            key=key)
            except IntegrityError:
                pass
        else:
            await WorkflowFiring.filter(id=row.id).update(key=key)
    return fired


def _date_field_class() -> type:
    from tortoise.fields import DateField
    return DateField


# --- running -----------------------------------------------------------------------------------

async def owner_actor(workspace_id: uuid.UUID, owner_id: uuid.UUID) -> Actor | None:
    """The workflow's owner as an actor: their permissions bound every action. None when the
    owner left (disabled)."""
    system = Actor(workspace_id=workspace_id, user_id=None, role="admin")
    user = await auth.colleague(system, owner_id, active=True)
    if user is None:
        return None
    return await auth.actor_for_user(user, request_id="workflow")


@dataclass
class Subject:
    type_name: str | None
    id: uuid.UUID | None
    row: Any

    @property
    def customer_id(self) -> uuid.UUID | None:
        if self.row is None:
            return None
        if self.type_name == "Customer":
            return self.id
        return getattr(self.row, "customer_id", None)

    @property
    def owner_id(self) -> uuid.UUID | None:
        column = OWNER_COLUMN.get(self.type_name or "")
        return getattr(self.row, column, None) if column and self.row is not None else None

    @property
    def label(self) -> str:
        if self.row is None:
            return ""
        return str(getattr(self.row, "name", None) or getattr(self.row, "title", None)
                   or getattr(self.row, "number", None) or "")


async def load_subject(workspace_id: uuid.UUID, type_name: str | None,
                       record_id: uuid.UUID | None, reader: Actor | None = None) -> Subject:
    """The run's record; with `reader` (the workflow's owner), only if they may read it (the
    public pool and deleted records included: a deleted trigger runs on a deleted record),
    else its row is None."""
    row = None
    if type_name and record_id:
        model = model_of(type_name)
        qs = (model.filter(workspace_id=workspace_id) if reader is None
              else scoped(model, reader, include_pool=True, include_deleted=True))
        row = await qs.filter(id=record_id).first()
    return Subject(type_name, record_id, row)


async def condition_matches(actor: Actor, type_name: str, condition: Any,
                            record_id: uuid.UUID) -> bool:
    """Whether the record is one the owner's list of that type, filtered by the condition,
    holds: one statement, in SQL."""
    qs = scoped(model_of(type_name), actor, include_pool=True).filter(id=record_id)
    if condition:
        qs = qs.filter(_filter_q(actor, type_name, condition, "condition"))
    return bool(await qs.exists())


async def execute(run_id: uuid.UUID, *, resuming: bool = False, recovering: bool = False,
                  now: dt.datetime | None = None) -> None:
    """Run (or go on with) one run: claimed by a conditional update, so two workers never run
    the same one. `recovering`: a run left running (its worker killed) for longer than
    CRM_JOBS_STALLED_SECONDS goes on from its recorded steps, none of them done twice.

    A run never stays running: whatever raises ends it failed, with the reason."""
    now = now or utcnow()
    if recovering:
        # Each step's progress moves updated_at: a run quiet for the lease has no worker.
        lease = dt.timedelta(seconds=get_settings().jobs_stalled_seconds)
        claimed = await WorkflowRun.filter(
            id=run_id, status=RunStatus.RUNNING, updated_at__lt=now - lease).update(
            updated_at=utcnow())
    else:
        expected = [RunStatus.WAITING] if resuming else [RunStatus.QUEUED]
        claimed = await WorkflowRun.filter(id=run_id, status__in=expected).update(
            status=RunStatus.RUNNING, resume_at=None, updated_at=utcnow())
    if not claimed:
        return
    try:
        await _execute(run_id, resuming, recovering, now)
    except Exception as exc:
        log.exception("workflow run failed", extra={"run": str(run_id)})
        await WorkflowRun.filter(id=run_id, status=RunStatus.RUNNING).update(
            status=RunStatus.FAILED, finished_at=utcnow(), pending=None,
            error=f"The run broke off: unexpected error ({type(exc).__name__})")


def _step_error(exc: Exception, run_id: uuid.UUID) -> str:
    if isinstance(exc, ServiceError):
        return f"{exc.code.name}: {exc}"
    log.exception("workflow step failed", extra={"run": str(run_id)})
    return f"unexpected error ({type(exc).__name__})"


async def _execute(run_id: uuid.UUID, resuming: bool, recovering: bool,
                   now: dt.datetime) -> None:
    run = await WorkflowRun.get(id=run_id)
    if run.started_at is None:
        run.started_at = now
        await WorkflowRun.filter(id=run.id).update(started_at=now)
    version = await WorkflowVersion.get_or_none(workflow_id=run.workflow_id, version=run.version)
    workflow = await Workflow.get_or_none(id=run.workflow_id)
    if version is None or workflow is None:
        await _finish(run, RunStatus.FAILED, "The workflow's definition is gone", None, None)
        return
    definition = version.definition
    # Where the steps start: after the wait that saved `pending` (its step is recorded with
    # it, in one transaction), else at the first one. A recovered run finds the steps done
    # since recorded, and takes them as done.
    base = run.steps_done if resuming else 0
    recorded: dict[int, WorkflowRunStep] = {}
    if recovering:
        steps = list(await WorkflowRunStep.filter(run_id=run.id).order_by("index"))
        if run.pending is not None:
            base = max((s.index + 1 for s in steps if s.action == "wait"), default=0)
        recorded = {s.index: s for s in steps if s.index >= base}
    going_on = resuming or (recovering and (run.pending is not None or bool(recorded)))
    actor = await owner_actor(run.workspace_id, workflow.owner_id)
    name = definition.get("name", "")
    if actor is None:
        subject = await load_subject(run.workspace_id, run.record_type, run.record_id)
        await _finish(run, RunStatus.FAILED, "The workflow's owner is disabled or gone", subject,
                      name)
        return
    actor.request_id = f"workflow-run:{run.id.hex}"
    # The run acts as its owner, never more: on a record they may not read it does nothing
    # (condition or none), and tells nothing of it (no notification, no task).
    subject = await load_subject(run.workspace_id, run.record_type, run.record_id, actor)
    if subject.id is not None and subject.row is None:
        if not going_on:
            await _finish(run, RunStatus.SKIPPED, "The record is gone or the workflow's "
                          "owner may not read it", None, name)
            return
        await _finish(run, RunStatus.STOPPED, "the record is no longer one the workflow's "
                      "owner may read", await load_subject(
                          run.workspace_id, run.record_type, run.record_id), name)
        return
    if not going_on and subject.id is not None and definition.get("condition") is not None:
        try:
            matched = await condition_matches(actor, subject.type_name or "",
                                              definition["condition"], subject.id)
        except ServiceError as exc:
            await _finish(run, RunStatus.FAILED, f"The condition cannot be evaluated: {exc}",
                          subject, name)
            return
        if not matched:
            await _finish(run, RunStatus.SKIPPED, "The record does not match the condition",
                          subject, name)
            return
    queue: list[dict[str, Any]] = list(run.pending if going_on and run.pending is not None
                                       else definition.get("actions") or [])
    context = RunContext(run.id, run.workflow_id, name, run.depth)
    token = _running.set(context)
    note = audit.acting_for.set(f"by workflow “{name}”")
    done: list[str] = []
    index = base
    try:
        while queue:
            step = queue.pop(0)
            kind = step.get("type", "")
            started = time.monotonic()
            prior = recorded.get(index)
            if prior is not None:
                # Done before the worker died: taken as it went, never done again.
                if prior.error is not None:
                    await _finish(run, RunStatus.FAILED,
                                  f"Step {index + 1} ({kind}) failed after {prior.attempts} "
                                  f"attempts: {prior.error}", subject, name)
                    return
                if kind == "branch":
                    matched = bool((prior.output or {}).get("matched"))
                    queue = list(step.get("then" if matched else "else") or []) + queue
                else:
                    done.append(describe_output(kind, prior.output))
                index += 1
                continue
            if kind == "wait":
                delay = wait_delta(step)
                at = now + delay
                async with in_transaction("default"):
                    await WorkflowRunStep.create(
                        workspace_id=run.workspace_id, run_id=run.id, index=index,
                        action=kind, input=step, output={"resumesAt": at.isoformat()},
                        duration_ms=0)
                    await WorkflowRun.filter(id=run.id).update(
                        status=RunStatus.WAITING, pending=queue, resume_at=at,
                        steps_done=index + 1, updated_at=utcnow())
                    await defer("automation.resume", run_at=at, run_id=str(run.id),
                                workspace_id=str(run.workspace_id),
                                queueing_lock=f"workflow-resume:{run.id}")
                return
            if kind == "branch":
                try:
                    matched = subject.id is not None and await condition_matches(
                        actor, subject.type_name or "", step.get("condition"), subject.id)
                except Exception as exc:
                    # A branch that cannot be judged ends its run with the reason.
                    why = _step_error(exc, run.id)
                    await WorkflowRunStep.create(
                        workspace_id=run.workspace_id, run_id=run.id, index=index,
                        action=kind, input={"condition": step.get("condition")}, error=why,
                        duration_ms=int((time.monotonic() - started) * 1000))
                    await _finish(run, RunStatus.FAILED,
                                  f"Step {index + 1} (branch) failed: {why}", subject, name)
                    return
                async with in_transaction("default"):
                    await WorkflowRunStep.create(
                        workspace_id=run.workspace_id, run_id=run.id, index=index,
                        action=kind, input={"condition": step.get("condition")},
                        output={"matched": matched},
                        duration_ms=int((time.monotonic() - started) * 1000))
                    await WorkflowRun.filter(id=run.id).update(steps_done=index + 1,
                                                               updated_at=utcnow())
                queue = list(step.get("then" if matched else "else") or []) + queue
                index += 1
                continue
            attempts = get_settings().workflow_step_attempts
            error: str | None = None
            for attempt in range(1, attempts + 1):
                try:
                    async with in_transaction("default"):
                        output = await perform(actor, workflow, subject, step, now)
                        await WorkflowRunStep.create(
                            workspace_id=run.workspace_id, run_id=run.id, index=index,
                            action=kind, input=step, output=output, attempts=attempt,
                            duration_ms=int((time.monotonic() - started) * 1000))
                        await WorkflowRun.filter(id=run.id).update(steps_done=index + 1,
                                                                   updated_at=utcnow())
                    error = None
                    done.append(describe_output(kind, output))
                    break
                # A step that crashes must still end its run with a readable reason.
                except Exception as exc:
                    error = _step_error(exc, run.id)
            if error is not None:
                await WorkflowRunStep.create(
                    workspace_id=run.workspace_id, run_id=run.id, index=index, action=kind,
                    input=step, error=error, attempts=attempts,
                    duration_ms=int((time.monotonic() - started) * 1000))
                await _finish(run, RunStatus.FAILED,
                              f"Step {index + 1} ({kind}) failed after {attempts} attempts: "
                              f"{error}", subject, name)
                return
            index += 1
        await _finish(run, RunStatus.SUCCEEDED, None, subject, name, done)
    finally:
        audit.acting_for.reset(note)
        _running.reset(token)


async def _finish(run: WorkflowRun, status: RunStatus, error: str | None, subject: Subject | None,
                  name: str | None, done: list[str] | None = None) -> None:
    async with in_transaction("default"):
        await WorkflowRun.filter(id=run.id).update(status=status, error=error,
                                                   finished_at=utcnow(), pending=None)
        if subject is not None and subject.row is not None and status is not RunStatus.SKIPPED:
            # The run's sentence on the record's history (and so its customer's timeline).
            sentence = run_sentence(name or "", status, error, done or [])
            system = Actor(workspace_id=run.workspace_id, user_id=None, role="admin",
                           request_id=f"workflow-run:{run.id.hex}")
            await audit.record(system, subject.type_name or "", subject.id or uuid.uuid4(),
                               RUN_ACTION, {}, customer_id=subject.customer_id, note=sentence)


def run_sentence(name: str, status: RunStatus, error: str | None, done: list[str]) -> str:
    if status is RunStatus.SUCCEEDED:
        what = "; ".join(d for d in done if d) or "nothing to do"
        return f"Workflow “{name}” ran: {what}."
    if status is RunStatus.STOPPED:
        return f"Workflow “{name}” was stopped: {error}."
    return f"Workflow “{name}” failed: {error}."


def describe_output(kind: str, output: Any) -> str:
    output = output or {}
    if kind == "create_task":
        return f"created the task “{output.get('title', '')}”"
    if kind == "notify":
        return f"notified {output.get('notified', 0)} user(s)"
    if kind == "update_fields":
        return "updated " + ", ".join(output.get("fields", []))
    if kind == "assign_owner":
        return "assigned the owner"
    if kind == "add_tags":
        return "added tags"
    if kind == "webhook":
        return "called a webhook"
    if kind == "start_approval":
        rule = output.get("ruleName", "")
        return (f"asked for approval by “{rule}”" if output.get("opened")
                else f"found the approval by “{rule}” already asked")
    return kind


def wait_delta(step: dict[str, Any]) -> dt.timedelta:
    return dt.timedelta(days=int(step.get("days") or 0), hours=int(step.get("hours") or 0),
                        minutes=int(step.get("minutes") or 0))


# --- the actions -------------------------------------------------------------------------------

def _uuid(value: Any, field: str) -> uuid.UUID:
    from crm.core.ids import decode_id
    try:
        return decode_id(str(value), ("User", "Team", "Tag", "WebhookEndpoint"), field)
    except (GraphQLError, ValueError):
        raise invalid(f"{value!r} is not an id", field) from None


async def _manager_of(actor: Actor, user_id: uuid.UUID | None) -> uuid.UUID | None:
    if user_id is None:
        return None
    user = await auth.colleague(actor, user_id)
    if user is None or user.team_id is None:
        return None
    teams = await auth.team_tree(actor.workspace_id)
    team = next((t for t in teams if t.id == user.team_id), None)
    return team.manager_id if team is not None else None


async def recipients(actor: Actor, subject: Subject, step: dict[str, Any]) -> list[uuid.UUID]:
    found: list[uuid.UUID] = [_uuid(u, "userIds") for u in step.get("userIds") or []]
    for who in step.get("to") or []:
        if who == "record_owner" and subject.owner_id is not None:
            found.append(subject.owner_id)
        elif who == "owner_manager":
            manager = await _manager_of(actor, subject.owner_id)
            if manager is not None:
                found.append(manager)
        elif who == "workflow_owner" and actor.user_id is not None:
            found.append(actor.user_id)
    return list(dict.fromkeys(found))


def render(text: str, subject: Subject) -> str:
    return (text or "").replace("{record}", subject.label)[:200]


def field_value(model: Any, column: str, raw: Any, field: str, now: dt.datetime,
                step: dict[str, Any] | None = None) -> Any:
    """A JSON value as the column's Python value (an enum, a date...)."""
    from tortoise import fields as f
    spec = model._meta.fields_map[column]
    if step is not None and step.get("inDays") is not None:
        moment = now + dt.timedelta(days=int(step["inDays"]))
        return moment.date() if isinstance(spec, f.DateField) and not isinstance(
            spec, f.DatetimeField) else moment
    if isinstance(raw, (dict, list)):
        raise invalid(f"{field} takes a single value", field)
    if raw is None:
        if not spec.null:
            raise invalid(f"{field} cannot be empty", field)
        return None
    try:
        enum_type = getattr(spec, "enum_type", None)
        if enum_type is not None:
            return enum_type(raw)
        if isinstance(spec, f.DatetimeField):
            value = dt.datetime.fromisoformat(str(raw))
            return value if value.tzinfo else value.replace(tzinfo=dt.UTC)
        if isinstance(spec, f.DateField):
            return dt.date.fromisoformat(str(raw))
        if isinstance(spec, f.IntField):
            return int(raw)
        if isinstance(spec, f.BooleanField):
            return bool(raw)
        return str(raw)
    except (ValueError, TypeError):
        raise invalid(f"{raw!r} is not a valid value for {field}", field) from None


def column_of(model: Any, field: str) -> str | None:
    for column in model._meta.fields_map:
        if camel(column) == field:
            return str(column)
    return None


async def _update(actor: Actor, type_name: str, pk: uuid.UUID, changes: dict[str, Any]) -> Any:
    if type_name == "Customer":
        return await customers.update_customer(actor, pk, changes)
    if type_name == "Contact":
        return await customers.update_contact(actor, pk, changes)
    if type_name == "Lead":
        return await sales.update_lead(actor, pk, changes)
    if type_name == "Opportunity":
        return await sales.update_opportunity(actor, pk, changes)
    if type_name == "Task":
        return await sales.update_task(actor, pk, changes)
    raise invalid(f"Workflows cannot update {type_name} records", "actions")


async def _round_robin(actor: Actor, workflow: Any, step: dict[str, Any], type_name: str
                       ) -> uuid.UUID:
    team_id = _uuid(step.get("teamId"), "teamId")
    members = [u for u in await auth.active_reps(actor) if u.team_id == team_id]
    if not members:
        raise ServiceError(ErrorCode.NOT_FOUND, "The team has no active sales users", "teamId")
    members.sort(key=lambda u: (u.name, str(u.id)))
    key = f"rr:{team_id}"
    row, _ = await WorkflowRotation.get_or_create(
        workspace_id=actor.workspace_id, workflow_id=workflow.id, key=key)
    # One statement moves the turn on: two runs at once take two different members.
    await WorkflowRotation.filter(id=row.id).update(turns=F("turns") + 1)
    turns = (await WorkflowRotation.get(id=row.id)).turns
    return members[(turns - 1) % len(members)].id  # type: ignore[no-any-return]


async def perform(actor: Actor, workflow: Any, subject: Subject, step: dict[str, Any],
                  now: dt.datetime) -> dict[str, Any]:
    """Do one action as the owner (their permissions decide): what it did, as JSON."""
    kind = step.get("type")
    if kind == "create_task":
        assignee = (subject.owner_id if step.get("assignee", "record_owner") == "record_owner"
                    else _uuid(step.get("userId"), "userId"))
        values: dict[str, Any] = {"title": render(step.get("title") or "Follow up {record}",
                                                  subject)}
        if step.get("dueInDays") is not None:
            values["due_at"] = now + dt.timedelta(days=int(step["dueInDays"]))
        if subject.customer_id is not None:
            values["customer_id"] = subject.customer_id
        if subject.type_name == "Opportunity":
            values["opportunity_id"] = subject.id
        made = await sales.create_task(actor, values, assignee_id=assignee)
        return {"taskId": str(made.id), "title": made.title, "assigneeId": str(made.assignee_id)}
    if kind == "notify":
        users = await recipients(actor, subject, step)
        count = await collaboration.notify(
            actor.workspace_id, users, kind="workflow.notify",
            title=render(step.get("title") or "{record}", subject),
            body=render(step.get("body") or "", subject), subject_type=subject.type_name,
            subject_id=subject.id, actor_user_id=actor.user_id)
        return {"notified": count, "userIds": [str(u) for u in users]}
    if subject.id is None or subject.type_name is None:
        raise invalid("This action needs a record, and a schedule has none", "actions")
    if kind == "update_fields":
        model = model_of(subject.type_name)
        changes: dict[str, Any] = {}
        for item in step.get("fields") or []:
            column = column_of(model, str(item.get("field")))
            if column is None:
                raise invalid(f"Unknown field {item.get('field')}", "fields")
            changes[column] = field_value(model, column, item.get("value"), item["field"], now,
                                          item)
        await _update(actor, subject.type_name, subject.id, changes)
        return {"fields": [camel(c) for c in changes],
                "values": {camel(c): audit.plain(v) for c, v in changes.items()}}
    if kind == "assign_owner":
        user_id = (await _round_robin(actor, workflow, step, subject.type_name)
                   if step.get("teamId") else _uuid(step.get("userId"), "userId"))
        if subject.type_name == "Customer":
            results = await customers.transfer_customers(
                actor, [subject.id], user_id, f"Workflow {workflow.name}"[:500])
            if results and not results[0].ok:
                err = results[0].errors[0]
                raise ServiceError(ErrorCode[str(err.code.name)], err.message, err.field)
        elif subject.type_name == "Task":
            await sales.update_task(actor, subject.id, {"assignee_id": user_id})
        elif subject.type_name in ("Lead", "Opportunity"):
            await auth.assignable_owner(actor, subject.type_name, user_id, "userId")
            await _update(actor, subject.type_name, subject.id, {"owner_id": user_id})
        else:
            raise invalid(f"Workflows cannot assign {subject.type_name} records", "actions")
        return {"ownerId": str(user_id)}
    if kind == "add_tags":
        tag_ids = [_uuid(t, "tagIds") for t in step.get("tagIds") or []]
        results = await customers.add_tags(actor, [subject.id], tag_ids)
        if results and not results[0].ok:
            err = results[0].errors[0]
            raise ServiceError(ErrorCode[str(err.code.name)], err.message, err.field)
        return {"tagIds": [str(t) for t in tag_ids]}
    if kind == "webhook":
        delivery = await webhooks.deliver_for_workflow(
            actor, _uuid(step.get("endpointId"), "endpointId"),
            {"workflow": {"id": str(workflow.id), "name": workflow.name},
             "record": {"type": subject.type_name, "id": str(subject.id)}},
            subject.type_name, subject.id)
        return {"deliveryId": str(delivery.id)}
    if kind == "start_approval":
        rule = await approvals.rule_for_workflow(actor, step.get("rule"), "rule")
        request, opened = await approvals.request_for_workflow(
            actor, rule, subject.type_name, subject.id, subject.label,
            render(str(step.get("reason") or ""), subject),
            {"id": str(workflow.id), "name": workflow.name})
        return {"requestId": str(request.id), "ruleId": str(rule.id), "ruleName": rule.name,
                "opened": opened, "status": request.status.value}
    raise invalid(f"Unknown action {kind}", "actions")


# --- validation when saving --------------------------------------------------------------------

def _scalar(tp: Any, value: Any, path: str) -> Any:
    """A JSON value as the Python value of a filter operator's GraphQL type."""
    from strawberry.types.base import StrawberryList, StrawberryOptional
    from strawberry.types.enum import StrawberryEnumDefinition
    while isinstance(tp, StrawberryOptional):
        tp = tp.of_type
    if isinstance(tp, StrawberryList):
        if not isinstance(value, list):
            raise invalid(f"{path} takes a list", path)
        return [_scalar(tp.of_type, v, path) for v in value]
    if isinstance(tp, StrawberryEnumDefinition):
        # An enum filter's operand: its GraphQL name (as the SPA sends it) or its value.
        tp = tp.wrapped_cls
    try:
        if isinstance(tp, type) and issubclass(tp, Enum):
            if isinstance(value, str) and value in tp.__members__:
                return tp[value]
            return tp(value)
        if tp is bool:
            if not isinstance(value, bool):
                raise ValueError
            return value
        if tp is int:
            if isinstance(value, bool) or not isinstance(value, int):
                raise ValueError
            return value
        if tp is Decimal:
            return Decimal(str(value))
        if tp is dt.datetime:
            moment = dt.datetime.fromisoformat(str(value))
            return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
        if tp is dt.date:
            return dt.date.fromisoformat(str(value))
        if not isinstance(value, str):
            raise ValueError
        return value
    except (ValueError, TypeError, InvalidOperation):
        raise invalid(f"{value!r} is not a valid value at {path}", path) from None


class _Value:
    """A filter value built from JSON: what `FilterSpec.q` reads by attribute."""

    def __init__(self, **values: Any) -> None:
        self.__dict__.update(values)

    def __getattr__(self, name: str) -> Any:
        return strawberry.UNSET


@dataclass
class _Bounds:
    """What is left of a condition's size as it is read: a condition is turned into SQL on
    every run, so it may neither nest nor widen without end."""

    root: str
    leaves: int = 0

    def enter(self, depth: int) -> None:
        if depth > MAX_CONDITION_DEPTH:
            raise invalid(f"A condition nests {MAX_CONDITION_DEPTH} levels deep at most "
                          "(and, or, not and relations each add one)", self.root)

    def leaf(self) -> None:
        self.leaves += 1
        if self.leaves > MAX_CONDITION_LEAVES:
            raise invalid(f"A condition compares {MAX_CONDITION_LEAVES} values at most",
                          self.root)


def parse_filter(actor: Actor, spec: FilterSpec, value: Any, path: str, *,
                 bounds: _Bounds | None = None, depth: int = 1) -> Any:
    """A condition in the JSON shape of the type's list filter, checked field by field against
    the actor's (the owner's) read access, with the path of any field refused; bounded in depth
    (MAX_CONDITION_DEPTH) and in values compared (MAX_CONDITION_LEAVES)."""
    bounds = bounds or _Bounds(path)
    bounds.enter(depth)
    if not isinstance(value, dict):
        raise invalid(f"{path} must be an object of filter fields", path)
    by_name = {camel(f.name): f for f in spec.fields}
    out: dict[str, Any] = {}
    for key, item in value.items():
        where = f"{path}.{key}"
        if spec.logic and key in ("and", "or"):
            if not isinstance(item, list):
                raise invalid(f"{where} takes a list", where)
            out[f"{key}_"] = [parse_filter(actor, spec, v, f"{where}[{i}]", bounds=bounds,
                                           depth=depth + 1)
                              for i, v in enumerate(item)]
            continue
        if spec.logic and key == "not":
            out["not_"] = parse_filter(actor, spec, item, where, bounds=bounds,
                                       depth=depth + 1)
            continue
        f = by_name.get(key)
        if f is None:
            raise invalid(f"{spec.type_name} has no filter field {key}", where)
        if f.policy_field is not None and \
                actor.field_access(spec.type_name, f.policy_field).rank < Access.READ.rank:
            raise invalid(f"The owner may not read {spec.type_name}.{f.policy_field}", where,
                          ErrorCode.FORBIDDEN)
        if isinstance(f.input_type, FilterSpec):
            out[f.name] = parse_filter(actor, f.input_type, item, where, bounds=bounds,
                                       depth=depth + 1)
        elif hasattr(f.input_type, "__strawberry_definition__"):
            if not isinstance(item, dict):
                raise invalid(f"{where} must be an object of operators", where)
            ops = {(x.graphql_name or camel(x.python_name)): x
                   for x in f.input_type.__strawberry_definition__.fields}
            parsed: dict[str, Any] = {}
            for op, operand in item.items():
                if op not in ops:
                    raise invalid(f"Unknown operator {op}", f"{where}.{op}")
                bounds.leaf()
                parsed[ops[op].python_name] = _scalar(ops[op].type, operand, f"{where}.{op}")
            out[f.name] = _Value(**parsed)
        else:
            bounds.leaf()
            out[f.name] = _scalar(f.input_type, item, where)
    return _Value(**out)


def _filter_q(actor: Actor, type_name: str, condition: Any, path: str) -> Q:
    spec = _filters().get(type_name)
    if spec is None:
        raise invalid(f"{type_name} records have no condition language", path)
    value = parse_filter(actor, spec, condition, path)
    try:
        return spec.q(actor, value)
    except GraphQLError as exc:
        code = (exc.extensions or {}).get("code", "INVALID")
        raise invalid(exc.message, path, ErrorCode[code] if code in ErrorCode.__members__
                      else ErrorCode.INVALID) from None


def _model_field(type_name: str, field: str) -> str | None:
    model = model_of(type_name)
    for column in model._meta.fields_map:
        name = camel(str(column))
        for suffix in ("Minor", "Bp"):
            name = name.removesuffix(suffix)
        if field in (name, name.removesuffix("Id")):
            return str(column)
    return None


_NUMBER_FIELDS = (fields.IntField, fields.BigIntField, fields.SmallIntField,
                  fields.DecimalField, fields.FloatField)


def _numeric_scale(type_name: str, field: str) -> int | None:
    """How many stored units make one unit of `field` as a client writes it (100 for money in
    minor units and percentages in basis points, 1 for other numbers); None when the field
    is not a number, or not a field of the type."""
    column = _model_field(type_name, field)
    if column is None:
        return None
    model_field = model_of(type_name)._meta.fields_map[column]
    if not isinstance(model_field, _NUMBER_FIELDS):
        return None
    return 100 if column.endswith(("_minor", "_bp")) else 1


@dataclass
class Definition:
    name: str
    description: str
    object_type: str
    trigger: dict[str, Any]
    condition: Any
    actions: list[dict[str, Any]]

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "description": self.description,
                "objectType": self.object_type, "trigger": self.trigger,
                "condition": self.condition, "actions": self.actions}


def _count_steps(actions: Any, depth: int) -> int:
    if not isinstance(actions, list):
        return 0
    total = 0
    for a in actions:
        total += 1
        if isinstance(a, dict) and a.get("type") == "branch":
            if depth >= MAX_BRANCH_DEPTH:
                raise invalid(f"Branches may nest {MAX_BRANCH_DEPTH} deep at most", "actions",
                              ErrorCode.LIMIT_REACHED)
            total += _count_steps(a.get("then") or [], depth + 1)
            total += _count_steps(a.get("else") or [], depth + 1)
    return total


async def _check_user(actor: Actor, value: Any, path: str) -> uuid.UUID:
    pk = _uuid(value, path)
    if await auth.colleague(actor, pk, active=True) is None:
        raise invalid("No such active user", path, ErrorCode.NOT_FOUND)
    return pk


async def validate(owner: Actor, d: Definition) -> None:
    """Every refusal a workflow gets when saved, judged as its owner: nothing is written."""
    if not d.name.strip() or len(d.name) > 200:
        raise invalid("A workflow needs a name of 1 to 200 characters", "name")
    if d.object_type not in OBJECT_TYPES:
        raise invalid(f"Workflows run on {', '.join(OBJECT_TYPES)}", "objectType")
    if owner.row_scope(d.object_type) is RowScope.NONE:
        raise invalid(f"The owner may not read {d.object_type} records", "objectType",
                      ErrorCode.FORBIDDEN)
    await _validate_trigger(owner, d)
    if d.condition is not None:
        _filter_q(owner, d.object_type, d.condition, "condition")
    if not isinstance(d.actions, list):
        raise invalid("actions must be a list", "actions")
    if _count_steps(d.actions, 0) > MAX_STEPS:
        raise invalid(f"A workflow has {MAX_STEPS} steps at most", "actions",
                      ErrorCode.LIMIT_REACHED)
    has_record = d.trigger.get("type") != "schedule"
    await _validate_actions(owner, d, d.actions, "actions", has_record)


async def _validate_trigger(owner: Actor, d: Definition) -> None:
    t = d.trigger
    if not isinstance(t, dict) or t.get("type") not in TRIGGERS:
        raise invalid(f"The trigger's type is one of {', '.join(TRIGGERS)}", "trigger.type")
    kind = t["type"]
    if kind == "field_changed":
        field = str(t.get("field") or "")
        if _model_field(d.object_type, field) is None:
            raise invalid(f"{d.object_type} has no field {field}", "trigger.field")
        if owner.field_access(d.object_type, field).rank < Access.READ.rank:
            raise invalid(f"The owner may not read {d.object_type}.{field}", "trigger.field",
                          ErrorCode.FORBIDDEN)
        if t.get("crossesAbove") is not None:
            if _numeric_scale(d.object_type, field) is None:
                raise invalid(f"crossesAbove needs a number or money field; {field} is neither",
                              "trigger.crossesAbove")
            try:
                finite = Decimal(str(t["crossesAbove"])).is_finite()
            except InvalidOperation:
                finite = False
            # Compared on every write of the type: a NaN there would break those writes.
            if not finite or isinstance(t["crossesAbove"], bool):
                raise invalid("crossesAbove must be a number", "trigger.crossesAbove")
    elif kind == "schedule":
        try:
            spec = cronlib.parse(str(t.get("cron") or ""))
        except cronlib.CronError as exc:
            raise invalid(f"The schedule is not a valid cron expression: {exc}",
                          "trigger.cron") from None
        if not spec.ever_fires():
            raise invalid("The schedule never fires (no such day in those months)",
                          "trigger.cron")
    elif kind == "date_reached":
        field = str(t.get("field") or "")
        if field not in DATE_FIELDS.get(d.object_type, {}):
            raise invalid(f"{d.object_type} has no date field {field} to watch", "trigger.field")
        policy_field = "lastFollowUpAt" if field == "poolReturnAt" else field
        if owner.field_access(d.object_type, policy_field).rank < Access.READ.rank:
            raise invalid(f"The owner may not read {d.object_type}.{field}", "trigger.field",
                          ErrorCode.FORBIDDEN)
        offset = t.get("offsetDays", 0)
        if isinstance(offset, bool) or not isinstance(offset, int) or abs(offset) > 365:
            raise invalid("offsetDays is a whole number of days within a year",
                          "trigger.offsetDays")


_TEXTS = ("title", "body", "reason")
_LISTS = ("userIds", "to", "tagIds", "fields", "then", "else")


def _check_shape(step: dict[str, Any], where: str) -> None:
    """Texts are texts and lists are lists, before anything reads them."""
    for key in _TEXTS:
        if step.get(key) is not None and not isinstance(step[key], str):
            raise invalid(f"{key} is a text", f"{where}.{key}")
    for key in _LISTS:
        if step.get(key) is not None and not isinstance(step[key], list):
            raise invalid(f"{key} is a list", f"{where}.{key}")
    for item in step.get("fields") or []:
        if not isinstance(item, dict):
            raise invalid("Each field to update is {field, value}", f"{where}.fields")
        days = item.get("inDays")
        if days is not None and (isinstance(days, bool) or not isinstance(days, int)
                                 or abs(days) > 3650):
            raise invalid("inDays is a whole number of days", f"{where}.fields")
    for key in ("days", "hours", "minutes", "dueInDays"):
        value = step.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, int)):
            raise invalid(f"{key} is a whole number", f"{where}.{key}")


async def _validate_actions(owner: Actor, d: Definition, actions: list[Any], path: str,
                            has_record: bool) -> None:
    if not isinstance(actions, list):
        raise invalid("Steps are a list", path)
    for i, step in enumerate(actions):
        where = f"{path}[{i}]"
        if not isinstance(step, dict) or step.get("type") not in ACTIONS:
            raise invalid(f"An action's type is one of {', '.join(ACTIONS)}", f"{where}.type")
        _check_shape(step, where)
        kind = step["type"]
        if kind not in ("create_task", "notify", "wait") and not has_record:
            raise invalid(f"A schedule has no record to {kind}", f"{where}.type")
        if kind == "create_task":
            if owner.write_scope("Task") is RowScope.NONE:
                raise invalid("The owner may not create tasks", where, ErrorCode.FORBIDDEN)
            if step.get("assignee", "record_owner") not in ("record_owner", "user"):
                raise invalid("assignee is record_owner or user", f"{where}.assignee")
            if step.get("assignee") == "user" or not has_record:
                await _check_user(owner, step.get("userId"), f"{where}.userId")
            if len(str(step.get("title") or "")) > 200:
                raise invalid("A task title has 200 characters at most", f"{where}.title")
            if step.get("dueInDays") is not None and (
                    not isinstance(step["dueInDays"], int) or abs(step["dueInDays"]) > 3650):
                raise invalid("dueInDays is a whole number of days", f"{where}.dueInDays")
        elif kind == "notify":
            for j, u in enumerate(step.get("userIds") or []):
                await _check_user(owner, u, f"{where}.userIds[{j}]")
            for who in step.get("to") or []:
                if who not in ("record_owner", "owner_manager", "workflow_owner"):
                    raise invalid("to holds record_owner, owner_manager or workflow_owner",
                                  f"{where}.to")
            if not (step.get("userIds") or step.get("to")):
                raise invalid("Name whom to notify", f"{where}.to")
        elif kind == "update_fields":
            items = step.get("fields") or []
            if not items:
                raise invalid("Name at least one field to update", f"{where}.fields")
            model = model_of(d.object_type)
            for j, item in enumerate(items):
                at = f"{where}.fields[{j}].field"
                field = str((item or {}).get("field"))
                if field not in WRITABLE.get(d.object_type, ()):
                    raise invalid(f"Workflows cannot write {d.object_type}.{field}", at)
                if owner.write_scope(d.object_type) is RowScope.NONE or \
                        owner.field_access(d.object_type, field) is not Access.WRITE:
                    raise invalid(f"The owner may not write {d.object_type}.{field}", at,
                                  ErrorCode.FORBIDDEN)
                column = column_of(model, field)
                assert column is not None
                field_value(model, column, item.get("value"), f"{where}.fields[{j}].value",
                            utcnow(), item)
        elif kind == "assign_owner":
            if d.object_type not in ("Customer", "Task", "Lead", "Opportunity"):
                raise invalid(f"Workflows cannot assign {d.object_type} records", where)
            if owner.write_scope(d.object_type) is RowScope.NONE:
                raise invalid(f"The owner may not reassign {d.object_type} records", where,
                              ErrorCode.FORBIDDEN)
            if step.get("teamId"):
                if not await auth.team_exists(owner, _uuid(step["teamId"], f"{where}.teamId")):
                    raise invalid("No such team", f"{where}.teamId", ErrorCode.NOT_FOUND)
            else:
                await _check_user(owner, step.get("userId"), f"{where}.userId")
        elif kind == "add_tags":
            if d.object_type != "Customer":
                raise invalid("Only customers carry tags", where)
            tag_ids = [_uuid(t, f"{where}.tagIds") for t in step.get("tagIds") or []]
            if not tag_ids:
                raise invalid("Name at least one tag", f"{where}.tagIds")
            if owner.write_scope("Customer") is RowScope.NONE:
                raise invalid("The owner may not tag customers", where, ErrorCode.FORBIDDEN)
            if not await customers.tags_exist(owner, tag_ids):
                raise invalid("Some tags were not found", f"{where}.tagIds", ErrorCode.NOT_FOUND)
        elif kind == "webhook":
            endpoint = _uuid(step.get("endpointId"), f"{where}.endpointId")
            if not await webhooks.endpoint_visible(owner, endpoint):
                raise invalid("No such webhook endpoint (or the owner may not use it)",
                              f"{where}.endpointId", ErrorCode.NOT_FOUND)
        elif kind == "start_approval":
            await approvals.rule_for_workflow(owner, step.get("rule"), f"{where}.rule")
            if len(str(step.get("reason") or "")) > 200:
                raise invalid("A reason has 200 characters at most", f"{where}.reason")
        elif kind == "wait":
            try:
                delta = wait_delta(step)
            except (TypeError, ValueError, OverflowError):
                raise invalid("A wait is days, hours and minutes", where) from None
            if delta < dt.timedelta(minutes=1) or delta > dt.timedelta(days=MAX_WAIT_DAYS):
                raise invalid(f"A wait lasts from a minute to {MAX_WAIT_DAYS} days", where)
        elif kind == "branch":
            if not has_record:
                raise invalid("A schedule has no record to branch on", where)
            _filter_q(owner, d.object_type, step.get("condition") or {}, f"{where}.condition")
            for part in ("then", "else"):
                await _validate_actions(owner, d, step.get(part) or [], f"{where}.{part}",
                                        has_record)


# --- saving ------------------------------------------------------------------------------------

def workflows_query(actor: Actor) -> Any:
    return scoped(Workflow, actor)


def runs_query(actor: Actor) -> Any:
    return scoped(WorkflowRun, actor)


async def get_workflow(actor: Actor, pk: uuid.UUID) -> Workflow:
    row = await scoped(Workflow, actor).get_or_none(id=pk)
    if row is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "Workflow not found", "id")
    return row


def _signed_in(actor: Actor) -> None:
    if actor.user_id is None or actor.client_id is not None:
        raise ServiceError(ErrorCode.FORBIDDEN, "Only a signed-in user manages workflows")


async def _owner_for(actor: Actor, owner_id: uuid.UUID | None) -> tuple[uuid.UUID, Actor]:
    """The owner a save names (admins may name another user), as the actor it will run as."""
    pk = owner_id or actor.user_id
    assert pk is not None
    if pk != actor.user_id and actor.role != "admin":
        raise ServiceError(ErrorCode.FORBIDDEN, "Only an admin gives a workflow to someone else",
                           "ownerId")
    owner = await owner_actor(actor.workspace_id, pk)
    if owner is None:
        raise ServiceError(ErrorCode.NOT_FOUND, "No such active user", "ownerId")
    return pk, owner


async def _save_version(actor: Actor, row: Workflow, d: Definition) -> None:
    await WorkflowVersion.create(workspace_id=row.workspace_id, workflow_id=row.id,
                                 version=row.version, definition=d.as_json(),
                                 saved_by_id=actor.user_id)


def _audited(row: Workflow) -> dict[str, Any]:
    return {"name": row.name, "description": row.description, "template": row.template,
            "object_type": row.object_type, "trigger": row.trigger,
            "condition": row.condition, "actions": row.actions, "enabled": row.enabled,
            "owner_id": str(row.owner_id)}


async def create_workflow(actor: Actor, d: Definition, *, enabled: bool = False,
                          owner_id: uuid.UUID | None = None, template: str | None = None
                          ) -> Workflow:
    if template is None:
        _signed_in(actor)
    require_write_scope(actor, "Workflow")
    pk, owner = await _owner_for(actor, owner_id)
    await validate(owner, d)
    async with in_transaction("default"):
        row = await Workflow.create(
            workspace_id=actor.workspace_id, name=d.name.strip(), description=d.description,
            object_type=d.object_type, trigger=d.trigger, condition=d.condition,
            actions=d.actions, enabled=enabled, owner_id=pk, created_by_id=actor.user_id,
            template=template)
        await _save_version(actor, row, d)
        await audit.record(actor, "Workflow", row.id, "create", audit.diff({}, _audited(row)))
    await changed(actor.workspace_id)
    return row


def definition_of(row: Workflow) -> Definition:
    return Definition(row.name, row.description, row.object_type, dict(row.trigger or {}),
                      row.condition, list(row.actions or []))


async def update_workflow(actor: Actor, pk: uuid.UUID, changes: dict[str, Any],
                          expected_version: int | None = None) -> Workflow:
    """A new version with the changes; the old ones stay (their runs name them)."""
    _signed_in(actor)
    async with in_transaction("default"):
        row = await find_for_write(actor, Workflow, pk, lock=True)
        check_version(row, expected_version)
        d = definition_of(row)
        for key in ("name", "description", "object_type", "trigger", "condition", "actions"):
            if key in changes:
                setattr(d, key, changes[key] if changes[key] is not None or key == "condition"
                        else getattr(d, key))
        owner_id, owner = await _owner_for(actor, changes.get("owner_id") or row.owner_id) \
            if changes.get("owner_id") else (row.owner_id, await owner_actor(
                actor.workspace_id, row.owner_id))
        if owner is None:
            raise ServiceError(ErrorCode.INVALID, "The workflow's owner is disabled: give it "
                               "to someone else", "ownerId")
        await validate(owner, d)
        before = _audited(row)
        updated = await Workflow.filter(id=row.id, version=row.version).update(
            name=d.name.strip(), description=d.description, object_type=d.object_type,
            trigger=d.trigger, condition=d.condition, actions=d.actions, owner_id=owner_id,
            version=F("version") + 1, updated_at=utcnow())
        if not updated:
            raise ServiceError(ErrorCode.CONFLICT, "The workflow changed while you were saving",
                               "expectedVersion", details={"current": await Workflow.get(id=pk)})
        row = await Workflow.get(id=pk)
        await _save_version(actor, row, d)
        await audit.record(actor, "Workflow", row.id, "update", audit.diff(before, _audited(row)))
    await changed(actor.workspace_id)
    return row


async def set_enabled(actor: Actor, pk: uuid.UUID, enabled: bool) -> Workflow:
    _signed_in(actor)
    async with in_transaction("default"):
        row = await find_for_write(actor, Workflow, pk)
        if row.enabled != enabled:
            if enabled and await owner_actor(actor.workspace_id, row.owner_id) is None:
                raise ServiceError(ErrorCode.INVALID, "The workflow's owner is disabled",
                                   "ownerId")
            await Workflow.filter(id=row.id).update(enabled=enabled, updated_at=utcnow())
            await audit.record(actor, "Workflow", row.id, "update",
                               {"enabled": [row.enabled, enabled]})
            row.enabled = enabled
    await changed(actor.workspace_id)
    return row


async def delete_workflow(actor: Actor, pk: uuid.UUID) -> Workflow:
    _signed_in(actor)
    async with in_transaction("default"):
        row = await find_for_write(actor, Workflow, pk)
        if row.deleted_at is None:
            row = await update_versioned(actor, row, {"enabled": False, "deleted_at": utcnow()},
                                         None, action="delete")
    await changed(actor.workspace_id)
    return row


async def versions_of(actor: Actor, workflow_id: uuid.UUID) -> list[WorkflowVersion]:
    return list(await scoped(WorkflowVersion, actor).filter(workflow_id=workflow_id)
                .order_by("-version"))


async def steps_of(actor: Actor, run_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Any]]:
    out: dict[uuid.UUID, list[Any]] = {r: [] for r in run_ids}
    for s in await scoped(WorkflowRunStep, actor).filter(run_id__in=run_ids).order_by("index"):
        out[s.run_id].append(s)
    return out


# --- dry run -----------------------------------------------------------------------------------

@dataclass
class DryStep:
    index: int
    action: str
    description: str
    error: str | None = None


@dataclass
class DryRun:
    matches: bool
    steps: list[DryStep]
    error: str | None = None


async def dry_run(actor: Actor, d: Definition | None, workflow_id: uuid.UUID | None,
                  record_id: uuid.UUID, owner_id: uuid.UUID | None = None) -> DryRun:
    """What the workflow would do on the record, as its owner, writing nothing. Only for who
    may write workflows (as saving one), and a saved one only for who may change it: a dry run
    tells what a workflow would do on a record, as its owner."""
    _signed_in(actor)
    require_write_scope(actor, "Workflow")
    if d is None:
        if workflow_id is None:
            raise invalid("Give a workflowId or a definition", "workflowId")
        try:
            row = await find_for_write(actor, Workflow, workflow_id)
        except ServiceError as exc:
            raise ServiceError(exc.code, exc.message, "workflowId") from None
        d, owner_id = definition_of(row), row.owner_id
        owner = await owner_actor(actor.workspace_id, row.owner_id)
        if owner is None:
            raise ServiceError(ErrorCode.INVALID, "The workflow's owner is disabled", "ownerId")
    else:
        _, owner = await _owner_for(actor, owner_id)
    await validate(owner, d)
    # The record must be one the asking user reads too: a dry run is no way around their scope.
    if not await scoped(model_of(d.object_type), actor, include_pool=True).filter(
            id=record_id).exists():
        raise ServiceError(ErrorCode.NOT_FOUND, f"{d.object_type} not found", "recordId")
    subject = await load_subject(actor.workspace_id, d.object_type, record_id)
    matches = await condition_matches(owner, d.object_type, d.condition, record_id)
    steps: list[DryStep] = []
    if matches:
        await _dry_steps(owner, subject, d, list(d.actions), steps)
    return DryRun(matches=matches, steps=steps)


async def _dry_steps(owner: Actor, subject: Subject, d: Definition, actions: list[Any],
                     out: list[DryStep]) -> None:
    for step in actions:
        kind = step.get("type", "")
        index = len(out)
        if kind == "branch":
            matched = await condition_matches(owner, d.object_type, step.get("condition"),
                                              subject.id or uuid.uuid4())
            out.append(DryStep(index, kind, "The branch condition "
                               + ("matches: the then-steps run" if matched
                                  else "does not match: the else-steps run")))
            await _dry_steps(owner, subject, d, list(step.get("then" if matched else "else")
                                                     or []), out)
            continue
        try:
            text = await _describe(owner, subject, step)
            out.append(DryStep(index, kind, text))
        except ServiceError as exc:
            out.append(DryStep(index, kind, "Would fail", error=f"{exc.code.name}: {exc}"))


async def _describe(owner: Actor, subject: Subject, step: dict[str, Any]) -> str:
    kind = step.get("type")
    if kind == "create_task":
        who = subject.owner_id if step.get("assignee", "record_owner") == "record_owner" \
            else step.get("userId")
        days = step.get("dueInDays")
        due = f", due in {days} days" if days is not None else ""
        return (f"Would create the task “{render(step.get('title') or 'Follow up {record}', subject)}”"
                f" for user {who}{due}")
    if kind == "notify":
        users = await recipients(owner, subject, step)
        return f"Would notify {len(users)} user(s): " + ", ".join(str(u) for u in users)
    if kind == "update_fields":
        model = model_of(subject.type_name or "")
        if subject.row is not None and not await scoped(model, owner, write=True).filter(
                id=subject.id).exists():
            raise ServiceError(ErrorCode.FORBIDDEN, "The owner may not change this record")
        parts = []
        for item in step.get("fields") or []:
            column = column_of(model, str(item.get("field"))) or ""
            value = field_value(model, column, item.get("value"), item["field"], utcnow(), item)
            parts.append(f"{item['field']} = {audit.plain(value)}")
        return "Would set " + ", ".join(parts)
    if kind == "assign_owner":
        if step.get("teamId"):
            return f"Would assign the next member of team {step['teamId']} in turn"
        return f"Would assign the record to user {step.get('userId')}"
    if kind == "add_tags":
        return f"Would add {len(step.get('tagIds') or [])} tag(s)"
    if kind == "webhook":
        return f"Would call webhook endpoint {step.get('endpointId')}"
    if kind == "wait":
        return f"Would wait {wait_delta(step)} and then go on"
    if kind == "start_approval":
        rule = await approvals.rule_for_workflow(owner, step.get("rule"), "rule")
        if subject.id is not None and \
                await approvals.open_request_of(owner, rule, subject.id) is not None:
            return (f"Would open no request: rule “{rule.name}” has one pending on this record "
                    "already")
        approvers = await approvals.first_approvers(owner, rule)
        names = {u.id: u.name for u in await auth.active_users(owner.workspace_id,
                                                               ids=approvers)}
        named = ", ".join(f"{names[u]} ({u})" if u in names else str(u) for u in approvers)
        steps = len(rule.steps or [])
        if not approvers:
            return (f"Would ask rule “{rule.name}” for approval ({steps} step(s)); its first step "
                    "has no approver but the owner and would pass")
        return (f"Would ask rule “{rule.name}” for approval ({steps} step(s)); step 1 goes to "
                f"{len(approvers)} user(s): {named}")
    return str(kind)


# --- shipped defaults --------------------------------------------------------------------------

def default_definitions(big_deal: str = "100000") -> dict[str, tuple[Definition, bool]]:
    """The workflows every workspace starts with (editable): (definition, enabled)."""
    return {
        "follow_up_reminder": (Definition(
            "跟进提醒 Follow-up reminder",
            "When a customer's next follow-up date is set, a task for its owner.",
            "Customer", {"type": "field_changed", "field": "nextFollowUpAt"},
            {"nextFollowUpAt": {"isNull": False}},
            [{"type": "create_task", "title": "Follow up {record}", "dueInDays": 0,
              "assignee": "record_owner"}]), False),
        "big_deal_alert": (Definition(
            "大单提醒 Big-deal alert",
            f"When an opportunity's amount goes above {big_deal}, tell the owner's manager.",
            "Opportunity", {"type": "field_changed", "field": "amount",
                            "crossesAbove": big_deal}, None,
            [{"type": "notify", "to": ["owner_manager"], "title": "Big deal: {record}",
              "body": f"The amount went above {big_deal}."}]), True),
        "pool_return_reminder": (Definition(
            "公海回收提醒 Pool return reminder",
            "Three days before a customer returns to the public pool, remind its owner.",
            "Customer", {"type": "date_reached", "field": "poolReturnAt", "offsetDays": -3},
            None,
            [{"type": "notify", "to": ["record_owner"],
              "title": "{record} returns to the public pool in 3 days",
              "body": "Log a follow-up to keep the customer."}]), True),
        "contract_renewal_reminder": (Definition(
            "合同续约提醒 Contract renewal reminder",
            "Thirty days before an order's contract ends, a task for the order's owner to "
            "renew it (cancelled orders have nothing to renew).",
            "Order", {"type": "date_reached", "field": "contractEnd", "offsetDays": -30},
            {"status": {"ne": "CANCELLED"}},
            [{"type": "create_task", "title": "Renew contract {record}", "dueInDays": 7,
              "assignee": "record_owner"}]), True),
    }


async def ensure_defaults(workspace_id: uuid.UUID) -> int:
    """Make the shipped workflows a workspace lacks, owned by its first admin; one deleted by
    the workspace stays deleted (its row keeps its template). A default shipped later reaches
    the workspaces made before it the same way, through `defaults_job`. How many were made."""
    system = Actor(workspace_id=workspace_id, user_id=None, role="admin")
    admin = await auth.first_admin(system)
    if admin is None:
        return 0
    have = set(await Workflow.filter(workspace_id=workspace_id, template__not_isnull=True)
               .values_list("template", flat=True))
    made = 0
    for template, (d, enabled) in default_definitions().items():
        if template in have:
            continue
        actor = await auth.actor_for_user(admin, request_id="defaults")
        await create_workflow(actor, d, enabled=enabled, template=template)
        made += 1
    return made


@task("automation.defaults", retries=0, cron="*/10 * * * *")
async def defaults_job(workspace_id: str | None = None, timestamp: int | None = None) -> None:
    """Workspaces get the shipped workflows they lack once they have an admin to own them:
    new workspaces all of them, older ones those shipped since they were seeded (per
    workspace when the job system fans the task out, else every workspace)."""
    shipped = set(default_definitions())
    if workspace_id is not None:
        # Fanned out: this workspace only, one statement once it has every default.
        ws = uuid.UUID(workspace_id)
        have = set(await Workflow.filter(workspace_id=ws, template__not_isnull=True)
                   .values_list("template", flat=True))
        if not shipped <= have:
            await ensure_defaults(ws)
        return
    seeded: dict[uuid.UUID, set[str]] = {}
    for ws, template in await Workflow.filter(template__not_isnull=True).distinct() \
            .values_list("workspace_id", "template"):
        seeded.setdefault(ws, set()).add(template)
    for ws in await auth.workspaces_with_admin():
        if not shipped <= seeded.get(ws, set()):
            await ensure_defaults(ws)
