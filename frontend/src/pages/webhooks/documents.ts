import { graphql } from '../../gql-webhooks';

export const WebhookEndpointsQuery = graphql(`
  query WebhookEndpoints {
    webhookEndpoints { id url description eventTypes enabled consecutiveFailures disabledReason secretHint createdAt version }
  }
`);

export const WebhookDeliveriesQuery = graphql(`
  query WebhookDeliveries($endpoint: ID!, $first: Int!) {
    webhookDeliveries(endpoint: $endpoint, first: $first) {
      id eventId eventType status attempts lastResponseCode lastError durationMs nextAttemptAt lastAttemptAt createdAt
    }
  }
`);

export const CreateWebhookEndpointMutation = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { endpoint { id } secret errors { field code message params } }
  }
`);

export const UpdateWebhookEndpointMutation = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) { endpoint { id enabled consecutiveFailures disabledReason version } errors { field code message params } }
  }
`);

export const RotateWebhookSecretMutation = graphql(`
  mutation RotateWebhookSecret($input: IdInput!) {
    rotateWebhookSecret(input: $input) { endpoint { id secretHint } secret errors { field code message params } }
  }
`);

export const DeleteWebhookEndpointMutation = graphql(`
  mutation DeleteWebhookEndpoint($input: IdInput!) {
    deleteWebhookEndpoint(input: $input) { deletedId errors { field code message params } }
  }
`);

export const RedeliverWebhookMutation = graphql(`
  mutation RedeliverWebhook($input: IdInput!) {
    redeliverWebhook(input: $input) { delivery { id status } errors { field code message params } }
  }
`);

export const TestWebhookEndpointMutation = graphql(`
  mutation TestWebhookEndpoint($input: IdInput!) {
    testWebhookEndpoint(input: $input) { delivery { id status lastResponseCode lastError } errors { field code message params } }
  }
`);
