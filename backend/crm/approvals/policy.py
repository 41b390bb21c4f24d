"""Who sees approvals: everyone reads the rules (messages name them), admins write them; a
request is read by whoever made it, by the
approvers it waits for or who decided on it (`ApprovalRequest.also_reached`), by sales managers
for their team, and by admins all. Approving is not a write scope: the service lets exactly the
current step's approvers decide."""

from crm.core.policy import ROLES, ObjectRule, RowScope

A, T, OWN = RowScope.ALL, RowScope.TEAM, RowScope.OWN

_REQUESTS = {**{r: OWN for r in ROLES}, "sales_manager": T, "admin": A}

OBJECTS = {
    "ApprovalRule": ObjectRule(read={r: A for r in ROLES}, write={"admin": A}),
    "ApprovalRequest": ObjectRule(read=_REQUESTS, write=_REQUESTS),
    "ApprovalDecision": ObjectRule(read=_REQUESTS),
    "ApprovalAssignee": ObjectRule(read=_REQUESTS),
}

FIELDS: dict = {}

# Bookkeeping of a request's workflow, shown through its own fields (status, step, subject).
AUDIT_AS: dict[str, str | None] = {
    "ApprovalRequest.pendingKey": None, "ApprovalRequest.digest": None,
    "ApprovalRequest.facts": None, "ApprovalRequest.ruleId": "rule",
    "ApprovalRule.thresholdMinor": "threshold", "ApprovalRule.currency": "threshold",
    # A decision's and a waiting approver's link to their request: they are read through it.
    "ApprovalDecision.requestId": None, "ApprovalAssignee.requestId": None,
}
