"""Who manages webhooks: admins only. A secret is shown once, to the admin who made or
rotated it, in that mutation's payload."""

from crm.core.policy import Access, FieldRule, ObjectRule, RowScope

A = RowScope.ALL

OBJECTS = {
    "WebhookEndpoint": ObjectRule(read={"admin": A}, write={"admin": A}),
    "WebhookDelivery": ObjectRule(read={"admin": A}, write={"admin": A}),
}

_ADMIN_ONLY = FieldRule(roles={"admin": Access.READ}, default=Access.NONE)

# The secret itself reaches only the payload of the mutation that made it (admins only, by the
# write scope); its hint is an admin's too.
FIELDS = {
    "WebhookEndpoint.secretHint": _ADMIN_ONLY,
}

# The secret itself is never shown in history: its rotation is, as a change of the hint.
# Deliveries are not audited (they are the log themselves): their link columns show nowhere.
AUDIT_AS: dict[str, str | None] = {
    "WebhookEndpoint.secret": None,
    "WebhookDelivery.endpointId": None, "WebhookDelivery.objectType": None,
    "WebhookDelivery.objectId": None,
    # Which relay pass holds a delivery: the relay's own bookkeeping, nobody's business.
    "WebhookDelivery.claimToken": None,
}
