"""Who sees leads, opportunities, interactions and tasks."""

from crm.core.policy import ROLES, Access, FieldRule, ObjectRule, RowScope

A, T, OWN, N = RowScope.ALL, RowScope.TEAM, RowScope.OWN, RowScope.NONE

_SALES_READ = {"admin": A, "sales_manager": T, "sales_rep": OWN, "marketing": A, "finance": A,
               "viewer": A, "support": N, "warehouse": N, "hr": N}
_SALES_WRITE = {"admin": A, "sales_manager": T, "sales_rep": OWN}
_CUSTOMER_READ = {"admin": A, "sales_manager": T, "sales_rep": OWN, "marketing": A, "support": A,
                  "finance": A, "viewer": A, "warehouse": N, "hr": N}

OBJECTS = {
    "Lead": ObjectRule(read={**_SALES_READ, "finance": N},
                       write={**_SALES_WRITE, "marketing": A}),
    "PipelineStage": ObjectRule(read={r: A for r in ROLES}, write={"admin": A}),
    "Opportunity": ObjectRule(read=_SALES_READ, write=_SALES_WRITE),
    "StageChange": ObjectRule(read=_SALES_READ),
    "Interaction": ObjectRule(read=_CUSTOMER_READ, write={**_SALES_WRITE, "support": A}),
    "Task": ObjectRule(read={"admin": A, "sales_manager": T, "sales_rep": OWN, "marketing": OWN,
                             "support": OWN, "finance": OWN, "warehouse": OWN, "hr": OWN, "viewer": A},
                       write={"admin": A, "sales_manager": T, "sales_rep": OWN, "marketing": OWN,
                              "support": OWN, "finance": OWN, "warehouse": OWN, "hr": OWN}),
}


def _contact_detail(mask: str) -> FieldRule:
    return FieldRule(roles={"admin": Access.WRITE, "marketing": Access.WRITE},
                     default=Access.MASKED, owner=Access.WRITE, mask=mask)


FIELDS = {
    "Lead.phone": _contact_detail("phone"),
    "Lead.email": _contact_detail("email"),
}

# Audit keys each type shows under another field's policy (None: never shown in history).
AUDIT_AS: dict[str, str | None] = {
    "Opportunity.currency": "amount",
    "Opportunity.leadId": None,
    "StageChange.customerId": "opportunity",
    "Task.interactionId": None,
    # The remindAt value a reminder was last sent for: shown as the reminder time it was.
    "Task.remindedAt": "remindAt",
}
