import { graphql } from '../../gql-workflows';

export const WorkflowsQuery = graphql(`
  query Workflows {
    workflows(first: 100) { edges { node { id name description objectType enabled version updatedAt owner { name } } } }
  }
`);

export const WorkflowRunsQuery = graphql(`
  query WorkflowRuns($filter: WorkflowRunFilter) {
    workflowRuns(first: 50, filter: $filter) {
      edges { node { id status version depth error recordType createdAt finishedAt workflow { name } steps { id index action error attempts durationMs } } }
    }
  }
`);

export const SetWorkflowEnabledMutation = graphql(`
  mutation SetWorkflowEnabled($input: SetWorkflowEnabledInput!) {
    setWorkflowEnabled(input: $input) { workflow { id enabled } errors { field code message params } }
  }
`);
