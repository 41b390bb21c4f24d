"""Work that is not a request: one registry of task functions, deferred now or later, and
periodic ones on a cron schedule.

This is the contract every module codes against. A module registers its task functions at
import time (`@task(...)`) and defers them by name (`await defer(...)`), inside its business
transaction when it has one: the job is committed or rolled back with the write.

Task functions are `async def fn(**kwargs) -> None` with JSON-serialisable keyword arguments;
a periodic task also receives `timestamp` (the scheduled time, epoch seconds), so one firing
is one job however many workers run.

CONTRACT STUB: this in-memory backend is what the other modules build on while the real one
(procrastinate on PostgreSQL, a persistent in-process runner on SQLite) is written; the
functions and their meaning stay.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

TaskFn = Callable[..., Awaitable[None]]
F = TypeVar("F", bound=TaskFn)


@dataclass(frozen=True)
class Task:
    name: str
    fn: TaskFn
    # Attempts after the first before the job is dead (kept, shown to admins, retryable).
    retries: int = 3
    # A cron expression (five fields, UTC) for periodic tasks.
    cron: str | None = None


TASKS: dict[str, Task] = {}


def task(name: str, *, retries: int = 3, cron: str | None = None) -> Callable[[F], F]:
    """Register `fn` as the task `name` (dotted, module first: `customers.pool_sweep`)."""

    def register(fn: F) -> F:
        if name in TASKS and TASKS[name].fn is not fn:
            raise RuntimeError(f"Two task functions are named {name}")
        TASKS[name] = Task(name=name, fn=fn, retries=retries, cron=cron)
        return fn

    return register


@dataclass
class _Pending:
    name: str
    kwargs: dict[str, Any]
    run_at: dt.datetime
    lock: str | None = None
    queueing_lock: str | None = None
    attempts: int = 0
    errors: list[str] = field(default_factory=list)


_QUEUE: list[_Pending] = []


async def defer(name: str, *, run_at: dt.datetime | None = None, lock: str | None = None,
                queueing_lock: str | None = None, **kwargs: Any) -> None:
    """Queue the task `name` with `kwargs`, to run at `run_at` (now when None).

    `lock`: jobs sharing it never run at the same time. `queueing_lock`: while a job with it
    waits, deferring another with the same one is a no-op (no duplicate reminders)."""
    if name not in TASKS:
        raise KeyError(f"No task is named {name}")
    if queueing_lock is not None and any(p.queueing_lock == queueing_lock for p in _QUEUE):
        return
    _QUEUE.append(_Pending(name=name, kwargs=kwargs, run_at=run_at or dt.datetime.now(dt.UTC),
                           lock=lock, queueing_lock=queueing_lock))


async def run_pending(now: dt.datetime | None = None) -> int:
    """Run every job due at `now`, including those the jobs defer while running, until none
    is due; how many ran. What tests and `crm jobs run-once` call."""
    ran = 0
    while True:
        moment = now or dt.datetime.now(dt.UTC)
        due = [p for p in _QUEUE if p.run_at <= moment]
        if not due:
            return ran
        for job in due:
            _QUEUE.remove(job)
            await TASKS[job.name].fn(**job.kwargs)
            ran += 1
