import { graphql } from '../../gql-notify';

// The bell's documents load with its chunk, after the shell has rendered: the first load of
// every route stays as it was.
export const NotificationsQuery = graphql(`
  query Notifications($first: Int!) {
    notifications(first: $first) {
      totalCount
      edges { node { id kind title body read createdAt actor { id name } subject { __typename id } } }
    }
  }
`);

export const MarkNotificationsReadMutation = graphql(`
  mutation MarkNotificationsRead($input: MarkNotificationsReadInput!) {
    markNotificationsRead(input: $input) { marked errors { field code message params } }
  }
`);

export const NotificationsSubscription = graphql(`
  subscription NotificationPushed { notifications { id kind title } }
`);
