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

/** A lead field a rule can test. */
export type LeadScoringField =
  /** Their company. */
  | 'COMPANY'
  /** Their email address. */
  | 'EMAIL'
  /** Their phone number. */
  | 'PHONE'
  /** Where the lead came from. */
  | 'SOURCE'
  /** The lead's status value (new, contacted, qualified, disqualified, converted). */
  | 'STATUS'
  /** Their job title. */
  | 'TITLE';

/** What a scoring rule looks at. */
export type LeadScoringKind =
  /** A field of the lead (`field`, `operator`, `value`). */
  | 'FIELD'
  /** Interactions logged with the lead's customer: `points` each, up to `maxPoints`. */
  | 'INTERACTIONS';

/** How a field is tested. */
export type LeadScoringOperator =
  /** Contains `value`, ignoring case. */
  | 'CONTAINS'
  /** Equal to `value`, ignoring case and surrounding spaces. */
  | 'EQUALS'
  /** Holds any value (no `value`). */
  | 'IS_SET';

/** One lead-scoring rule. */
export type LeadScoringRuleInput = {
  /** For FIELD rules. */
  field?: LeadScoringField | null | undefined;
  /** What it looks at. */
  kind: LeadScoringKind;
  /** For INTERACTIONS: the cap, of the points' sign. */
  maxPoints?: number | null | undefined;
  /** For FIELD rules. */
  operator?: LeadScoringOperator | null | undefined;
  /** -1000 to 1000, not 0. */
  points: number;
  /** For EQUALS and CONTAINS: up to 200 characters. */
  value?: string | null | undefined;
};

/** The whole new set of lead-scoring rules, in order. */
export type SetLeadScoringRulesInput = {
  /** At most 50 rules; an empty list scores every lead 0. */
  rules: Array<LeadScoringRuleInput>;
};

/** The settings to change; those left out stay. */
export type UpdateLifecycleSettingsInput = {
  /** 1 to 3650 days, below churnedDays. */
  atRiskDays?: number | null | undefined;
  /** 1 to 3650 days, above atRiskDays. */
  churnedDays?: number | null | undefined;
  /** Switch the rules on or off. */
  enabled?: boolean | null | undefined;
  /** The version you read; CONFLICT if it has moved on. */
  expectedVersion?: number | null | undefined;
  /** Above gradeB. */
  gradeA?: number | null | undefined;
  /** Above gradeC. */
  gradeB?: number | null | undefined;
  /** Below gradeB. */
  gradeC?: number | null | undefined;
  /** 1 to 1000 paid orders. */
  loyalOrders?: number | null | undefined;
  /** 1 to 3650 days. */
  loyalWithinDays?: number | null | undefined;
};

export type LifecycleSettingsQueryVariables = Exact<{ [key: string]: never; }>;


export type LifecycleSettingsQuery = { lifecycleSettings: { enabled: boolean, loyalOrders: number, loyalWithinDays: number, atRiskDays: number, churnedDays: number, gradeA: number, gradeB: number, gradeC: number, rulesCustomised: boolean, version: number, rescoring: { total: number, done: number, startedAt: string | null, finishedAt: string | null } | null }, leadScoringRules: Array<{ id: string, position: number, kind: LeadScoringKind, field: LeadScoringField | null, operator: LeadScoringOperator | null, value: string | null, points: number, maxPoints: number | null }> };

export type UpdateLifecycleSettingsMutationVariables = Exact<{
  input: UpdateLifecycleSettingsInput;
}>;


export type UpdateLifecycleSettingsMutation = { updateLifecycleSettings: { settings: { enabled: boolean, loyalOrders: number, loyalWithinDays: number, atRiskDays: number, churnedDays: number, gradeA: number, gradeB: number, gradeC: number, version: number } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type SetLeadScoringRulesMutationVariables = Exact<{
  input: SetLeadScoringRulesInput;
}>;


export type SetLeadScoringRulesMutation = { setLeadScoringRules: { rules: Array<{ id: string }> | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };


export const LifecycleSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LifecycleSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"lifecycleSettings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"loyalOrders"}},{"kind":"Field","name":{"kind":"Name","value":"loyalWithinDays"}},{"kind":"Field","name":{"kind":"Name","value":"atRiskDays"}},{"kind":"Field","name":{"kind":"Name","value":"churnedDays"}},{"kind":"Field","name":{"kind":"Name","value":"gradeA"}},{"kind":"Field","name":{"kind":"Name","value":"gradeB"}},{"kind":"Field","name":{"kind":"Name","value":"gradeC"}},{"kind":"Field","name":{"kind":"Name","value":"rulesCustomised"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"rescoring"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}},{"kind":"Field","name":{"kind":"Name","value":"done"}},{"kind":"Field","name":{"kind":"Name","value":"startedAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"leadScoringRules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"position"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"operator"}},{"kind":"Field","name":{"kind":"Name","value":"value"}},{"kind":"Field","name":{"kind":"Name","value":"points"}},{"kind":"Field","name":{"kind":"Name","value":"maxPoints"}}]}}]}}]} as unknown as DocumentNode<LifecycleSettingsQuery, LifecycleSettingsQueryVariables>;
export const UpdateLifecycleSettingsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateLifecycleSettings"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateLifecycleSettingsInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateLifecycleSettings"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"settings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enabled"}},{"kind":"Field","name":{"kind":"Name","value":"loyalOrders"}},{"kind":"Field","name":{"kind":"Name","value":"loyalWithinDays"}},{"kind":"Field","name":{"kind":"Name","value":"atRiskDays"}},{"kind":"Field","name":{"kind":"Name","value":"churnedDays"}},{"kind":"Field","name":{"kind":"Name","value":"gradeA"}},{"kind":"Field","name":{"kind":"Name","value":"gradeB"}},{"kind":"Field","name":{"kind":"Name","value":"gradeC"}},{"kind":"Field","name":{"kind":"Name","value":"version"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<UpdateLifecycleSettingsMutation, UpdateLifecycleSettingsMutationVariables>;
export const SetLeadScoringRulesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetLeadScoringRules"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetLeadScoringRulesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setLeadScoringRules"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rules"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<SetLeadScoringRulesMutation, SetLeadScoringRulesMutationVariables>;