"""Workflows through the graph: saving with coded errors, versions and conflicts, who reads
which, the run log, and a dry run that writes nothing."""

from __future__ import annotations

from typing import Any

from crm.automation.models import Workflow, WorkflowRun
from crm.core.jobs import run_pending
from crm.core.models import AuditEvent
from crm.sales.models import Task
from tests import factories
from tests.conftest import World

CREATE = """mutation($input: CreateWorkflowInput!) { createWorkflow(input: $input) {
  workflow { id name version enabled objectType trigger condition actions owner { name } }
  errors { field code message } } }"""
UPDATE = """mutation($input: UpdateWorkflowInput!) { updateWorkflow(input: $input) {
  workflow { id name version } errors { field code } } }"""
LIST = "{ workflows(first: 50) { totalCount edges { node { name } } } }"
RUNS = """query($f: WorkflowRunFilter) { workflowRuns(first: 20, filter: $f) { edges { node {
  status version depth error recordType recordId workflow { name }
  steps { index action output error attempts durationMs } } } } }"""
DRY = """mutation($input: DryRunWorkflowInput!) { dryRunWorkflow(input: $input) {
  result { matches steps { index action description error } } errors { field code } } }"""


def new(name: str = "Welcome", **extra: Any) -> dict[str, Any]:
    return {"name": name, "objectType": "CUSTOMER", "trigger": {"type": "created"},
            "actions": [{"type": "create_task", "title": "Welcome {record}", "dueInDays": 2}],
            "enabled": True, **extra}


async def test_create_update_and_conflict(world: World) -> None:
    made = (await world.gql("manager", CREATE, {"input": new()}))["data"]["createWorkflow"]
    assert made["errors"] == []
    flow = made["workflow"]
    assert (flow["version"], flow["objectType"], flow["owner"]["name"]) == (1, "CUSTOMER",
                                                                            "Manager")
    changed = (await world.gql("manager", UPDATE, {"input": {
        "id": flow["id"], "expectedVersion": 1, "name": "Hello"}}))["data"]["updateWorkflow"]
    assert changed["workflow"]["version"] == 2
    stale = (await world.gql("manager", UPDATE, {"input": {
        "id": flow["id"], "expectedVersion": 1, "name": "Again"}}))["data"]["updateWorkflow"]
    assert stale["errors"] == [{"field": "expectedVersion", "code": "CONFLICT"}]
    assert stale["workflow"]["name"] == "Hello"


async def test_bad_input_is_a_coded_error_with_nothing_written(world: World) -> None:
    before = await Workflow.filter(workspace_id=world.workspace.id).count()
    bad = (await world.gql("admin", CREATE, {"input": new(
        trigger={"type": "schedule", "cron": "0 0 30 2 *"})}))["data"]["createWorkflow"]
    assert bad["workflow"] is None and bad["errors"][0]["code"] == "INVALID"
    assert bad["errors"][0]["field"] == "trigger.cron"
    masked = (await world.gql("marketing", CREATE, {"input": new(
        condition={"email": {"contains": "@"}})}))["data"]["createWorkflow"]
    assert masked["errors"] == [{"field": "condition.email", "code": "FORBIDDEN",
                                 "message": masked["errors"][0]["message"]}]
    rep = (await world.gql("rep1", CREATE, {"input": new()}))["data"]["createWorkflow"]
    assert rep["errors"][0]["code"] == "FORBIDDEN"
    assert await Workflow.filter(workspace_id=world.workspace.id).count() == before


