"""GraphQL types of workflows, their versions and runs, and the inputs that save them."""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import strawberry
from strawberry.scalars import JSON
from tortoise.expressions import Q

from crm.auth.types import User
from crm.automation import models, service
from crm.core.connections import SortKey
from crm.core.enums import public_enum
from crm.core.errors import UserError
from crm.core.filters import FilterSpec, SortSpec, choice, custom, flag_filter, ref, text, when
from crm.core.graphql import Node, node_type
from crm.core.ids import decode_id
from crm.core.payloads import errors_field, result_field
from crm.core.relations import to_many, to_one
from crm.customers.types import CONTACT_FILTER, CUSTOMER_FILTER
from crm.orders.types import ORDER_FILTER
from crm.sales.types import LEAD_FILTER, OPPORTUNITY_FILTER, TASK_FILTER

# The conditions of workflows are the lists' filters: the engine reads them from here.
for _type, _spec in (("Customer", CUSTOMER_FILTER), ("Contact", CONTACT_FILTER),
                     ("Lead", LEAD_FILTER), ("Opportunity", OPPORTUNITY_FILTER),
                     ("Order", ORDER_FILTER), ("Task", TASK_FILTER)):
    service.register_filter(_type, _spec)


class WorkflowObjectType(Enum):
    CUSTOMER = "Customer"
    CONTACT = "Contact"
    LEAD = "Lead"
    OPPORTUNITY = "Opportunity"
    ORDER = "Order"
    TASK = "Task"


public_enum(WorkflowObjectType, name="WorkflowObjectType",
            description="The kind of record a workflow runs on.",
            values={"CUSTOMER": "Customers.", "CONTACT": "Contact persons.", "LEAD": "Leads.",
                    "OPPORTUNITY": "Opportunities.", "ORDER": "Orders (trigger and condition "
                    "only: workflows do not change orders).", "TASK": "Tasks."})

public_enum(models.RunStatus, name="WorkflowRunStatus", description="Where a run stands.",
            values={"QUEUED": "Waiting for a worker.", "RUNNING": "Its steps are running.",
                    "WAITING": "Paused by a wait step until `resumeAt`.",
                    "SUCCEEDED": "Every step ran.",
                    "SKIPPED": "The record did not match the condition: nothing ran.",
                    "FAILED": "A step failed every attempt: `error` says why.",
                    "STOPPED": "Stopped by the guard against workflows firing each other in "
                               "a loop: `error` says why."})


_DEFINITION = ("Trigger JSON: `{type: created|updated|deleted}`, `{type: field_changed, field, "
               "from?, to?, crossesAbove?}`, `{type: schedule, cron}` (five fields, UTC) or "
               "`{type: date_reached, field, offsetDays}`.")
_ACTIONS = ("Ordered steps, each `{type, ...}`: create_task {title, dueInDays?, "
            "assignee: record_owner|user, userId?}, notify {to: [record_owner, owner_manager, "
            "workflow_owner], userIds?, title, body?}, update_fields {fields: [{field, value | "
            "inDays}]}, assign_owner {userId | teamId (round robin)}, add_tags {tagIds}, "
            "webhook {endpointId}, start_approval {rule (an ApprovalRule id or name), reason?} "
            "(a request of the rule on the record, asked by the owner; one open per rule and "
            "record), wait {days?, hours?, minutes?}, branch {condition, then, else}. "
            "`{record}` in a text is the record's name.")


@node_type(models.Workflow)
@strawberry.type(description="What happens by itself: a trigger, a condition and ordered "
                 "actions, run with the permissions of its owner.")
