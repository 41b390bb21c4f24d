import { graphql } from '../../gql-workflows';

export const WorkflowsQuery = graphql(`
  query Workflows($first: Int!) {
    workflows(first: $first, orderBy: [{ field: NAME, direction: ASC }]) {
      edges { node { id name description objectType trigger enabled version updatedAt owner { id name } } }
    }
    workflowRuns(first: 100) { edges { node { id status createdAt workflow { id } } } }
  }
`);

export const WorkflowQuery = graphql(`
  query Workflow($id: ID!) {
    node(id: $id) {
      __typename
      ... on Workflow { id name description objectType trigger condition actions enabled version owner { id name } }
    }
  }
`);

export const WorkflowRunsQuery = graphql(`
  query WorkflowRuns($filter: WorkflowRunFilter, $first: Int!, $after: String) {
    workflowRuns(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id status version depth error recordType recordId startedAt finishedAt createdAt resumeAt
          workflow { id name }
          steps { id index action input output error durationMs attempts }
        }
      }
    }
  }
`);

export const WorkflowPeopleQuery = graphql(`
  query WorkflowPeople {
    users(first: 100, orderBy: [{ field: NAME, direction: ASC }]) { edges { node { id name isActive } } }
    teams { id name }
    tags { id name }
    webhookEndpoints { id url }
    approvalRules(first: 100) { edges { node { id name enabled } } }
  }
`);

export const CreateWorkflowMutation = graphql(`
  mutation CreateWorkflow($input: CreateWorkflowInput!) {
    createWorkflow(input: $input) { workflow { id version } errors { field code message params } }
  }
`);

export const UpdateWorkflowMutation = graphql(`
  mutation UpdateWorkflow($input: UpdateWorkflowInput!) {
    updateWorkflow(input: $input) {
      workflow { id name description objectType trigger condition actions enabled version owner { id name } }
      errors { field code message params }
    }
  }
`);

export const SetWorkflowEnabledMutation = graphql(`
  mutation SetWorkflowEnabled($input: SetWorkflowEnabledInput!) {
    setWorkflowEnabled(input: $input) { workflow { id enabled version } errors { field code message params } }
  }
`);

export const DeleteWorkflowMutation = graphql(`
  mutation DeleteWorkflow($input: WorkflowIdInput!) {
    deleteWorkflow(input: $input) { deletedId errors { field code message params } }
  }
`);

export const DryRunWorkflowMutation = graphql(`
  mutation DryRunWorkflow($input: DryRunWorkflowInput!) {
    dryRunWorkflow(input: $input) { result { matches steps { index action description error } } errors { field code message params } }
  }
`);

export const RecordSearchQuery = graphql(`
  query WorkflowRecordSearch($q: String!, $customer: Boolean!, $contact: Boolean!, $lead: Boolean!, $opportunity: Boolean!, $order: Boolean!, $task: Boolean!) {
    customers(filter: { search: $q }, first: 10) @include(if: $customer) { edges { node { id name } } }
    contactsOf: customers(filter: { contact: { name: { contains: $q } } }, first: 10) @include(if: $contact) { edges { node { id name contacts { id name } } } }
    leads(filter: { name: { contains: $q } }, first: 10) @include(if: $lead) { edges { node { id name } } }
    opportunities(filter: { title: { contains: $q } }, first: 10) @include(if: $opportunity) { edges { node { id title } } }
    orders(filter: { number: { contains: $q } }, first: 10) @include(if: $order) { edges { node { id number } } }
    myTasks(first: 20) @include(if: $task) { edges { node { id title } } }
  }
`);
