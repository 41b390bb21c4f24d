import { graphql } from '../../gql-views';

export const SavedViewFields = graphql(`
  fragment SavedViewFields on SavedView {
    id name list state shared isDefault version
    owner { id name email }
  }
`);

export const CreateSavedViewMutation = graphql(`
  mutation CreateSavedView($input: CreateSavedViewInput!) {
    createSavedView(input: $input) { savedView { ...SavedViewFields } errors { field code message params } }
  }
`);

export const UpdateSavedViewMutation = graphql(`
  mutation UpdateSavedView($input: UpdateSavedViewInput!) {
    updateSavedView(input: $input) { savedView { ...SavedViewFields } errors { field code message params } }
  }
`);

export const DeleteSavedViewMutation = graphql(`
  mutation DeleteSavedView($input: IdInput!) {
    deleteSavedView(input: $input) { savedView { id } errors { field code message params } }
  }
`);
