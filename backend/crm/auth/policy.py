"""Who may see colleagues and teams. Every role sees who works in its workspace.

Saved views: every role keeps views of its own and reads those shared in its workspace (the
service narrows `savedViews` and `node` to exactly those); each changes only its own. Sharing
a view with the team is a manager's or an admin's step, and only an admin removes a view that
is not theirs (a shared view left behind by someone who moved on)."""

from crm.core.policy import ROLES, FieldRule, ObjectRule, RowScope

_ALL = {role: RowScope.ALL for role in ROLES}

OBJECTS = {
    "User": ObjectRule(read=_ALL, write={"admin": RowScope.ALL}),
    "Team": ObjectRule(read=_ALL, write={"admin": RowScope.ALL}),
    # Events are shown only for objects the actor can read, and only the fields it can read.
    "AuditEvent": ObjectRule(read=_ALL),
    "SavedView": ObjectRule(
        read=_ALL, write={role: RowScope.OWN for role in ROLES},
        actions={"share": ("admin", "sales_manager"), "deleteAny": ("admin",)}),
    # Third parties' clients and their service accounts: a workspace's admins register and
    # manage them. The service also refuses a token (a client never manages clients).
    "OAuthClient": ObjectRule(read={"admin": RowScope.ALL}, write={"admin": RowScope.ALL}),
}

FIELDS: dict[str, FieldRule] = {}

# Audit keys each type shows under another field's policy (None: never shown in history).
AUDIT_AS: dict[str, str | None] = {
    "User.passwordHash": None,
    # A new password (`set`) and an admin's reset link (`requested`): recorded, never shown.
    "User.password": None, "User.passwordReset": None,
    "SavedView.listKey": "list",
    # A client's secret digest, and the admin who registered it: kept for the record, shown to
    # nobody in history (the digest is as secret as the table's copy).
    "OAuthClient.secretHash": None, "OAuthClient.ownerId": None,
}
