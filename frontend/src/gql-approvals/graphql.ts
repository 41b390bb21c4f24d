/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Where a step's approvers come from. */
export type ApprovalApproverSource =
  /** The requester's manager chain: level 1 the manager of their team, level 2 the manager of its parent team, and so on. */
  | 'MANAGER'
  /** The active users with a role. */
  | 'ROLE'
  /** Named users. */
  | 'USERS';

/** An approver's answer. */
export type ApprovalDecisionInput = {
  /** Why, for the requester. */
  comment?: string | null | undefined;
  /** The ApprovalRequest. */
  id: string | number;
};

/** An approver's answer. */
export type ApprovalDecisionKind =
  /** Approved the step. */
  | 'APPROVE'
  /** Rejected the request. */
  | 'REJECT';

/** Which approval requests to list. */
export type ApprovalRequestFilter = {
  /** Every one of these matches. */
  and?: Array<ApprovalRequestFilter> | null | undefined;
  /** true: requests whose current step waits for you. */
  awaitingMe?: boolean | null | undefined;
  /** true: requests you made; false: the others. */
  mine?: boolean | null | undefined;
  /** This does not match. */
  not?: ApprovalRequestFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<ApprovalRequestFilter> | null | undefined;
  /** Requests in one of these statuses. */
  status?: Array<ApprovalRequestStatus> | null | undefined;
};

/** Where a request stands. */
export type ApprovalRequestStatus =
  /** Every step approved: the operation may go ahead with these facts. */
  | 'APPROVED'
  /** Withdrawn, superseded by other facts, or its rule was deleted. */
  | 'CANCELLED'
  /** Waiting for the approvers of its current step. */
  | 'PENDING'
  /** An approver rejected it. */
  | 'REJECTED';

/** What an approval rule guards. */
export type ApprovalRuleKind =
  /** Transferring customers to an owner in another team. */
  | 'CUSTOMER_TRANSFER'
  /** Confirming an order with a line priced further below its product's list price than the limit of the role of whoever last set the line's price. */
  | 'LINE_DISCOUNT'
  /** Confirming an order whose total is over the threshold. */
  | 'ORDER_AMOUNT'
  /** Approving a pay run (over the threshold, when one is set). */
  | 'PAY_RUN'
  /** Refunding a return for more than the threshold. */
  | 'REFUND_AMOUNT';

/** One step of a rule. */
export type ApprovalStepInput = {
  /** Where the approvers come from. */
  by: ApprovalApproverSource;
  /** For `by: MANAGER`: 1 to 10. */
  level?: number | null | undefined;
  /** One of them (default) or all. */
  mode?: ApprovalStepMode;
  /** For `by: ROLE`. */
  role?: string | null | undefined;
  /** For `by: USERS`: the approvers' User ids. */
  userIds?: Array<string | number> | null | undefined;
};

/** How many approvers a step needs. */
export type ApprovalStepMode =
  /** Every approver of the step. */
  | 'ALL_OF'
  /** Any one of the step's approvers. */
  | 'ONE_OF';

/** A new approval rule. */
export type CreateApprovalRuleInput = {
  /** For LINE_DISCOUNT: each role's limit. */
  discountLimits?: Array<DiscountLimitInput> | null | undefined;
  /** Guards from now on. */
  enabled?: boolean;
  /** What it guards. */
  kind: ApprovalRuleKind;
  /** What it is called in messages. */
  name: string;
  /** The steps, in order. */
  steps: Array<ApprovalStepInput>;
  /** The amount over which it applies (required for ORDER_AMOUNT and REFUND_AMOUNT; optional for PAY_RUN). */
  threshold?: MoneyInput | null | undefined;
};

/** A role's largest line discount without approval. */
export type DiscountLimitInput = {
  /** Percent, 0 to 100, two decimals at most. */
  limit: string;
  /** The role. */
  role: string;
};

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

/** One object, by its global id. */
export type IdInput = {
  /** The object's global id. */
  id: string | number;
};

/** An exact amount in one currency. */
export type MoneyInput = {
  /** The amount as a decimal string, at most the currency's minor digits. */
  amount: string;
  /** The ISO 4217 code, e.g. CNY. */
  currency: string;
};

/** A rule's new settings: the whole rule, as on create. */
export type UpdateApprovalRuleInput = {
  /** As on create. */
  discountLimits?: Array<DiscountLimitInput> | null | undefined;
  /** Guards from now on. */
  enabled?: boolean;
  /** Refuse with CONFLICT if it changed since. */
  expectedVersion?: number | null | undefined;
  /** The rule. */
  id: string | number;
  /** What it guards. */
  kind: ApprovalRuleKind;
  /** What it is called in messages. */
  name: string;
  /** The steps, in order. */
  steps: Array<ApprovalStepInput>;
  /** As on create. */
  threshold?: MoneyInput | null | undefined;
};

