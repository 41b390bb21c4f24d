"""Query and Mutation fields of outbound webhooks (admins only, by the policy)."""

from __future__ import annotations

from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from crm.core.graphql import actor_of
from crm.core.ids import decode_id
from crm.core.inputs import IdInput, given
from crm.core.payloads import respond
from crm.webhooks import service
from crm.webhooks.types import (
    CreateWebhookEndpointInput,
    CreateWebhookEndpointPayload,
    DeleteWebhookEndpointPayload,
    RotateWebhookSecretPayload,
    UpdateWebhookEndpointInput,
    WebhookDelivery,
    WebhookDeliveryPayload,
    WebhookEndpoint,
    WebhookEndpointPayload,
)


@strawberry.type
class WebhooksQuery:
    @strawberry.field(description="The workspace's webhook endpoints, newest first (admins).")
    async def webhook_endpoints(self, info: Info) -> list[WebhookEndpoint]:
        return await service.endpoints_query(actor_of(info)).order_by(  # type: ignore[no-any-return]
            "-created_at", "-id")

    @strawberry.field(description="An endpoint's delivery log, newest first (admins).")
    async def webhook_deliveries(
        self, info: Info,
        endpoint: Annotated[strawberry.ID, strawberry.argument(description="The endpoint.")],
        first: Annotated[int, strawberry.argument(description="How many, 1 to 100.")] = 50,
    ) -> list[WebhookDelivery]:
        return await service.deliveries(  # type: ignore[return-value]
            actor_of(info), decode_id(endpoint, "WebhookEndpoint", "endpoint"), first)


def _endpoint_and_secret(result: tuple[Any, str]) -> dict[str, Any]:
    return {"endpoint": result[0], "secret": result[1]}


@strawberry.type
class WebhooksMutation:
    @strawberry.mutation(description="Subscribe a URL to event types; the payload carries its "
                         "signing secret, shown this once.")
    async def create_webhook_endpoint(self, info: Info, input: CreateWebhookEndpointInput
                                      ) -> CreateWebhookEndpointPayload:
        return await respond(CreateWebhookEndpointPayload, None, service.create_endpoint(
            actor_of(info), input.url, input.event_types, input.description),
            shape=_endpoint_and_secret)

    @strawberry.mutation(description="Change an endpoint's URL, events or description, or "
                         "switch it on or off.")
    async def update_webhook_endpoint(self, info: Info, input: UpdateWebhookEndpointInput
                                      ) -> WebhookEndpointPayload:
        return await respond(WebhookEndpointPayload, "endpoint", service.update_endpoint(
            actor_of(info), decode_id(input.id, "WebhookEndpoint"),
            given(input, ["url", "event_types", "description", "enabled"]),
            input.expected_version), with_current=True)

    @strawberry.mutation(description="A new signing secret, shown this once; the old one stops "
                         "signing at once.")
    async def rotate_webhook_secret(self, info: Info, input: IdInput
                                    ) -> RotateWebhookSecretPayload:
        return await respond(RotateWebhookSecretPayload, None, service.rotate_secret(
            actor_of(info), decode_id(input.id, "WebhookEndpoint")), shape=_endpoint_and_secret)

    @strawberry.mutation(description="Delete an endpoint; its undelivered events are dropped.")
    async def delete_webhook_endpoint(self, info: Info, input: IdInput
                                      ) -> DeleteWebhookEndpointPayload:
        async def go() -> Any:
            from crm.core.ids import to_global_id
            pk = await service.delete_endpoint(actor_of(info),
                                               decode_id(input.id, "WebhookEndpoint"))
            return strawberry.ID(to_global_id("WebhookEndpoint", pk))
        return await respond(DeleteWebhookEndpointPayload, "deleted_id", go())

    @strawberry.mutation(description="Queue the event of a delivery again, as a new delivery "
                         "with the same event id and body, due now.")
    async def redeliver_webhook(self, info: Info, input: IdInput
                                ) -> WebhookDeliveryPayload:
        return await respond(WebhookDeliveryPayload, "delivery", service.redeliver(
            actor_of(info), decode_id(input.id, "WebhookDelivery")))

    @strawberry.mutation(description="Send a `ping` event to an endpoint now and return the "
                         "delivery with its outcome.")
    async def test_webhook_endpoint(self, info: Info, input: IdInput
                                    ) -> WebhookDeliveryPayload:
        return await respond(WebhookDeliveryPayload, "delivery", service.test_endpoint(
            actor_of(info), decode_id(input.id, "WebhookEndpoint")))


Query = WebhooksQuery
Mutation = WebhooksMutation