class Workflow(Node):
    name: str = strawberry.field(description="What it is called.")
    description: str = strawberry.field(description="What it is for.")
    enabled: bool = strawberry.field(description="Fires; a disabled workflow does nothing.")
    version: int = strawberry.field(
        description="Increases with every saved change; runs name the version they ran.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")
    trigger: JSON = strawberry.field(description=_DEFINITION)
    condition: JSON | None = strawberry.field(
        description="A filter in the shape of the object type's list `filter:`; null: every "
        "record.")
    actions: JSON = strawberry.field(description=_ACTIONS)
    owner: User | None = to_one("owner_id", description="Whose permissions its actions have.")
    template: str | None = strawberry.field(
        description="Which shipped default it started as; null for one made by a user.")

    @strawberry.field(description="The kind of record it runs on.")
    def object_type(self, root: strawberry.Parent[Any]) -> WorkflowObjectType:
        return WorkflowObjectType(root.object_type)


@node_type(models.WorkflowRunStep)
@strawberry.type(description="One step of a run: what it was given and what it did.")
class WorkflowRunStep(Node):
    index: int = strawberry.field(description="Its place in the run, from 0.")
    action: str = strawberry.field(description="The action's type (create_task, notify...).")
    input: JSON = strawberry.field(description="The step's definition as it ran.")
    output: JSON | None = strawberry.field(description="What it did; null when it failed.")
    error: str | None = strawberry.field(description="Why its last attempt failed.")
    duration_ms: int = strawberry.field(description="How long it took, in milliseconds.")
    attempts: int = strawberry.field(description="How often it was tried.")


@node_type(models.WorkflowRun)
@strawberry.type(description="One firing of a workflow, recorded step by step.")
class WorkflowRun(Node):
    version: int = strawberry.field(description="The workflow's version it ran.")
    status: models.RunStatus = strawberry.field(description="Where it stands.")
    depth: int = strawberry.field(
        description="1 for a run a person's write caused, one more per workflow in between.")
    error: str | None = strawberry.field(description="Why it failed or was stopped.")
    record_type: str | None = strawberry.field(
        description="The type of the record it ran on; null for a schedule.")
    resume_at: dt.datetime | None = strawberry.field(
        description="When a waiting run goes on.")
    started_at: dt.datetime | None = strawberry.field(description="When it started.")
    finished_at: dt.datetime | None = strawberry.field(description="When it ended.")
    created_at: dt.datetime = strawberry.field(description="When it was fired.")
    workflow: Workflow | None = to_one("workflow_id", description="The workflow that ran.")
    steps: list[WorkflowRunStep] = to_many("run_id", order_by=["index"],
                                           description="Its steps, in order.")

    @strawberry.field(description="The global id of the record it ran on.")
    def record_id(self, root: strawberry.Parent[Any]) -> strawberry.ID | None:
        from crm.core.ids import to_global_id
        if root.record_id is None or root.record_type is None:
            return None
        return strawberry.ID(to_global_id(root.record_type, root.record_id))

    @strawberry.field(description="The global id of the audit event whose write fired it.")
    def event_id(self, root: strawberry.Parent[Any]) -> strawberry.ID | None:
        return strawberry.ID(str(root.event_id)) if root.event_id else None


# --- lists -------------------------------------------------------------------------------------

def _record_q(value: Any, _actor: Any) -> Q:
    return Q(record_id=decode_id(str(value), service.OBJECT_TYPES, "record"))


WORKFLOW_FILTER = FilterSpec("Workflow", [
    text("name"), choice("object_type", WorkflowObjectType), flag_filter("enabled"),
    ref("owner", "User"), when("created_at"),
], "WorkflowFilter", __name__, "Which workflows to list.")
WORKFLOW_SORT = SortSpec("Workflow", {
    "NAME": ("name", "name"), "CREATED_AT": ("created_at", "createdAt"),
    "UPDATED_AT": ("updated_at", "updatedAt"),
}, [SortKey("created_at", descending=True)], "WorkflowSort", __name__)

WORKFLOW_RUN_FILTER = FilterSpec("WorkflowRun", [
    ref("workflow", "Workflow"), choice("status", models.RunStatus),
    custom("record", strawberry.ID, _record_q, policy=None,
           description="Runs on this record (its global id)."),
    when("created_at"),
], "WorkflowRunFilter", __name__, "Which runs to list.")
WORKFLOW_RUN_SORT = SortSpec("WorkflowRun", {
    "CREATED_AT": ("created_at", "createdAt"),
}, [SortKey("created_at", descending=True)], "WorkflowRunSort", __name__)


