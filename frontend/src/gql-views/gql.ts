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
    "\n  fragment SavedViewFields on SavedView {\n    id name list state shared isDefault version\n    owner { id name email }\n  }\n": typeof types.SavedViewFieldsFragmentDoc,
    "\n  mutation CreateSavedView($input: CreateSavedViewInput!) {\n    createSavedView(input: $input) { savedView { ...SavedViewFields } errors { field code message params } }\n  }\n": typeof types.CreateSavedViewDocument,
    "\n  mutation UpdateSavedView($input: UpdateSavedViewInput!) {\n    updateSavedView(input: $input) { savedView { ...SavedViewFields } errors { field code message params } }\n  }\n": typeof types.UpdateSavedViewDocument,
    "\n  mutation DeleteSavedView($input: IdInput!) {\n    deleteSavedView(input: $input) { savedView { id } errors { field code message params } }\n  }\n": typeof types.DeleteSavedViewDocument,
};
const documents: Documents = {
    "\n  fragment SavedViewFields on SavedView {\n    id name list state shared isDefault version\n    owner { id name email }\n  }\n": types.SavedViewFieldsFragmentDoc,
    "\n  mutation CreateSavedView($input: CreateSavedViewInput!) {\n    createSavedView(input: $input) { savedView { ...SavedViewFields } errors { field code message params } }\n  }\n": types.CreateSavedViewDocument,
    "\n  mutation UpdateSavedView($input: UpdateSavedViewInput!) {\n    updateSavedView(input: $input) { savedView { ...SavedViewFields } errors { field code message params } }\n  }\n": types.UpdateSavedViewDocument,
    "\n  mutation DeleteSavedView($input: IdInput!) {\n    deleteSavedView(input: $input) { savedView { id } errors { field code message params } }\n  }\n": types.DeleteSavedViewDocument,
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
export function graphql(source: "\n  fragment SavedViewFields on SavedView {\n    id name list state shared isDefault version\n    owner { id name email }\n  }\n"): (typeof documents)["\n  fragment SavedViewFields on SavedView {\n    id name list state shared isDefault version\n    owner { id name email }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateSavedView($input: CreateSavedViewInput!) {\n    createSavedView(input: $input) { savedView { ...SavedViewFields } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation CreateSavedView($input: CreateSavedViewInput!) {\n    createSavedView(input: $input) { savedView { ...SavedViewFields } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateSavedView($input: UpdateSavedViewInput!) {\n    updateSavedView(input: $input) { savedView { ...SavedViewFields } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation UpdateSavedView($input: UpdateSavedViewInput!) {\n    updateSavedView(input: $input) { savedView { ...SavedViewFields } errors { field code message params } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteSavedView($input: IdInput!) {\n    deleteSavedView(input: $input) { savedView { id } errors { field code message params } }\n  }\n"): (typeof documents)["\n  mutation DeleteSavedView($input: IdInput!) {\n    deleteSavedView(input: $input) { savedView { id } errors { field code message params } }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;