"""Who may see colleagues and teams. Every role sees who works in its workspace."""

from crm.core.policy import ROLES, FieldRule, ObjectRule, RowScope

_ALL = {role: RowScope.ALL for role in ROLES}

OBJECTS = {
    "User": ObjectRule(read=_ALL, write={"admin": RowScope.ALL}),
    "Team": ObjectRule(read=_ALL, write={"admin": RowScope.ALL}),
    # Events are shown only for objects the actor can read, and only the fields it can read.
    "AuditEvent": ObjectRule(read=_ALL),
}

FIELDS: dict[str, FieldRule] = {}

# Audit keys each type shows under another field's policy (None: never shown in history).
AUDIT_AS: dict[str, str | None] = {
    "User.passwordHash": None,
    # A client's secret digest, and the admin who registered it: kept for the record, shown to
    # nobody in history (the digest is as secret as the table's copy).
    "OAuthClient.secretHash": None, "OAuthClient.ownerId": None,
}
