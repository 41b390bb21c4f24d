"""The job system through its real backend (procrastinate on PostgreSQL, our runner on
SQLite): atomic with the caller's transaction, retried with backoff, dead and revived, periodic
slots once each, and what admins see of it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from tortoise.transactions import in_transaction

from crm.core import jobs
from crm.core.records import utcnow
from tests.conftest import World

CALLS: list[dict[str, Any]] = []
FAILING: set[str] = set()


@jobs.task("tests.record", retries=2)
async def record(**kwargs: Any) -> None:
    CALLS.append(kwargs)
    if kwargs.get("key") in FAILING:
        raise RuntimeError("upstream said no (token=abc123secret)")


@jobs.task("tests.chain", retries=0)
async def chain(**kwargs: Any) -> None:
    # A job that defers another while it runs: run_pending runs that one too.
    await jobs.defer("tests.record", workspace_id=kwargs["workspace_id"],
                     key=f"{kwargs['key']}-child")


@jobs.task("tests.tick", retries=0, cron="*/15 * * * *")
async def tick(**kwargs: Any) -> None:
    CALLS.append({"tick": True, **kwargs})


def calls(key: str) -> list[dict[str, Any]]:
    return [c for c in CALLS if c.get("key") == key]


JOBS = """query($f: JobFilter) { jobs(filter: $f, first: 50) { totalCount edges { node {
  id taskName status attempts lastError scheduledAt startedAt finishedAt } } } }"""
RETRY = """mutation($id: ID!) { retryJob(input: {id: $id}) { job { id status }
  errors { code field message } } }"""


async def test_a_job_deferred_in_a_rolled_back_transaction_never_runs(world: World):
    ws = str(world.workspace.id)
    with pytest.raises(ZeroDivisionError):
        async with in_transaction("default"):
            await jobs.defer("tests.record", workspace_id=ws, key="rolled-back")
            1 / 0  # noqa: B018
    async with in_transaction("default"):
        await jobs.defer("tests.record", workspace_id=ws, key="committed")
    await jobs.run_pending()
    assert calls("rolled-back") == []
    assert len(calls("committed")) == 1
    listed = (await world.gql("admin", JOBS, {"f": {"task": {"eq": "tests.record"}}}))
    assert listed["data"]["jobs"]["totalCount"] == 1


async def test_a_job_for_later_waits_and_jobs_deferred_while_running_run_too(world: World):
    ws = str(world.workspace.id)
    later = utcnow() + dt.timedelta(hours=2)
    await jobs.defer("tests.record", workspace_id=ws, key="later", run_at=later)
    await jobs.defer("tests.chain", workspace_id=ws, key="parent")
    await jobs.run_pending()
    assert calls("later") == []
    assert len(calls("parent-child")) == 1
    await jobs.run_pending(now=later + dt.timedelta(seconds=1))
    assert len(calls("later")) == 1


async def test_a_queueing_lock_keeps_one_waiting_job(world: World):
    ws = str(world.workspace.id)
    for _ in range(3):
        await jobs.defer("tests.record", workspace_id=ws, key="once", queueing_lock=f"q-{ws}")
    await jobs.run_pending()
    assert len(calls("once")) == 1


async def test_a_failing_job_is_retried_with_backoff_then_dead_and_an_admin_revives_it(
        world: World):
    ws = str(world.workspace.id)
    FAILING.add("flaky")
    await jobs.defer("tests.record", workspace_id=ws, key="flaky")
    start = utcnow()
    await jobs.run_pending(now=start)
    assert len(calls("flaky")) == 1
    # Not tried again at once: the next attempt waits.
    await jobs.run_pending(now=start)
    assert len(calls("flaky")) == 1
    for hours in (1, 2, 3, 4):
        await jobs.run_pending(now=start + dt.timedelta(hours=hours))
    # One run and two retries, then nothing more.
    assert len(calls("flaky")) == 3
    [dead] = (await world.gql("admin", JOBS, {"f": {"status": {"eq": "DEAD"},
                                                     "task": {"eq": "tests.record"}}})
              )["data"]["jobs"]["edges"]
    job = dead["node"]
    assert job["attempts"] == 3
    assert "upstream said no" in job["lastError"] and "abc123secret" not in job["lastError"]

    # Only an admin may revive it.
    refused = await world.gql("rep1", RETRY, {"id": job["id"]})
    assert refused["data"]["retryJob"]["errors"][0]["code"] in ("FORBIDDEN", "NOT_FOUND")
    FAILING.discard("flaky")
    revived = await world.gql("admin", RETRY, {"id": job["id"]})
    assert revived["data"]["retryJob"]["errors"] == []
    assert revived["data"]["retryJob"]["job"]["status"] == "TODO"
    await jobs.run_pending(now=start + dt.timedelta(hours=5))
    assert len(calls("flaky")) == 4
    again = await world.gql("admin", RETRY, {"id": job["id"]})
    assert again["data"]["retryJob"]["errors"][0]["code"] == "INVALID_STATE"

    from crm.core.models import AuditEvent
    assert await AuditEvent.filter(workspace_id=world.workspace.id, action="retry",
                                   object_type="Job").count() == 1


async def test_a_periodic_slot_fires_once_with_one_job_per_workspace(world: World):
    start = dt.datetime(2031, 5, 1, 10, 0, tzinfo=dt.UTC)
    end = start + dt.timedelta(minutes=30)  # slots 10:15 and 10:30
    # Only this task's slots: the product's own periodic tasks would fan out to every
    # workspace the session's tests made, once a minute, and run for a minute and a half.
    only = {"tests.tick"}
    assert await jobs.fire_periodic(start, end, only) == 2
    # Again, and overlapping: the slots are taken.
    assert await jobs.fire_periodic(start, end, only) == 0
    assert await jobs.fire_periodic(start + dt.timedelta(minutes=20), end, only) == 0
    await jobs.run_pending()
    mine = [c for c in CALLS if c.get("tick") and c["workspace_id"] == str(world.workspace.id)]
    assert sorted(c["timestamp"] for c in mine) == [
        int((start + dt.timedelta(minutes=m)).timestamp()) for m in (15, 30)]


async def test_jobs_are_for_admins_of_their_own_workspace_only(world: World, client: Any):
    from tests.conftest import world as make_world
    other = await make_world.__wrapped__(client)  # type: ignore[attr-defined]
    await jobs.defer("tests.record", workspace_id=str(world.workspace.id), key="mine")
    await jobs.defer("tests.record", workspace_id=str(other.workspace.id), key="theirs")
    await jobs.run_pending()
    mine = (await world.gql("admin", JOBS, {"f": {"task": {"eq": "tests.record"}}})
            )["data"]["jobs"]
    theirs = (await other.gql("admin", JOBS, {"f": {"task": {"eq": "tests.record"}}})
              )["data"]["jobs"]
    assert mine["totalCount"] == 1 and theirs["totalCount"] == 1
    assert mine["edges"][0]["node"]["id"] != theirs["edges"][0]["node"]["id"]
    # Another workspace's job cannot be retried either.
    crossed = await world.gql("admin", RETRY, {"id": theirs["edges"][0]["node"]["id"]})
    assert crossed["data"]["retryJob"]["errors"][0]["code"] == "NOT_FOUND"
    for who in ("manager", "rep1", "viewer", "support"):
        seen = (await world.gql(who, JOBS, expect_errors=True))["data"]
        assert seen is None or seen["jobs"]["totalCount"] == 0, who


async def test_error_texts_lose_their_credentials():
    text = jobs.error_text(RuntimeError(
        "connect postgres://crm:s3cret@db/crm failed, Authorization: Bearer eyJabc.def "
        "password=hunter2 api_key='k-123'"))
    for secret in ("s3cret", "eyJabc.def", "hunter2", "k-123"):
        assert secret not in text
    assert "postgres://crm:***@db/crm" in text
