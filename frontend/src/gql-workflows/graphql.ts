/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A new workflow. */
export type CreateWorkflowInput = {
  /** Ordered steps, each `{type, ...}`: create_task {title, dueInDays?, assignee: record_owner|user, userId?}, notify {to: [record_owner, owner_manager, workflow_owner], userIds?, title, body?}, update_fields {fields: [{field, value | inDays}]}, assign_owner {userId | teamId (round robin)}, add_tags {tagIds}, webhook {endpointId}, start_approval {rule (an ApprovalRule id or name), reason?} (a request of the rule on the record, asked by the owner; one open per rule and record), wait {days?, hours?, minutes?}, branch {condition, then, else}. `{record}` in a text is the record's name. */
  actions: unknown;
  /** A filter in the shape of the type's list `filter:`. */
  condition?: unknown;
  /** What it is for. */
  description?: string;
  /** Fire from now on. */
  enabled?: boolean;
  /** What it is called. */
  name: string;
  /** The records it runs on. */
  objectType: WorkflowObjectType;
  /** Whose permissions it runs with (admins may name another user); you by default. */
  ownerId?: string | number | null | undefined;
  /** Trigger JSON: `{type: created|updated|deleted}`, `{type: field_changed, field, from?, to?, crossesAbove?}`, `{type: schedule, cron}` (five fields, UTC) or `{type: date_reached, field, offsetDays}`. */
  trigger: unknown;
};

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

/** A workflow (saved, or a definition not saved yet) to try on one record without writing anything. */
export type DryRunWorkflowInput = {
  /** Or a definition, as createWorkflow takes it. */
  definition?: CreateWorkflowInput | null | undefined;
  /** The record to try it on. */
  recordId: string | number;
  /** A saved workflow. */
  workflowId?: string | number | null | undefined;
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

/** Changes to a workflow, saved as a new version; omitted fields stay as they are. */
export type UpdateWorkflowInput = {
  /** Ordered steps, each `{type, ...}`: create_task {title, dueInDays?, assignee: record_owner|user, userId?}, notify {to: [record_owner, owner_manager, workflow_owner], userIds?, title, body?}, update_fields {fields: [{field, value | inDays}]}, assign_owner {userId | teamId (round robin)}, add_tags {tagIds}, webhook {endpointId}, start_approval {rule (an ApprovalRule id or name), reason?} (a request of the rule on the record, asked by the owner; one open per rule and record), wait {days?, hours?, minutes?}, branch {condition, then, else}. `{record}` in a text is the record's name. */
  actions?: unknown;
  /** A new condition; null: every record. */
  condition?: unknown;
  /** A new description. */
  description?: string | null | undefined;
  /** Refuse with CONFLICT if it changed since. */
  expectedVersion?: number | null | undefined;
  /** The workflow. */
  id: string | number;
  /** A new name. */
  name?: string | null | undefined;
  /** Another kind of record. */
  objectType?: WorkflowObjectType | null | undefined;
  /** A new owner (admins). */
  ownerId?: string | number | null | undefined;
  /** Trigger JSON: `{type: created|updated|deleted}`, `{type: field_changed, field, from?, to?, crossesAbove?}`, `{type: schedule, cron}` (five fields, UTC) or `{type: date_reached, field, offsetDays}`. */
  trigger?: unknown;
};

/** Which workflow. */
export type WorkflowIdInput = {
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

export type WorkflowsQueryVariables = Exact<{
  first: number;
}>;


export type WorkflowsQuery = { workflows: { edges: Array<{ node: { id: string, name: string, description: string, objectType: WorkflowObjectType, trigger: unknown, enabled: boolean, version: number, updatedAt: string, owner: { id: string, name: string } | null } }> }, workflowRuns: { edges: Array<{ node: { id: string, status: WorkflowRunStatus, createdAt: string, workflow: { id: string } | null } }> } };

export type WorkflowQueryVariables = Exact<{
  id: string | number;
}>;


export type WorkflowQuery = { node:
    | { __typename: 'ApprovalAssignee' }
    | { __typename: 'ApprovalDecision' }
    | { __typename: 'ApprovalRequest' }
    | { __typename: 'ApprovalRule' }
    | { __typename: 'AuditEvent' }
    | { __typename: 'CompensationPlan' }
    | { __typename: 'Contact' }
    | { __typename: 'Customer' }
    | { __typename: 'Employee' }
    | { __typename: 'Interaction' }
    | { __typename: 'Job' }
    | { __typename: 'Lead' }
    | { __typename: 'Notification' }
    | { __typename: 'Opportunity' }
    | { __typename: 'Order' }
    | { __typename: 'OrderLine' }
    | { __typename: 'PayAdjustment' }
    | { __typename: 'PayRun' }
    | { __typename: 'Payment' }
    | { __typename: 'Payslip' }
    | { __typename: 'PipelineStage' }
    | { __typename: 'Product' }
    | { __typename: 'ProductLine' }
    | { __typename: 'ReturnRequest' }
    | { __typename: 'SavedView' }
    | { __typename: 'Shipment' }
    | { __typename: 'StockLevel' }
    | { __typename: 'StockMovement' }
    | { __typename: 'Tag' }
    | { __typename: 'Task' }
    | { __typename: 'Team' }
    | { __typename: 'User' }
    | { __typename: 'Warehouse' }
    | { __typename: 'WebhookDelivery' }
    | { __typename: 'WebhookEndpoint' }
    | { __typename: 'Workflow', id: string, name: string, description: string, objectType: WorkflowObjectType, trigger: unknown, condition: unknown, actions: unknown, enabled: boolean, version: number, owner: { id: string, name: string } | null }
    | { __typename: 'WorkflowRun' }
    | { __typename: 'WorkflowRunStep' }
   | null };

export type WorkflowRunsQueryVariables = Exact<{
  filter?: WorkflowRunFilter | null | undefined;
  first: number;
  after?: string | null | undefined;
}>;


export type WorkflowRunsQuery = { workflowRuns: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { id: string, status: WorkflowRunStatus, version: number, depth: number, error: string | null, recordType: string | null, recordId: string | null, startedAt: string | null, finishedAt: string | null, createdAt: string, resumeAt: string | null, workflow: { id: string, name: string } | null, steps: Array<{ id: string, index: number, action: string, input: unknown, output: unknown, error: string | null, durationMs: number, attempts: number }> } }> } };