async def test_who_reads_which_workflows(world: World) -> None:
    await world.gql("admin", CREATE, {"input": new("admin's")})
    await world.gql("manager", CREATE, {"input": new("east's")})
    await world.gql("manager2", CREATE, {"input": new("west's")})
    await world.gql("marketing", CREATE, {"input": new("marketing's")})

    async def names(who: str) -> set[str]:
        data = (await world.gql(who, LIST))["data"]["workflows"]["edges"]
        return {e["node"]["name"] for e in data}

    assert await names("admin") == {"admin's", "east's", "west's", "marketing's"}
    assert await names("manager") == {"east's"}
    assert await names("marketing") == {"marketing's"}
    body = await world.gql("rep1", LIST, expect_errors=False)
    assert body["data"]["workflows"]["edges"] == []


async def test_the_run_log_shows_each_step_and_the_timeline_a_sentence(world: World) -> None:
    flow = (await world.gql("admin", CREATE, {"input": new()}))["data"]["createWorkflow"]
    cust = await factories.customer(world)
    await run_pending()
    runs = (await world.gql("admin", RUNS, {"f": {"record": factories.gid("Customer", cust)}})
            )["data"]["workflowRuns"]["edges"]
    (run,) = [e["node"] for e in runs]
    assert (run["status"], run["version"], run["depth"]) == ("SUCCEEDED", 1, 1)
    assert run["workflow"]["name"] == "Welcome"
    assert [(s["action"], s["error"], s["attempts"]) for s in run["steps"]] == [
        ("create_task", None, 1)]
    by_workflow = (await world.gql("admin", RUNS, {"f": {"workflow": {"eq": flow["workflow"][
        "id"]}}}))["data"]["workflowRuns"]["edges"]
    assert len(by_workflow) == 1
    # rep1 reads no workflow, so no run either.
    assert (await world.gql("rep1", RUNS))["data"]["workflowRuns"]["edges"] == []
    sentence = await AuditEvent.get(object_id=cust.id, action="workflow_run")
    assert sentence.customer_id == cust.id
    assert sentence.note == f"Workflow “Welcome” ran: created the task “Welcome {cust.name}”."


async def test_a_dry_run_says_what_would_happen_and_writes_nothing(world: World) -> None:
    cust = await factories.customer(world, industry="energy")
    other = await factories.customer(world, industry="retail")
    flow = (await world.gql("admin", CREATE, {"input": new(
        enabled=False, condition={"industry": {"eq": "energy"}},
        actions=[{"type": "create_task", "title": "Call {record}"},
                 {"type": "branch", "condition": {"region": {"isNull": True}},
                  "then": [{"type": "notify", "to": ["owner_manager"], "title": "t"}],
                  "else": [{"type": "wait", "days": 1}]},
                 {"type": "update_fields", "fields": [{"field": "region", "value": "north"}]}],
    )}))["data"]["createWorkflow"]["workflow"]
    await run_pending()
    events = await AuditEvent.filter(workspace_id=world.workspace.id).count()
    tasks = await Task.filter(workspace_id=world.workspace.id).count()
    runs = await WorkflowRun.filter(workspace_id=world.workspace.id).count()

    hit = (await world.gql("admin", DRY, {"input": {
        "workflowId": flow["id"], "recordId": factories.gid("Customer", cust)}})
           )["data"]["dryRunWorkflow"]
    assert hit["errors"] == [] and hit["result"]["matches"] is True
    steps = hit["result"]["steps"]
    assert [s["action"] for s in steps] == ["create_task", "branch", "notify", "update_fields"]
    assert steps[0]["description"] == f"Would create the task “Call {cust.name}” for user " \
        f"{world.users['rep1'].id}"
    assert "region = north" in steps[3]["description"]
    miss = (await world.gql("admin", DRY, {"input": {
        "recordId": factories.gid("Customer", other), "definition": new(
            condition={"industry": {"eq": "energy"}})}}))["data"]["dryRunWorkflow"]
    assert miss["result"] == {"matches": False, "steps": []}

    assert await AuditEvent.filter(workspace_id=world.workspace.id).count() == events
    assert await Task.filter(workspace_id=world.workspace.id).count() == tasks
    assert await WorkflowRun.filter(workspace_id=world.workspace.id).count() == runs
