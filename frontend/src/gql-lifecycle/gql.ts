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
    "\n  query LifecycleSettings {\n    lifecycleSettings {\n      enabled loyalOrders loyalWithinDays atRiskDays churnedDays gradeA gradeB gradeC rulesCustomised version\n      rescoring { total done startedAt finishedAt }\n    }\n    leadScoringRules { id position kind field operator value points maxPoints }\n  }\n": typeof types.LifecycleSettingsDocument,
    "\n  mutation UpdateLifecycleSettings($input: UpdateLifecycleSettingsInput!) {\n    updateLifecycleSettings(input: $input) {\n      settings { enabled loyalOrders loyalWithinDays atRiskDays churnedDays gradeA gradeB gradeC version }\n      errors { field code message params }\n    }\n  }\n": typeof types.UpdateLifecycleSettingsDocument,
    "\n  mutation SetLeadScoringRules($input: SetLeadScoringRulesInput!) {\n    setLeadScoringRules(input: $input) { rules { id } errors { field code message params } }\n  }\n": typeof types.SetLeadScoringRulesDocument,
};
const documents: Documents = {
    "\n  query LifecycleSettings {\n    lifecycleSettings {\n      enabled loyalOrders loyalWithinDays atRiskDays churnedDays gradeA gradeB gradeC rulesCustomised version\n      rescoring { total done startedAt finishedAt }\n    }\n    leadScoringRules { id position kind field operator value points maxPoints }\n  }\n": types.LifecycleSettingsDocument,
    "\n  mutation UpdateLifecycleSettings($input: UpdateLifecycleSettingsInput!) {\n    updateLifecycleSettings(input: $input) {\n      settings { enabled loyalOrders loyalWithinDays atRiskDays churnedDays gradeA gradeB gradeC version }\n      errors { field code message params }\n    }\n  }\n": types.UpdateLifecycleSettingsDocument,
    "\n  mutation SetLeadScoringRules($input: SetLeadScoringRulesInput!) {\n    setLeadScoringRules(input: $input) { rules { id } errors { field code message params } }\n  }\n": types.SetLeadScoringRulesDocument,
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
export function graphql(source: "\n  query LifecycleSettings {\n    lifecycleSettings {\n      enabled loyalOrders loyalWithinDays atRiskDays churnedDays gradeA gradeB gradeC rulesCustomised version\n      rescoring { total done startedAt finishedAt }\n    }\n    leadScoringRules { id position kind field operator value points maxPoints }\n  }\n"): (typeof documents)["\n  query LifecycleSettings {\n    lifecycleSettings {\n      enabled loyalOrders loyalWithinDays atRiskDays churnedDays gradeA gradeB gradeC rulesCustomised version\n      rescoring { total done startedAt finishedAt }\n    }\n    leadScoringRules { id position kind field operator value points maxPoints }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateLifecycleSettings($input: UpdateLifecycleSettingsInput!) {\n    updateLifecycleSettings(input: $input) {\n      settings { enabled loyalOrders loyalWithinDays atRiskDays churnedDays gradeA gradeB gradeC version }\n      errors { field code message params }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateLifecycleSettings($input: UpdateLifecycleSettingsInput!) {\n    updateLifecycleSettings(input: $input) {\n      settings { enabled loyalOrders loyalWithinDays atRiskDays churnedDays gradeA gradeB gradeC version }\n      errors { field code message params }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetLeadScoringRules($input: SetLeadScoringRulesInput!) {\n    setLeadScoringRules(input: $input) { rules { id } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation SetLeadScoringRules($input: SetLeadScoringRulesInput!) {\n    setLeadScoringRules(input: $input) { rules { id } errors { field code message params } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;