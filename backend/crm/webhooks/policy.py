"""Who manages webhooks: admins only. A secret is shown once, to the admin who made or
rotated it, in that mutation's payload."""

from crm.core.policy import Access, FieldRule, ObjectRule, RowScope

A = RowScope.ALL

OBJECTS = {
    "WebhookEndpoint": ObjectRule(read={"admin": A}, write={"admin": A}),
    "WebhookDelivery": ObjectRule(read={"admin": A}, write={"admin": A}),
}

_ADMIN_ONLY = FieldRule(roles={"admin": Access.READ}, default=Access.NONE)

FIELDS = {
    "CreateWebhookEndpointPayload.secret": _ADMIN_ONLY,
    "RotateWebhookSecretPayload.secret": _ADMIN_ONLY,
    "WebhookEndpoint.secretHint": _ADMIN_ONLY,
}

# The secret itself is never shown in history: its rotation is, as a change of the hint.
AUDIT_AS: dict[str, str | None] = {"WebhookEndpoint.secret": None}
