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
    "\n  query Workflows($first: Int!) {\n    workflows(first: $first, orderBy: [{ field: NAME, direction: ASC }]) {\n      edges { node { id name description objectType trigger enabled version updatedAt owner { id name } } }\n    }\n    workflowRuns(first: 100) { edges { node { id status createdAt workflow { id } } } }\n  }\n": typeof types.WorkflowsDocument,
    "\n  query Workflow($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Workflow { id name description objectType trigger condition actions enabled version owner { id name } }\n    }\n  }\n": typeof types.WorkflowDocument,
    "\n  query WorkflowRuns($filter: WorkflowRunFilter, $first: Int!, $after: String) {\n    workflowRuns(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id status version depth error recordType recordId startedAt finishedAt createdAt resumeAt\n          workflow { id name }\n          steps { id index action input output error durationMs attempts }\n        }\n      }\n    }\n  }\n": typeof types.WorkflowRunsDocument,
    "\n  query WorkflowPeople {\n    users(first: 100, orderBy: [{ field: NAME, direction: ASC }]) { edges { node { id name isActive } } }\n    teams { id name }\n    tags { id name }\n    webhookEndpoints { id url }\n    approvalRules(first: 100) { edges { node { id name enabled } } }\n  }\n": typeof types.WorkflowPeopleDocument,
    "\n  mutation CreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) { workflow { id version } errors { field code message params } }\n  }\n": typeof types.CreateWorkflowDocument,
    "\n  mutation UpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow { id name description objectType trigger condition actions enabled version owner { id name } }\n      errors { field code message params }\n    }\n  }\n": typeof types.UpdateWorkflowDocument,
    "\n  mutation SetWorkflowEnabled($input: SetWorkflowEnabledInput!) {\n    setWorkflowEnabled(input: $input) { workflow { id enabled version } errors { field code message params } }\n  }\n": typeof types.SetWorkflowEnabledDocument,
    "\n  mutation DeleteWorkflow($input: WorkflowIdInput!) {\n    deleteWorkflow(input: $input) { deletedId errors { field code message params } }\n  }\n": typeof types.DeleteWorkflowDocument,
    "\n  mutation DryRunWorkflow($input: DryRunWorkflowInput!) {\n    dryRunWorkflow(input: $input) { result { matches steps { index action description error } } errors { field code message params } }\n  }\n": typeof types.DryRunWorkflowDocument,
    "\n  query WorkflowRecordSearch($q: String!, $customer: Boolean!, $contact: Boolean!, $lead: Boolean!, $opportunity: Boolean!, $order: Boolean!, $task: Boolean!) {\n    customers(filter: { search: $q }, first: 10) @include(if: $customer) { edges { node { id name } } }\n    contactsOf: customers(filter: { contact: { name: { contains: $q } } }, first: 10) @include(if: $contact) { edges { node { id name contacts { id name } } } }\n    leads(filter: { name: { contains: $q } }, first: 10) @include(if: $lead) { edges { node { id name } } }\n    opportunities(filter: { title: { contains: $q } }, first: 10) @include(if: $opportunity) { edges { node { id title } } }\n    orders(filter: { number: { contains: $q } }, first: 10) @include(if: $order) { edges { node { id number } } }\n    myTasks(first: 20) @include(if: $task) { edges { node { id title } } }\n  }\n": typeof types.WorkflowRecordSearchDocument,
};
const documents: Documents = {
    "\n  query Workflows($first: Int!) {\n    workflows(first: $first, orderBy: [{ field: NAME, direction: ASC }]) {\n      edges { node { id name description objectType trigger enabled version updatedAt owner { id name } } }\n    }\n    workflowRuns(first: 100) { edges { node { id status createdAt workflow { id } } } }\n  }\n": types.WorkflowsDocument,
    "\n  query Workflow($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Workflow { id name description objectType trigger condition actions enabled version owner { id name } }\n    }\n  }\n": types.WorkflowDocument,
    "\n  query WorkflowRuns($filter: WorkflowRunFilter, $first: Int!, $after: String) {\n    workflowRuns(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id status version depth error recordType recordId startedAt finishedAt createdAt resumeAt\n          workflow { id name }\n          steps { id index action input output error durationMs attempts }\n        }\n      }\n    }\n  }\n": types.WorkflowRunsDocument,
    "\n  query WorkflowPeople {\n    users(first: 100, orderBy: [{ field: NAME, direction: ASC }]) { edges { node { id name isActive } } }\n    teams { id name }\n    tags { id name }\n    webhookEndpoints { id url }\n    approvalRules(first: 100) { edges { node { id name enabled } } }\n  }\n": types.WorkflowPeopleDocument,
    "\n  mutation CreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) { workflow { id version } errors { field code message params } }\n  }\n": types.CreateWorkflowDocument,
    "\n  mutation UpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow { id name description objectType trigger condition actions enabled version owner { id name } }\n      errors { field code message params }\n    }\n  }\n": types.UpdateWorkflowDocument,
    "\n  mutation SetWorkflowEnabled($input: SetWorkflowEnabledInput!) {\n    setWorkflowEnabled(input: $input) { workflow { id enabled version } errors { field code message params } }\n  }\n": types.SetWorkflowEnabledDocument,
    "\n  mutation DeleteWorkflow($input: WorkflowIdInput!) {\n    deleteWorkflow(input: $input) { deletedId errors { field code message params } }\n  }\n": types.DeleteWorkflowDocument,
    "\n  mutation DryRunWorkflow($input: DryRunWorkflowInput!) {\n    dryRunWorkflow(input: $input) { result { matches steps { index action description error } } errors { field code message params } }\n  }\n": types.DryRunWorkflowDocument,
    "\n  query WorkflowRecordSearch($q: String!, $customer: Boolean!, $contact: Boolean!, $lead: Boolean!, $opportunity: Boolean!, $order: Boolean!, $task: Boolean!) {\n    customers(filter: { search: $q }, first: 10) @include(if: $customer) { edges { node { id name } } }\n    contactsOf: customers(filter: { contact: { name: { contains: $q } } }, first: 10) @include(if: $contact) { edges { node { id name contacts { id name } } } }\n    leads(filter: { name: { contains: $q } }, first: 10) @include(if: $lead) { edges { node { id name } } }\n    opportunities(filter: { title: { contains: $q } }, first: 10) @include(if: $opportunity) { edges { node { id title } } }\n    orders(filter: { number: { contains: $q } }, first: 10) @include(if: $order) { edges { node { id number } } }\n    myTasks(first: 20) @include(if: $task) { edges { node { id title } } }\n  }\n": types.WorkflowRecordSearchDocument,
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
export function graphql(source: "\n  query Workflows($first: Int!) {\n    workflows(first: $first, orderBy: [{ field: NAME, direction: ASC }]) {\n      edges { node { id name description objectType trigger enabled version updatedAt owner { id name } } }\n    }\n    workflowRuns(first: 100) { edges { node { id status createdAt workflow { id } } } }\n  }\n"): (typeof documents)["\n  query Workflows($first: Int!) {\n    workflows(first: $first, orderBy: [{ field: NAME, direction: ASC }]) {\n      edges { node { id name description objectType trigger enabled version updatedAt owner { id name } } }\n    }\n    workflowRuns(first: 100) { edges { node { id status createdAt workflow { id } } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Workflow($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Workflow { id name description objectType trigger condition actions enabled version owner { id name } }\n    }\n  }\n"): (typeof documents)["\n  query Workflow($id: ID!) {\n    node(id: $id) {\n      __typename\n      ... on Workflow { id name description objectType trigger condition actions enabled version owner { id name } }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowRuns($filter: WorkflowRunFilter, $first: Int!, $after: String) {\n    workflowRuns(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id status version depth error recordType recordId startedAt finishedAt createdAt resumeAt\n          workflow { id name }\n          steps { id index action input output error durationMs attempts }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query WorkflowRuns($filter: WorkflowRunFilter, $first: Int!, $after: String) {\n    workflowRuns(filter: $filter, first: $first, after: $after) {\n      totalCount\n      pageInfo { hasNextPage endCursor }\n      edges {\n        node {\n          id status version depth error recordType recordId startedAt finishedAt createdAt resumeAt\n          workflow { id name }\n          steps { id index action input output error durationMs attempts }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowPeople {\n    users(first: 100, orderBy: [{ field: NAME, direction: ASC }]) { edges { node { id name isActive } } }\n    teams { id name }\n    tags { id name }\n    webhookEndpoints { id url }\n    approvalRules(first: 100) { edges { node { id name enabled } } }\n  }\n"): (typeof documents)["\n  query WorkflowPeople {\n    users(first: 100, orderBy: [{ field: NAME, direction: ASC }]) { edges { node { id name isActive } } }\n    teams { id name }\n    tags { id name }\n    webhookEndpoints { id url }\n    approvalRules(first: 100) { edges { node { id name enabled } } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) { workflow { id version } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation CreateWorkflow($input: CreateWorkflowInput!) {\n    createWorkflow(input: $input) { workflow { id version } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow { id name description objectType trigger condition actions enabled version owner { id name } }\n      errors { field code message params }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateWorkflow($input: UpdateWorkflowInput!) {\n    updateWorkflow(input: $input) {\n      workflow { id name description objectType trigger condition actions enabled version owner { id name } }\n      errors { field code message params }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetWorkflowEnabled($input: SetWorkflowEnabledInput!) {\n    setWorkflowEnabled(input: $input) { workflow { id enabled version } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation SetWorkflowEnabled($input: SetWorkflowEnabledInput!) {\n    setWorkflowEnabled(input: $input) { workflow { id enabled version } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteWorkflow($input: WorkflowIdInput!) {\n    deleteWorkflow(input: $input) { deletedId errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation DeleteWorkflow($input: WorkflowIdInput!) {\n    deleteWorkflow(input: $input) { deletedId errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DryRunWorkflow($input: DryRunWorkflowInput!) {\n    dryRunWorkflow(input: $input) { result { matches steps { index action description error } } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation DryRunWorkflow($input: DryRunWorkflowInput!) {\n    dryRunWorkflow(input: $input) { result { matches steps { index action description error } } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query WorkflowRecordSearch($q: String!, $customer: Boolean!, $contact: Boolean!, $lead: Boolean!, $opportunity: Boolean!, $order: Boolean!, $task: Boolean!) {\n    customers(filter: { search: $q }, first: 10) @include(if: $customer) { edges { node { id name } } }\n    contactsOf: customers(filter: { contact: { name: { contains: $q } } }, first: 10) @include(if: $contact) { edges { node { id name contacts { id name } } } }\n    leads(filter: { name: { contains: $q } }, first: 10) @include(if: $lead) { edges { node { id name } } }\n    opportunities(filter: { title: { contains: $q } }, first: 10) @include(if: $opportunity) { edges { node { id title } } }\n    orders(filter: { number: { contains: $q } }, first: 10) @include(if: $order) { edges { node { id number } } }\n    myTasks(first: 20) @include(if: $task) { edges { node { id title } } }\n  }\n"): (typeof documents)["\n  query WorkflowRecordSearch($q: String!, $customer: Boolean!, $contact: Boolean!, $lead: Boolean!, $opportunity: Boolean!, $order: Boolean!, $task: Boolean!) {\n    customers(filter: { search: $q }, first: 10) @include(if: $customer) { edges { node { id name } } }\n    contactsOf: customers(filter: { contact: { name: { contains: $q } } }, first: 10) @include(if: $contact) { edges { node { id name contacts { id name } } } }\n    leads(filter: { name: { contains: $q } }, first: 10) @include(if: $lead) { edges { node { id name } } }\n    opportunities(filter: { title: { contains: $q } }, first: 10) @include(if: $opportunity) { edges { node { id title } } }\n    orders(filter: { number: { contains: $q } }, first: 10) @include(if: $order) { edges { node { id number } } }\n    myTasks(first: 20) @include(if: $task) { edges { node { id title } } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;