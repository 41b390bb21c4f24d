"""GraphQL types of webhook endpoints and their deliveries."""

from __future__ import annotations

import datetime as dt
from typing import Any

import strawberry
from strawberry.scalars import JSON

from crm.core.enums import public_enum
from crm.core.errors import UserError
from crm.core.graphql import Node, node_type
from crm.core.payloads import errors_field, result_field
from crm.webhooks import models
from crm.webhooks.events import DESCRIPTIONS, EventType

WebhookEventType = public_enum(
    EventType, name="WebhookEventType",
    description="What happened, as a webhook's `type` says it (e.g. `order.paid`).",
    values={e.name: f"`{e.value}`: {DESCRIPTIONS[e]}" for e in EventType})

WebhookDeliveryStatus = public_enum(
    models.DeliveryStatus, name="WebhookDeliveryStatus",
    description="Where a delivery stands.",
    values={"PENDING": "Waiting for its first attempt.",
            "SUCCEEDED": "The endpoint answered 2xx.",
            "FAILED": "The last attempt failed; another is scheduled (`nextAttemptAt`).",
            "DEAD": "Every attempt failed, or its endpoint was deleted; not tried again."})


@node_type(models.WebhookEndpoint)
@strawberry.type(description="A URL that receives signed POSTs of the events it subscribes to.")
class WebhookEndpoint(Node):
    url: str = strawberry.field(description="Where events are POSTed.")
    description: str = strawberry.field(description="What the endpoint is for.")
    enabled: bool = strawberry.field(
        description="Receives events; switched off by hand or after repeated failure.")
    consecutive_failures: int = strawberry.field(
        description="Deliveries in a row that failed every attempt; reset by a success.")
    disabled_reason: str | None = strawberry.field(
        description="Why it was switched off; null while enabled.")
    version: int = strawberry.field(description="Increases with every change.")
    created_at: dt.datetime = strawberry.field(description="When it was made.")
    updated_at: dt.datetime = strawberry.field(description="When it last changed.")

    @strawberry.field(description="The event types it receives.")
    def event_types(self, root: strawberry.Parent[Any]) -> list[EventType]:
        return [EventType(t) for t in root.event_types]

    @strawberry.field(description="The start and end of the signing secret, to tell which one "
                      "a receiver holds (the secret itself is shown once); null when the server "
                      "cannot decrypt it any more (its SECRET_KEY changed: rotate the secret).")
    def secret_hint(self, root: strawberry.Parent[Any]) -> str | None:
        from crm.webhooks.service import stored_hint
        return stored_hint(root.secret)


@node_type(models.WebhookDelivery)
@strawberry.type(description="One event sent, or to be sent, to one endpoint: the delivery log.")
class WebhookDelivery(Node):
    event_id: strawberry.ID = strawberry.field(
        description="The event's id (header `CRM-Event-Id`): the same for redeliveries.")
    status: models.DeliveryStatus = strawberry.field(description="Where the delivery stands.")
    attempts: int = strawberry.field(description="HTTP attempts made so far.")
    last_attempt_at: dt.datetime | None = strawberry.field(
        description="When it was last tried.")
    last_response_code: int | None = strawberry.field(
        description="The HTTP status of the last attempt; null when no answer came.")
    last_error: str | None = strawberry.field(
        description="Why the last attempt failed (status and start of the body, or the "
        "network error).")
    duration_ms: int | None = strawberry.field(description="How long the last attempt took.")
    delivered_at: dt.datetime | None = strawberry.field(description="When it succeeded.")
    created_at: dt.datetime = strawberry.field(description="When the event happened.")
    payload: JSON | None = strawberry.field(
        description="The JSON body sent; null before the first attempt.")

    @strawberry.field(description="The event's type (its `type` in the body, e.g. `order.paid`).")
    def event_type(self, root: strawberry.Parent[Any]) -> EventType:
        return EventType(root.event_type)

    @strawberry.field(description="When it is tried next; null once it succeeded or died.")
    def next_attempt_at(self, root: strawberry.Parent[Any]) -> dt.datetime | None:
        if root.status in (models.DeliveryStatus.PENDING, models.DeliveryStatus.FAILED):
            return root.next_attempt_at  # type: ignore[no-any-return]
        return None


# --- inputs and payloads -------------------------------------------------------------------

@strawberry.input(description="A new webhook endpoint.")
class CreateWebhookEndpointInput:
    url: str = strawberry.field(description="An https:// (or http://) URL to POST events to.")
    event_types: list[EventType] = strawberry.field(description="The event types to send.")
    description: str = strawberry.field(default="", description="What it is for.")


@strawberry.input(description="Changes to an endpoint; omitted fields stay as they are.")
class UpdateWebhookEndpointInput:
    id: strawberry.ID = strawberry.field(description="The endpoint.")
    expected_version: int | None = strawberry.field(
        default=None, description="Refuse with CONFLICT if it changed since.")
    url: str | None = strawberry.field(default=strawberry.UNSET, description="A new URL.")
    event_types: list[EventType] | None = strawberry.field(
        default=strawberry.UNSET, description="The event types to send from now.")
    description: str | None = strawberry.field(default=strawberry.UNSET,
                                               description="A new description.")
    enabled: bool | None = strawberry.field(
        default=strawberry.UNSET,
        description="Switch it on (clearing its failure count) or off.")


@strawberry.type(description="The endpoint made and its secret, or why not.")
class CreateWebhookEndpointPayload:
    endpoint: WebhookEndpoint | None = result_field("the endpoint")
    secret: str | None = strawberry.field(
        default=None, description="The signing secret: shown this once, keep it now.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="The endpoint with its new secret, or why not.")
class RotateWebhookSecretPayload:
    endpoint: WebhookEndpoint | None = result_field("the endpoint")
    secret: str | None = strawberry.field(
        default=None, description="The new signing secret: shown this once.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="The endpoint written, or why not.")
class WebhookEndpointPayload:
    endpoint: WebhookEndpoint | None = result_field("the endpoint", current_on_conflict=True)
    errors: list[UserError] = errors_field()


@strawberry.type(description="The deleted endpoint's id, or why not.")
class DeleteWebhookEndpointPayload:
    deleted_id: strawberry.ID | None = strawberry.field(
        default=None, description="The id of the deleted endpoint.")
    errors: list[UserError] = errors_field()


@strawberry.type(description="The delivery queued or sent, or why not.")
class WebhookDeliveryPayload:
    delivery: WebhookDelivery | None = result_field("the delivery")
    errors: list[UserError] = errors_field()
