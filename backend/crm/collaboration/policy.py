"""Notifications are private: every role reads and marks read only its own."""

from crm.core.policy import ROLES, FieldRule, ObjectRule, RowScope

_OWN = {role: RowScope.OWN for role in ROLES}

OBJECTS = {
    "Notification": ObjectRule(read=_OWN, write=_OWN),
}

FIELDS: dict[str, FieldRule] = {}

# Audit keys shown under another field's policy (None: never shown in history). A
# notification's history is only its owner's: who it is for and what it points at show as
# the fields that present them.
AUDIT_AS: dict[str, str | None] = {
    "Notification.userId": None,
    "Notification.subjectType": "subject",
    "Notification.subjectId": "subject",
    "Notification.actorUserId": "actor",
}
