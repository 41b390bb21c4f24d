"""GraphQL types of the job system (admins)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry

from crm.core import jobs
from crm.core.connections import SortKey
from crm.core.enums import public_enum
from crm.core.errors import UserError
from crm.core.filters import FilterSpec, SortSpec, choice, text
from crm.core.graphql import Node, node_type
from crm.core.models import Job as JobModel
from crm.core.payloads import errors_field, result_field

JobStatus = public_enum(
    jobs.JobStatus, name="JobStatus", description="Where a background job stands.",
    values={"TODO": "Waiting for its time (also between retries after a failed attempt).",
            "DOING": "Running now.",
            "SUCCEEDED": "Ran to the end.",
            "DEAD": "Failed every attempt: kept with its error, not tried again unless an "
                    "admin retries it.",
            "CANCELLED": "Cancelled before it ran."})


@node_type(JobModel)
@strawberry.type(description="One run of background work (a reminder, the pool sweep, a "
                 "webhook pass...) of your workspace.")
class Job(Node):
    task_name: str = strawberry.field(
        description="The task it runs, module first (e.g. `customers.pool_sweep`).")
    attempts: int = strawberry.field(description="Runs started so far, the first included.")
    scheduled_at: dt.datetime = strawberry.field(description="When it is (or was) due.")
    started_at: dt.datetime | None = strawberry.field(
        description="When its last run started; null before the first.")
    finished_at: dt.datetime | None = strawberry.field(
        description="When its last run ended; null while it waits for its first or runs.")
    created_at: dt.datetime = strawberry.field(description="When it was queued.")

    @strawberry.field(description="Where it stands.")
    def status(self, root: strawberry.Parent[Any]) -> JobStatus:  # type: ignore[valid-type]
        return jobs.JobStatus(root.status)

    @strawberry.field(description="Why its last run failed, with anything that looks like a "
                      "credential masked; null when it did not fail.")
    def last_error(self, root: strawberry.Parent[Any]) -> str | None:
        return jobs.mask_secrets(root.last_error) if root.last_error else None


JOB_FILTER = FilterSpec("Job", [choice("status", jobs.JobStatus), text("task", "task_name",
                                                                       policy="taskName")],
                        "JobFilter", __name__, "Which jobs to list.")
JOB_SORT = SortSpec("Job", {"CREATED_AT": ("created_at", "createdAt"),
                            "SCHEDULED_AT": ("scheduled_at", "scheduledAt")},
                    [SortKey("created_at", descending=True)], "JobSort", __name__)


@strawberry.input(description="Which job.")
class RetryJobInput:
    id: strawberry.ID = strawberry.field(description="The dead job to run again.")


@strawberry.type(description="The job queued again, or why not.")
class RetryJobPayload:
    job: Job | None = result_field("the job")
    errors: list[UserError] = errors_field()
