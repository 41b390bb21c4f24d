"""Workflows: what fires them, what their runs do as their owner, and what saving refuses."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from crm.automation import service
from crm.automation.models import RunStatus, Workflow, WorkflowRun, WorkflowRunStep
from crm.collaboration.models import Notification
from crm.core.errors import ErrorCode, ServiceError
from crm.core.jobs import run_pending
from crm.core.models import AuditEvent
from crm.customers.models import Customer
from crm.sales.models import Task
from tests import factories
from tests.conftest import World


def definition(object_type: str = "Customer", trigger: dict[str, Any] | None = None,
               actions: list[dict[str, Any]] | None = None, condition: Any = None,
               name: str = "Flow") -> service.Definition:
    return service.Definition(name, "", object_type, trigger or {"type": "created"}, condition,
                              actions if actions is not None else [
                                  {"type": "create_task", "title": "Call {record}"}])


async def make(world: World, who: str = "admin", *, owner: str | None = None,
               enabled: bool = True, **kwargs: Any) -> Workflow:
    return await service.create_workflow(
        await world.actor(who), definition(**kwargs), enabled=enabled,
        owner_id=world.users[owner].id if owner else None)


async def runs_of(workflow: Workflow) -> list[WorkflowRun]:
    return list(await WorkflowRun.filter(workflow_id=workflow.id).order_by("created_at"))


async def refused(world: World, code: ErrorCode, field: str, who: str = "admin",
                  owner: str | None = None, **kwargs: Any) -> None:
    before = await Workflow.filter(workspace_id=world.workspace.id).count()
    with pytest.raises(ServiceError) as caught:
        await make(world, who, owner=owner, **kwargs)
    assert caught.value.code is code, caught.value
    assert caught.value.field == field, caught.value.field
    assert await Workflow.filter(workspace_id=world.workspace.id).count() == before


async def test_a_field_change_fires_once_per_change_and_not_on_other_updates(world: World) -> None:
    flow = await make(world, trigger={"type": "field_changed", "field": "industry"})
    rep = await world.actor("rep1")
    cust = await factories.customer(world, industry="retail")
    await run_pending()
    assert await runs_of(flow) == []  # a create is no field change

    await service.customers.update_customer(rep, cust.id, {"industry": "energy"})
    await service.customers.update_customer(rep, cust.id, {"region": "north"})
    await service.customers.update_customer(rep, cust.id, {"industry": "energy"})
    await run_pending()
    runs = await runs_of(flow)
    assert [r.status for r in runs] == [RunStatus.SUCCEEDED]
    assert await Task.filter(customer_id=cust.id, title=f"Call {cust.name}").count() == 1

    await service.customers.update_customer(rep, cust.id, {"industry": "mining"})
    await run_pending()
    assert len(await runs_of(flow)) == 2


async def test_from_and_to_values_narrow_a_field_change(world: World) -> None:
    flow = await make(world, trigger={"type": "field_changed", "field": "lifecycleStage",
                                      "to": "customer"})
    rep = await world.actor("rep1")
    cust = await factories.customer(world)
    await service.customers.update_customer(rep, cust.id, {"lifecycle_stage": "lead"})
    await run_pending()
    assert await runs_of(flow) == []
    await service.customers.update_customer(rep, cust.id, {"lifecycle_stage": "customer"})
    await run_pending()
    assert len(await runs_of(flow)) == 1


async def test_a_loop_between_two_workflows_stops_at_the_depth_guard(world: World) -> None:
    # Each moves the other's field: without the guard they would feed each other forever.
    first = await make(world, object_type="Task", name="due moves remind",
                       trigger={"type": "field_changed", "field": "dueAt"},
                       actions=[{"type": "update_fields",
                                 "fields": [{"field": "remindAt", "inDays": 1}]}])
    second = await make(world, object_type="Task", name="remind moves due",
                        trigger={"type": "field_changed", "field": "remindAt"},
                        actions=[{"type": "update_fields",
                                  "fields": [{"field": "dueAt", "inDays": 2}]}])
    admin = await world.actor("admin")
    task = await service.sales.create_task(admin, {"title": "Loop"})
    await service.sales.update_task(admin, task.id, {"due_at": dt.datetime(2030, 1, 1,
                                                                           tzinfo=dt.UTC)})
    await run_pending()
    runs = sorted([*await runs_of(first), *await runs_of(second)], key=lambda r: r.depth)
    assert [(r.depth, r.status) for r in runs] == [
        (1, RunStatus.SUCCEEDED), (2, RunStatus.SUCCEEDED), (3, RunStatus.SUCCEEDED),
        (4, RunStatus.STOPPED)]
    assert runs[-1].workflow_id == second.id
    assert "loop" in (runs[-1].error or "") and "limit is 3" in (runs[-1].error or "")


async def test_a_wait_defers_the_rest_and_resumes_later_step_by_step(world: World) -> None:
    flow = await make(world, actions=[
        {"type": "notify", "to": ["record_owner"], "title": "New: {record}"},
        {"type": "wait", "days": 2},
        {"type": "create_task", "title": "Second call {record}", "dueInDays": 1}])
    cust = await factories.customer(world)
    await run_pending()
    (run,) = await runs_of(flow)
    assert run.status is RunStatus.WAITING and run.resume_at is not None
    steps = await WorkflowRunStep.filter(run_id=run.id).order_by("index")
    assert [s.action for s in steps] == ["notify", "wait"]
    assert await Task.filter(customer_id=cust.id).count() == 0

    await run_pending(now=dt.datetime.now(dt.UTC) + dt.timedelta(days=1))
    assert (await WorkflowRun.get(id=run.id)).status is RunStatus.WAITING

    await run_pending(now=dt.datetime.now(dt.UTC) + dt.timedelta(days=2, minutes=1))
    run = await WorkflowRun.get(id=run.id)
    assert run.status is RunStatus.SUCCEEDED and run.finished_at is not None
    steps = await WorkflowRunStep.filter(run_id=run.id).order_by("index")
    assert [(s.index, s.action, s.error) for s in steps] == [
        (0, "notify", None), (1, "wait", None), (2, "create_task", None)]
    assert await Task.filter(customer_id=cust.id, title__startswith="Second call").count() == 1
    assert await Notification.filter(user_id=world.users["rep1"].id, kind="workflow.notify",
                                     subject_id=cust.id).count() == 1


async def test_a_waiting_run_whose_job_was_lost_is_resumed_by_the_periodic_scan(
        world: World) -> None:
    flow = await make(world, actions=[{"type": "wait", "hours": 1},
                                      {"type": "create_task", "title": "After {record}"}])
    cust = await factories.customer(world)
    await run_pending()
    (run,) = await runs_of(flow)
    # The scan comes first, as when the resume job went down with its worker: it goes on
    # with the run, and the job, when it does come, finds nothing left to do.
    later = dt.datetime.now(dt.UTC) + dt.timedelta(hours=2)
    await service.wake_job(timestamp=int(later.timestamp()))
    assert (await WorkflowRun.get(id=run.id)).status is RunStatus.SUCCEEDED
    await run_pending(now=later)
    assert await Task.filter(customer_id=cust.id).count() == 1
    assert await WorkflowRunStep.filter(run_id=run.id).count() == 2


async def test_a_run_sentence_is_no_webhook_event(world: World) -> None:
    from crm.webhooks.events import EventType
    from crm.webhooks.models import WebhookDelivery
    from crm.webhooks.service import create_endpoint
    endpoint, _secret = await create_endpoint(await world.actor("admin"), "https://example.com/h",
                                              [EventType.CUSTOMER_UPDATED])
    await make(world, actions=[{"type": "notify", "to": ["record_owner"], "title": "hi"}])
    await factories.customer(world)
    await run_pending()
    assert await WebhookDelivery.filter(endpoint_id=endpoint.id).count() == 0


async def test_a_failing_step_is_retried_then_stops_the_run_with_a_reason(world: World) -> None:
    # rep1 owns it: a customer of the public pool they read but may not change, however
    # often it tries.
    flow = await make(world, owner="rep1", actions=[
        {"type": "update_fields", "fields": [{"field": "industry", "value": "energy"}]},
        {"type": "create_task", "title": "never"}])
    cust = await factories.customer(world, who="rep2")
    await Customer.filter(id=cust.id).update(in_pool=True, owner_id=None)
    await run_pending()
    (run,) = await runs_of(flow)
    assert run.status is RunStatus.FAILED
    assert run.error is not None and run.error.startswith(
        "Step 1 (update_fields) failed after 3 attempts: FORBIDDEN")
    (step,) = await WorkflowRunStep.filter(run_id=run.id)
    assert step.attempts == 3 and step.error
    await cust.refresh_from_db()
    assert cust.industry != "energy"
    assert await Task.filter(title="never").count() == 0
    # The failure is told on the customer's history in a sentence.
    event = await AuditEvent.get(object_id=cust.id, action="workflow_run")
    assert event.note is not None and "failed" in event.note and "Flow" in event.note


async def test_the_owners_permissions_bound_what_a_run_does(world: World) -> None:
    flow = await make(world, owner="rep1", actions=[
        {"type": "update_fields", "fields": [{"field": "industry", "value": "energy"}]}])
    own = await factories.customer(world, who="rep1")
    other = await factories.customer(world, who="manager")
    await run_pending()
    status = {r.record_id: r.status for r in await runs_of(flow)}
    # A record the owner cannot read is none of the run's business: it does nothing there.
    assert status == {own.id: RunStatus.SUCCEEDED, other.id: RunStatus.SKIPPED}
    await own.refresh_from_db()
    await other.refresh_from_db()
    assert own.industry == "energy" and other.industry != "energy"
    # Its writes say which workflow made them.
    change = await AuditEvent.get(object_id=own.id, action="update")
    assert change.note == "by workflow “Flow”"
    assert change.actor_user_id == world.users["rep1"].id


async def test_a_condition_is_the_lists_filter_relations_included(world: World) -> None:
    flow = await make(world, object_type="Opportunity", trigger={"type": "created"},
                      condition={"title": {"startsWith": "Big"}},
                      actions=[{"type": "notify", "to": ["owner_manager"], "title": "{record}"}])
    by_relation = await make(world, condition={"opportunity": {"title": {"contains": "Big"}}},
                             trigger={"type": "field_changed", "field": "region"},
                             actions=[{"type": "add_tags", "tagIds": [
                                 str((await factories.tag(world, "vip")).id)]}])
    cust = await factories.customer(world)
    await factories.opportunity(world, cust, title="Big deal")
    await factories.opportunity(world, cust, title="Small deal")
    await run_pending()
    assert sorted(r.status.value for r in await runs_of(flow)) == ["skipped", "succeeded"]
    # The manager of rep1's team heard of the big one only.
    assert await Notification.filter(user_id=world.users["manager"].id,
                                     kind="workflow.notify").count() == 1
    await service.customers.update_customer(await world.actor("rep1"), cust.id,
                                            {"region": "east"})
    await run_pending()
    assert [r.status for r in await runs_of(by_relation)] == [RunStatus.SUCCEEDED]


async def test_round_robin_takes_the_team_in_turn(world: World) -> None:
    east = world.teams["East"].id
    flow = await make(world, actions=[{"type": "assign_owner", "teamId": str(east)}])
    made = [await factories.customer(world, who="admin") for _ in range(3)]
    await run_pending()
    assert [r.status for r in await runs_of(flow)] == [RunStatus.SUCCEEDED] * 3
    owners = []
    for c in made:
        await c.refresh_from_db()
        owners.append(c.owner_id)
    east_reps = {world.users[u].id for u in ("manager", "rep1", "rep2")}
    assert set(owners) <= east_reps and len(set(owners)) == 3


# --- validation ------------------------------------------------------------------------------

async def test_saving_refuses_what_the_owner_could_not_do(world: World) -> None:
    # Marketing sees customers' phones masked: a condition on them would be an oracle.
    await refused(world, ErrorCode.FORBIDDEN, "condition.phone", who="marketing",
                  condition={"phone": {"startsWith": "138"}})
    await refused(world, ErrorCode.FORBIDDEN, "condition.contact.phone", who="marketing",
                  condition={"contact": {"phone": {"startsWith": "139"}}})
    await refused(world, ErrorCode.FORBIDDEN, "actions[0].fields[0].field", owner="rep1",
                  actions=[{"type": "update_fields",
                            "fields": [{"field": "address", "value": "x"}]}])
    await refused(world, ErrorCode.FORBIDDEN, "trigger.field", who="marketing",
                  trigger={"type": "field_changed", "field": "email"})


async def test_saving_refuses_bad_schedules_fields_types_and_users(world: World) -> None:
    notify = [{"type": "notify", "userIds": [str(world.users["admin"].id)], "title": "t"}]
    await refused(world, ErrorCode.INVALID, "trigger.cron",
                  trigger={"type": "schedule", "cron": "0 0 30 2 *"}, actions=notify)
    await refused(world, ErrorCode.INVALID, "trigger.cron",
                  trigger={"type": "schedule", "cron": "61 * * * *"}, actions=notify)
    await refused(world, ErrorCode.INVALID, "trigger.cron",
                  trigger={"type": "schedule", "cron": "every day"}, actions=notify)
    await refused(world, ErrorCode.INVALID, "condition.colour",
                  condition={"colour": {"eq": "red"}})
    await refused(world, ErrorCode.INVALID, "condition.name.like", condition={"name": {"like": 1}})
    await refused(world, ErrorCode.INVALID, "objectType", object_type="Spaceship")
    await refused(world, ErrorCode.INVALID, "trigger.field",
                  trigger={"type": "field_changed", "field": "colour"})
    await refused(world, ErrorCode.INVALID, "actions[0].type", actions=[{"type": "teleport"}])
    await refused(world, ErrorCode.INVALID, "actions[0].fields[0].field", actions=[
        {"type": "update_fields", "fields": [{"field": "colour", "value": "red"}]}])
    await refused(world, ErrorCode.NOT_FOUND, "actions[0].userIds[0]", actions=[
        {"type": "notify", "userIds": [str(uuid.uuid4())], "title": "t"}])
    await refused(world, ErrorCode.NOT_FOUND, "actions[0].userId", actions=[
        {"type": "assign_owner", "userId": str(uuid.uuid4())}])
    await refused(world, ErrorCode.NOT_FOUND, "actions[0].tagIds", actions=[
        {"type": "add_tags", "tagIds": [str(uuid.uuid4())]}])
    await refused(world, ErrorCode.NOT_FOUND, "actions[0].endpointId", actions=[
        {"type": "webhook", "endpointId": str(uuid.uuid4())}])
    await refused(world, ErrorCode.INVALID, "actions[0]", actions=[{"type": "wait"}])


async def test_saving_refuses_too_many_steps_or_branches_too_deep(world: World) -> None:
    step = {"type": "create_task", "title": "t"}
    await refused(world, ErrorCode.LIMIT_REACHED, "actions", actions=[step] * 26)
    deep: dict[str, Any] = {"type": "branch", "condition": {}, "then": [step]}
    for _ in range(3):
        deep = {"type": "branch", "condition": {}, "then": [deep]}
    await refused(world, ErrorCode.LIMIT_REACHED, "actions", actions=[deep])


async def test_every_change_is_a_new_version_and_runs_name_theirs(world: World) -> None:
    admin = await world.actor("admin")
    flow = await make(world)
    await factories.customer(world)
    await run_pending()
    changed = await service.update_workflow(admin, flow.id, {"name": "Renamed"}, 1)
    assert changed.version == 2
    with pytest.raises(ServiceError) as stale:
        await service.update_workflow(admin, flow.id, {"name": "Again"}, 1)
    assert stale.value.code is ErrorCode.CONFLICT
    await factories.customer(world)
    await run_pending()
    assert [r.version for r in await runs_of(flow)] == [1, 2]
    versions = await service.versions_of(admin, flow.id)
    assert [(v.version, v.definition["name"]) for v in versions] == [(2, "Renamed"), (1, "Flow")]


async def test_a_disabled_or_deleted_workflow_does_not_fire(world: World) -> None:
    admin = await world.actor("admin")
    off = await make(world, enabled=False)
    gone = await make(world)
    await service.delete_workflow(admin, gone.id)
    await factories.customer(world)
    await run_pending()
    assert await runs_of(off) == [] and await runs_of(gone) == []
    await service.set_enabled(admin, off.id, True)
    await factories.customer(world)
    await run_pending()
    assert len(await runs_of(off)) == 1


# --- schedules and dates ---------------------------------------------------------------------

async def test_a_schedule_fires_once_per_slot(world: World) -> None:
    flow = await make(world, trigger={"type": "schedule", "cron": "0 9 * * *"}, actions=[
        {"type": "notify", "userIds": [str(world.users["manager"].id)], "title": "Morning"}])
    nine = dt.datetime(2031, 3, 3, 9, 0, tzinfo=dt.UTC)
    await service.wake_job(timestamp=int(nine.timestamp()))
    await service.wake_job(timestamp=int(nine.timestamp()))  # a second worker, the same slot
    await service.fire_schedules(nine + dt.timedelta(minutes=1))
    await run_pending()
    assert len(await runs_of(flow)) == 1
    await service.fire_schedules(nine + dt.timedelta(days=1))
    await run_pending()
    assert [r.status for r in await runs_of(flow)] == [RunStatus.SUCCEEDED] * 2
    assert await Notification.filter(user_id=world.users["manager"].id,
                                     title="Morning").count() == 2


async def test_a_date_trigger_fires_once_per_record_and_date(world: World) -> None:
    flow = await make(world, object_type="Opportunity",
                      trigger={"type": "date_reached", "field": "expectedCloseDate",
                               "offsetDays": -3},
                      actions=[{"type": "notify", "to": ["record_owner"], "title": "{record}"}])
    cust = await factories.customer(world)
    today = dt.datetime.now(dt.UTC)
    soon = await factories.opportunity(world, cust, title="Soon",
                                       expected_close_date=(today + dt.timedelta(days=3)).date())
    await factories.opportunity(world, cust, title="Later",
                                expected_close_date=(today + dt.timedelta(days=30)).date())
    await service.scan_dates(today)
    await service.scan_dates(today + dt.timedelta(minutes=5))
    await run_pending()
    runs = await runs_of(flow)
    assert [(r.record_id, r.status) for r in runs] == [(soon.id, RunStatus.SUCCEEDED)]


async def test_the_pool_reminder_warns_the_owner_before_the_customer_returns(
        world: World) -> None:
    await service.ensure_defaults(world.workspace.id)
    cust = await factories.customer(world)
    days = int(await service.auth.workspace_setting(world.workspace.id, "pool_sweep_days"))
    await service.scan_dates(dt.datetime.now(dt.UTC) + dt.timedelta(days=days - 3, minutes=1))
    await run_pending()
    assert await Notification.filter(user_id=world.users["rep1"].id, subject_id=cust.id,
                                     title__contains="public pool").count() == 1


async def test_defaults_are_made_once_and_stay_deleted(world: World) -> None:
    assert await service.ensure_defaults(world.workspace.id) == 4
    assert await service.ensure_defaults(world.workspace.id) == 0
    admin = await world.actor("admin")
    big = await Workflow.get(workspace_id=world.workspace.id, template="big_deal_alert")
    await service.delete_workflow(admin, big.id)
    assert await service.ensure_defaults(world.workspace.id) == 0
    follow = await Workflow.get(workspace_id=world.workspace.id, template="follow_up_reminder")
    assert follow.enabled is False
    renewal = await Workflow.get(workspace_id=world.workspace.id,
                                 template="contract_renewal_reminder")
    assert renewal.enabled is True


async def test_a_workspace_seeded_before_a_default_shipped_gets_it_once(world: World) -> None:
    # Seeded when three defaults shipped: the defaults job brings the fourth, once, and one
    # the workspace deleted stays deleted.
    await service.ensure_defaults(world.workspace.id)
    admin = await world.actor("admin")
    renewal = await Workflow.get(workspace_id=world.workspace.id,
                                 template="contract_renewal_reminder")
    await Workflow.filter(id=renewal.id).delete()
    big = await Workflow.get(workspace_id=world.workspace.id, template="big_deal_alert")
    await service.delete_workflow(admin, big.id)
    for _ in range(2):
        await service.defaults_job(workspace_id=str(world.workspace.id))
    templates = await Workflow.filter(workspace_id=world.workspace.id,
                                      template__not_isnull=True).values_list("template",
                                                                             "deleted_at")
    assert sorted(t for t, _ in templates) == sorted(service.default_definitions())
    assert [t for t, gone in templates if gone is not None] == ["big_deal_alert"]
    await Workflow.filter(workspace_id=world.workspace.id,
                          template="contract_renewal_reminder").delete()
    await service.defaults_job()  # not fanned out: every workspace
    assert await Workflow.filter(workspace_id=world.workspace.id,
                                 template="contract_renewal_reminder").count() == 1


async def test_the_renewal_reminder_tasks_the_owner_30_days_before_the_contract_ends(
        world: World) -> None:
    from crm.orders import service as orders
    from crm.orders.service import ContractFields, LineInput
    from tests.orders.helpers import make_shop
    await service.ensure_defaults(world.workspace.id)
    shop = await make_shop(world)
    rep = await world.actor("rep1")
    now = dt.datetime.now(dt.UTC)

    async def order(days: int) -> Any:
        return await orders.create_order(
            rep, customer_id=shop.customer.id, lines=[LineInput(shop.service.id, 1)],
            contract=ContractFields(contract_end=(now + dt.timedelta(days=days)).date()))

    soon, later = await order(30), await order(60)
    await run_pending()
    await service.scan_dates(now)
    await service.scan_dates(now + dt.timedelta(minutes=5))  # the next minute's scan
    await run_pending()
    tasks = list(await Task.filter(title__startswith="Renew contract"))
    assert [(t.title, t.assignee_id, t.customer_id) for t in tasks] == [
        (f"Renew contract {soon.number}", world.users["rep1"].id, shop.customer.id)]
    assert later.number not in tasks[0].title
    # The later one's day comes thirty days on: it fires then, and the first not again.
    await service.scan_dates(now + dt.timedelta(days=30))
    await run_pending()
    assert sorted(t.title for t in await Task.filter(title__startswith="Renew contract")) == \
        sorted([f"Renew contract {soon.number}", f"Renew contract {later.number}"])


async def test_the_big_deal_alert_tells_the_owners_manager_once_it_goes_above(
        world: World) -> None:
    await service.ensure_defaults(world.workspace.id)
    rep = await world.actor("rep1")
    cust = await factories.customer(world)
    deal = await factories.opportunity(world, cust, amount="5000.00")
    from decimal import Decimal
    await service.sales.update_opportunity(rep, deal.id, {"amount": Decimal("150000.00")})
    await service.sales.update_opportunity(rep, deal.id, {"amount": Decimal("160000.00")})
    await run_pending()
    assert await Notification.filter(user_id=world.users["manager"].id,
                                     subject_id=deal.id).count() == 1


async def test_saving_refuses_steps_of_the_wrong_shape(world: World) -> None:
    await refused(world, ErrorCode.INVALID, "actions[0].title",
                  actions=[{"type": "create_task", "title": {"a": 1}}])
    await refused(world, ErrorCode.INVALID, "actions[0].fields",
                  actions=[{"type": "update_fields", "fields": ["industry"]}])
    await refused(world, ErrorCode.INVALID, "actions[0].fields",
                  actions=[{"type": "update_fields",
                            "fields": [{"field": "nextFollowUpAt", "inDays": 10 ** 30}]}])
    await refused(world, ErrorCode.INVALID, "actions[0].days",
                  actions=[{"type": "wait", "days": "two"}])
    await refused(world, ErrorCode.INVALID, "actions[0]",
                  actions=[{"type": "wait", "days": 10 ** 12}])
    await refused(world, ErrorCode.INVALID, "trigger.crossesAbove", object_type="Opportunity",
                  trigger={"type": "field_changed", "field": "amount", "crossesAbove": "NaN"})
    await refused(world, ErrorCode.INVALID, "actions", actions={"type": "notify"})  # type: ignore[arg-type]


async def test_crosses_above_is_only_for_number_fields(world: World) -> None:
    await refused(world, ErrorCode.INVALID, "trigger.crossesAbove",
                  trigger={"type": "field_changed", "field": "industry", "crossesAbove": 10})


async def test_a_threshold_on_a_text_field_never_breaks_a_write(world: World) -> None:
    # A workflow saved before the field check (or whose column changed type) is judged on every
    # write of its type: the write must go through, and the workflow simply does not fire.
    flow = await make(world, trigger={"type": "field_changed", "field": "industry"})
    await Workflow.filter(id=flow.id).update(
        trigger={"type": "field_changed", "field": "industry", "crossesAbove": 10})
    service.invalidate()
    rep = await world.actor("rep1")
    cust = await factories.customer(world, industry="retail")
    updated = await service.customers.update_customer(rep, cust.id, {"industry": "energy"})
    assert updated.industry == "energy"
    await run_pending()
    assert await runs_of(flow) == []


async def test_an_enum_condition_takes_the_graphql_names_and_refuses_others(
        world: World) -> None:
    # The SPA's condition bar sends enum values as the list filters take them (CUSTOMER).
    await refused(world, ErrorCode.INVALID, "condition.lifecycleStage.eq",
                  condition={"lifecycleStage": {"eq": "NOPE"}})
    flow = await make(world, trigger={"type": "field_changed", "field": "region"},
                      condition={"lifecycleStage": {"in": ["CUSTOMER", "LOYAL"]}})
    rep = await world.actor("rep1")
    won = await factories.customer(world, lifecycle_stage="customer")
    other = await factories.customer(world, lifecycle_stage="lead")
    for cust in (won, other):
        await service.customers.update_customer(rep, cust.id, {"region": "north"})
    await run_pending()
    assert {r.record_id: r.status for r in await runs_of(flow)} == {
        won.id: RunStatus.SUCCEEDED, other.id: RunStatus.SKIPPED}
