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
    "\n  query UsersAdmin($first: Int!) {\n    users(first: $first) {\n      totalCount\n      edges { node { id name email role isActive team { id name } } }\n    }\n    teams { id name manager { id name } parent { id name } }\n  }\n": typeof types.UsersAdminDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) { user { id email } inviteLink errors { field code message params } }\n  }\n": typeof types.InviteUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { user { id name role team { id name } } errors { field code message params } }\n  }\n": typeof types.UpdateUserDocument,
    "\n  mutation DisableUser($input: IdInput!) {\n    disableUser(input: $input) { user { id isActive } errors { field code message params } }\n  }\n": typeof types.DisableUserDocument,
    "\n  mutation EnableUser($input: IdInput!) {\n    enableUser(input: $input) { user { id isActive } errors { field code message params } }\n  }\n": typeof types.EnableUserDocument,
    "\n  mutation ResetUserPassword($input: IdInput!) {\n    resetUserPassword(input: $input) { user { id } resetLink errors { field code message params } }\n  }\n": typeof types.ResetUserPasswordDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { team { id name } errors { field code message params } }\n  }\n": typeof types.CreateTeamDocument,
    "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) { team { id name manager { id name } parent { id name } } errors { field code message params } }\n  }\n": typeof types.UpdateTeamDocument,
};
const documents: Documents = {
    "\n  query UsersAdmin($first: Int!) {\n    users(first: $first) {\n      totalCount\n      edges { node { id name email role isActive team { id name } } }\n    }\n    teams { id name manager { id name } parent { id name } }\n  }\n": types.UsersAdminDocument,
    "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) { user { id email } inviteLink errors { field code message params } }\n  }\n": types.InviteUserDocument,
    "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { user { id name role team { id name } } errors { field code message params } }\n  }\n": types.UpdateUserDocument,
    "\n  mutation DisableUser($input: IdInput!) {\n    disableUser(input: $input) { user { id isActive } errors { field code message params } }\n  }\n": types.DisableUserDocument,
    "\n  mutation EnableUser($input: IdInput!) {\n    enableUser(input: $input) { user { id isActive } errors { field code message params } }\n  }\n": types.EnableUserDocument,
    "\n  mutation ResetUserPassword($input: IdInput!) {\n    resetUserPassword(input: $input) { user { id } resetLink errors { field code message params } }\n  }\n": types.ResetUserPasswordDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { team { id name } errors { field code message params } }\n  }\n": types.CreateTeamDocument,
    "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) { team { id name manager { id name } parent { id name } } errors { field code message params } }\n  }\n": types.UpdateTeamDocument,
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
export function graphql(source: "\n  query UsersAdmin($first: Int!) {\n    users(first: $first) {\n      totalCount\n      edges { node { id name email role isActive team { id name } } }\n    }\n    teams { id name manager { id name } parent { id name } }\n  }\n"): (typeof documents)["\n  query UsersAdmin($first: Int!) {\n    users(first: $first) {\n      totalCount\n      edges { node { id name email role isActive team { id name } } }\n    }\n    teams { id name manager { id name } parent { id name } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) { user { id email } inviteLink errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation InviteUser($input: InviteUserInput!) {\n    inviteUser(input: $input) { user { id email } inviteLink errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { user { id name role team { id name } } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation UpdateUser($input: UpdateUserInput!) {\n    updateUser(input: $input) { user { id name role team { id name } } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DisableUser($input: IdInput!) {\n    disableUser(input: $input) { user { id isActive } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation DisableUser($input: IdInput!) {\n    disableUser(input: $input) { user { id isActive } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation EnableUser($input: IdInput!) {\n    enableUser(input: $input) { user { id isActive } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation EnableUser($input: IdInput!) {\n    enableUser(input: $input) { user { id isActive } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetUserPassword($input: IdInput!) {\n    resetUserPassword(input: $input) { user { id } resetLink errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation ResetUserPassword($input: IdInput!) {\n    resetUserPassword(input: $input) { user { id } resetLink errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { team { id name } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) { team { id name } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) { team { id name manager { id name } parent { id name } } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) { team { id name manager { id name } parent { id name } } errors { field code message params } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;