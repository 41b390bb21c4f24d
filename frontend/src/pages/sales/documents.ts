import { graphql } from '../../gql';

export const PipelineQuery = graphql(`
  query Pipeline {
    pipelineStages { id name nameEn position probability isWon isLost }
    opportunities(first: 100) {
      totalCount
      edges { node { id title probability expectedCloseDate version amount { amount currency } stage { id } customer { id name } owner { id name } } }
    }
  }
`);

export const MoveOpportunityMutation = graphql(`
  mutation MoveOpportunity($input: MoveOpportunityInput!) {
    moveOpportunity(input: $input) {
      opportunity { id version probability stage { id } lostReason }
      errors { field code message }
    }
  }
`);

export const LeadsQuery = graphql(`
  query Leads($filter: LeadFilter, $first: Int, $after: String) {
    leads(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { id name company phone email source status createdAt owner { id name } } }
    }
  }
`);

export const ConvertLeadMutation = graphql(`
  mutation ConvertLead($input: ConvertLeadInput!) {
    convertLead(input: $input) {
      lead { id status }
      customer { id name }
      opportunity { id title }
      errors { field code message }
    }
  }
`);

export const MyTasksQuery = graphql(`
  query MyTasks($filter: TaskFilter, $first: Int) {
    myTasks(filter: $filter, first: $first) {
      totalCount
      edges { node { id title dueAt priority status isOverdue version customer { id name } } }
    }
  }
`);

export const UpdateTaskMutation = graphql(`
  mutation UpdateTask($input: UpdateTaskInput!) {
    updateTask(input: $input) { task { id status completedAt version } errors { field code message } }
  }
`);

export const PipelineSummaryQuery = graphql(`
  query PipelineSummary {
    pipelineSummary { stage { id name nameEn position } count amounts { amount currency } }
  }
`);
