"""Query and Mutation fields of the job system (admins only, by the policy)."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from crm.core.connections import Connection
from crm.core.graphql import actor_of
from crm.core.ids import decode_id
from crm.core.lists import list_field
from crm.core.payloads import respond
from crm.jobs import service
from crm.jobs.types import JOB_FILTER, JOB_SORT, Job, RetryJobInput, RetryJobPayload


@strawberry.type
class JobsQuery:
    jobs: Connection[Job] = list_field(
        service.jobs_query, JOB_FILTER, JOB_SORT,
        description="Your workspace's background jobs, newest first (admins).")


@strawberry.type
class JobsMutation:
    @strawberry.mutation(description="Run a dead job again, now, for one more attempt.")
    async def retry_job(self, info: Info, input: RetryJobInput) -> RetryJobPayload:
        return await respond(RetryJobPayload, "job", service.retry_job(
            actor_of(info), decode_id(input.id, "Job")))


Query = JobsQuery
Mutation = JobsMutation
