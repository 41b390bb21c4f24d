"""Workflows: a trigger, a condition and ordered actions, kept in versions, and their runs
recorded step by step."""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Any, ClassVar

from tortoise import fields

from crm.core.models import Record, WorkspaceScoped

# Tortoise splits a table comment on ";" when it writes SQLite DDL: docstrings here avoid it.


class RunStatus(str, Enum):
    QUEUED = "queued"
    RUNNING = "running"
    WAITING = "waiting"
    SUCCEEDED = "succeeded"
    SKIPPED = "skipped"
    FAILED = "failed"
    STOPPED = "stopped"


class Workflow(Record):
    """What happens by itself: when the trigger fires on a record that matches the condition,
    the actions run in order, with the permissions of the owner."""

    name = fields.CharField(max_length=200)
    description = fields.TextField(default="")
    object_type = fields.CharField(max_length=40)
    trigger: Any = fields.JSONField(default=dict)
    # A filter in the shape of the object type's list filter, or None for every record.
    condition: Any = fields.JSONField(null=True)
    actions: Any = fields.JSONField(default=list)
    enabled = fields.BooleanField(default=False)
    owner: Any = fields.ForeignKeyField("crm.User", related_name=False, on_delete=fields.RESTRICT)
    owner_id: uuid.UUID
    # Which shipped default this is (follow_up_reminder...), so seeding never makes it twice.
    template = fields.CharField(max_length=60, null=True)

    policy_type: ClassVar[str] = "Workflow"
    owner_column: ClassVar[str | None] = "owner_id"

    class Meta:
        table = "workflow"
        indexes = (("workspace_id", "enabled"), ("workspace_id", "created_at"))


class WorkflowVersion(WorkspaceScoped):
    """The definition of a workflow as saved at one version: a run executes exactly this."""

    workflow: Any = fields.ForeignKeyField("crm.Workflow", related_name=False,
                                           on_delete=fields.CASCADE)
    workflow_id: uuid.UUID
    version = fields.IntField()
    definition: Any = fields.JSONField()
    saved_by_id = fields.UUIDField(null=True)

    policy_type: ClassVar[str] = "WorkflowVersion"
    scope_parent: ClassVar[tuple[str, str] | None] = ("workflow_id", "Workflow")

    class Meta:
        table = "workflow_version"
        unique_together = (("workflow_id", "version"),)


class WorkflowRun(WorkspaceScoped):
    """One firing of a workflow on one record (or on a schedule's slot)."""

    workflow: Any = fields.ForeignKeyField("crm.Workflow", related_name=False,
                                           on_delete=fields.CASCADE)
    workflow_id: uuid.UUID
    version = fields.IntField()
    record_type = fields.CharField(max_length=40, null=True)
    record_id = fields.UUIDField(null=True)
    # The audit event whose write fired it, for event triggers.
    event_id = fields.UUIDField(null=True)
    status = fields.CharEnumField(RunStatus, max_length=12, default=RunStatus.QUEUED)
    # 1 for a run a person's write caused, one more for each workflow write in between.
    depth = fields.IntField(default=1)
    error = fields.TextField(null=True)
    # The steps still to run after a wait, as definitions (branches already chosen).
    pending: Any = fields.JSONField(null=True)
    steps_done = fields.IntField(default=0)
    resume_at = fields.DatetimeField(null=True)
    started_at = fields.DatetimeField(null=True)
    finished_at = fields.DatetimeField(null=True)

    policy_type: ClassVar[str] = "WorkflowRun"
    scope_parent: ClassVar[tuple[str, str] | None] = ("workflow_id", "Workflow")

    class Meta:
        table = "workflow_run"
        indexes = (("workspace_id", "workflow_id", "created_at"),
                   ("workspace_id", "record_id", "created_at"), ("status", "resume_at"))


class WorkflowRunStep(WorkspaceScoped):
    """One action of a run: what it was given, what it did or why it failed."""

    run: Any = fields.ForeignKeyField("crm.WorkflowRun", related_name=False,
                                      on_delete=fields.CASCADE)
    run_id: uuid.UUID
    index = fields.IntField()
    action = fields.CharField(max_length=40)
    input: Any = fields.JSONField(default=dict)
    output: Any = fields.JSONField(null=True)
    error = fields.TextField(null=True)
    duration_ms = fields.IntField(default=0)
    attempts = fields.IntField(default=1)

    policy_type: ClassVar[str] = "WorkflowRunStep"
    scope_parent: ClassVar[tuple[str, str] | None] = ("run_id", "WorkflowRun")

    class Meta:
        table = "workflow_run_step"
        indexes = (("run_id", "index"),)


class WorkflowFiring(WorkspaceScoped):
    """That a workflow fired for a key (a schedule's slot, a record's date value): inserted
    before the run, unique, so a slot or a date fires once however many scans see it."""

    workflow: Any = fields.ForeignKeyField("crm.Workflow", related_name=False,
                                           on_delete=fields.CASCADE)
    workflow_id: uuid.UUID
    key = fields.CharField(max_length=120)

    policy_type: ClassVar[str] = "WorkflowFiring"

    class Meta:
        table = "workflow_firing"
        unique_together = (("workflow_id", "key"),)


class WorkflowRotation(WorkspaceScoped):
    """Where a round-robin assignment of one workflow step stands in its team."""

    workflow: Any = fields.ForeignKeyField("crm.Workflow", related_name=False,
                                           on_delete=fields.CASCADE)
    workflow_id: uuid.UUID
    key = fields.CharField(max_length=120)
    turns = fields.IntField(default=0)

    policy_type: ClassVar[str] = "WorkflowRotation"

    class Meta:
        table = "workflow_rotation"
        unique_together = (("workflow_id", "key"),)
