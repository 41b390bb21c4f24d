"""Outbound webhooks: the endpoints admins subscribe, and the deliveries to them.

The pending deliveries are the outbox: `audit.record` inserts one per subscribed endpoint in
the write's own transaction, and the relay sends only committed rows. One table serves as
outbox, retry queue and delivery log, so there is no fan-out step between an outbox event and
its deliveries to claim twice or lose.
"""

from __future__ import annotations

import uuid
from enum import Enum
from typing import Any, ClassVar

from tortoise import fields

from crm.core.models import Record, WorkspaceScoped


class DeliveryStatus(str, Enum):
    PENDING = "pending"
    SUCCEEDED = "succeeded"
    FAILED = "failed"
    DEAD = "dead"


class WebhookEndpoint(Record):
    """A URL that receives the workspace's events of the types it subscribed to."""

    url = fields.CharField(max_length=2000)
    # Event type values (`order.paid`...), as a JSON list.
    event_types: Any = fields.JSONField(default=list)
    description = fields.CharField(max_length=500, default="")
    # The HMAC key, sealed under SECRET_KEY (`crm.webhooks.secrets`): the relay opens it to
    # sign, people see it only once.
    secret = fields.CharField(max_length=500)
    enabled = fields.BooleanField(default=True)
    # Deliveries in a row that ended dead; a success resets it.
    consecutive_failures = fields.IntField(default=0)
    disabled_reason = fields.CharField(max_length=500, null=True)

    policy_type: ClassVar[str] = "WebhookEndpoint"

    class Meta:
        table = "webhook_endpoint"
        indexes = (("workspace_id", "created_at"),)


class WebhookDelivery(WorkspaceScoped):
    """One event sent (or to be sent) to one endpoint, with the outcome of its last attempt."""

    endpoint: Any = fields.ForeignKeyField("crm.WebhookEndpoint", related_name=False,
                                           on_delete=fields.CASCADE)
    endpoint_id: uuid.UUID
    # The receiver's deduplication key: the audit event's id, kept by redeliveries.
    event_id = fields.UUIDField()
    event_type = fields.CharField(max_length=60)
    object_type = fields.CharField(max_length=60, null=True)
    object_id = fields.UUIDField(null=True)
    # The JSON body, rendered at the first attempt and sent unchanged by every retry.
    payload: Any = fields.JSONField(null=True)
    status = fields.CharEnumField(DeliveryStatus, max_length=20, default=DeliveryStatus.PENDING)
    attempts = fields.IntField(default=0)
    # When the relay may (next) take it; while an attempt runs, the end of its lease.
    next_attempt_at = fields.DatetimeField()
    last_attempt_at = fields.DatetimeField(null=True)
    last_response_code = fields.IntField(null=True)
    last_error = fields.CharField(max_length=1000, null=True)
    duration_ms = fields.IntField(null=True)
    delivered_at = fields.DatetimeField(null=True)
    # Which relay pass holds the lease: a claim is a conditional UPDATE that sets it, so two
    # relays (on SQLite too, where there is no SKIP LOCKED) never take the same row.
    claim_token = fields.UUIDField(null=True)

    policy_type: ClassVar[str] = "WebhookDelivery"

    class Meta:
        table = "webhook_delivery"
        indexes = (("status", "next_attempt_at"), ("workspace_id", "endpoint_id", "created_at"))
