"""Notifications are private: every role reads and marks read only its own."""

from crm.core.policy import ROLES, FieldRule, ObjectRule, RowScope

_OWN = {role: RowScope.OWN for role in ROLES}

OBJECTS = {
    "Notification": ObjectRule(read=_OWN, write=_OWN),
}

FIELDS: dict[str, FieldRule] = {}
