/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query WebhookEndpoints {\n    webhookEndpoints { id url description eventTypes enabled consecutiveFailures disabledReason secretHint createdAt version }\n  }\n": typeof types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($endpoint: ID!, $first: Int!) {\n    webhookDeliveries(endpoint: $endpoint, first: $first) {\n      id eventId eventType status attempts lastResponseCode lastError durationMs nextAttemptAt lastAttemptAt createdAt\n    }\n  }\n": typeof types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { endpoint { id } secret errors { field code message params } }\n  }\n": typeof types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) { endpoint { id enabled consecutiveFailures disabledReason version } errors { field code message params } }\n  }\n": typeof types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($input: IdInput!) {\n    rotateWebhookSecret(input: $input) { endpoint { id secretHint } secret errors { field code message params } }\n  }\n": typeof types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($input: IdInput!) {\n    deleteWebhookEndpoint(input: $input) { deletedId errors { field code message params } }\n  }\n": typeof types.DeleteWebhookEndpointDocument,
    "\n  mutation RedeliverWebhook($input: IdInput!) {\n    redeliverWebhook(input: $input) { delivery { id status } errors { field code message params } }\n  }\n": typeof types.RedeliverWebhookDocument,
    "\n  mutation TestWebhookEndpoint($input: IdInput!) {\n    testWebhookEndpoint(input: $input) { delivery { id status lastResponseCode lastError } errors { field code message params } }\n  }\n": typeof types.TestWebhookEndpointDocument,
};
const documents: Documents = {
    "\n  query WebhookEndpoints {\n    webhookEndpoints { id url description eventTypes enabled consecutiveFailures disabledReason secretHint createdAt version }\n  }\n": types.WebhookEndpointsDocument,
    "\n  query WebhookDeliveries($endpoint: ID!, $first: Int!) {\n    webhookDeliveries(endpoint: $endpoint, first: $first) {\n      id eventId eventType status attempts lastResponseCode lastError durationMs nextAttemptAt lastAttemptAt createdAt\n    }\n  }\n": types.WebhookDeliveriesDocument,
    "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { endpoint { id } secret errors { field code message params } }\n  }\n": types.CreateWebhookEndpointDocument,
    "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) { endpoint { id enabled consecutiveFailures disabledReason version } errors { field code message params } }\n  }\n": types.UpdateWebhookEndpointDocument,
    "\n  mutation RotateWebhookSecret($input: IdInput!) {\n    rotateWebhookSecret(input: $input) { endpoint { id secretHint } secret errors { field code message params } }\n  }\n": types.RotateWebhookSecretDocument,
    "\n  mutation DeleteWebhookEndpoint($input: IdInput!) {\n    deleteWebhookEndpoint(input: $input) { deletedId errors { field code message params } }\n  }\n": types.DeleteWebhookEndpointDocument,
    "\n  mutation RedeliverWebhook($input: IdInput!) {\n    redeliverWebhook(input: $input) { delivery { id status } errors { field code message params } }\n  }\n": types.RedeliverWebhookDocument,
    "\n  mutation TestWebhookEndpoint($input: IdInput!) {\n    testWebhookEndpoint(input: $input) { delivery { id status lastResponseCode lastError } errors { field code message params } }\n  }\n": types.TestWebhookEndpointDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookEndpoints {\n    webhookEndpoints { id url description eventTypes enabled consecutiveFailures disabledReason secretHint createdAt version }\n  }\n"): (typeof documents)["\n  query WebhookEndpoints {\n    webhookEndpoints { id url description eventTypes enabled consecutiveFailures disabledReason secretHint createdAt version }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WebhookDeliveries($endpoint: ID!, $first: Int!) {\n    webhookDeliveries(endpoint: $endpoint, first: $first) {\n      id eventId eventType status attempts lastResponseCode lastError durationMs nextAttemptAt lastAttemptAt createdAt\n    }\n  }\n"): (typeof documents)["\n  query WebhookDeliveries($endpoint: ID!, $first: Int!) {\n    webhookDeliveries(endpoint: $endpoint, first: $first) {\n      id eventId eventType status attempts lastResponseCode lastError durationMs nextAttemptAt lastAttemptAt createdAt\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { endpoint { id } secret errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {\n    createWebhookEndpoint(input: $input) { endpoint { id } secret errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) { endpoint { id enabled consecutiveFailures disabledReason version } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {\n    updateWebhookEndpoint(input: $input) { endpoint { id enabled consecutiveFailures disabledReason version } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RotateWebhookSecret($input: IdInput!) {\n    rotateWebhookSecret(input: $input) { endpoint { id secretHint } secret errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation RotateWebhookSecret($input: IdInput!) {\n    rotateWebhookSecret(input: $input) { endpoint { id secretHint } secret errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWebhookEndpoint($input: IdInput!) {\n    deleteWebhookEndpoint(input: $input) { deletedId errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation DeleteWebhookEndpoint($input: IdInput!) {\n    deleteWebhookEndpoint(input: $input) { deletedId errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RedeliverWebhook($input: IdInput!) {\n    redeliverWebhook(input: $input) { delivery { id status } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation RedeliverWebhook($input: IdInput!) {\n    redeliverWebhook(input: $input) { delivery { id status } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation TestWebhookEndpoint($input: IdInput!) {\n    testWebhookEndpoint(input: $input) { delivery { id status lastResponseCode lastError } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation TestWebhookEndpoint($input: IdInput!) {\n    testWebhookEndpoint(input: $input) { delivery { id status lastResponseCode lastError } errors { field code message params } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;