# --- inputs and payloads -----------------------------------------------------------------------

@strawberry.input(description="A new workflow.")
class CreateWorkflowInput:
    name: str = strawberry.field(description="What it is called.")
    object_type: WorkflowObjectType = strawberry.field(description="The records it runs on.")
    trigger: JSON = strawberry.field(description=_DEFINITION)
    actions: JSON = strawberry.field(description=_ACTIONS)
    condition: JSON | None = strawberry.field(
        default=None, description="A filter in the shape of the type's list `filter:`.")
    description: str = strawberry.field(default="", description="What it is for.")
    enabled: bool = strawberry.field(default=False, description="Fire from now on.")
    owner_id: strawberry.ID | None = strawberry.field(
        default=None, description="Whose permissions it runs with (admins may name another "
        "user); you by default.")


@strawberry.input(description="Changes to a workflow, saved as a new version; omitted fields "
                  "stay as they are.")
class UpdateWorkflowInput:
    id: strawberry.ID = strawberry.field(description="The workflow.")
    expected_version: int | None = strawberry.field(
        default=None, description="Refuse with CONFLICT if it changed since.")
    name: str | None = strawberry.field(default=strawberry.UNSET, description="A new name.")
    description: str | None = strawberry.field(default=strawberry.UNSET,
                                               description="A new description.")
    object_type: WorkflowObjectType | None = strawberry.field(
        default=strawberry.UNSET, description="Another kind of record.")
    trigger: JSON | None = strawberry.field(default=strawberry.UNSET, description=_DEFINITION)
    condition: JSON | None = strawberry.field(
        default=strawberry.UNSET, description="A new condition; null: every record.")
    actions: JSON | None = strawberry.field(default=strawberry.UNSET, description=_ACTIONS)
    owner_id: strawberry.ID | None = strawberry.field(
        default=strawberry.UNSET, description="A new owner (admins).")


@strawberry.input(description="Switch a workflow on or off.")
class SetWorkflowEnabledInput:
    id: strawberry.ID = strawberry.field(description="The workflow.")
    enabled: bool = strawberry.field(description="On or off.")


@strawberry.input(description="Which workflow.")
class WorkflowIdInput:
    id: strawberry.ID = strawberry.field(description="The workflow.")


@strawberry.input(description="A workflow (saved, or a definition not saved yet) to try on "
                  "one record without writing anything.")
class DryRunWorkflowInput:
    record_id: strawberry.ID = strawberry.field(description="The record to try it on.")
    workflow_id: strawberry.ID | None = strawberry.field(
        default=None, description="A saved workflow.")
    definition: CreateWorkflowInput | None = strawberry.field(
        default=None, description="Or a definition, as createWorkflow takes it.")


@strawberry.type(description="The workflow saved, or why not.")
class WorkflowPayload:
    workflow: Workflow | None = result_field("the workflow", current_on_conflict=True)
    errors: list[UserError] = errors_field()


@strawberry.type(description="The deleted workflow's id, or why not.")
class DeleteWorkflowPayload:
    deleted_id: strawberry.ID | None = strawberry.field(
        default=None, description="The id of the deleted workflow.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="What one step would do.")
class DryRunStep:
    index: int = strawberry.field(description="Its place, from 0 (branches flattened).")
    action: str = strawberry.field(description="The action's type.")
    description: str = strawberry.field(description="What it would do, in words.")
    error: str | None = strawberry.field(description="Why it would fail, if it would.")


@strawberry.type(description="What a workflow would do on a record; nothing was written.")
class DryRunResult:
    matches: bool = strawberry.field(description="Whether the record matches the condition.")
    steps: list[DryRunStep] = strawberry.field(description="What each step would do.")


@strawberry.type(description="The dry run's outcome, or why it could not run.")
class DryRunWorkflowPayload:
    result: DryRunResult | None = strawberry.field(default=None, description=(
        "What would happen; null when `errors` stopped it."))
    errors: list[UserError] = errors_field()
