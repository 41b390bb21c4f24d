"""The job system seen by admins: their workspace's jobs, and reviving a dead one."""

from __future__ import annotations

import uuid
from typing import Any

from tortoise.transactions import in_transaction

from crm.core import audit, jobs
from crm.core.errors import ErrorCode, ServiceError, not_found
from crm.core.models import Job
from crm.core.policy import Actor
from crm.core.records import require_write_scope
from crm.core.scoping import scoped


def jobs_query(actor: Actor) -> Any:
    """The workspace's jobs the actor may read (admins: all of them; others: none)."""
    return scoped(Job, actor)  # type: ignore[type-var]


async def retry_job(actor: Actor, job_id: uuid.UUID) -> Job:
    """Run a dead job again, now, for one more attempt (audited)."""
    require_write_scope(actor, "Job")
    row = await scoped(Job, actor, write=True).filter(id=job_id).first()  # type: ignore[type-var]
    if row is None:
        raise not_found("Job", "id")
    if row.status != jobs.JobStatus.DEAD.value:
        raise ServiceError(ErrorCode.INVALID_STATE,
                           "Only a job that failed all its attempts can be retried", None)
    async with in_transaction("default"):
        if not await jobs.retry(job_id):
            raise ServiceError(ErrorCode.INVALID_STATE,
                               "Only a job that failed all its attempts can be retried", None)
        await audit.record(actor, "Job", job_id, "retry",
                           {"status": [jobs.JobStatus.DEAD.value, jobs.JobStatus.TODO.value]},
                           note=f"task {row.task_name}")
    fresh = await scoped(Job, actor).filter(id=job_id).first()  # type: ignore[type-var]
    assert fresh is not None
    return fresh  # type: ignore[no-any-return]
