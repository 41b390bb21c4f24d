"""Who reads and edits the lifecycle and scoring rules, and who reads the stage changes.

Admins and sales managers edit the rules; the sales roles and marketing read them (a grade
means something only with its thresholds). A stage change is read by whoever reads its
customer: its rows are scoped by their customer."""

from crm.core.policy import ObjectRule, RowScope

A, T, OWN, N = RowScope.ALL, RowScope.TEAM, RowScope.OWN, RowScope.NONE

_RULES_READ = {"admin": A, "sales_manager": A, "sales_rep": A, "marketing": A, "viewer": A}
_RULES_WRITE = {"admin": A, "sales_manager": A}
# As customers are read (crm.customers.policy).
_CUSTOMER_READ = {"admin": A, "sales_manager": T, "sales_rep": OWN, "marketing": A, "support": A,
                  "finance": A, "viewer": A, "warehouse": N, "hr": N}

OBJECTS = {
    "LifecycleSettings": ObjectRule(read=_RULES_READ, write=_RULES_WRITE),
    "LeadScoringRule": ObjectRule(read=_RULES_READ, write=_RULES_WRITE),
    "LifecycleChange": ObjectRule(read=_CUSTOMER_READ),
}

FIELDS: dict = {}

# A stage change is no audited record of its own (the customer's lifecycle event beside it is):
# its bookkeeping columns show in no history.
AUDIT_AS: dict[str, str | None] = {
    "LifecycleChange.causeType": "causeId",
    "LifecycleChange.params": "reason",
}
