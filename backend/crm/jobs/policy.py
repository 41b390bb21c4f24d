"""Who sees the job system: admins of the workspace, and only its own jobs (row scope ALL
within the workspace, as every read starts from `scoped()`)."""

from crm.core.policy import FieldRule, ObjectRule, RowScope

A = RowScope.ALL

OBJECTS = {
    "Job": ObjectRule(read={"admin": A}, write={"admin": A}),
}

FIELDS: dict[str, FieldRule] = {}

AUDIT_AS: dict[str, str | None] = {}
