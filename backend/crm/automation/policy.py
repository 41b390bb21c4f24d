"""Who manages workflows: admins all of them; sales managers and marketing their own, and
managers read their team's. Runs and their steps are read with their workflow."""

from crm.core.policy import FieldRule, ObjectRule, RowScope

A, T, OWN = RowScope.ALL, RowScope.TEAM, RowScope.OWN

_WORKFLOW = ObjectRule(read={"admin": A, "sales_manager": T, "marketing": OWN},
                       write={"admin": A, "sales_manager": OWN, "marketing": OWN})
_READ_ONLY = ObjectRule(read={"admin": A, "sales_manager": T, "marketing": OWN})

OBJECTS = {
    "Workflow": _WORKFLOW,
    "WorkflowVersion": _READ_ONLY,
    "WorkflowRun": _READ_ONLY,
    "WorkflowRunStep": _READ_ONLY,
    # Bookkeeping of the engine, never shown.
    "WorkflowFiring": ObjectRule(read={}),
    "WorkflowRotation": ObjectRule(read={}),
}

FIELDS: dict[str, FieldRule] = {}

# Versions, runs, steps, firings and rotations are never audited: they are the history and the
# run log themselves, or the engine's bookkeeping. Their columns show in no history.
_LOGS = {
    "WorkflowVersion": ("workflowId", "definition", "savedById"),
    "WorkflowRun": ("workflowId", "recordType", "recordId", "eventId", "status", "depth", "error",
                    "pending", "stepsDone", "resumeAt", "startedAt", "finishedAt"),
    "WorkflowRunStep": ("runId", "index", "action", "input", "output", "error", "durationMs",
                        "attempts"),
    "WorkflowFiring": ("workflowId", "key"),
    "WorkflowRotation": ("workflowId", "key", "turns"),
}

AUDIT_AS: dict[str, str | None] = {
    "Workflow.template": None,
    **{f"{type_name}.{key}": None for type_name, keys in _LOGS.items() for key in keys},
}
