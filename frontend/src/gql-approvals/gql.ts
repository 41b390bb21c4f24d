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
    "\n  query ApprovalRequests($filter: ApprovalRequestFilter, $first: Int!) {\n    approvalRequests(filter: $filter, first: $first) {\n      totalCount\n      edges { node {\n        id ruleName kind operation subjectType subjectId subjectLabel reason status currentStep stepCount createdAt decidedAt\n        requester { id name }\n        order { id number }\n        decisions { id step decision comment createdAt approver { id name } }\n        waitingFor { id user { id name } }\n      } }\n    }\n  }\n": typeof types.ApprovalRequestsDocument,
    "\n  mutation Approve($input: ApprovalDecisionInput!) {\n    approve(input: $input) { request { id status currentStep } errors { field code message params } }\n  }\n": typeof types.ApproveDocument,
    "\n  mutation Reject($input: ApprovalDecisionInput!) {\n    reject(input: $input) { request { id status } errors { field code message params } }\n  }\n": typeof types.RejectDocument,
    "\n  mutation CancelApprovalRequest($input: IdInput!) {\n    cancelApprovalRequest(input: $input) { request { id status } errors { field code message params } }\n  }\n": typeof types.CancelApprovalRequestDocument,
    "\n  query ApprovalRules {\n    approvalRules(first: 100) {\n      edges { node {\n        id name kind enabled version\n        threshold { amount currency }\n        discountLimits { role limit }\n        steps { by mode role level userIds }\n      } }\n    }\n    users(first: 100) { edges { node { id name role } } }\n  }\n": typeof types.ApprovalRulesDocument,
    "\n  mutation CreateApprovalRule($input: CreateApprovalRuleInput!) {\n    createApprovalRule(input: $input) { rule { id } errors { field code message params } }\n  }\n": typeof types.CreateApprovalRuleDocument,
    "\n  mutation UpdateApprovalRule($input: UpdateApprovalRuleInput!) {\n    updateApprovalRule(input: $input) { rule { id enabled version } errors { field code message params } }\n  }\n": typeof types.UpdateApprovalRuleDocument,
    "\n  mutation DeleteApprovalRule($input: IdInput!) {\n    deleteApprovalRule(input: $input) { rule { id } errors { field code message params } }\n  }\n": typeof types.DeleteApprovalRuleDocument,
};
const documents: Documents = {
    "\n  query ApprovalRequests($filter: ApprovalRequestFilter, $first: Int!) {\n    approvalRequests(filter: $filter, first: $first) {\n      totalCount\n      edges { node {\n        id ruleName kind operation subjectType subjectId subjectLabel reason status currentStep stepCount createdAt decidedAt\n        requester { id name }\n        order { id number }\n        decisions { id step decision comment createdAt approver { id name } }\n        waitingFor { id user { id name } }\n      } }\n    }\n  }\n": types.ApprovalRequestsDocument,
    "\n  mutation Approve($input: ApprovalDecisionInput!) {\n    approve(input: $input) { request { id status currentStep } errors { field code message params } }\n  }\n": types.ApproveDocument,
    "\n  mutation Reject($input: ApprovalDecisionInput!) {\n    reject(input: $input) { request { id status } errors { field code message params } }\n  }\n": types.RejectDocument,
    "\n  mutation CancelApprovalRequest($input: IdInput!) {\n    cancelApprovalRequest(input: $input) { request { id status } errors { field code message params } }\n  }\n": types.CancelApprovalRequestDocument,
    "\n  query ApprovalRules {\n    approvalRules(first: 100) {\n      edges { node {\n        id name kind enabled version\n        threshold { amount currency }\n        discountLimits { role limit }\n        steps { by mode role level userIds }\n      } }\n    }\n    users(first: 100) { edges { node { id name role } } }\n  }\n": types.ApprovalRulesDocument,
    "\n  mutation CreateApprovalRule($input: CreateApprovalRuleInput!) {\n    createApprovalRule(input: $input) { rule { id } errors { field code message params } }\n  }\n": types.CreateApprovalRuleDocument,
    "\n  mutation UpdateApprovalRule($input: UpdateApprovalRuleInput!) {\n    updateApprovalRule(input: $input) { rule { id enabled version } errors { field code message params } }\n  }\n": types.UpdateApprovalRuleDocument,
    "\n  mutation DeleteApprovalRule($input: IdInput!) {\n    deleteApprovalRule(input: $input) { rule { id } errors { field code message params } }\n  }\n": types.DeleteApprovalRuleDocument,
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
export function graphql(source: "\n  query ApprovalRequests($filter: ApprovalRequestFilter, $first: Int!) {\n    approvalRequests(filter: $filter, first: $first) {\n      totalCount\n      edges { node {\n        id ruleName kind operation subjectType subjectId subjectLabel reason status currentStep stepCount createdAt decidedAt\n        requester { id name }\n        order { id number }\n        decisions { id step decision comment createdAt approver { id name } }\n        waitingFor { id user { id name } }\n      } }\n    }\n  }\n"): (typeof documents)["\n  query ApprovalRequests($filter: ApprovalRequestFilter, $first: Int!) {\n    approvalRequests(filter: $filter, first: $first) {\n      totalCount\n      edges { node {\n        id ruleName kind operation subjectType subjectId subjectLabel reason status currentStep stepCount createdAt decidedAt\n        requester { id name }\n        order { id number }\n        decisions { id step decision comment createdAt approver { id name } }\n        waitingFor { id user { id name } }\n      } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Approve($input: ApprovalDecisionInput!) {\n    approve(input: $input) { request { id status currentStep } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation Approve($input: ApprovalDecisionInput!) {\n    approve(input: $input) { request { id status currentStep } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Reject($input: ApprovalDecisionInput!) {\n    reject(input: $input) { request { id status } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation Reject($input: ApprovalDecisionInput!) {\n    reject(input: $input) { request { id status } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CancelApprovalRequest($input: IdInput!) {\n    cancelApprovalRequest(input: $input) { request { id status } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation CancelApprovalRequest($input: IdInput!) {\n    cancelApprovalRequest(input: $input) { request { id status } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ApprovalRules {\n    approvalRules(first: 100) {\n      edges { node {\n        id name kind enabled version\n        threshold { amount currency }\n        discountLimits { role limit }\n        steps { by mode role level userIds }\n      } }\n    }\n    users(first: 100) { edges { node { id name role } } }\n  }\n"): (typeof documents)["\n  query ApprovalRules {\n    approvalRules(first: 100) {\n      edges { node {\n        id name kind enabled version\n        threshold { amount currency }\n        discountLimits { role limit }\n        steps { by mode role level userIds }\n      } }\n    }\n    users(first: 100) { edges { node { id name role } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateApprovalRule($input: CreateApprovalRuleInput!) {\n    createApprovalRule(input: $input) { rule { id } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation CreateApprovalRule($input: CreateApprovalRuleInput!) {\n    createApprovalRule(input: $input) { rule { id } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateApprovalRule($input: UpdateApprovalRuleInput!) {\n    updateApprovalRule(input: $input) { rule { id enabled version } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation UpdateApprovalRule($input: UpdateApprovalRuleInput!) {\n    updateApprovalRule(input: $input) { rule { id enabled version } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteApprovalRule($input: IdInput!) {\n    deleteApprovalRule(input: $input) { rule { id } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation DeleteApprovalRule($input: IdInput!) {\n    deleteApprovalRule(input: $input) { rule { id } errors { field code message params } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;