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
    "\n  query Workflows {\n    workflows(first: 100) { edges { node { id name description objectType enabled version updatedAt owner { name } } } }\n  }\n": typeof types.WorkflowsDocument,
    "\n  query WorkflowRuns($filter: WorkflowRunFilter) {\n    workflowRuns(first: 50, filter: $filter) {\n      edges { node { id status version depth error recordType createdAt finishedAt workflow { name } steps { id index action error attempts durationMs } } }\n    }\n  }\n": typeof types.WorkflowRunsDocument,
    "\n  mutation SetWorkflowEnabled($input: SetWorkflowEnabledInput!) {\n    setWorkflowEnabled(input: $input) { workflow { id enabled } errors { field code message params } }\n  }\n": typeof types.SetWorkflowEnabledDocument,
};
const documents: Documents = {
    "\n  query Workflows {\n    workflows(first: 100) { edges { node { id name description objectType enabled version updatedAt owner { name } } } }\n  }\n": types.WorkflowsDocument,
    "\n  query WorkflowRuns($filter: WorkflowRunFilter) {\n    workflowRuns(first: 50, filter: $filter) {\n      edges { node { id status version depth error recordType createdAt finishedAt workflow { name } steps { id index action error attempts durationMs } } }\n    }\n  }\n": types.WorkflowRunsDocument,
    "\n  mutation SetWorkflowEnabled($input: SetWorkflowEnabledInput!) {\n    setWorkflowEnabled(input: $input) { workflow { id enabled } errors { field code message params } }\n  }\n": types.SetWorkflowEnabledDocument,
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
export function graphql(source: "\n  query Workflows {\n    workflows(first: 100) { edges { node { id name description objectType enabled version updatedAt owner { name } } } }\n  }\n"): (typeof documents)["\n  query Workflows {\n    workflows(first: 100) { edges { node { id name description objectType enabled version updatedAt owner { name } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowRuns($filter: WorkflowRunFilter) {\n    workflowRuns(first: 50, filter: $filter) {\n      edges { node { id status version depth error recordType createdAt finishedAt workflow { name } steps { id index action error attempts durationMs } } }\n    }\n  }\n"): (typeof documents)["\n  query WorkflowRuns($filter: WorkflowRunFilter) {\n    workflowRuns(first: 50, filter: $filter) {\n      edges { node { id status version depth error recordType createdAt finishedAt workflow { name } steps { id index action error attempts durationMs } } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWorkflowEnabled($input: SetWorkflowEnabledInput!) {\n    setWorkflowEnabled(input: $input) { workflow { id enabled } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation SetWorkflowEnabled($input: SetWorkflowEnabledInput!) {\n    setWorkflowEnabled(input: $input) { workflow { id enabled } errors { field code message params } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;