/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Conditions on a moment in time; all given conditions must hold. */
export type DateTimeFilter = {
  /** Equal to this value. */
  eq?: string | null | undefined;
  /** Greater than (after) this value. */
  gt?: string | null | undefined;
  /** Greater than (after) or equal to this value. */
  gte?: string | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Less than (before) this value. */
  lt?: string | null | undefined;
  /** Less than (before) or equal to this value. */
  lte?: string | null | undefined;
  /** Not equal to this value. */
  ne?: string | null | undefined;
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

/** Conditions on a reference to another record, by its global id. */
export type IdFilter = {
  /** Equal to this value. */
  eq?: string | number | null | undefined;
  /** Equal to one of these values. */
  in?: Array<string | number> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Not equal to this value. */
  ne?: string | number | null | undefined;
};

/** Conditions on a RunStatus value. */
export type RunStatusFilter = {
  /** Equal to this value. */
  eq?: WorkflowRunStatus | null | undefined;
  /** Equal to one of these values. */
  in?: Array<WorkflowRunStatus> | null | undefined;
  /** true: only records without a value; false: only records with one. */
  isNull?: boolean | null | undefined;
  /** Not equal to this value. */
  ne?: WorkflowRunStatus | null | undefined;
};

/** Switch a workflow on or off. */
export type SetWorkflowEnabledInput = {
  /** On or off. */
  enabled: boolean;
  /** The workflow. */
  id: string | number;
};

/** The kind of record a workflow runs on. */
export type WorkflowObjectType =
  /** Contact persons. */
  | 'CONTACT'
  /** Customers. */
  | 'CUSTOMER'
  /** Leads. */
  | 'LEAD'
  /** Opportunities. */
  | 'OPPORTUNITY'
  /** Orders (trigger and condition only: workflows do not change orders). */
  | 'ORDER'
  /** Tasks. */
  | 'TASK';

/** Which runs to list. */
export type WorkflowRunFilter = {
  /** Every one of these matches. */
  and?: Array<WorkflowRunFilter> | null | undefined;
  /** Match on createdAt. */
  createdAt?: DateTimeFilter | null | undefined;
  /** This does not match. */
  not?: WorkflowRunFilter | null | undefined;
  /** At least one of these matches. */
  or?: Array<WorkflowRunFilter> | null | undefined;
  /** Runs on this record (its global id). */
  record?: string | number | null | undefined;
  /** Match on status. */
  status?: RunStatusFilter | null | undefined;
  /** Match on the Workflow id of workflow. */
  workflow?: IdFilter | null | undefined;
};

/** Where a run stands. */
export type WorkflowRunStatus =
  /** A step failed every attempt: `error` says why. */
  | 'FAILED'
  /** Waiting for a worker. */
  | 'QUEUED'
  /** Its steps are running. */
  | 'RUNNING'
  /** The record did not match the condition: nothing ran. */
  | 'SKIPPED'
  /** Stopped by the guard against workflows firing each other in a loop: `error` says why. */
  | 'STOPPED'
  /** Every step ran. */
  | 'SUCCEEDED'
  /** Paused by a wait step until `resumeAt`. */
  | 'WAITING';

export type WorkflowsQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkflowsQuery = { workflows: { edges: Array<{ node: { id: string, name: string, description: string, objectType: WorkflowObjectType, enabled: boolean, version: number, updatedAt: string, owner: { name: string } | null } }> } };

export type WorkflowRunsQueryVariables = Exact<{
  filter?: WorkflowRunFilter | null | undefined;
}>;


export type WorkflowRunsQuery = { workflowRuns: { edges: Array<{ node: { id: string, status: WorkflowRunStatus, version: number, depth: number, error: string | null, recordType: string | null, createdAt: string, finishedAt: string | null, workflow: { name: string } | null, steps: Array<{ id: string, index: number, action: string, error: string | null, attempts: number, durationMs: number }> } }> } };

export type SetWorkflowEnabledMutationVariables = Exact<{
  input: SetWorkflowEnabledInput;
}>;


export type SetWorkflowEnabledMutation = { setWorkflowEnabled: { workflow: { id: string, enabled: boolean } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };


export const WorkflowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Workflows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowsQuery, WorkflowsQueryVariables>;
export const WorkflowRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkflowRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowRunFilter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflowRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"recordType"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowRunsQuery, WorkflowRunsQueryVariables>;
export const SetWorkflowEnabledDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetWorkflowEnabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetWorkflowEnabledInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setWorkflowEnabled"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<SetWorkflowEnabledMutation, SetWorkflowEnabledMutationVariables>;