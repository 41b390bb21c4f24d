"""Workflows after the security review: a run acts only on what its owner reads, a run never
stays running, one write queues a bounded number of runs, the periodic scans stay bounded,
and what saving refuses (odd cron digits, conditions too deep or too wide)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from crm.automation import service
from crm.automation.models import (
    RunStatus,
    Workflow,
    WorkflowRun,
    WorkflowRunStep,
    WorkflowVersion,
)
from crm.collaboration.models import Notification
from crm.core.errors import ErrorCode
from crm.core.jobs import run_pending
from crm.sales.models import Task
from crm.settings import get_settings, override_settings
from tests import factories
from tests.automation.test_workflows import make, refused, runs_of
from tests.conftest import World


def _notify(world: World) -> list[dict[str, Any]]:
    return [{"type": "notify", "userIds": [str(world.users["admin"].id)], "title": "t"}]


async def test_a_schedule_with_digits_that_are_not_ascii_is_invalid(world: World) -> None:
    # "²" passes str.isdigit but int() refuses it: it must be a coded refusal, not a crash.
    for cron in ("² * * * *", "* ²-3 * * *", "*/² * * * *", "0 0 1-³ * *", "0 0 * * ١"):
        await refused(world, ErrorCode.INVALID, "trigger.cron",
                      trigger={"type": "schedule", "cron": cron}, actions=_notify(world))
    assert service.cronlib.parse("0-5/2 9 * * 1").minutes == frozenset({0, 2, 4})


async def test_a_condition_is_bounded_in_depth_and_width(world: World) -> None:
    leaf = {"name": {"contains": "a"}}
    nested: dict[str, Any] = leaf
    for _ in range(4):
        nested = {"and": [nested]}
    await refused(world, ErrorCode.INVALID, "condition", condition={"not": nested})
    await refused(world, ErrorCode.INVALID, "condition",
                  condition={"or": [{"name": {"eq": f"n{i}"}} for i in range(51)]})
    # Three operators on one field are three values compared.
    await refused(world, ErrorCode.INVALID, "condition", condition={"or": [
        {"name": {"eq": f"n{i}", "contains": "x", "startsWith": "y"}} for i in range(17)]})
    # A branch's condition has the same bounds, on its own field.
    await refused(world, ErrorCode.INVALID, "actions[0].condition", actions=[
        {"type": "branch", "condition": {"not": nested}, "then": _notify(world)}])
    # At the bounds a condition is saved.
    await make(world, condition=nested)
    await make(world, condition={"or": [{"name": {"eq": f"n{i}"}} for i in range(50)]})


DRY = """mutation($input: DryRunWorkflowInput!) { dryRunWorkflow(input: $input) {
  result { matches steps { action } } errors { field code } } }"""


async def test_only_who_may_write_a_workflow_may_dry_run_it(world: World) -> None:
    cust = await factories.customer(world, who="rep1")
    record = factories.gid("Customer", cust)
    definition = {"name": "Try", "objectType": "CUSTOMER", "trigger": {"type": "created"},
                  "actions": [{"type": "create_task", "title": "Call {record}"}]}
    admins = await make(world, enabled=False)
    rep1s = await make(world, owner="rep1", enabled=False)

    async def dry(who: str, **given: Any) -> Any:
        body = await world.gql(who, DRY, {"input": {"recordId": record, **given}})
        return body["data"]["dryRunWorkflow"]

    # A sales rep may write no workflow: neither a definition nor a saved one is tried.
    assert (await dry("rep1", definition=definition)) == {
        "result": None, "errors": [{"field": None, "code": "FORBIDDEN"}]}
    assert (await dry("rep1", workflowId=factories.gid("Workflow", rep1s)))["errors"][0][
        "code"] == "FORBIDDEN"
    # A manager reads the team's workflows but changes only their own.
    assert (await dry("manager", workflowId=factories.gid("Workflow", rep1s)))["errors"] == [
        {"field": "workflowId", "code": "FORBIDDEN"}]
    # One they cannot see is not found.
    assert (await dry("manager", workflowId=factories.gid("Workflow", admins)))["errors"] == [
        {"field": "workflowId", "code": "NOT_FOUND"}]
    # Who may write it tries it.
    tried = await dry("admin", workflowId=factories.gid("Workflow", admins))
    assert tried["errors"] == [] and tried["result"]["matches"] is True
    mine = await dry("manager", definition=definition)
    assert mine["errors"] == [] and mine["result"]["steps"] == [{"action": "create_task"}]


async def test_a_run_does_nothing_on_a_record_its_owner_cannot_read(world: World) -> None:
    # rep1 reads only their own customers: another rep's is none of their workflows' business,
    # with a condition or without one.
    actions = [{"type": "notify", "to": ["record_owner", "workflow_owner"], "title": "{record}"},
               {"type": "create_task", "title": "Call {record}"}]
    plain = await make(world, owner="rep1", actions=actions)
    narrowed = await make(world, owner="rep1", actions=actions,
                          condition={"name": {"startsWith": "Customer"}})
    theirs = await factories.customer(world, who="rep2")
    mine = await factories.customer(world, who="rep1")
    await run_pending()
    for flow in (plain, narrowed):
        runs = {r.record_id: r for r in await runs_of(flow)}
        assert runs[mine.id].status is RunStatus.SUCCEEDED
        assert runs[theirs.id].status is RunStatus.SKIPPED
        assert "may not read" in (runs[theirs.id].error or "")
    assert await Notification.filter(subject_id=theirs.id).count() == 0
    assert await Task.filter(customer_id=theirs.id).count() == 0
    assert await Notification.filter(subject_id=mine.id, user_id=world.users["rep1"].id
                                     ).count() == 2


async def test_a_waiting_run_stops_when_its_record_leaves_the_owners_reach(
        world: World) -> None:
    flow = await make(world, owner="rep1", actions=[
        {"type": "wait", "hours": 1}, {"type": "create_task", "title": "Later {record}"}])
    cust = await factories.customer(world, who="rep1")
    await run_pending()
    (run,) = await runs_of(flow)
    assert run.status is RunStatus.WAITING
    await service.customers.transfer_customers(await world.actor("admin"), [cust.id],
                                               world.users["rep2"].id, "moved")
    await run_pending(now=dt.datetime.now(dt.UTC) + dt.timedelta(hours=2))
    run = await WorkflowRun.get(id=run.id)
    assert run.status is RunStatus.STOPPED and "may read" in (run.error or "")
    assert await Task.filter(customer_id=cust.id, title__startswith="Later").count() == 0


class Killed(BaseException):
    """The worker going down mid-run: nothing in the run may catch it."""


async def test_a_run_left_running_by_a_dead_worker_goes_on_without_redoing_steps(
        world: World, monkeypatch: Any) -> None:
    flow = await make(world, actions=[
        {"type": "create_task", "title": "First {record}"},
        {"type": "branch", "condition": {"name": {"startsWith": "Customer"}},
         "then": [{"type": "create_task", "title": "Second {record}"}]},
        {"type": "create_task", "title": "Third {record}"}])
    cust = await factories.customer(world)
    (run,) = await runs_of(flow)
    real = service.perform

    async def dies_on_the_third(actor: Any, workflow: Any, subject: Any, step: Any,
                                now: Any) -> Any:
        if str(step.get("title", "")).startswith("Third"):
            raise Killed
        return await real(actor, workflow, subject, step, now)

    monkeypatch.setattr(service, "perform", dies_on_the_third)
    try:
        await service.execute(run.id)
    except Killed:
        pass
    monkeypatch.setattr(service, "perform", real)
    assert (await WorkflowRun.get(id=run.id)).status is RunStatus.RUNNING

    lease = service.get_settings().jobs_stalled_seconds
    ws = str(world.workspace.id)
    soon = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=lease / 2)
    await service.wake_job(workspace_id=ws, timestamp=int(soon.timestamp()))
    assert (await WorkflowRun.get(id=run.id)).status is RunStatus.RUNNING  # it may still run

    later = dt.datetime.now(dt.UTC) + dt.timedelta(seconds=lease + 60)
    await service.wake_job(workspace_id=ws, timestamp=int(later.timestamp()))
    await service.wake_job(workspace_id=ws, timestamp=int(later.timestamp()))  # a second waker
    await run_pending(now=later)  # and the run's own job, late
    run = await WorkflowRun.get(id=run.id)
    assert run.status is RunStatus.SUCCEEDED and run.finished_at is not None
    for title in ("First", "Second", "Third"):
        assert await Task.filter(customer_id=cust.id, title=f"{title} {cust.name}").count() == 1
    steps = await WorkflowRunStep.filter(run_id=run.id).order_by("index")
    assert [(s.index, s.action) for s in steps] == [
        (0, "create_task"), (1, "branch"), (2, "create_task"), (3, "create_task")]


async def test_a_branch_or_anything_else_that_raises_ends_the_run_failed(
        world: World, monkeypatch: Any) -> None:
    flow = await make(world, actions=[
        {"type": "branch", "condition": {"name": {"startsWith": "A"}},
         "then": [{"type": "create_task", "title": "then"}]}])
    # A stored branch condition that no longer reads (a field gone since it was saved).
    version = await WorkflowVersion.get(workflow_id=flow.id, version=flow.version)
    version.definition = {**version.definition, "actions": [
        {"type": "branch", "condition": {"colour": {"eq": "red"}},
         "then": [{"type": "create_task", "title": "then"}]}]}
    await version.save()
    await factories.customer(world)
    await run_pending()
    (run,) = await runs_of(flow)
    assert run.status is RunStatus.FAILED
    assert (run.error or "").startswith("Step 1 (branch) failed: INVALID")
    (step,) = await WorkflowRunStep.filter(run_id=run.id)
    assert step.action == "branch" and step.error

    # Whatever else raises mid-run ends it failed too, never running for good.
    other = await make(world, actions=[{"type": "create_task", "title": "x"}])

    async def broken(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("the database went away")

    monkeypatch.setattr(service, "load_subject", broken)
    await factories.customer(world)
    await run_pending()
    (run,) = await runs_of(other)
    assert run.status is RunStatus.FAILED and run.finished_at is not None
    assert "unexpected error (RuntimeError)" in (run.error or "")


async def test_one_write_queues_so_many_runs_at_most_and_records_the_rest(
        world: World) -> None:
    before = get_settings()
    override_settings(before.model_copy(update={"workflow_max_runs_per_event": 3}))
    try:
        notify = [{"type": "notify", "userIds": [str(world.users["manager"].id)],
                   "title": "{record}"}]
        flows = [await make(world, name=f"On create {i}", actions=notify) for i in range(5)]
        await factories.customer(world)
        await run_pending()
        runs = [r for f in flows for r in await runs_of(f)]
        assert sorted(r.status.value for r in runs) == ["stopped"] * 2 + ["succeeded"] * 3
        stopped = [r for r in runs if r.status is RunStatus.STOPPED]
        assert all("queued 3 workflow runs" in (r.error or "") for r in stopped)
        assert await Notification.filter(user_id=world.users["manager"].id).count() == 3
        for f in flows:
            await service.set_enabled(await world.actor("admin"), f.id, False)

        # All the writes of one run count as one: two updates fire three workflows each.
        await make(world, name="Two writes", actions=[
            {"type": "update_fields", "fields": [{"field": "industry", "value": "energy"}]},
            {"type": "update_fields", "fields": [{"field": "region", "value": "north"}]}])
        listeners = [await make(world, name=f"On update {i}", trigger={"type": "updated"},
                                actions=notify) for i in range(3)]
        await factories.customer(world)
        await run_pending()
        runs = [r for f in listeners for r in await runs_of(f)]
        assert sorted(r.status.value for r in runs) == ["stopped"] * 3 + ["succeeded"] * 3
    finally:
        override_settings(before)


async def test_the_defaults_job_reads_only_the_workspace_it_is_given(
        world: World, sql_counter: Any, monkeypatch: Any) -> None:
    ws = str(world.workspace.id)
    await service.defaults_job(workspace_id=ws)
    assert await Workflow.filter(workspace_id=world.workspace.id,
                                 template__not_isnull=True).count() == 4

    async def every_workspace() -> Any:
        raise AssertionError("the job read every workspace")

    monkeypatch.setattr(service.auth, "workspaces_with_admin", every_workspace)
    with sql_counter:
        await service.defaults_job(workspace_id=ws)
    # Seeded already: one look at this workspace's own workflows, nothing else.
    assert sql_counter.count == 1, sql_counter.statements
    assert await Workflow.filter(workspace_id=world.workspace.id,
                                 template__not_isnull=True).count() == 4


async def test_a_date_scan_goes_on_in_batches_and_fires_each_date_once(
        world: World, monkeypatch: Any) -> None:
    monkeypatch.setattr(service, "DATE_BATCH", 2, raising=False)
    flow = await make(world, object_type="Opportunity",
                      trigger={"type": "date_reached", "field": "expectedCloseDate",
                               "offsetDays": -3},
                      actions=[{"type": "notify", "to": ["record_owner"], "title": "{record}"}])
    cust = await factories.customer(world)
    today = dt.datetime.now(dt.UTC)
    close = (today + dt.timedelta(days=3)).date()
    due = [await factories.opportunity(world, cust, title=f"Due {i}", expected_close_date=close)
           for i in range(5)]
    later = await factories.opportunity(world, cust, title="Later",
                                        expected_close_date=close + dt.timedelta(days=30))
    fired = []
    for minute in range(5):
        fired.append(await service.scan_dates(today + dt.timedelta(minutes=minute),
                                              world.workspace.id))
    # Two a scan, from where the last one stopped, until all five are taken; then none.
    assert fired == [2, 2, 1, 0, 0]
    # A date moved onto one already passed today still fires, once.
    await service.sales.update_opportunity(await world.actor("rep1"), later.id,
                                           {"expected_close_date": close})
    assert await service.scan_dates(today + dt.timedelta(minutes=6), world.workspace.id) == 1
    assert await service.scan_dates(today + dt.timedelta(minutes=7), world.workspace.id) == 0
    await run_pending()
    runs = await runs_of(flow)
    assert sorted(str(r.record_id) for r in runs) == sorted(str(o.id) for o in [*due, later])
    assert {r.status for r in runs} == {RunStatus.SUCCEEDED}