export type WorkflowPeopleQueryVariables = Exact<{ [key: string]: never; }>;


export type WorkflowPeopleQuery = { users: { edges: Array<{ node: { id: string, name: string, isActive: boolean } }> }, teams: Array<{ id: string, name: string }>, tags: Array<{ id: string, name: string }>, webhookEndpoints: Array<{ id: string, url: string }>, approvalRules: { edges: Array<{ node: { id: string, name: string, enabled: boolean } }> } };

export type CreateWorkflowMutationVariables = Exact<{
  input: CreateWorkflowInput;
}>;


export type CreateWorkflowMutation = { createWorkflow: { workflow: { id: string, version: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type UpdateWorkflowMutationVariables = Exact<{
  input: UpdateWorkflowInput;
}>;


export type UpdateWorkflowMutation = { updateWorkflow: { workflow: { id: string, name: string, description: string, objectType: WorkflowObjectType, trigger: unknown, condition: unknown, actions: unknown, enabled: boolean, version: number, owner: { id: string, name: string } | null } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type SetWorkflowEnabledMutationVariables = Exact<{
  input: SetWorkflowEnabledInput;
}>;


export type SetWorkflowEnabledMutation = { setWorkflowEnabled: { workflow: { id: string, enabled: boolean, version: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type DeleteWorkflowMutationVariables = Exact<{
  input: WorkflowIdInput;
}>;


export type DeleteWorkflowMutation = { deleteWorkflow: { deletedId: string | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type DryRunWorkflowMutationVariables = Exact<{
  input: DryRunWorkflowInput;
}>;


export type DryRunWorkflowMutation = { dryRunWorkflow: { result: { matches: boolean, steps: Array<{ index: number, action: string, description: string, error: string | null }> } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type WorkflowRecordSearchQueryVariables = Exact<{
  q: string;
  customer: boolean;
  contact: boolean;
  lead: boolean;
  opportunity: boolean;
  order: boolean;
  task: boolean;
}>;


export type WorkflowRecordSearchQuery = { customers?: { edges: Array<{ node: { id: string, name: string } }> }, contactsOf?: { edges: Array<{ node: { id: string, name: string, contacts: Array<{ id: string, name: string }> } }> }, leads?: { edges: Array<{ node: { id: string, name: string } }> }, opportunities?: { edges: Array<{ node: { id: string, title: string } }> }, orders?: { edges: Array<{ node: { id: string, number: string } }> }, myTasks?: { edges: Array<{ node: { id: string, title: string } }> } };


export const WorkflowsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Workflows"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflows"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"NAME"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"updatedAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"workflowRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowsQuery, WorkflowsQueryVariables>;
export const WorkflowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Workflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"__typename"}},{"kind":"InlineFragment","typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Workflow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowQuery, WorkflowQueryVariables>;
export const WorkflowRunsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkflowRuns"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"filter"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowRunFilter"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflowRuns"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"Variable","name":{"kind":"Name","value":"filter"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"depth"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"recordType"}},{"kind":"Field","name":{"kind":"Name","value":"recordId"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"resumeAt"}},{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"input"}},{"kind":"Field","name":{"kind":"Name","value":"output"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}}]}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowRunsQuery, WorkflowRunsQueryVariables>;
export const WorkflowPeopleDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkflowPeople"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"users"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"orderBy"},"value":{"kind":"ListValue","values":[{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"field"},"value":{"kind":"EnumValue","value":"NAME"}},{"kind":"ObjectField","name":{"kind":"Name","value":"direction"},"value":{"kind":"EnumValue","value":"ASC"}}]}]}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"isActive"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"tags"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"webhookEndpoints"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"url"}}]}},{"kind":"Field","name":{"kind":"Name","value":"approvalRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowPeopleQuery, WorkflowPeopleQueryVariables>;
export const CreateWorkflowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateWorkflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateWorkflowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createWorkflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<CreateWorkflowMutation, CreateWorkflowMutationVariables>;
export const UpdateWorkflowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateWorkflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateWorkflowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateWorkflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"objectType"}},{"kind":"Field","name":{"kind":"Name","value":"trigger"}},{"kind":"Field","name":{"kind":"Name","value":"condition"}},{"kind":"Field","name":{"kind":"Name","value":"actions"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateWorkflowMutation, UpdateWorkflowMutationVariables>;
export const SetWorkflowEnabledDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetWorkflowEnabled"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetWorkflowEnabledInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setWorkflowEnabled"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"workflow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<SetWorkflowEnabledMutation, SetWorkflowEnabledMutationVariables>;
export const DeleteWorkflowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteWorkflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"WorkflowIdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteWorkflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteWorkflowMutation, DeleteWorkflowMutationVariables>;
export const DryRunWorkflowDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DryRunWorkflow"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DryRunWorkflowInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dryRunWorkflow"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"result"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matches"}},{"kind":"Field","name":{"kind":"Name","value":"steps"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<DryRunWorkflowMutation, DryRunWorkflowMutationVariables>;
export const WorkflowRecordSearchDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"WorkflowRecordSearch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"q"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"customer"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"contact"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"lead"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"opportunity"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"order"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"task"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"q"}}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"customer"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","alias":{"kind":"Name","value":"contactsOf"},"name":{"kind":"Name","value":"customers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"contact"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"contains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"q"}}}]}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"contact"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"contacts"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"leads"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"name"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"contains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"q"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"lead"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"opportunities"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"title"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"contains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"q"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"opportunity"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"orders"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"filter"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"number"},"value":{"kind":"ObjectValue","fields":[{"kind":"ObjectField","name":{"kind":"Name","value":"contains"},"value":{"kind":"Variable","name":{"kind":"Name","value":"q"}}}]}}]}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"10"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"order"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"myTasks"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"directives":[{"kind":"Directive","name":{"kind":"Name","value":"include"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"if"},"value":{"kind":"Variable","name":{"kind":"Name","value":"task"}}}]}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]}}]}}]}}]} as unknown as DocumentNode<WorkflowRecordSearchQuery, WorkflowRecordSearchQueryVariables>;