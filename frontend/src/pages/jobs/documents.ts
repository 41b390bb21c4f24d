import { graphql } from '../../gql-jobs';

export const JobsQuery = graphql(`
  query Jobs($filter: JobFilter, $first: Int!, $after: String) {
    jobs(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id taskName status attempts scheduledAt startedAt finishedAt lastError } }
    }
  }
`);

export const RetryJobMutation = graphql(`
  mutation RetryJob($input: RetryJobInput!) {
    retryJob(input: $input) { job { id status } errors { field code message params } }
  }
`);