export type ApprovalRequestsQueryVariables = Exact<{
  filter?: ApprovalRequestFilter | null | undefined;
  first: number;
}>;


export type ApprovalRequestsQuery = { approvalRequests: { totalCount: number, edges: Array<{ node: { id: string, ruleName: string, kind: ApprovalRuleKind, operation: string, subjectType: string, subjectId: string, subjectLabel: string, reason: string, status: ApprovalRequestStatus, currentStep: number, stepCount: number, createdAt: string, decidedAt: string | null, requester: { id: string, name: string } | null, order: { id: string, number: string } | null, decisions: Array<{ id: string, step: number, decision: ApprovalDecisionKind, comment: string, createdAt: string, approver: { id: string, name: string } | null }>, waitingFor: Array<{ id: string, user: { id: string, name: string } | null }> } }> } };

export type ApproveMutationVariables = Exact<{
  input: ApprovalDecisionInput;
}>;


export type ApproveMutation = { approve: { request: { id: string, status: ApprovalRequestStatus, currentStep: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type RejectMutationVariables = Exact<{
  input: ApprovalDecisionInput;
}>;


export type RejectMutation = { reject: { request: { id: string, status: ApprovalRequestStatus } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type CancelApprovalRequestMutationVariables = Exact<{
  input: IdInput;
}>;


export type CancelApprovalRequestMutation = { cancelApprovalRequest: { request: { id: string, status: ApprovalRequestStatus } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type ApprovalRulesQueryVariables = Exact<{ [key: string]: never; }>;


export type ApprovalRulesQuery = { approvalRules: { edges: Array<{ node: { id: string, name: string, kind: ApprovalRuleKind, enabled: boolean, version: number, threshold: { amount: string, currency: string } | null, discountLimits: Array<{ role: string, limit: string }>, steps: Array<{ by: ApprovalApproverSource, mode: ApprovalStepMode, role: string | null, level: number | null, userIds: Array<string> }> } }> }, users: { edges: Array<{ node: { id: string, name: string, role: string } }> } };

export type CreateApprovalRuleMutationVariables = Exact<{
  input: CreateApprovalRuleInput;
}>;


export type CreateApprovalRuleMutation = { createApprovalRule: { rule: { id: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type UpdateApprovalRuleMutationVariables = Exact<{
  input: UpdateApprovalRuleInput;
}>;


export type UpdateApprovalRuleMutation = { updateApprovalRule: { rule: { id: string, enabled: boolean, version: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type DeleteApprovalRuleMutationVariables = Exact<{
  input: IdInput;
}>;


export type DeleteApprovalRuleMutation = { deleteApprovalRule: { rule: { id: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };


export const ApprovalRequestsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApprovalRequests"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"ApprovalRequestFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvalRequests"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"ruleName"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"operation"}},{"kind":"Field","name":{"kind":"Name","value":"subjectType"}},{"kind":"Field","name":{"kind":"Name","value":"subjectId"}},{"kind":"Field","name":{"kind":"Name","value":"subjectLabel"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentStep"}},{"kind":"Field","name":{"kind":"Name","value":"stepCount"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"decidedAt"}},{"kind":"Field","name":{"kind":"Name","value":"requester"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"order"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}},{"kind":"Field","name":{"kind":"Name","value":"decisions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"step"}},{"kind":"Field","name":{"kind":"Name","value":"decision"}},{"kind":"Field","name":{"kind":"Name","value":"comment"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"approver"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"waitingFor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApprovalRequestsQuery, ApprovalRequestsQueryVariables>;
export const ApproveDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Approve"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApprovalDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approve"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"currentStep"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<ApproveMutation, ApproveMutationVariables>;
export const RejectDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Reject"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ApprovalDecisionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reject"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<RejectMutation, RejectMutationVariables>;
export const CancelApprovalRequestDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelApprovalRequest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelApprovalRequest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"request"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<CancelApprovalRequestMutation, CancelApprovalRequestMutationVariables>;
export const ApprovalRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ApprovalRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approvalRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"threshold"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"amount"}},{"kind":"Field","name":{"kind":"Name","value":"currency"}}]}},{"kind":"Field","name":{"kind":"Name","value":"discountLimits"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"limit"}}]}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"by"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"userIds"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"role"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ApprovalRulesQuery, ApprovalRulesQueryVariables>;
export const CreateApprovalRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateApprovalRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateApprovalRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createApprovalRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<CreateApprovalRuleMutation, CreateApprovalRuleMutationVariables>;
export const UpdateApprovalRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateApprovalRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateApprovalRuleInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateApprovalRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateApprovalRuleMutation, UpdateApprovalRuleMutationVariables>;
export const DeleteApprovalRuleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteApprovalRule"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteApprovalRule"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rule"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteApprovalRuleMutation, DeleteApprovalRuleMutationVariables>;