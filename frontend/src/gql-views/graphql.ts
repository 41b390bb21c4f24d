/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A new saved view of one list, owned by you. */
export type CreateSavedViewInput = {
  /** A UUID chosen by the client (offline creation, retries): sending it again returns the view the first call made instead of a second one. */
  id?: string | number | null | undefined;
  /** Make it your default of this list (your previous default stops being it). */
  isDefault?: boolean;
  /** The list it is of. */
  list: SavedViewList;
  /** 1 to 80 characters; DUPLICATE if you already have a view of that name of this list. */
  name: string;
  /** Show it to the whole workspace: managers and admins only (FORBIDDEN otherwise). */
  shared?: boolean;
  /** The list's state as a JSON object: `q` (search text), `filters` (filter name to a text or a list of texts, as the list names them), `sort` (null, or `{field, direction}` with a sort field such as NAME and ASC or DESC) and `size` (10, 20, 50 or 100 rows a page). Other keys are refused (INVALID on `state.<key>`), and so is a state over 4096 bytes (LIMIT_REACHED). */
  state: unknown;
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

/** A list of the admin app whose state a saved view remembers. */
export type SavedViewList =
  /** The customer list (and the public pool, which shares its filters). */
  | 'CUSTOMERS'
  /** The lead list. */
  | 'LEADS'
  /** The opportunity list and pipeline. */
  | 'OPPORTUNITIES'
  /** The order list. */
  | 'ORDERS'
  /** The shipment queue. */
  | 'SHIPMENTS'
  /** The task list. */
  | 'TASKS';

/** Changes to one of your saved views; omitted fields stay as they are. */
export type UpdateSavedViewInput = {
  /** The version you read: refuse with CONFLICT, and return the view as it is now, if it changed since. */
  expectedVersion?: number | null | undefined;
  /** The view; FORBIDDEN if it is not yours. */
  id: string | number;
  /** true makes it your default of its list; false unmarks it. */
  isDefault?: boolean | null | undefined;
  /** A new name. */
  name?: string | null | undefined;
  /** true shares it with the workspace (managers and admins only); false stops sharing it. */
  shared?: boolean | null | undefined;
  /** A new state. The list's state as a JSON object: `q` (search text), `filters` (filter name to a text or a list of texts, as the list names them), `sort` (null, or `{field, direction}` with a sort field such as NAME and ASC or DESC) and `size` (10, 20, 50 or 100 rows a page). Other keys are refused (INVALID on `state.<key>`), and so is a state over 4096 bytes (LIMIT_REACHED). */
  state?: unknown;
};

export type SavedViewFieldsFragment = { id: string, name: string, list: SavedViewList, state: unknown, shared: boolean, isDefault: boolean, version: number, owner: { id: string, name: string, email: string } | null };

export type CreateSavedViewMutationVariables = Exact<{
  input: CreateSavedViewInput;
}>;


export type CreateSavedViewMutation = { createSavedView: { savedView: { id: string, name: string, list: SavedViewList, state: unknown, shared: boolean, isDefault: boolean, version: number, owner: { id: string, name: string, email: string } | null } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type UpdateSavedViewMutationVariables = Exact<{
  input: UpdateSavedViewInput;
}>;


export type UpdateSavedViewMutation = { updateSavedView: { savedView: { id: string, name: string, list: SavedViewList, state: unknown, shared: boolean, isDefault: boolean, version: number, owner: { id: string, name: string, email: string } | null } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export type DeleteSavedViewMutationVariables = Exact<{
  input: IdInput;
}>;


export type DeleteSavedViewMutation = { deleteSavedView: { savedView: { id: string } | null, errors: Array<{ field: string | null, code: ErrorCode, message: string, params: unknown }> } };

export const SavedViewFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SavedViewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SavedView"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"list"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<SavedViewFieldsFragment, unknown>;
export const CreateSavedViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateSavedView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateSavedViewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createSavedView"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savedView"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SavedViewFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SavedViewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SavedView"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"list"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<CreateSavedViewMutation, CreateSavedViewMutationVariables>;
export const UpdateSavedViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateSavedView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateSavedViewInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateSavedView"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savedView"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SavedViewFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SavedViewFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"SavedView"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"list"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"shared"}},{"kind":"Field","name":{"kind":"Name","value":"isDefault"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]}}]} as unknown as DocumentNode<UpdateSavedViewMutation, UpdateSavedViewMutationVariables>;
export const DeleteSavedViewDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteSavedView"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"IdInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteSavedView"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"savedView"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"params"}}]}}]}}]}}]} as unknown as DocumentNode<DeleteSavedViewMutation, DeleteSavedViewMutationVariables>;