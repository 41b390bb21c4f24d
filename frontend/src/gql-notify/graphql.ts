/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Why a request or one of its items failed. */
export type ErrorCode =
  /** An approval rule holds the operation until it is approved: `params` names the `rule` and the pending `request` (an ApprovalRequest id); the same operation with the same figures goes through once the request is approved. */
  | 'APPROVAL_REQUIRED'
  /** Someone changed the record since you read it: reload, retry with its new version. */
  | 'CONFLICT'
  /** A record with the same identity already exists. */
  | 'DUPLICATE'
  /** Your role may not read or change this. */
  | 'FORBIDDEN'
  /** Not enough stock is available for the quantity asked. */
  | 'INSUFFICIENT_STOCK'
  /** The input breaks a rule of its field (format, length, range); `field` names it. */
  | 'INVALID'
  /** The email or password is wrong. */
  | 'INVALID_CREDENTIALS'
  /** The record's status does not allow this step now. */
  | 'INVALID_STATE'
  /** The request is too large: a page, list, cost or input over its limit. */
  | 'LIMIT_REACHED'
  /** No such record, or not one you may read. */
  | 'NOT_FOUND'
  /** Too many attempts: wait before trying again. */
  | 'RATE_LIMITED'
  /** Sign in first, or your session has expired. */
  | 'UNAUTHENTICATED'
  /** A part the server needs is down; try again shortly. */
  | 'UNAVAILABLE';

/** Which notifications to mark read: `ids`, or `all: true` for every unread one. */
export type MarkNotificationsReadInput = {
  /** Mark every unread notification of yours read. */
  all?: boolean;
  /** Your notifications to mark read, at most 100. */
  ids?: Array<string | number> | null | undefined;
};

export type NotificationsQueryVariables = Exact<{
  first: number;
}>;


export type NotificationsQuery = { notifications: { totalCount: number, edges: Array<{ node: { id: string, kind: string, title: string, body: string, read: boolean, createdAt: string, actor: { id: string, name: string } | null, subject:
          | { __typename: 'ApprovalAssignee', id: string }
          | { __typename: 'ApprovalDecision', id: string }
          | { __typename: 'ApprovalRequest', id: string }
          | { __typename: 'ApprovalRule', id: string }
          | { __typename: 'AuditEvent', id: string }
          | { __typename: 'CompensationPlan', id: string }
          | { __typename: 'Contact', id: string }
          | { __typename: 'Customer', id: string }
          | { __typename: 'Employee', id: string }
          | { __typename: 'Interaction', id: string }
          | { __typename: 'Job', id: string }
          | { __typename: 'Lead', id: string }
          | { __typename: 'Notification', id: string }
          | { __typename: 'Opportunity', id: string }
          | { __typename: 'Order', id: string }
          | { __typename: 'OrderLine', id: string }
          | { __typename: 'PayAdjustment', id: string }
          | { __typename: 'PayRun', id: string }
          | { __typename: 'Payment', id: string }
          | { __typename: 'Payslip', id: string }
          | { __typename: 'PipelineStage', id: string }
          | { __typename: 'Product', id: string }
          | { __typename: 'ProductLine', id: string }
          | { __typename: 'ReturnRequest', id: string }
          | { __typename: 'SavedView', id: string }
          | { __typename: 'Shipment', id: string }
          | { __typename: 'StockLevel', id: string }
          | { __typename: 'StockMovement', id: string }
          | { __typename: 'Tag', id: string }
          | { __typename: 'Task', id: string }
          | { __typename: 'Team', id: string }
          | { __typename: 'User', id: string }
          | { __typename: 'Warehouse', id: string }
          | { __typename: 'WebhookDelivery', id: string }
          | { __typename: 'WebhookEndpoint', id: string }
          | { __typename: 'Workflow', id: string }
          | { __typename: 'WorkflowRun', id: string }
          | { __typename: 'WorkflowRunStep', id: string }
         | null } }> } };

export type MarkNotificationsReadMutationVariables = Exact<{
  input: MarkNotificationsReadInput;
}>;


export type MarkNotificationsReadMutation = { markNotificationsRead: { marked: number, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type NotificationPushedSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type NotificationPushedSubscription = { notifications: { id: string, kind: string, title: string } };


export const NotificationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Notifications"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"read"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subject"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<NotificationsQuery, NotificationsQueryVariables>;
export const MarkNotificationsReadDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MarkNotificationsRead"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkNotificationsReadInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markNotificationsRead"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"marked"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<MarkNotificationsReadMutation, MarkNotificationsReadMutationVariables>;
export const NotificationPushedDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"NotificationPushed"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"notifications"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]} as unknown as DocumentNode<NotificationPushedSubscription, NotificationPushedSubscriptionVariables>;