"""Query and Mutation fields of workflows and their runs."""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry.types import Info

from crm.automation import service
from crm.automation.types import (
    WORKFLOW_FILTER,
    WORKFLOW_RUN_FILTER,
    WORKFLOW_RUN_SORT,
    WORKFLOW_SORT,
    CreateWorkflowInput,
    DeleteWorkflowPayload,
    DryRunResult,
    DryRunStep,
    DryRunWorkflowInput,
    DryRunWorkflowPayload,
    SetWorkflowEnabledInput,
    UpdateWorkflowInput,
    Workflow,
    WorkflowIdInput,
    WorkflowPayload,
    WorkflowRun,
)
from crm.core.connections import Connection
from crm.core.graphql import actor_of
from crm.core.ids import decode_id, to_global_id
from crm.core.inputs import given
from crm.core.lists import list_field
from crm.core.payloads import respond


@strawberry.type
class AutomationQuery:
    workflows: Connection[Workflow] = list_field(
        service.workflows_query, WORKFLOW_FILTER, WORKFLOW_SORT,
        description="Workflows: admins see all, managers their team's, others their own.")
    workflow_runs: Connection[WorkflowRun] = list_field(
        service.runs_query, WORKFLOW_RUN_FILTER, WORKFLOW_RUN_SORT,
        description="The run log, newest first, of the workflows you may read.")


def _definition(input: CreateWorkflowInput) -> service.Definition:
    return service.Definition(input.name, input.description or "", input.object_type.value,
                              input.trigger, input.condition, input.actions)  # type: ignore[arg-type]


def _owner(value: Any) -> Any:
    return decode_id(str(value), "User", "ownerId") if value else None


@strawberry.type
class AutomationMutation:
    @strawberry.mutation(description="Save a new workflow (as version 1), validated against "
                         "its owner's permissions.")
    async def create_workflow(self, info: Info, input: CreateWorkflowInput) -> WorkflowPayload:
        async def go() -> Any:
            return await service.create_workflow(actor_of(info), _definition(input),
                                                 enabled=input.enabled,
                                                 owner_id=_owner(input.owner_id))
        return await respond(WorkflowPayload, "workflow", go())

    @strawberry.mutation(description="Change a workflow: a new version; old versions and their "
                         "runs stay.")
    async def update_workflow(self, info: Info, input: UpdateWorkflowInput) -> WorkflowPayload:
        async def go() -> Any:
            changes = given(input, ["name", "description", "object_type", "trigger",
                                    "condition", "actions", "owner_id"])
            if changes.get("object_type") is not None:
                changes["object_type"] = changes["object_type"].value
            if "owner_id" in changes:
                changes["owner_id"] = _owner(changes["owner_id"])
            return await service.update_workflow(actor_of(info),
                                                 decode_id(input.id, "Workflow"), changes,
                                                 input.expected_version)
        return await respond(WorkflowPayload, "workflow", go(), with_current=True)

    @strawberry.mutation(description="Switch a workflow on or off.")
    async def set_workflow_enabled(self, info: Info, input: SetWorkflowEnabledInput
                                   ) -> WorkflowPayload:
        return await respond(WorkflowPayload, "workflow", service.set_enabled(
            actor_of(info), decode_id(input.id, "Workflow"), input.enabled))

    @strawberry.mutation(description="Delete a workflow; its runs stay in the log until it is "
                         "gone for good.")
    async def delete_workflow(self, info: Info, input: WorkflowIdInput) -> DeleteWorkflowPayload:
        async def go() -> Any:
            row = await service.delete_workflow(actor_of(info), decode_id(input.id, "Workflow"))
            return strawberry.ID(to_global_id("Workflow", row.id))
        return await respond(DeleteWorkflowPayload, "deleted_id", go())

    @strawberry.mutation(description="Try a workflow on one record: whether it matches and "
                         "what each step would do. Nothing is written.")
    async def dry_run_workflow(self, info: Info, input: DryRunWorkflowInput
                               ) -> DryRunWorkflowPayload:
        async def go() -> Any:
            d = _definition(input.definition) if input.definition is not None else None
            found = await service.dry_run(
                actor_of(info), d,
                decode_id(input.workflow_id, "Workflow", "workflowId")
                if input.workflow_id else None,
                decode_id(input.record_id, service.OBJECT_TYPES, "recordId"),
                _owner(input.definition.owner_id) if input.definition is not None else None)
            return DryRunResult(matches=found.matches, steps=[
                DryRunStep(index=s.index, action=s.action, description=s.description,
                           error=s.error) for s in found.steps])
        return await respond(DryRunWorkflowPayload, "result", go())


Query = AutomationQuery
Mutation = AutomationMutation
